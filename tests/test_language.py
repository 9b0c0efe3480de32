"""Language features that span files and functions: relative and absolute helper
imports, numba's decorators on helpers, mutual recursion, several CC objects,
numba type objects as signatures, none() exports, module code that never runs."""

import subprocess
import sys

from conftest import run_python

HELPERS = """
SCALE = 3.0
def triple(x):
    return x * SCALE
"""

SOURCE = """
import math
import numpy as np
import os
from numba import njit, float32, types
import numba
from numba.pycc import CC
from .helpers import triple
from pkg.helpers import SCALE

open(os.path.join(os.path.dirname(__file__), 'RAN'), 'w').write('module code ran')
cc = CC('lang_a')
cc2 = CC('lang_b')

@njit
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

@numba.njit(cache=True)
def even(n):
    if n == 0:
        return True
    return odd(n - 1)

@numba.jit(nopython=True)
def odd(n):
    if n == 0:
        return False
    return even(n - 1)

@njit('f8(f8, f8)')
def hyp(a, b):
    return math.sqrt(a * a + b * b)

@cc.export('fibo', 'i8(i8)')
def fibo(n):
    return fib(n)

@cc.export('parity', 'b1(i8)')
def parity(n):
    return even(n)

@cc.export('nothing', 'none()')
def nothing():
    return None

@cc.export('addf', (float32, float32))
def addf(a, b):
    return a + b

@cc.export('tri', 'f8(f8)')
def tri(x):
    return triple(x) + SCALE + hyp(3.0, 4.0)

@cc2.export('tot', types.float64(types.float64[:]))
def tot(a):
    return max(a) + min(a) + a.sum()
"""


def test_cross_file_features(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "helpers.py").write_text(HELPERS)
    (pkg / "src.py").write_text(SOURCE)
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", "pkg/src.py", "-o", "out"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert not (pkg / "RAN").exists(), "the build ran the source's module-level code"
    out = run_python("""
        import numpy as np, lang_a, lang_b
        assert lang_a.fibo(20) == 6765
        assert lang_a.parity(7) is False and lang_a.parity(10) is True
        assert lang_a.nothing() is None
        assert lang_a.addf(1.5, 2.25) == 3.75
        assert lang_a.addf.__doc__ == 'addf(a: float32, b: float32) -> float32'
        assert lang_a.tri(2.0) == 6.0 + 3.0 + 5.0
        assert lang_b.tot(np.array([1.0, 5.0, 2.0])) == 14.0
        assert not hasattr(lang_a, 'tot') and not hasattr(lang_b, 'fibo')
        print('ok')
    """, tmp_path / "out")
    assert out.stdout.strip() == "ok"


def test_module_option_picks_one_cc(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "helpers.py").write_text(HELPERS)
    (pkg / "src.py").write_text(SOURCE)
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", "pkg/src.py", "-o", "out", "-m", "lang_b"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    built = sorted(p.name.split(".")[0] for p in (tmp_path / "out").glob("*.so"))
    assert built == ["lang_b"]


def test_try_except_import_of_cc(build):
    out = build("""
        try:
            from numba.pycc import CC
        except ImportError:
            from aot_tool import CC
        try:
            import numpy as np
        except ImportError:
            np = None

        cc = CC('trycc')

        @cc.export('total', 'f8(f8[:])')
        def total(a):
            return np.sum(a)

        if __name__ == '__main__':
            cc.compile()
    """)
    assert run_python("import numpy as np, trycc\nprint(trycc.total(np.arange(4.0)))", out).stdout.strip() == "6.0"
