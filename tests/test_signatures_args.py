"""Tuple, optional and none arguments, parameters with defaults and keyword arguments:
at the exported function's boundary (a real build, a real import, real calls) and
between compiled functions.  Every binding error is compared with what CPython
raises for the same plain-Python function."""

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from conftest import build_and_load, cli

SOURCE = '''
import numpy as np
from aot_tool import CC

cc = CC('sigargs')


@cc.export('norm3', 'f8(UniTuple(f8, 3))')
def norm3(v):
    s = 0.0
    for c in v:
        s += c * c
    return math.sqrt(s)


@cc.export('pair', 'f8(Tuple((i8, f8)))')
def pair(p):
    n, x = p
    return n * x + p[0]


@cc.export('nested', 'i8(Tuple((i8, UniTuple(i8, 2))))')
def nested(p):
    a = p[0]
    b, c = p[1]
    return a + b * c


def dot3(u, v):
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]


@cc.export('cosine', 'f8(UniTuple(f8, 3), UniTuple(f8, 3))')
def cosine(u, v):
    return dot3(u, v) / math.sqrt(dot3(u, u) * dot3(v, v))


@cc.export('pick', 'i8(UniTuple(i8, 4), i8)')
def pick(t, i):
    return t[i]


@cc.export('swap', 'Tuple((f8, i8))(Tuple((i8, f8)))')
def swap(p):
    return p[1], p[0]


@cc.export('swap_arrays', 'Tuple((f8[:], f8[:]))(Tuple((f8[:], f8[:])))')
def swap_arrays(p):
    a, b = p
    return b, a


@cc.export('same_pair', 'Tuple((f8[:], i8))(Tuple((f8[:], i8)))')
def same_pair(p):
    return p


@cc.export('fill_pair', 'void(Tuple((f8[:], f8)))')
def fill_pair(p):
    a, v = p
    for i in range(len(a)):
        a[i] = v


def pair_total(p):
    (a, b), n = p
    return a.sum() * n + b.sum()


def fill_first(p, v):
    a, n = p
    for i in range(n):
        a[i] = v


@cc.export('pass_pairs', 'f8(Tuple((f8[:], f8[:])))')
def pass_pairs(p):
    return pair_total((p, 1)) + pair_total(((np.ones(3), p[0]), 2)) + pair_total(((p[1], np.zeros(2)), 3))


@cc.export('fill_via_helper', 'void(f8[:], f8)')
def fill_via_helper(a, v):
    fill_first((a, len(a)), v)


@cc.export('item_at', 'f8(Tuple((f8[:], i8)))')
def item_at(p):
    return p[0][p[1]]


@cc.export('psum', 'i8(UniTuple(i8, 2))')
@cc.export('psum', 'f8(UniTuple(f8, 2))')
@cc.export('psum', 'f8(UniTuple(f8, 3))')
def psum(t):
    s = t[0]
    for v in t:
        s += v
    return s - t[0]


@cc.export('opt', 'f8(optional(f8))')
def opt(x):
    if x is None:
        return -1.0
    return x * 2


@cc.export('scaled', 'f8(f8, optional(f8))')
def scaled(x, scale):
    if scale is not None:
        return x * scale
    return x


@cc.export('unwrap', 'f8(optional(f8))')
def unwrap(x):
    return x + 1.0


@cc.export('maybe', 'optional(f8)(f8)')
def maybe(x):
    if x > 0:
        return x
    return None


@cc.export('isnone', 'b1(none)')
def isnone(x):
    return x is None


def shift(x, by=None):
    if by is None:
        return x
    return x + by


def shifted(x, by=None):
    return x if by is None else x + by


def first_positive(a, b):
    found = None
    if a > 0:
        found = a
    elif b > 0:
        found = b
    if found is None:
        return 0.0
    return found


@cc.export('helpers_none', 'f8(f8, f8)')
def helpers_none(a, b):
    return shift(a) + shift(a, b) + shift(a, by=2.0) + first_positive(a, b) + shifted(a) + shifted(a, by=b)


@cc.export('pass_opt', 'f8(optional(f8))')
def pass_opt(x):
    return scaled(3.0, x)


@cc.export('solve', 'f8(f8, f8, i8)')
def solve(x, tol=1e-3, n=10):
    return x + tol * n


@cc.export('bounds', 'UniTuple(f8, 2)(f8, UniTuple(f8, 2))')
def bounds(x, box=(0.0, 1.0)):
    return min(max(x, box[0]), box[1]), box[1] - box[0]


@cc.export('clip', 'f8(f8, optional(f8))')
def clip(x, hi=None):
    if hi is None:
        return x
    return min(x, hi)


def series(x, n=10, tol=1e-12, sign=1):
    s = 0.0
    term = 1.0
    for k in range(n):
        if abs(term) < tol:
            break
        s += sign * term
        term *= x / (k + 1)
    return s


def tolerant(x, tol=None):
    if tol is None:
        tol = 1e-3
    if tol is None:
        return -1.0
    return x + tol


def filled(n, out=None):
    if out is None:
        out = np.zeros(n)
    for i in range(n):
        out[i] += i
    return out


@cc.export('replaced_none', 'f8(f8, i8)')
def replaced_none(x, n):
    buf = np.ones(n)
    filled(n, buf)
    return tolerant(x) + tolerant(x, 1.0) + filled(n).sum() + buf.sum()


@cc.export('helpers_kw', 'f8(f8)')
def helpers_kw(x):
    return series(x) + series(x, 5) + series(x, n=3) + series(x, tol=0.5, n=4) + series(n=2, x=x, sign=-1)


@cc.export('scale', 'f8[:](f8[:], f8)')
@cc.export('scale', 'i8[:](i8[:], i8)')
def scale(a, k=2):
    out = a.copy()
    for i in range(len(a)):
        out[i] = a[i] * k
    return out
'''.replace("import numpy as np", "import math\nimport numpy as np")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    directory = tmp_path_factory.mktemp("sigargs")
    return directory, build_and_load(directory, "sigargs", SOURCE)


