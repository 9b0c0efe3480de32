"""Values at the ends of the ranges: nothing traps, hangs or reads undefined memory."""

import pytest

from conftest import run_python

SOURCE = """
import numpy as np
from aot_tool import CC
cc = CC('edge')

@cc.export('fdiv', 'i8(i8, i8)')
def fdiv(a, b):
    return a // b

@cc.export('fmod', 'i8(i8, i8)')
def fmod(a, b):
    return a % b

@cc.export('arf', 'f8[:](f8, f8, f8)')
def arf(a, b, s):
    return np.arange(a, b, s)

@cc.export('ari', 'i8[:](i8, i8, i8)')
def ari(a, b, s):
    return np.arange(a, b, s)

@cc.export('to_int', 'i8(f8)')
def to_int(x):
    return int(x)
"""


@pytest.fixture(scope="module")
def edge_dir(tmp_path_factory):
    from conftest import cli
    d = tmp_path_factory.mktemp("edge")
    (d / "src.py").write_text(SOURCE)
    assert cli("build", d / "src.py", "-o", d).returncode == 0
    return d


@pytest.mark.parametrize("expr, expected", [
    ("m.fdiv(-2**63, -1)", "-9223372036854775808"),   # wraps, as numba's int64 arithmetic does
    ("m.fmod(-2**63, -1)", "0"),
    ("(m.fdiv(-7, 2), m.fmod(-7, 2), m.fdiv(7, -2), m.fmod(7, -2))", "(-4, 1, -4, -1)"),
    ("m.ari(10, -3, -4).tolist()", "[10, 6, 2, -2]"),
    ("m.ari(5, 5, 1).tolist()", "[]"),
    ("m.arf(0.0, 1.0, 0.25).tolist()", "[0.0, 0.25, 0.5, 0.75]"),
])
def test_values(edge_dir, expr, expected):
    out = run_python(f"import edge as m\nprint({expr})", edge_dir).stdout.strip()
    assert out == expected


@pytest.mark.parametrize("expr, exc", [
    ("m.fdiv(1, 0)", "ZeroDivisionError"),
    ("m.arf(0.0, float('inf'), 1.0)", "ValueError"),
    ("m.arf(0.0, float('nan'), 1.0)", "ValueError"),
    ("m.ari(-2**63, 2**63 - 1, 1)", "ValueError"),
    ("m.ari(0, 1, 0)", "ZeroDivisionError"),
    ("m.to_int(float('nan'))", "OverflowError"),
    ("m.to_int(1e300)", "OverflowError"),
])
def test_errors(edge_dir, expr, exc):
    code = f"import edge as m\ntry:\n    {expr}\n    print('no error')\nexcept Exception as e:\n    print(type(e).__name__)"
    assert run_python(code, edge_dir).stdout.strip() == exc
