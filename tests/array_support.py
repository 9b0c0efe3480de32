"""Shared by the array differential tests: hypothesis arrays in every layout, the
reference run under CPython+NumPy, and the comparison of outcomes."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def reference(source):
    """The functions of a module source run by CPython+NumPy (exports undecorated)."""
    namespace: dict = {}
    body = "\n".join(line for line in source.splitlines()
                     if not line.strip().startswith(("@cc.export", "cc = CC", "from numba")))
    exec(body, namespace)
    return namespace


def arrays(ndim, dtype=np.float64, max_side=4):
    """Arrays of `ndim` dimensions (sides 0..max_side) in C order, F order or as
    non-contiguous views (every other element of a larger array, or reversed)."""
    shapes = st.tuples(*[st.integers(0, max_side)] * ndim)

    def make(shape_layout):
        shape, layout = shape_layout
        size = int(np.prod(shape))
        base = (np.arange(size, dtype=np.float64) * 1.5 - 3).astype(dtype).reshape(shape)
        if layout == "F":
            return np.asfortranarray(base)
        if layout == "strided":
            big = np.zeros(tuple(2 * s for s in shape), dtype=dtype)
            view = big[tuple(slice(None, None, 2) for _ in shape)]
            view[...] = base
            return view
        if layout == "reversed":
            return base[::-1].copy()[::-1] if ndim else base
        return base
    return st.tuples(shapes, st.sampled_from(["C", "F", "strided", "reversed"])).map(make)


def outcome(fn, *args):
    try:
        return ("ok", fn(*args))
    except Exception as exc:  # noqa: BLE001 - compared by type and message
        return (type(exc).__name__, str(exc))


def same(expected, got, args=()):
    assert expected[0] == got[0], (expected, got)
    if expected[0] != "ok":
        assert expected[1] == got[1]
        return
    e, g = expected[1], got[1]
    if isinstance(e, tuple):
        assert isinstance(g, tuple) and len(e) == len(g)
        for x, y in zip(e, g):
            same(("ok", x), ("ok", y))
        return
    if isinstance(e, np.ndarray):
        assert isinstance(g, np.ndarray), g
        assert g.dtype == e.dtype and g.shape == e.shape, (g.dtype, g.shape, e.dtype, e.shape)
        assert np.array_equal(g, e, equal_nan=True), (g, e)
        for a in args:
            if isinstance(a, np.ndarray):
                assert np.shares_memory(g, a) == np.shares_memory(e, a), "view vs copy differs"
        return
    assert type(g) is type(e) and (g == e or (g != g and e != e)), (g, e)


SETTINGS = settings(max_examples=40, deadline=None, database=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))


def assert_no_reference_leak(fn, *args, calls=200):
    """Calling fn (returning or raising) leaves the reference counts of its array
    arguments as they were: views release what they take, error paths too."""
    import sys

    def once():
        try:
            fn(*args)
        except Exception:  # noqa: BLE001 - error paths are part of what is checked
            pass
    once()
    before = [sys.getrefcount(a) for a in args if isinstance(a, np.ndarray)]
    for _ in range(calls):
        once()
    after = [sys.getrefcount(a) for a in args if isinstance(a, np.ndarray)]
    assert before == after, (fn, before, after)