@pytest.fixture(scope="module")
def m(built):
    return built[1]


@pytest.fixture(scope="module")
def py():
    """The same source run by CPython: aot_tool's CC hands the functions back unchanged."""
    ns = {}
    exec(compile(SOURCE, "sigargs_src.py", "exec"), ns)
    return ns


def outcome(f, *args, **kwargs):
    try:
        return ("ok", f(*args, **kwargs))
    except Exception as e:  # the exception's type and message are the result
        return (type(e).__name__, str(e))


# -- tuples --

def test_tuple_arguments(m, py):
    assert m.norm3((1.0, 2.0, 2.0)) == 3.0
    assert m.norm3((1, 2, 2)) == 3.0                    # ints where floats are due, as in Python
    assert m.pair((3, 1.5)) == py["pair"]((3, 1.5))
    assert m.nested((1, (2, 3))) == 7
    assert m.cosine((1.0, 0.0, 0.0), (1.0, 1.0, 0.0)) == pytest.approx(py["cosine"]((1.0, 0, 0), (1.0, 1, 0)))
    assert [m.pick((5, 6, 7, 8), i) for i in range(-4, 4)] == [(5, 6, 7, 8)[i] for i in range(-4, 4)]
    assert m.swap((2, 0.5)) == (0.5, 2)


@pytest.mark.parametrize("call, message", [
    (lambda m: m.norm3([1.0, 2.0, 2.0]), "norm3() argument 1 ('v') must be a tuple of 3 items (UniTuple(f8, 3)), not list"),
    (lambda m: m.norm3((1.0, 2.0)), "norm3() argument 1 ('v') must be a tuple of 3 items (UniTuple(f8, 3)), "
                                    "not a tuple of 2 items"),
    (lambda m: m.norm3((1.0, "a", 2.0)), "norm3() argument 1 ('v[1]') must be float (f8), not str"),
    (lambda m: m.pair((1.5, 1.5)), "pair() argument 1 ('p[0]') must be int (i8), not float"),
    (lambda m: m.nested((1, (2,))), "nested() argument 1 ('p[1]') must be a tuple of 2 items (UniTuple(i8, 2)), "
                                    "not a tuple of 1 item"),
    (lambda m: m.nested((1, [2, 3])), "nested() argument 1 ('p[1]') must be a tuple of 2 items (UniTuple(i8, 2)), "
                                      "not list"),
])
def test_tuple_argument_errors(m, call, message):
    assert outcome(call, m) == ("TypeError", message)


