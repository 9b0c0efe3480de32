"""`while` loops lowered as `if test: do body while test` and conditions with `and`,
`or` and `not` lowered as jumps (backend/lower_stmts.py stmt_While, lower_exprs.py
branch_on): the test is emitted twice, so `continue`, `break`, a test that raises and
nested loops must still behave as CPython runs them, which these differential tests
check over many inputs."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import build_and_load, cli
from proof_support import outcome, python_kernels

SOURCE = """
import numpy as np
from aot_tool import CC
cc = CC('wrot')

@cc.export('skip_sum', 'i8(i8[:], i8)')
def skip_sum(x, stop):
    i = 0
    s = 0
    while i < len(x) and x[i] != stop:
        i += 1
        if x[i - 1] % 3 == 0:
            continue                 # back to the test at the loop's end
        if not (x[i - 1] < 50 or x[i - 1] > 90):
            break
        s += x[i - 1]
    return s * 1000 + i

@cc.export('scan_past_end', 'i8(f8[:], f8)')
def scan_past_end(x, limit):
    j = 0
    while x[j] < limit:              # IndexError from the test itself, at the end
        j += 1
    return j

@cc.export('nested', 'i8(i8, i8)')
def nested(n, m):
    total = 0
    a = 0
    while a < n:
        b = a
        while not b >= m and (b + a) % 7 != 6:
            total += b
            b += 1
        a += 1
    return total

@cc.export('sort_desc', 'void(f8[:])')
def sort_desc(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] < key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key

@cc.export('pick', 'i8(i8, i8, b1)')
def pick(p, q, flag):
    r = p if (p > q and not flag) or q == 0 else q
    if p > 0 and q > 0 or flag and not p:
        r += 100
    return r
"""

PY = python_kernels(SOURCE, "wrot")


@pytest.fixture(scope="module")
def wrot(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("wrot"), "wrot", SOURCE)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=st.lists(st.integers(0, 100), max_size=12), stop=st.integers(0, 100))
def test_continue_and_break_in_a_rotated_loop(wrot, x, stop):
    a = np.array(x, dtype=np.int64)
    assert wrot.skip_sum(a, stop) == PY["skip_sum"](a, stop)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=st.lists(st.floats(-5, 5), max_size=8), limit=st.floats(-6, 6))
def test_a_test_that_raises_at_the_end(wrot, x, limit):
    a = np.array(x, dtype=np.float64)
    assert outcome(wrot.scan_past_end, a, limit) == outcome(PY["scan_past_end"], a, limit)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(-2, 30), m=st.integers(-2, 30))
def test_nested_while_loops_with_not_and_and(wrot, n, m):
    assert wrot.nested(n, m) == PY["nested"](n, m)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=st.lists(st.floats(-1e6, 1e6) | st.just(float("nan")), max_size=20))
def test_insertion_sort_descending(wrot, x):
    got, want = np.array(x, dtype=np.float64), np.array(x, dtype=np.float64)
    wrot.sort_desc(got)
    PY["sort_desc"](want)
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("p", [-1, 0, 3])
@pytest.mark.parametrize("q", [0, 2, 5])
@pytest.mark.parametrize("flag", [False, True])
def test_conditions_as_jumps_in_if_and_ifexp(wrot, p, q, flag):
    assert wrot.pick(p, q, flag) == PY["pick"](p, q, flag)


def test_the_inner_loop_of_insertion_sort_tests_once_per_step(tmp_path):
    """The rotated inner loop of the C-contiguous variant compares a[j] once per step,
    in the loop, and once in its guard: two float compares in the function, where the
    loop LLVM rotated itself from a test at the top had the outer loop unrolled twice
    and four."""
    src = tmp_path / "wrot.py"
    src.write_text(SOURCE)
    asm = cli("show", str(src), "sort_desc", "--stage", "asm", "--isa", "baseline").stdout
    contiguous = asm.split("sort_desc.a1Cf8:")[1].split(".Lfunc_end")[0]
    assert contiguous.count("ucomisd") == 2, contiguous
