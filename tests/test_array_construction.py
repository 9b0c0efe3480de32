"""Array construction against NumPy, bit for bit: np.linspace and np.arange over
hypothesis-drawn ranges, np.eye/np.identity/np.diag/np.trace, np.array/np.asarray of
literals and tuples; errors raise NumPy's exception with its message."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_and_load

SOURCE = textwrap.dedent('''
    import numpy as np
    from numba.pycc import CC

    cc = CC('construction_mod')

    @cc.export('nested', 'i8[:, :]()')
    def nested():
        return np.array([[1, 2], [3, 4], [5, 6]])

    @cc.export('literal_dtype', 'f4[:](f8)')
    def literal_dtype(x):
        return np.array([1.0, x, 3], dtype=np.float32)

    @cc.export('literal_positional_dtype', 'u1[:, :]()')
    def literal_positional_dtype():
        return np.array(((1, 2), (3, 250)), np.uint8)

    @cc.export('literal_mixed', 'f8[:](i8)')
    def literal_mixed(n):
        return np.array((n, 2.5, True))

    @cc.export('literal_3d', 'b1[:, :, :](b1)')
    def literal_3d(v):
        return np.array([[[v], [not v]], [[True], [False]]])

    @cc.export('asarray_tuple', 'f8[:](f8, f8)')
    def asarray_tuple(x, y):
        t = (x, y)
        return np.asarray(t)

    @cc.export('asarray_same', 'f8[:, :](f8[:, :])')
    def asarray_same(a):
        return np.asarray(a)

    @cc.export('asarray_cast', 'i8[:](f8[:])')
    def asarray_cast(a):
        return np.asarray(a, dtype=np.int64)

    @cc.export('array_copy', 'f8[:](f8[:])')
    def array_copy(a):
        return np.array(a)

    @cc.export('linspace', 'f8[:](f8, f8, i8)')
    def linspace(a, b, n):
        return np.linspace(a, b, n)

    @cc.export('linspace_open', 'f8[:](f8, f8, i8)')
    def linspace_open(a, b, n):
        return np.linspace(a, b, num=n, endpoint=False)

    @cc.export('linspace_default', 'f8[:](i8, i8)')
    def linspace_default(a, b):
        return np.linspace(a, b)

    @cc.export('arange_f8', 'f8[:](f8, f8, f8)')
    def arange_f8(a, b, c):
        return np.arange(a, b, c)

    @cc.export('arange_f4', 'f4[:](f8, f8, f8)')
    def arange_f4(a, b, c):
        return np.arange(a, b, c, np.float32)

    @cc.export('arange_i4', 'i4[:](f8, f8)')
    def arange_i4(a, b):
        return np.arange(a, b, dtype=np.int32)

    @cc.export('arange_i8', 'i8[:](i8, i8, i8)')
    def arange_i8(a, b, c):
        return np.arange(a, b, c)

    @cc.export('eye', 'i4[:, :](i8, i8, i8)')
    def eye(n, m, k):
        return np.eye(n, m, k, np.int32)

    @cc.export('eye_kw', 'f8[:, :](i8, i8)')
    def eye_kw(n, k):
        return np.eye(n, k=k)

    @cc.export('identity', 'c16[:, :](i8)')
    def identity(n):
        return np.identity(n, dtype=np.complex128)

    @cc.export('diag_1d', 'f8[:, :](f8[:], i8)')
    def diag_1d(a, k):
        return np.diag(a, k)

    @cc.export('diag_2d', 'f8[:](f8[:, :], i8)')
    def diag_2d(a, k):
        return np.diag(a, k)

    @cc.export('trace', 'i8(i4[:, :], i8)')
    def trace(a, k):
        return np.trace(a, k)

    @cc.export('full_infer', 'Tuple((i8[:], b1[:], f4[:]))(i8, f4)')
    def full_infer(n, x):
        return np.full(n, 2), np.full(n, True), np.full(n, x)
''')


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("construction"), "construction_mod", SOURCE)


@pytest.fixture(scope="module")
def ref():
    namespace: dict = {}
    body = "\n".join(line for line in SOURCE.splitlines()
                     if not line.strip().startswith(("@cc.export", "cc = CC", "from numba")))
    exec(body, namespace)
    return namespace


def outcome(fn, *args):
    try:
        return ("ok", fn(*args))
    except Exception as exc:  # noqa: BLE001 - compared by type and message
        return (type(exc).__name__, str(exc))


def identical(expected, got):
    """Same exception and message, or arrays with the same dtype, shape and bytes."""
    assert expected[0] == got[0], (expected, got)
    if expected[0] != "ok":
        assert expected[1] == got[1]
        return
    e, g = expected[1], got[1]
    if isinstance(e, tuple):
        for x, y in zip(e, g, strict=True):
            identical(("ok", x), ("ok", y))
        return
    if isinstance(e, np.ndarray):
        assert g.dtype == e.dtype and g.shape == e.shape, (g, e)
        assert g.tobytes() == e.tobytes(), (g, e)
    else:   # a NumPy scalar comes back as the Python number of the same value
        assert isinstance(g, (int, float, complex, bool)) and g == e and type(g)(e) == g, (g, e)


SETTINGS = settings(max_examples=60, deadline=None, database=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))
FLOATS = st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.sampled_from([0.0, 1e-300, -1e300, 0.1, 1 / 3]))


@pytest.mark.parametrize("name", ["nested", "literal_dtype", "literal_mixed", "literal_3d", "asarray_tuple",
                                  "literal_positional_dtype"])
def test_literals(mod, ref, name):
    args = {"nested": (), "literal_positional_dtype": (), "literal_dtype": (2.5,), "literal_mixed": (7,), "literal_3d": (True,),
            "asarray_tuple": (1.5, -2.0)}[name]
    identical(outcome(ref[name], *args), outcome(getattr(mod, name), *args))


def test_asarray_of_an_array_is_the_array(mod):
    a = np.arange(6.0).reshape(2, 3)[:, ::2]
    out = mod.asarray_same(a)
    assert np.shares_memory(out, a) and np.array_equal(out, a)
    c = np.arange(3.0)
    assert not np.shares_memory(mod.array_copy(c), c)
    assert mod.asarray_cast(np.array([1.5, -2.7])).tolist() == [1, -2]


@pytest.mark.parametrize("name", ["linspace", "linspace_open"])
def test_linspace_bit_for_bit(mod, ref, name):
    @SETTINGS
    @given(FLOATS, FLOATS, st.integers(-2, 60))
    def run(a, b, n):
        identical(outcome(ref[name], a, b, n), outcome(getattr(mod, name), a, b, n))
    run()
    identical(outcome(ref["linspace_default"], 3, -7), outcome(mod.linspace_default, 3, -7))


@pytest.mark.parametrize("name", ["arange_f8", "arange_f4"])
def test_arange_bit_for_bit(mod, ref, name):
    @SETTINGS
    @given(st.floats(-100, 100), st.floats(-100, 100), st.sampled_from([0.1, 0.3, 1.0, -0.7, 2.5, 1e-1, -3.0]))
    def run(a, b, step):
        identical(outcome(ref[name], a, b, step), outcome(getattr(mod, name), a, b, step))
    run()
    identical(outcome(ref["arange_i4"], 0.5, 6.2), outcome(mod.arange_i4, 0.5, 6.2))
    # a zero step: NumPy's ZeroDivisionError, "float division by zero" / "division by zero"
    identical(outcome(ref[name], 0.0, 1.0, 0.0), outcome(getattr(mod, name), 0.0, 1.0, 0.0))
    for args in [(0, 5, 0), (0, 5, 2), (5, -3, -2)]:
        identical(outcome(ref["arange_i8"], *args), outcome(mod.arange_i8, *args))


def test_diagonals(mod, ref):
    @SETTINGS
    @given(st.integers(0, 5), st.integers(0, 5), st.integers(-6, 6))
    def run(n, m, k):
        for name, args in (("eye", (n, m, k)), ("eye_kw", (n, k)), ("identity", (n,)),
                           ("diag_1d", (np.arange(n, dtype=np.float64) - 1.5, k)),
                           ("diag_2d", (np.arange(n * m, dtype=np.float64).reshape(n, m), k)),
                           ("diag_2d", (np.arange(n * m, dtype=np.float64).reshape(m, n).T, k)),
                           ("trace", (np.arange(n * m, dtype=np.int32).reshape(n, m), k))):
            identical(outcome(ref[name], *args), outcome(getattr(mod, name), *args))
    run()


def test_full_infers_the_dtype(mod, ref):
    identical(outcome(ref["full_infer"], 3, np.float32(1.5)), outcome(mod.full_infer, 3, 1.5))
