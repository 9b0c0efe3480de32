"""Helpers cost nothing (issue 12): a small @njit helper called in a loop is inlined, so
the loop's index proofs and vectorisation see through it; parameters a function never
rebinds borrow the caller's reference; a data-dependent index check is one compare on
the hot path and still wraps negative indices and raises IndexError as Python does."""

import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import build_and_load, cli

SOURCE = """
from aot_tool import CC
from numba import njit
cc = CC('costs')

@njit
def same(a):
    return a

@njit
def first_or(a, b):
    if len(a) == 0:
        a = b
    return a[0]

@cc.export('through', 'f8[:](f8[:], f8[:])')
def through(a, b):
    c = same(a)
    return same(c) if first_or(a, b) > 0 else same(b)

@cc.export('hist', 'void(i8[:], i8[:])')
def hist(keys, counts):
    for k in keys:
        counts[k] += 1

@cc.export('window_sums', 'void(f8[:], f8[:], i8, f8[:])')
def window_sums(x, k, shift, out):
    for i in range(len(out)):
        s = 0.0
        for j in range(len(k)):
            s += x[i + j] * k[j] + x[j - shift]
        out[i] = s

@cc.export('strided_fill', 'void(i8[:], i8, i8, i8)')
def strided_fill(a, start, stop, step):
    for j in range(start, stop, step):
        a[j] = j

@cc.export('to_int', 'i8(f8)')
def to_int(x):
    return int(x)
"""


def stencil_functions() -> str:
    """lap_at, smooth_helper and smooth_inline as the corpus holds them (one copy)."""
    text = (Path(__file__).parent / "kernels" / "helper_stencil.py").read_text()
    return text[text.index("@njit\ndef lap_at"):text.index("TESTS = ")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    directory = tmp_path_factory.mktemp("costs")
    return directory, build_and_load(directory, "costs", SOURCE + stencil_functions())


def test_helper_is_inlined_and_the_loop_vectorised(built):
    directory, _ = built
    proc = cli("show", directory / "src.py", "smooth_helper", "--stage", "opt")
    assert proc.returncode == 0, proc.stderr
    calls = [line for line in proc.stdout.splitlines() if " call " in line]
    assert not [line for line in calls if "lap_at" in line]      # no call left
    assert "<2 x double>" in proc.stdout                  # SSE2 vectors on the generic CPU


def test_helper_form_computes_the_inline_form(built):
    _, m = built
    u = np.random.default_rng(0).standard_normal((37, 41))
    v1, v2 = np.zeros_like(u), np.zeros_like(u)
    m.smooth_helper(u, v1)
    m.smooth_inline(u, v2)
    assert np.array_equal(v1, v2)
    with pytest.raises(IndexError):
        m.smooth_helper(u, np.zeros((3, 3)))


def test_borrowed_parameters_keep_reference_counts(built):
    _, m = built
    a, b = np.ones(4), np.zeros(3)
    before = sys.getrefcount(a), sys.getrefcount(b)
    for _ in range(1000):
        assert m.through(a, b) is a
    assert m.through(np.zeros(0), b) is b       # the helper rebinds its parameter: it owns that value
    assert (sys.getrefcount(a), sys.getrefcount(b)) == before


@pytest.mark.parametrize("keys", [[0, 1, 1, 3], [-1, -4, 2], [], [3, -1, -2, -3, -4]])
def test_data_dependent_indices_wrap_as_python(built, keys):
    _, m = built
    counts = np.zeros(4, np.int64)
    expected = np.zeros(4, np.int64)
    for k in keys:
        expected[k] += 1
    m.hist(np.array(keys, np.int64), counts)
    assert np.array_equal(counts, expected)


@pytest.mark.parametrize("bad", [4, -5, 2**62, -2**63, 2**63 - 1])
def test_data_dependent_index_out_of_range_raises_after_the_same_writes(built, bad):
    _, m = built
    counts = np.zeros(4, np.int64)
    with pytest.raises(IndexError):
        m.hist(np.array([1, -1, bad, 2], np.int64), counts)
    assert list(counts) == [0, 1, 0, 1]


def test_int_of_float_at_the_int64_limits(built):
    _, m = built
    assert m.to_int(-2.0**63) == -2**63
    assert m.to_int(-0.5) == 0
    assert m.to_int(9.2e18) == int(9.2e18)
    for bad in (2.0**63, -2.0**63 * (1 + 2**-52), float("inf"), float("-inf"), float("nan")):
        with pytest.raises((OverflowError, ValueError)):
            m.to_int(bad)


def window_sums(x, k, shift, out):
    for i in range(len(out)):
        s = 0.0
        for j in range(len(k)):
            s += x[i + j] * k[j] + x[j - shift]
        out[i] = s


def test_index_with_a_loop_invariant_offset_is_checked_once(built):
    directory, _ = built
    asm = cli("show", directory / "src.py", "window_sums", "--stage", "opt").stdout
    assert "range.checked_once" in asm or "range.fast" in asm


@pytest.mark.parametrize("nx,nk,nout,shift", [(20, 4, 17, 0), (20, 4, 18, 0), (20, 4, 5, 3), (20, 4, 5, 25),
                                              (20, 4, 5, -17), (20, 4, 5, -16), (0, 0, 3, 0), (5, 0, 9, 0)])
def test_index_with_a_loop_invariant_offset_agrees_with_python(built, nx, nk, nout, shift):
    _, m = built
    rng = np.random.default_rng(nx * 100 + nout)
    x, k = rng.standard_normal(nx), rng.standard_normal(nk)
    out_py, out_ours = np.zeros(nout), np.zeros(nout)
    try:
        window_sums(x, k, shift, out_py)
        expected = None
    except IndexError:
        expected = IndexError
    if expected is None:
        m.window_sums(x, k, shift, out_ours)
    else:
        with pytest.raises(IndexError):
            m.window_sums(x, k, shift, out_ours)
    assert np.array_equal(out_py, out_ours)


def strided_fill(a, start, stop, step):
    for j in range(start, stop, step):
        a[j] = j


@pytest.mark.parametrize("start,stop,step", [(4, 10, 3), (4, 11, 3), (4, 12, 3), (9, -1, -2), (9, -12, -2),
                                             (-10, 10, 4), (-11, 10, 4), (0, 10, 0), (3, 3, 5), (0, 2**62, 2**61)])
def test_a_run_time_step_is_checked_once_and_agrees_with_python(built, start, stop, step):
    _, m = built
    ours, py = np.zeros(10, np.int64), np.zeros(10, np.int64)
    try:
        strided_fill(py, start, stop, step)
        expected = None
    except (IndexError, ValueError) as e:
        expected = type(e)
    if expected is None:
        m.strided_fill(ours, start, stop, step)
    else:
        with pytest.raises(expected):
            m.strided_fill(ours, start, stop, step)
    assert np.array_equal(ours, py)
