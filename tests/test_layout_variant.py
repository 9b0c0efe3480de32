"""The C-contiguous variant of an export (frontend/layout_variant.py): made for kernels
with loops LLVM does not vectorise, picked at the call when every any-layout array is
C-contiguous by NumPy's rule; every layout gives the results CPython gives."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import build_and_load, cli
from proof_support import corpus_kernel, python_kernels

SOURCE = textwrap.dedent('''
    import numpy as np
    from numba import njit, prange
    from numba.pycc import CC
    cc = CC('layouts')

    @cc.export('argmax', 'i8(f8[:])')
    def argmax(a):
        best = 0
        for i in range(1, len(a)):
            if a[i] > a[best]:
                best = i
        return best

    @cc.export('column_sums', 'f8[:](f8[:, :])')
    def column_sums(a):
        n, m = a.shape
        out = np.zeros(m)
        for i in range(n):
            for j in range(m):
                out[j] += a[i, j]
        return out

    @cc.export('bubble', 'i8(f8[:])')
    def bubble(a):
        swaps = 0
        for i in range(len(a) - 1):
            if a[i] > a[i + 1]:
                a[i], a[i + 1] = a[i + 1], a[i]
                swaps += 1
        return swaps

    @cc.export('mixed', 'f8(f8[:], f8[::1], i8)')
    def mixed(a, b, k):
        s = 0.0
        for i in range(len(a)):
            s += a[i] * b[(i * k) % len(b)]
        return s

    @cc.export('par_total', 'f8(f8[:, :])')
    @njit(parallel=True)
    def par_total(a):
        s = 0.0
        for i in prange(a.shape[0]):
            for j in range(a.shape[1]):
                s += a[i, j]
        return s

    @cc.export('scale', 'f8[:](f8[:], f8)')
    def scale(a, k):
        out = np.empty_like(a)
        for i in range(len(a)):
            out[i] = a[i] * k
        return out

    @cc.export('rotate', 'c16[:](c16[:], c16)')
    def rotate(z, w):
        out = np.empty_like(z)
        for i in range(len(z)):
            out[i] = z[i] * w
        return out
''') + corpus_kernel("horner.py", "horner")


def argmax(a):
    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i
    return best


def bubble(a):
    swaps = 0
    for i in range(len(a) - 1):
        if a[i] > a[i + 1]:
            a[i], a[i + 1] = a[i + 1], a[i]
            swaps += 1
    return swaps


PY = python_kernels(SOURCE, "layouts")


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    d = tmp_path_factory.mktemp("layouts")
    (d / "src.py").write_text(SOURCE)
    return d, build_and_load(d, "layouts", SOURCE)


def _layouts(base: np.ndarray):
    """The same values as C-contiguous, Fortran, a strided view and a reversed view."""
    yield "C", np.ascontiguousarray(base)
    yield "F", np.asfortranarray(base)
    wide = np.repeat(base, 2, axis=-1) if base.ndim else base
    yield "strided", wide[..., ::2]
    yield "reversed", np.ascontiguousarray(base[..., ::-1])[..., ::-1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 9), m=st.integers(0, 9), seed=st.integers(0, 2**16))
def test_every_layout_gives_cpythons_results(mod, n, m, seed):
    _, lib = mod
    rng = np.random.default_rng(seed)
    grid = rng.integers(-5, 5, (n, m)).astype(float)
    for name, a in _layouts(grid):
        assert np.array_equal(lib.column_sums(a), grid.sum(axis=0)), name
        assert lib.par_total(a) == grid.sum(), name
    line = rng.integers(-5, 5, n * m).astype(float)
    for name, a in _layouts(line):
        assert lib.argmax(a) == (argmax(line) if len(line) else 0), name
        mine, ref = a.copy() if name == "C" else a, line.copy()
        before = a.copy()
        assert lib.bubble(mine) == bubble(ref), name
        assert np.array_equal(mine, ref), name
        b = np.ascontiguousarray(line[::-1]) if len(line) else np.ones(1)
        want = sum(before[i] * b[(i * 3) % len(b)] for i in range(len(before)))
        assert lib.mixed(before, b, 3) == pytest.approx(want, abs=1e-9), name
        assert np.array_equal(lib.scale(before, 2.0), before * 2.0), name
        for cname, coef in _layouts(before[:3].copy()):
            assert np.array_equal(lib.horner(before, coef), PY["horner"](before, before[:3])), (name, cname)
    for name, z in _layouts(line + 1j * line[::-1]):
        assert np.array_equal(lib.rotate(z, 0.5 - 2j), z * (0.5 - 2j)), name


def test_the_variant_is_made_only_where_it_gains(mod):
    """argmax branches in its loop and horner carries `acc` from one iteration to the
    next: two kernels and a layout check each; scale's straight
    loop is left to LLVM's own stride versioning: one kernel; rotate's straight loop
    over complex numbers gets the variant (LLVM's versioned loop gathers each part)."""
    d, _ = mod
    ir = cli("show", d / "src.py", "argmax", "--stage", "ir").stdout
    assert "argmax.a1Af8" in ir and "argmax.a1Cf8" in ir and ".layout" in ir
    ir = cli("show", d / "src.py", "scale", "--stage", "ir").stdout
    assert "scale.a1Af8" in ir and "scale.a1Cf8" not in ir
    ir = cli("show", d / "src.py", "rotate", "--stage", "ir").stdout   # gathers for complex pairs
    assert "rotate.a1Ac16" in ir and "rotate.a1Cc16" in ir
    ir = cli("show", d / "src.py", "horner", "--stage", "ir").stdout   # acc = acc * x + c
    assert "horner.a1Af8_a1Af8" in ir and "horner.a1Cf8_a1Cf8" in ir
    ir = cli("show", d / "src.py", "mixed", "--stage", "ir").stdout   # b is ::1 already
    assert "mixed.a1Cf8_a1Cf8_i8" in ir and "mixed.a1Af8_a1Cf8_i8" in ir