finite = st.floats(-1e6, 1e6, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.tuples(finite, finite, finite), st.tuples(finite, finite, finite))
def test_tuple_contents_float(m, py, u, v):
    assert outcome(m.norm3, u) == outcome(py["norm3"], u)
    want = outcome(py["cosine"], u, v)
    got = outcome(m.cosine, u, v)
    if want[0] == "ok" and not math.isnan(want[1]):
        assert got[0] == "ok" and got[1] == pytest.approx(want[1], rel=1e-12, abs=1e-12)
    else:
        assert got[0] == want[0]


@settings(max_examples=60, deadline=None)
@given(st.tuples(st.integers(-2**31, 2**31), st.tuples(st.integers(-2**15, 2**15), st.integers(-2**15, 2**15))),
       st.tuples(*[st.integers(-2**62, 2**62)] * 4), st.integers(-6, 5))
def test_tuple_contents_int(m, py, p, t, i):
    assert m.nested(p) == py["nested"](p)
    assert outcome(m.pick, t, i)[0] == outcome(py["pick"], t, i)[0]
    if -4 <= i < 4:
        assert m.pick(t, i) == t[i]


def test_tuples_holding_arrays(m):
    import sys
    a, b = np.arange(3.0), np.ones(2)
    before = sys.getrefcount(a), sys.getrefcount(b)
    for _ in range(1000):
        x, y = m.swap_arrays((a, b))
        assert x is b and y is a
        r = m.same_pair((a, 2))
        assert r[0] is a and r[1] == 2
        assert m.item_at((a, -1)) == 2.0
    del x, y, r
    assert (sys.getrefcount(a), sys.getrefcount(b)) == before
    m.fill_pair((b, 4.0))
    assert b.tolist() == [4.0, 4.0]
    b.flags.writeable = False
    assert outcome(m.fill_pair, (b, 1.0))[1].startswith("fill_pair() argument 1 ('p[0]') must be a NumPy array")
    assert outcome(m.item_at, (a.astype(np.int64), 0))[1].startswith("item_at() argument 1 ('p[0]') must be a "
                                                                     "NumPy array of float64")
    assert outcome(m.item_at, (a, 3))[0] == "IndexError"
    assert outcome(m.swap_arrays, (a, [1.0]))[0] == "TypeError"


def test_tuples_holding_arrays_passed_to_helpers(m, py, tmp_path_factory):
    a, b = np.arange(3.0), np.ones(2)
    assert m.pass_pairs((a, b)) == py["pass_pairs"]((a, b))
    m.fill_via_helper(a, 7.0)
    assert a.tolist() == [7.0] * 3
    a.flags.writeable = False
    assert outcome(m.fill_via_helper, a, 1.0)[0] == "TypeError"
    # the arrays a tuple literal creates for a call are released after it
    import resource
    def rss():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    b2 = np.arange(2.0)
    for _ in range(20000):
        m.pass_pairs((b2, b2))
    start = rss()
    for _ in range(200000):
        m.pass_pairs((b2, b2))
    assert rss() - start < 8000     # KB; two leaked arrays a call would be ~40 MB


# -- optional and none --

def test_optional_arguments(m, py):
    assert (m.opt(None), m.opt(2.0), m.opt(3)) == (-1.0, 4.0, 6.0)
    assert (m.scaled(3.0, None), m.scaled(3.0, 2.0)) == (3.0, 6.0)
    assert (m.maybe(1.5), m.maybe(-1.0)) == (1.5, None)
    assert (m.isnone(None), outcome(m.isnone, 0)) == (True, ("TypeError", "isnone() argument 1 ('x') must be None, not int"))
    assert outcome(m.opt, "x") == ("TypeError", "opt() argument 1 ('x') must be float (f8) or None, not str")
    for a, b in [(1.0, 2.0), (-1.0, 2.0), (-1.0, -2.0), (0.5, -3.0)]:
        assert m.helpers_none(a, b) == py["helpers_none"](a, b)
    assert (m.pass_opt(None), m.pass_opt(2.0)) == (3.0, 6.0)


