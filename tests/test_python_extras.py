"""Builtins and math functions numba 0.68 lacks, compiled with CPython's semantics:
reversed() of ranges, 1-d arrays, tuples, lists and str; any()/all() of those;
math.isclose (rel_tol=/abs_tol=), math.comb and math.factorial (OverflowError where
CPython's result would not fit in int64); and, beyond numba, np.unique's
return_index=/return_inverse=/return_counts=; sorted(array, reverse=True), which numba
has.  Each against CPython/NumPy over hypothesis-drawn inputs."""

import math
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from conftest import build_and_load, cli

SOURCE = '''
import math
import numpy as np
from numba.pycc import CC

cc = CC('extras_mod')


@cc.export('rev_range', 'i8(i8, i8, i8)')
def rev_range(a, b, s):
    t = 0
    for i in reversed(range(a, b, s)):
        t = (t * 7 + i) % 1000003
    return t


@cc.export('rev_array', 'f8(f8[:])')
def rev_array(a):
    t = 0.0
    for v in reversed(a):
        t = t * 0.5 + v
    return t


@cc.export('rev_list', 'ListType(i8)(i8)')
def rev_list(n):
    squares = [i * i for i in range(n)]
    out = [0 for _ in range(0)]
    for v in reversed(squares):
        out.append(v)
    return out


@cc.export('rev_str', 'unicode_type(unicode_type)')
def rev_str(s):
    out = ''
    for c in reversed(s):
        out += c
    return out


@cc.export('rev_tuple', 'i8(UniTuple(i8, 3))')
def rev_tuple(t):
    r = 0
    for i, v in enumerate(reversed(t)):
        r += (i + 1) * v
    return r


@cc.export('rev_zip', 'f8(f8[:], f8[:])')
def rev_zip(a, b):
    s = 0.0
    for x, y in zip(reversed(a), b):
        s = s * 2.0 + x * y
    return s


@cc.export('rev_iter', 'i8(i8)')
def rev_iter(n):
    it = iter(reversed(range(n)))
    first = next(it)
    s = 0
    for v in it:
        s += v
    return first * 1000 + s


@cc.export('any_f8', 'b1(f8[:])')
def any_f8(a):
    return any(a)


@cc.export('all_f8', 'b1(f8[:])')
def all_f8(a):
    return all(a)


@cc.export('any_all_tuple', 'UniTuple(b1, 2)(i8, f8)')
def any_all_tuple(a, x):
    return any((a, x, False)), all((a, x, True))


@cc.export('all_list', 'b1(i8)')
def all_list(n):
    return all([i % 3 for i in range(1, n)])


@cc.export('any_range', 'b1(i8, i8)')
def any_range(a, b):
    return any(range(a, b)) and not all(reversed(range(a, b)))


@cc.export('isclose', 'b1(f8, f8)')
def isclose(a, b):
    return math.isclose(a, b)


@cc.export('isclose_tol', 'b1(f8, f8, f8, f8)')
def isclose_tol(a, b, r, t):
    return math.isclose(a, b, rel_tol=r, abs_tol=t)


@cc.export('isclose_mixed', 'b1(i8, f4)')
def isclose_mixed(a, b):
    return math.isclose(a, b, abs_tol=0.25)


@cc.export('comb', 'i8(i8, i8)')
def comb(n, k):
    return math.comb(n, k)


@cc.export('comb_u8', 'i8(u8, u8)')
def comb_u8(n, k):
    return math.comb(n, k)


@cc.export('factorial', 'i8(i8)')
def factorial(n):
    return math.factorial(n)


@cc.export('sorted_desc', 'ListType(f8)(f8[:])')
def sorted_desc(a):
    return sorted(a, reverse=True)


@cc.export('sorted_desc_i4', 'ListType(i4)(i4[:])')
def sorted_desc_i4(a):
    return sorted(a[::-2], reverse=True)


@cc.export('unique_counts', 'Tuple((i8[:], i8[:]))(i8[:, :])')
def unique_counts(a):
    u, c = np.unique(a, return_counts=True)
    return u, c


@cc.export('show', 'i8(f4, i8, f8[:], unicode_type)')
def show(x, y, a, s):
    print('v:', x, y, a, (1, 2), True, None, 1 + 2j, s)
    print()
    print(y, s + '!', sep='--', end='|\\n')
    for i in range(2):
        print([i, i + 1], {i: 1.5}, a[i:], a[0] > 0, (1.5, 2.5))
    return y


@cc.export('slice_store', 'ListType(i8)(ListType(i8), ListType(i8), i8, i8)')
def slice_store(dst, src, a, b):
    out = dst[:]
    out[a:b] = src
    out[a:] = [len(out)] + out[a:]
    return out


@cc.export('slice_store_step', 'ListType(i8)(ListType(i8), ListType(i8), i8)')
def slice_store_step(dst, src, step):
    dst[::step] = src          # into the caller's list, as CPython
    return dst


@cc.export('unique_all', 'Tuple((f8[:], i8[:], i8[:], i8[:]))(f8[:])')
def unique_all(a):
    return np.unique(a, return_index=True, return_inverse=True, return_counts=True)
'''


