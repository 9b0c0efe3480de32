"""cmath.exp/log/sqrt on the special values (signed zeros, infinities, NaNs, the ends of
the float range) agree with CPython's cmath, which follows C99 Annex G: compiled code
calls the C library's cexp/clog/csqrt, which do too. Where CPython raises (a range or
domain error) compiled code gives C's value, as numba does."""

from __future__ import annotations

import cmath
import itertools
import math

import pytest

from conftest import build_and_load

SOURCE = """
import cmath
from aot_tool import CC
cc = CC('cm')

@cc.export('exp', 'c16(c16)')
def exp(z):
    return cmath.exp(z)

@cc.export('log', 'c16(c16)')
def log(z):
    return cmath.log(z)

@cc.export('sqrt', 'c16(c16)')
def sqrt(z):
    return cmath.sqrt(z)

@cc.export('sqrt8', 'c8(c8)')
def sqrt8(z):
    return cmath.sqrt(z)
"""

SPECIAL = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 1e308, -1e308, math.inf, -math.inf, math.nan, 5e-324, 1e-310]


def _same(x, y, signed_zero=True):
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if x == y:
        return not signed_zero or math.copysign(1, x) == math.copysign(1, y)
    return abs(x - y) <= 4e-16 * max(abs(x), abs(y))


@pytest.fixture(scope="module")
def cm(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("cm"), "cm", SOURCE)


@pytest.mark.parametrize("name", ["exp", "log", "sqrt"])
def test_special_values_as_cpython(cm, name):
    compiled, reference = getattr(cm, name), getattr(cmath, name)
    checked = 0
    for re, im in itertools.product(SPECIAL, SPECIAL):
        z = complex(re, im)
        try:
            want = reference(z)
        except (ValueError, OverflowError):
            continue
        got = compiled(z)
        # Annex G leaves the sign of a zero result unspecified for some infinite inputs
        signed = math.isfinite(re) and math.isfinite(im)
        assert _same(got.real, want.real, signed) and _same(got.imag, want.imag, signed), (name, z, got, want)
        checked += 1
    assert checked > 100


def test_the_cases_issue_17_names(cm):
    assert cm.exp(complex(math.inf, 0.0)) == complex(math.inf, 0.0)
    got = cm.sqrt(complex(1e308, 1e308))
    want = cmath.sqrt(complex(1e308, 1e308))
    assert _same(got.real, want.real) and _same(got.imag, want.imag)
    assert cm.sqrt8(complex(-4.0, 0.0)) == 2j
