"""Counters (backend/counters.py): an int64 that only starts from small literals and
counts up by 1 to 4 gets `add nsw`, so a trial division by it needs no zero check and
no sign fix-up (an unsigned remainder, as in numba); anything else keeps the wrapping
add, and every kernel agrees with CPython (int64 wrap-around where it wraps)."""

import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from conftest import build_and_load
from proof_support import corpus_kernel, python_kernels


SOURCE = """from aot_tool import CC
cc = CC('counting')

""" + corpus_kernel("trial_division.py", "prime_count") + """@cc.export('from_parameter', 'i8(i8, i8)')
def from_parameter(start, k):
    d = start                  # may start anywhere: wraps like any int64
    steps = 0
    while steps < 3:
        d += 1
        steps += 1
    return d % k

@cc.export('big_start', 'i8(i8)')
def big_start(k):
    h = 9223372036854775806    # past the counters' start limit: wraps
    for i in range(3):
        h += 1
    return h % k

@cc.export('big_step', 'i8(i8, i8)')
def big_step(n, k):
    d = 1
    for i in range(n):
        d += 1000003           # past the step limit: a plain add
    return d % k

@cc.export('factor_spelled_out', 'i8(i8)')
def factor_spelled_out(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d = d + 1              # a counter too, as d += 1
    return n

@cc.export('step_from_parameter', 'i8(i8, i8)')
def step_from_parameter(n, s):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d = d + s              # any step: a plain add
    return n

@cc.export('maybe_unbound', 'i8(i8)')
def maybe_unbound(n):
    if n > 0:
        c = 0
    c = 1 + c                  # n <= 0: UnboundLocalError, as in CPython
    return c

@cc.export('rebound', 'i8(i8, i8)')
def rebound(n, k):
    d = 2
    for i in range(n):
        d += 1
        if i == 2:
            d = n              # bound from a parameter: not a counter
    return k % d
"""


@pytest.fixture(scope="module")
def mods(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("counting"), "counting", SOURCE), \
        python_kernels(SOURCE, "counting")


def wrap(v: int) -> int:
    return (v + 2 ** 63) % 2 ** 64 - 2 ** 63


@given(st.integers(0, 3000))
@settings(max_examples=60, deadline=None)
def test_prime_count_matches_cpython(mods, n):
    ours, py = mods
    assert ours.prime_count(n) == py["prime_count"](n)
    assert ours.factor_spelled_out(n) == py["factor_spelled_out"](n)
    assert ours.step_from_parameter(n, 1) == py["step_from_parameter"](n, 1)


def test_a_counter_read_before_assignment_raises_as_cpython(mods):
    ours, py = mods
    assert ours.maybe_unbound(3) == py["maybe_unbound"](3) == 1
    for fn in (ours.maybe_unbound, py["maybe_unbound"]):
        with pytest.raises(UnboundLocalError):
            fn(0)


@given(st.integers(-2 ** 63, 2 ** 63 - 1), st.integers(-2 ** 63, 2 ** 63 - 1).filter(lambda k: k != 0),
       st.integers(-3, 40))
@settings(max_examples=200, deadline=None)
def test_near_misses_wrap_as_int64(mods, start, k, n):
    ours, _ = mods
    assert ours.from_parameter(start, k) == wrap(start + 3) % k
    assert ours.big_start(k) == wrap(9223372036854775806 + 3) % k
    if n >= 0:
        assert ours.big_step(n, k) == wrap(1 + 1000003 * n) % k
        assert ours.rebound(n, k) == mods[1]["rebound"](n, k)


def _kernel_ir(tmp_path, export):
    src = tmp_path / "src.py"
    src.write_text(SOURCE)
    ir = subprocess.run([sys.executable, "-m", "aot_tool", "show", str(src), export, "--stage", "opt"],
                        check=True, capture_output=True, text=True).stdout
    return ir.split(f".{export}.", 1)[1].split("\n}\n", 1)[0]


@pytest.mark.parametrize("export", ["prime_count", "factor_spelled_out"])
def test_trial_division_by_a_counter_is_unsigned_and_unchecked(tmp_path, export):
    body = _kernel_ir(tmp_path, export)
    assert "urem" in body and "srem" not in body and "aot_rt_raise" not in body


@pytest.mark.parametrize("export", ["from_parameter", "rebound", "step_from_parameter"])
def test_other_divisors_keep_the_zero_check(tmp_path, export):
    body = _kernel_ir(tmp_path, export)
    assert "aot_rt_raise" in body and "srem" in body