@pytest.fixture(scope="module")
def m(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("extras"), "extras_mod", SOURCE)


def outcome(fn, *args):
    try:
        return ("ok", fn(*args))
    except Exception as exc:  # noqa: BLE001 - the exception is the outcome compared
        return ("raised", type(exc), str(exc))


SMALL = st.integers(-30, 30)
FLOATS = st.floats(allow_nan=True, allow_infinity=True, width=64)
VECTORS = st.lists(st.floats(-1e6, 1e6) | st.sampled_from([0.0, -0.0, math.nan]), max_size=12).map(np.array)


def _plain(value):
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, np.ndarray):
        return (value.dtype.str, value.shape, value.tolist())
    return value.item() if isinstance(value, np.generic) else value


def agree(got_fn, ref_fn, *args):
    got, want = outcome(got_fn, *args), outcome(ref_fn, *args)
    if got[0] == "ok" and want[0] == "ok":
        g, w = _plain(got[1]), _plain(want[1])
        assert repr(g) == repr(w), (args, g, w)
        assert type(g) is type(w), (args, got, want)
    else:
        assert got[:2] == want[:2], (args, got, want)


def _ref(name):
    ns = {"math": math, "np": np}

    class CC:
        def __init__(self, *a):
            pass

        def export(self, *a):
            return lambda f: f
    ns["CC"] = CC
    exec(SOURCE.replace("from numba.pycc import CC", ""), ns)
    return ns[name]


@settings(max_examples=150, deadline=None)
@given(SMALL, SMALL, st.integers(-5, 5).filter(bool))
def test_reversed_range(m, a, b, s):
    agree(m.rev_range, _ref("rev_range"), a, b, s)


@settings(max_examples=80, deadline=None)
@given(VECTORS, st.integers(1, 3))
def test_reversed_array_and_zip(m, a, step):
    agree(m.rev_array, _ref("rev_array"), a)
    agree(m.rev_array, _ref("rev_array"), a[::step])
    agree(m.rev_zip, _ref("rev_zip"), a, a[::-step])


def test_reversed_list_str_tuple_iter(m):
    for n in range(6):
        assert m.rev_list(n) == _ref("rev_list")(n)
    for s in ("", "a", "héllo", "日本語x"):
        assert m.rev_str(s) == s[::-1]
    assert m.rev_tuple((1, 2, 3)) == _ref("rev_tuple")((1, 2, 3)) == 3 + 4 + 3
    for n in range(1, 6):
        assert m.rev_iter(n) == _ref("rev_iter")(n)
    agree(m.rev_iter, _ref("rev_iter"), 0)          # StopIteration, as CPython