def test_optional_used_as_value_raises_like_numba(m):
    assert m.unwrap(1.0) == 2.0
    assert outcome(m.unwrap, None) == ("TypeError", "expected float64, got None")   # numba's message


# -- defaults and keywords at the boundary --

GOOD_CALLS = [((1.0,), {}), ((1.0, 0.5), {}), ((1.0,), {"n": 2}), ((), {"x": 1.0, "tol": 1.0, "n": 1}),
              ((1.0, 0.5, 3), {}), ((2,), {"tol": 1})]
BAD_CALLS = [((), {}), ((1.0, 2.0, 3, 4), {}), ((1.0,), {"tol2": 3}), ((1.0,), {"x": 1.0}),
             ((), {"tol": 1.0}), ((1.0, 2.0), {"tol": 1.0}), ((1.0, 2.0, 3, 4), {"x": 1.0}),
             ((), {"n": 1, "x2": 1.0})]


@pytest.mark.parametrize("args, kwargs", GOOD_CALLS)
def test_defaults_and_keywords(m, py, args, kwargs):
    assert outcome(m.solve, *args, **kwargs) == outcome(py["solve"], *args, **kwargs)


def _without_suggestion(result):
    """CPython 3.13 adds "Did you mean 'x'?" to an unknown keyword's message; ours does not
    suggest (the rest of the message is CPython's, word for word)."""
    kind, message = result
    return kind, re.sub(r"\. Did you mean '\w+'\?$", "", message)


@pytest.mark.parametrize("args, kwargs", BAD_CALLS)
def test_binding_errors_are_pythons(m, py, args, kwargs):
    want = outcome(py["solve"], *args, **kwargs)
    assert want[0] == "TypeError"
    assert outcome(m.solve, *args, **kwargs) == _without_suggestion(want)


@pytest.mark.parametrize("args, kwargs", [((), {}), ((1.0, 2.0, 3.0), {}), ((1.0,), {"a": 1.0}),
                                          ((), {"b": 1.0}), ((), {"a": 1.0, "c": 2}), ((1.0, 2.0), {"a": 1.0})])
def test_binding_errors_without_defaults(m, py, args, kwargs):
    args = tuple((x, x, x) for x in args)
    kwargs = {k.replace("a", "u").replace("b", "v"): (x, x, x) for k, x in kwargs.items()}
    want = outcome(py["cosine"], *args, **kwargs)
    assert want[0] == "TypeError"
    assert outcome(m.cosine, *args, **kwargs) == _without_suggestion(want)


def test_tuple_and_optional_defaults(m, py):
    for args, kwargs in [((0.5,), {}), ((2.0,), {}), ((2.0, (1.0, 3.0)), {}), ((2.0,), {"box": (-1.0, 1.5)})]:
        assert m.bounds(*args, **kwargs) == py["bounds"](*args, **kwargs)
    for args, kwargs in [((2.0,), {}), ((2.0, 1.0), {}), ((2.0,), {"hi": None}), ((2.0,), {"hi": 5.0})]:
        assert m.clip(*args, **kwargs) == py["clip"](*args, **kwargs)


def test_dispatch_accepts_keywords(m, py):
    a, ai = np.arange(3.0), np.arange(3)
    for args, kwargs in [((a,), {}), ((ai,), {"k": 3}), ((), {"a": a, "k": 0.5}), ((), {"k": 4, "a": ai})]:
        got = m.scale(*args, **kwargs)
        np.testing.assert_array_equal(got, py["scale"](*args, **kwargs))
        assert got.dtype == (args or (kwargs["a"],))[0].dtype
    for args, kwargs in [((), {}), ((a,), {"q": 1}), ((a, 2.0, 3), {}), ((a,), {"a": a})]:
        want = outcome(py["scale"], *args, **kwargs)
        assert outcome(m.scale, *args, **kwargs) == want
    assert outcome(m.scale, "a") == ("TypeError", "scale(): no signature matches the arguments (str); expected one "
                                                  "of: i8[:](i8[:], i8), f8[:](f8[:], f8)")
    assert outcome(m.scale, a=a, k="x")[1].startswith("scale(): no signature matches the arguments (a=ndarray(float64, 1-d), k=str)")


