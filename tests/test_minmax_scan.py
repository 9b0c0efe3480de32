"""Float min/max scans (backend/minmax_scan.py): run with llvm.minimum/maximum, which
LLVM vectorises without fast-math, and again as written where a result is a NaN or a
zero. Every form (`if x < lo: lo = x`, `<=`, `lo = min(lo, x)`, `lo = x if x < lo else
lo`, their mirror images) gives the bits CPython's gives, over NaNs, signed zeros,
infinities, float32 and float64 and strided arrays; the near misses (another
statement in the body, a closure, an update by something other than the element) are
left as they are and agree too."""

import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import build_and_load
from proof_support import corpus_kernel, python_kernels, view

SOURCE = """import numpy as np
from aot_tool import CC
cc = CC('scans')

""" + corpus_kernel("minmax_scan.py", "minmax") + """@cc.export('minmax32', 'UniTuple(f4, 2)(f4[:])')
def minmax32(a):
    lo = a[0]
    hi = a[0]
    for x in a:
        if x < lo:
            lo = x
        if hi < x:
            hi = x
    return lo, hi

@cc.export('indexed_min', 'f8(f8[:], f8)')
def indexed_min(a, start):
    m = start
    for i in range(1, len(a)):
        if m > a[i]:
            m = a[i]
    return m

@cc.export('loop_after', 'Tuple((f8, f8))(f8[:])')
def loop_after(a):
    x = -1.0
    hi = -math.inf
    for x in a:
        if x > hi:
            hi = x
    return hi, x                  # the loop variable keeps the last element

@cc.export('maybe_unbound', 'f8(f8[:], b1)')
def maybe_unbound(a, start):
    if start:
        m = 0.5
    for x in a:
        if x < m:                 # m unbound: UnboundLocalError at the first element
            m = x
    return m if len(a) else 0.0

@cc.export('unbound_and_short', 'f8(f8[:], i8, b1)')
def unbound_and_short(a, n, start):
    if start:
        m = 0.5
    for i in range(n):
        if a[i] < m:              # n > len(a), m unbound: IndexError first, as in CPython
            m = a[i]
    return m if n > 0 else 0.0

@cc.export('with_count', 'Tuple((f8, i8))(f8[:])')
def with_count(a):
    lo = math.inf
    n = 0
    for x in a:
        if x < lo:
            lo = x
        n += 1                    # another statement: not a scan
    return lo, n

@cc.export('with_closure', 'f8(f8[:])')
def with_closure(a):
    lo = math.inf
    for x in a:
        if x < lo:
            lo = x
    f = lambda: lo                # a closure over lo: not a scan
    return f()

@cc.export('less_equal', 'f8(f8[:])')
def less_equal(a):
    lo = math.inf
    for x in a:
        if x <= lo:               # keeps the last of equal values: a zero result runs it again
            lo = x
    return lo

@cc.export('builtin_scans', 'UniTuple(f8, 2)(f8[:])')
def builtin_scans(a):
    lo = math.inf
    hi = -math.inf
    for i in range(len(a)):
        lo = min(lo, a[i])
        hi = max(a[i], hi)        # a NaN in a: max(nan, hi) is nan, then max(x, nan) is x
    return lo, hi

@cc.export('conditional_scans', 'UniTuple(f8, 2)(f8[:])')
def conditional_scans(a):
    lo = math.inf
    hi = -math.inf
    for x in a:
        lo = x if x < lo else lo
        hi = hi if x <= hi else x
    return lo, hi

@cc.export('scaled_min', 'f8(f8[:])')
def scaled_min(a):
    lo = math.inf
    for x in a:
        lo = min(lo, 2.0 * x)     # not the element itself: not a scan
    return lo
"""

SCANS = ("minmax", "minmax32", "indexed_min", "loop_after", "less_equal", "builtin_scans", "conditional_scans",
         "unbound_and_short")
NEAR_MISSES = ("with_count", "with_closure", "scaled_min")
PY = python_kernels("import math\n" + SOURCE, "scans")


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("scans"), "scans", "import math\n" + SOURCE)


def _bits(value):
    """A result as bits: NaN payloads aside, -0.0 and 0.0 differ, NaN equals NaN."""
    if isinstance(value, tuple):
        return tuple(_bits(v) for v in value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else (value, math.copysign(1.0, value))
    return value


def _outcome(fn, *args):
    try:
        return _bits(fn(*args))
    except (IndexError, UnboundLocalError) as exc:
        return type(exc)


special = st.sampled_from([0.0, -0.0, math.nan, math.inf, -math.inf, 1.0, -1.0, 5e-324])
values = st.lists(special | st.floats(-4, 4, width=32), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(values=[0.0, -0.0], layout="C")
@example(values=[-0.0, 0.0, 1.0], layout="C")
@example(values=[1.0, math.nan, 0.5], layout="strided")
@example(values=[math.nan, 1.0, 2.0], layout="C")
@given(values=values, layout=st.sampled_from(["C", "strided", "reversed"]))
def test_scans_give_the_bits_cpython_gives(scans, values, layout):
    a = view(values, layout)
    for name in ("minmax", "loop_after", "less_equal", "builtin_scans", "conditional_scans") + NEAR_MISSES:
        assert _outcome(getattr(scans, name), a) == _outcome(PY[name], a), name
    for start in (math.inf, 0.0, -0.0, math.nan):
        assert _outcome(scans.indexed_min, a, start) == _outcome(PY["indexed_min"], a, start)
    a32 = a.astype(np.float32)
    got = _outcome(scans.minmax32, a32)
    want = _outcome(PY["minmax32"], a32)
    assert got == _bits(tuple(float(v) for v in want)) if isinstance(want, tuple) else got == want
    for start in (True, False):
        assert _outcome(scans.maybe_unbound, a, start) == _outcome(PY["maybe_unbound"], a, start)
        for n in (len(a), len(a) + 1):
            assert _outcome(scans.unbound_and_short, a, n, start) == _outcome(PY["unbound_and_short"], a, n, start)


def _opt_ir(tmp_path, export):
    src = tmp_path / "src.py"
    src.write_text("import math\n" + SOURCE)
    ir = subprocess.run([sys.executable, "-m", "aot_tool", "show", str(src), export, "--stage", "opt",
                         "--isa", "x86-64-v3"], check=True, capture_output=True, text=True).stdout
    return ir.split(f".{export}.", 1)[1].split("\n}\n", 1)[0]


@pytest.mark.parametrize("export", SCANS)
def test_scans_are_vectorised(tmp_path, export):
    body = _opt_ir(tmp_path, export)
    assert "llvm.vector.reduce.fminimum" in body or "llvm.vector.reduce.fmaximum" in body


@pytest.mark.parametrize("export", NEAR_MISSES)
def test_near_misses_stay_scalar(tmp_path, export):
    assert "llvm.minimum" not in _opt_ir(tmp_path, export)
