"""`a[int(x)]` of a float x (bounds_check.checked_truncated_index): on x86-64 the
truncating conversion's own out-of-range value (-2**63) fails the one index compare, and
the cold block raises what CPython raises: int()'s OverflowError for NaN, infinities and
values beyond int64, else IndexError, with negative indices wrapped. Differential
against CPython over bins, wraps, edges and non-finite values, float64 and float32, for
loads, stores and `+=`."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import build_and_load
from proof_support import corpus_kernel, python_kernels

SOURCE = """import numpy as np
from aot_tool import CC
cc = CC('truncated')

""" + corpus_kernel("histogram.py", "histogram") + """@cc.export('pick', 'f8(f8[:], f8)')
def pick(a, x):
    return a[int(x)]

@cc.export('pick32', 'f8(f8[:], f4)')
def pick32(a, x):
    return a[int(x)]

@cc.export('put', 'void(f8[:, :], f8, f8, f8)')
def put(a, x, y, v):
    a[int(x), int(y)] = v

@cc.export('bins_used', 'i8(f8[:], i8[:])')
def bins_used(data, counts):
    k = 0
    for x in data:
        k = int(x)             # the int, then the index: the two checks stay apart
        counts[k] += 1
    return k
"""

EDGES = [0.0, -0.0, 0.99, 3.7, 7.99, 8.0, -1.0, -0.5, -8.0, -8.01, -9.0, 1e18, -1e18, 2.0 ** 63,
         -(2.0 ** 63), 2.0 ** 62, float("inf"), float("-inf"), float("nan")]


def _int64(x):
    """int() as aot_tool types it (int64, as numba does): beyond int64 it raises OverflowError,
    where CPython's unbounded int would go on to an IndexError."""
    if not -(2.0 ** 63) <= x < 2.0 ** 63:
        raise OverflowError("beyond int64")
    return int(x)


@pytest.fixture(scope="module")
def mods(tmp_path_factory):
    py = python_kernels(SOURCE.replace("int(", "_int64("), "truncated")
    py["_int64"] = _int64
    return build_and_load(tmp_path_factory.mktemp("truncated"), "truncated", SOURCE), py


def outcome(fn, *args):
    """The result, or the kind of error: CPython's int(nan) is a ValueError, ours (as
    for every int() of a float) an OverflowError; both are errors of the conversion."""
    try:
        return fn(*args)
    except IndexError:
        return "IndexError"
    except (OverflowError, ValueError):
        return "conversion"


@given(st.one_of(st.sampled_from(EDGES), st.floats(-20, 20), st.floats(allow_nan=True, allow_infinity=True)))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_load_matches_cpython(mods, x):
    ours, py = mods
    a = np.arange(8.0) * 1.5
    assert outcome(ours.pick, a, x) == outcome(py["pick"], a, x)
    x32 = float(np.float32(x)) if math.isfinite(x) and abs(x) < 3e38 else x
    assert outcome(ours.pick32, a, x32) == outcome(py["pick32"], a, x32)


@given(st.sampled_from(EDGES), st.sampled_from(EDGES))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_store_in_two_dimensions_matches_cpython(mods, x, y):
    ours, py = mods
    a, b = np.zeros((8, 3)), np.zeros((8, 3))
    assert outcome(ours.put, a, x, y, 5.0) == outcome(py["put"], b, x, y, 5.0)
    assert np.array_equal(a, b)


@given(st.lists(st.one_of(st.floats(-0.3, 1.3), st.sampled_from([float("nan"), float("inf"), 1e300])),
                max_size=60), st.sampled_from([np.int64(4), np.int64(16)]))
@example([0.5, -0.1, 1.0, 1.2], np.int64(4))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_histogram_counts_and_errors_match_cpython(mods, data, nbins):
    """Counts up to the failing element are the same too (the error stops both loops
    at the same element)."""
    ours, py = mods
    data = np.array(data, dtype=float)
    got, want = np.zeros(int(nbins), np.int64), np.zeros(int(nbins), np.int64)
    assert outcome(ours.histogram, data, got, 0.0, 1.0) == outcome(py["histogram"], data, want, 0.0, 1.0)
    assert np.array_equal(got, want)
    got, want = np.zeros(int(nbins), np.int64), np.zeros(int(nbins), np.int64)
    assert outcome(ours.bins_used, data * 5, got) == outcome(py["bins_used"], data * 5, want)
    assert np.array_equal(got, want)


def test_one_compare_in_the_histogram_loop(tmp_path):
    """The hot loop holds the conversion and one unsigned compare; int()'s own range
    check (a compare of |x| with 2**63) is only in the cold block."""
    import subprocess
    import sys
    src = tmp_path / "src.py"
    src.write_text(SOURCE)
    ir = subprocess.run([sys.executable, "-m", "aot_tool", "show", str(src), "histogram", "--stage", "opt"],
                        check=True, capture_output=True, text=True).stdout
    body = ir.split(".histogram.", 1)[1].split("\n}\n", 1)[0]
    loop = body.split("iter.body:", 1)[1].split("\nindex.cold", 1)[0]
    assert "cvttsd2si64" in loop and "llvm.fabs" not in loop
    assert loop.count("icmp") == 1 and "llvm.fabs" in body