def test_dispatch_on_tuple_types(m):
    assert (m.psum((1, 2)), type(m.psum((1, 2)))) == (3, int)
    assert (m.psum((1.5, 2)), type(m.psum((1.5, 2)))) == (3.5, float)
    assert m.psum(t=(1.0, 2.0, 3.0)) == 6.0
    for bad in [(1, 2, 3, 4), [1, 2], (1, "a")]:
        got = outcome(m.psum, bad)
        assert got[0] == "TypeError" and got[1].startswith("psum(): no signature matches the arguments"), got


def test_keyword_path_keeps_references(m):
    import sys
    a, k = np.arange(4.0), 2.5
    before = sys.getrefcount(a), sys.getrefcount(k)
    for _ in range(2000):
        m.scale(a=a, k=k)
        m.scale(a, k=k)
        m.scale(a)
        m.bounds(k, box=(0.0, k))
        outcome(m.scale, a, k, q=a)
        outcome(m.solve, k, x=k)
    assert (sys.getrefcount(a), sys.getrefcount(k)) == before


def test_none_defaults_replaced_before_use(m, py):
    for x, n in [(1.0, 0), (2.5, 4), (-1.0, 7)]:
        assert m.replaced_none(x, n) == py["replaced_none"](x, n)


def test_keywords_between_compiled_functions(m, py):
    for x in (0.0, 0.5, -1.25, 3.0):
        assert m.helpers_kw(x) == pytest.approx(py["helpers_kw"](x), rel=1e-13)


def test_stub_and_docstring_show_defaults(built):
    directory, m = built
    assert m.solve.__doc__ == "solve(x: float64, tol: float64 = 0.001, n: int64 = 10) -> float64"
    stub = (directory / "sigargs.pyi").read_text()
    assert "def solve(x: float, tol: float = 0.001, n: int = 10) -> float:" in stub
    assert "def clip(x: float, hi: float | None = None) -> float:" in stub
    assert "def norm3(v: tuple[float, float, float]) -> float:" in stub


# -- compile errors --

@pytest.mark.parametrize("body, message", [
    ("def h(x, n=3):\n    return x * n\n\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return h(x, m=2)\n",
     "h() got an unexpected keyword argument 'm'"),
    ("def h(x, n=3):\n    return x * n\n\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return h(x, 2, x=1.0)\n",
     "h() got multiple values for argument 'x'"),
    ("def h(x, n=3):\n    return x * n\n\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return h(n=2)\n",
     "h() missing 1 required positional argument: 'x'"),
    ("def h(x, n=3):\n    return x * n\n\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return h(x, 1, 2)\n",
     "h() takes from 1 to 2 positional arguments but 3 were given"),
    ("N = 3\ndef h(x, n=N):\n    return x * n\n\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return h(x)\n",
     "default values must be literals"),
    ("@cc.export('f', 'f8(f8, i8)')\ndef f(x, n=1.5j):\n    return x * n\n",
     "the default 1.5j of 'n' is not a value of its signature type int64"),
    ("@cc.export('f', 'f8(f8, n=None)')\ndef f(x, n=None):\n    return x\n",
     "malformed signature"),
    ("@cc.export('f', 'f8(f8, f8)')\ndef f(x, tol=None):\n    return x\n",
     "the default None of 'tol' is not a value of its signature type float64"),
])
def test_compile_errors(tmp_path, body, message):
    src = tmp_path / "src.py"
    src.write_text("from numba.pycc import CC\ncc = CC('bad')\n\n" + body)
    proc = cli("build", src, "-o", tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert message in proc.stderr
    assert "src.py:" in proc.stderr and "^" in proc.stderr
