"""What the fuzzers of issue 16 found (tests/fuzz/): a tuple indexed at run time inside
a loop, and a tuple or f-string boxed inside one, grew the stack on every iteration
until the process crashed; `x in list` cast x
to the items' type first (`1.5 in [1, 2]` was True); a constant tuple of thousands of
items took minutes to optimise, and a block of thousands of additions minutes to
turn into machine code."""

from __future__ import annotations

import pytest

from conftest import build_and_load, run_python

SOURCE = """
from aot_tool import CC
cc = CC('fuzzfound')
T = (1.0, 2.0, 3.0, 4.0, 5.0)
BIG = (%s)

@cc.export('const_index', 'f8(i8)')
def const_index(n):
    s = 0.0
    for i in range(n):
        s += T[i %% 5]
    return s

@cc.export('made_index', 'f8(i8, f8)')
def made_index(n, x):
    s = 0.0
    for i in range(n):
        u = (x, x + 1.0, x + 2.0)
        s += u[i %% 3]
    return s

@cc.export('tuples_append', 'i8(i8)')
def tuples_append(n):
    ps = []
    for i in range(n):
        ps.append((i, i))
    t = 0
    for i, j in ps:
        t += i - j + 1
    return t

@cc.export('pairs', 'i8(i8)')
def pairs(n):
    ps = [(i, j) for i in range(n) for j in range(i) if (i + j) %% 3 == 0]
    return len(ps)

@cc.export('fstrings', 'i8(i8)')
def fstrings(n):
    t = 0
    for i in range(n):
        t += len(f"{i}-{i}")
    return t

@cc.export('big_sum', 'f8(i8)')
def big_sum(i):
    s = 0.0
    for v in BIG:
        s += v
    return s + BIG[i]

@cc.export('float_in_ints', 'b1(i8[:], f8)')
def float_in_ints(a, x):
    return x in [v for v in a]

@cc.export('float_in_keys', 'b1(f8)')
def float_in_keys(x):
    return x in {1: 2.0, 3: 4.0}

@cc.export('float_in_set', 'b1(f8)')
def float_in_set(x):
    return x in {1, 2, 3}

@cc.export('int_in_floats', 'b1(i8)')
def int_in_floats(x):
    return x in [1.0, 2.5]

@cc.export('uint_in_ints', 'b1(u8)')
def uint_in_ints(x):
    return x in [1, -1]

@cc.export('float_as_int', 'i8(f8)')
def float_as_int(x):
    return x * 1.0

@cc.export('chains', 'f8(f8)')
def chains(x):
    s = 0.0
%s
    return s
""" % (", ".join(f"{i}.5" for i in range(5000)),
       "\n".join("    s = s + " + " + ".join(["x"] * 150) for _ in range(20)))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzzfound")
    return path, build_and_load(path, "fuzzfound", SOURCE)


def test_a_tuple_indexed_in_a_long_loop_does_not_grow_the_stack(built):
    path, _ = built        # it crashed: run it in its own process
    proc = run_python("import fuzzfound\n"
                      "print(fuzzfound.const_index(3_000_000), fuzzfound.made_index(3_000_000, 1.0))", path)
    assert proc.stdout.split() == ["9000000.0", "6000000.0"]


def test_boxing_in_a_long_loop_does_not_grow_the_stack(built):
    path, _ = built        # a slot per boxed tuple or f-string part: a crash after ~10^6
    proc = run_python("import fuzzfound as m\n"
                      "print(m.tuples_append(2_000_000), m.pairs(3000), m.fstrings(2_000_000))", path)
    pairs = len([(i, j) for i in range(3000) for j in range(i) if (i + j) % 3 == 0])
    assert proc.stdout.split() == ["2000000", str(pairs), str(sum(len(f"{i}-{i}") for i in range(2_000_000)))]


def test_a_big_constant_tuple(built):
    _, m = built
    assert m.big_sum(-1) == sum(i + 0.5 for i in range(5000)) + 4999.5


def test_membership_compares_as_python_does(built):
    import numpy as np
    _, m = built
    a = np.array([1, 2, 3])
    assert (m.float_in_ints(a, 1.5), m.float_in_ints(a, 2.0)) == (False, True)
    assert (m.float_in_keys(1.5), m.float_in_keys(3.0)) == (False, True)
    assert (m.float_in_set(2.5), m.float_in_set(2.0)) == (False, True)
    assert (m.int_in_floats(1), m.int_in_floats(2)) == (True, False)
    assert (m.uint_in_ints(2 ** 64 - 1), m.uint_in_ints(1)) == (False, True)


def test_a_prange_reduction_that_may_start_unassigned_is_refused(tmp_path):
    from conftest import cli
    (tmp_path / "red.py").write_text(
        "from aot_tool import CC\nfrom numba import njit, prange\ncc = CC('red')\n\n"
        "@cc.export('total', 'f8(f8[:])')\n@njit(parallel=True)\ndef total(x):\n"
        "    for i in prange(x.shape[0]):\n        s += x[i]\n    s = 0.0\n    return s\n")
    proc = cli("build", tmp_path / "red.py", "-o", tmp_path)
    assert proc.returncode == 1, proc.stderr      # it returned a made-up 0.0
    assert proc.stderr.startswith("red.py:9:9: error: the reduction variable 's' may be used before it is "
                                  "assigned") or ":9:9: error: the reduction variable 's'" in proc.stderr


def test_a_basic_block_of_thousands_of_instructions(built):
    _, m = built           # machine code by LLVM's -O0 code generator (emit.py): linear time
    assert m.chains(0.5) == 20 * 150 * 0.5


def test_a_lambda_bound_to_a_parameter_name_is_refused(tmp_path):
    from conftest import cli
    (tmp_path / "lam.py").write_text(
        "import math\nfrom aot_tool import CC\ncc = CC('lam')\n\n"
        "@cc.export('classify', 'i8(f8)')\ndef classify(x):\n    x = lambda q: q\n"
        "    if math.isfinite(x):\n        return 2\n    return 3\n")
    proc = cli("build", tmp_path / "lam.py", "-o", tmp_path)
    assert proc.returncode == 1, proc.stderr       # it returned 2, reading the argument
    assert "lam.py:7:9: error: 'x' is a parameter; an inner function or lambda needs a name of its own" \
        in proc.stderr


def test_a_float_returned_as_an_integer_converts_as_int_does(built):
    import math
    _, m = built           # nan gave a different number on every build (C's conversion is undefined)
    assert (m.float_as_int(2.7), m.float_as_int(-2.7), m.float_as_int(-2.0 ** 63)) == (2, -2, -2 ** 63)
    for bad in (math.nan, math.inf, -math.inf, 2.0 ** 63, -1e19):
        with pytest.raises(OverflowError, match="cannot convert float infinity, NaN or a value beyond int64"):
            m.float_as_int(bad)