@settings(max_examples=100, deadline=None)
@given(VECTORS)
def test_any_all_arrays(m, a):
    agree(m.any_f8, any, a)
    agree(m.all_f8, all, a)


def test_any_all_tuples_lists_ranges(m):
    for a in (-1, 0, 2):
        for x in (0.0, -0.0, math.nan, 1.5):
            assert m.any_all_tuple(a, x) == _ref("any_all_tuple")(a, x)
    for n in range(8):
        assert m.all_list(n) == _ref("all_list")(n)
    for a in range(-3, 3):
        for b in range(-3, 4):
            assert m.any_range(a, b) == _ref("any_range")(a, b)


@settings(max_examples=300, deadline=None)
@given(FLOATS, FLOATS | st.just(1.0), st.floats(0, 1), st.floats(0, 10))
def test_isclose(m, a, b, rel, tiny):
    agree(m.isclose, math.isclose, a, b)
    agree(m.isclose, math.isclose, a, a * (1 + 1e-10))
    agree(m.isclose_tol, lambda *v: math.isclose(v[0], v[1], rel_tol=v[2], abs_tol=v[3]), a, b, rel, tiny)


def test_isclose_errors_and_mixed(m):
    ref = lambda *v: math.isclose(v[0], v[1], rel_tol=v[2], abs_tol=v[3])  # noqa: E731
    for r, t in ((-1e-9, 0.0), (0.0, -1.0), (math.nan, 0.0)):
        agree(m.isclose_tol, ref, 1.0, 1.0, r, t)
    for a, b in ((3, 3.2), (3, 3.3), (0, -0.2), (2**60, float(2**60))):
        assert m.isclose_mixed(a, b) == math.isclose(a, float(np.float32(b)), abs_tol=0.25)


@settings(max_examples=300, deadline=None)
@given(st.integers(-3, 70), st.integers(-3, 70))
def test_comb(m, n, k):
    want = outcome(math.comb, n, k)
    if want[0] == "ok" and want[1] >= 2**63:
        assert outcome(m.comb, n, k)[:2] == ("raised", OverflowError)
    else:
        agree(m.comb, math.comb, n, k)


def test_comb_edges(m):
    for n, k in ((2**63 - 1, 1), (2**63 - 1, 2**63 - 1), (2**63 - 1, 2**63 - 2), (2**32, 2), (2**33, 2),
                 (3037000500, 2), (4294967296, 2), (66, 33), (67, 33), (1000, 3), (1000, 997), (10**6, 4)):
        want = math.comb(n, k)
        got = outcome(m.comb, n, k)
        assert got == ("ok", want) if want < 2**63 else got[:2] == ("raised", OverflowError), (n, k, got)
    assert m.comb_u8(2**64 - 1, 0) == 1 and m.comb_u8(2**64 - 1, 2**64 - 1) == 1
    assert outcome(m.comb_u8, 2**64 - 1, 1)[:2] == ("raised", OverflowError)


def test_factorial(m):
    for n in range(21):
        assert m.factorial(n) == math.factorial(n)
    assert outcome(m.factorial, 21)[:2] == ("raised", OverflowError)
    assert outcome(m.factorial, 2**62)[:2] == ("raised", OverflowError)
    agree(m.factorial, math.factorial, -1)                 # ValueError, CPython's message


@settings(max_examples=150, deadline=None)
@given(VECTORS)
def test_sorted_reverse(m, a):
    # CPython's sorted(a, reverse=True) of the array's items (ties and nan where CPython puts them)
    assert repr(m.sorted_desc(a)) == repr(sorted(a.tolist(), reverse=True))
    ints = a[np.isfinite(a)].astype(np.int32)
    assert m.sorted_desc_i4(ints) == sorted(ints[::-2].tolist(), reverse=True)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-3, 3), max_size=12), st.sampled_from([1, 2, 3]))
def test_unique_flags(m, items, cols):
    a = np.array(items[:len(items) // cols * cols], dtype=np.int64).reshape(-1, cols)
    agree(m.unique_counts, lambda x: np.unique(x, return_counts=True), a)
    f = np.array(items, dtype=np.float64)
    f[f == 3] = np.nan
    agree(m.unique_all, lambda x: np.unique(x, return_index=True, return_inverse=True, return_counts=True), f)


def test_print_writes_what_cpython_writes(m, capsys):
    args = (np.float32(0.1), 3, np.arange(3.0), 'héllo, w|x')
    assert m.show(*args) == 3
    got = capsys.readouterr().out
    _ref("show")(float(args[0]), *args[1:])     # numba prints a float32 as the double it is
    assert got == capsys.readouterr().out


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-9, 9), max_size=8), st.lists(st.integers(-9, 9), max_size=5),
       st.integers(-10, 10), st.integers(-10, 10), st.integers(-3, 3).filter(bool))
def test_list_slice_assignment(m, dst, src, a, b, step):
    agree(m.slice_store, _ref("slice_store"), list(dst), list(src), a, b)
    mine, theirs = list(dst), list(dst)
    agree(lambda *v: (m.slice_store_step(mine, *v), mine), lambda *v: (_ref("slice_store_step")(theirs, *v), theirs),
          src, step)


def test_list_slice_assignment_keeps_references(m):
    import sys
    src = [10**20 // 10**10 + 1, 5]
    before = [sys.getrefcount(v) for v in src] + [sys.getrefcount(src)]
    for _ in range(200):
        m.slice_store([1, 2, 3], src, 1, 2)
    assert [sys.getrefcount(v) for v in src] + [sys.getrefcount(src)] == before


ERRORS = [
    ("x = [a]; x[0:1] = 2.5\n    return x[0]", "f8", "a slice of list(float64) takes a list(float64), not float64",
     "2.5"),
    ("print(a, file=None)\n    return a", "f8", "print(): file= is not supported", "print"),
    ("for v in reversed(zip(a, a)):\n        pass", "f8[:]", "'zip' object is not reversible", "zip(a, a)"),
    ("for v in reversed(a):\n        pass", "f8[:, :]", "reversed() takes a range, a 1-d array", "a)"),
    ("return any(a)", "f8[:, :]", "any() of a 2-d array asks each row", "a)"),
    ("return math.isclose(a, 1.0, 1e-3)", "f8", "isclose() takes exactly 2 positional arguments (3 given)",
     "math.isclose"),
    ("return math.isclose(a, 1.0, tol=1e-3)", "f8", "unexpected keyword argument 'tol'", "math.isclose"),
    ("return math.factorial(a)", "f8", "'float64' object cannot be interpreted as an integer", "a)"),
    ("return math.comb(a, 2.0)", "i8", "'float64' object cannot be interpreted as an integer", "2.0"),
    ("return np.unique(a, return_inverse=True)[1]", "f8[:, :]", "takes a 1-d array here", "np.unique"),
    ("return np.unique(a, axis=0)", "f8[:]", "axis= is not supported", "axis"),
]


@pytest.mark.parametrize("body,arg,phrase,caret", ERRORS, ids=[e[2][:30] for e in ERRORS])
def test_located_errors(tmp_path, body, arg, phrase, caret):
    src = tmp_path / "bad.py"
    src.write_text("import math\nimport numpy as np\nfrom numba.pycc import CC\ncc = CC('bad')\n\n\n"
                   f"@cc.export('f', 'f8({arg})')\ndef f(a):\n    {body}\n")
    proc = cli("build", src, "-o", tmp_path / "out")
    assert proc.returncode == 1, proc.stderr
    first, line, marks = proc.stderr.splitlines()[:3]
    assert first.startswith(f"{src}:9:") and phrase in first, proc.stderr
    assert line[marks.index("^"):].startswith(caret), proc.stderr
