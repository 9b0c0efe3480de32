"""Every route writes a `.pyi` stub typed precisely, and exports carry `__text_signature__`.

The direct build (CLI), SCons' `env.AOTModule` and setuptools' build_ext each write
`<module>.pyi` beside the module; stubs parse, and a result left to inference is typed
with the inferred type. `inspect.signature` of a built export shows its parameters.
"""

from __future__ import annotations

import ast
import sys
import textwrap

from conftest import run_python
import packaging_support as ps
import scons_support as ss

SOURCE = '''\
import numpy as np
from numba import float64, int64
from numba.pycc import CC

cc = CC('sigs')


@cc.export('multf', 'f8(f8, f8)')
def mult(a, b):
    return a * b


@cc.export('solve', 'f8(f8, f8, i8)')
def solve(x, tol=1e-3, n=10):
    return x + tol * n


@cc.export('halve', (float64[:],))
def halve(u):
    return u / 2


@cc.export('pair', (float64, int64))
def pair(x, k):
    return x * k, k + 1


@cc.export('infill', 'f8(f8, f8)')
def infill(x, fill=1e400):
    return min(x, fill)
'''


def _check_stub(text: str) -> None:
    tree = ast.parse(text)
    defs = {node.name: ast.unparse(node.returns) for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert "object" not in defs.values(), text
    assert defs["multf"] == "float"
    assert defs["halve"] == "numpy.ndarray"
    assert defs["pair"] == "tuple[float, int]"


def test_inspect_signature_of_built_exports(build):
    out = build(SOURCE)
    proc = run_python("""\
        import inspect, sigs
        print(inspect.signature(sigs.multf))
        print(inspect.signature(sigs.solve))
        print(sigs.multf.__text_signature__)
        print(sigs.multf.__doc__)
        try:
            inspect.signature(sigs.infill)
        except ValueError:
            print('no signature')
        """, out)
    assert proc.stdout.splitlines() == ["(a, b)", "(x, tol=0.001, n=10)", "(a, b)",
                                        "multf(a: float64, b: float64) -> float64", "no signature"]


def test_cli_stub_types_inferred_results(build):
    _check_stub((build(SOURCE) / "sigs.pyi").read_text())


def test_scons_writes_the_stub(tmp_path):
    ss.write(tmp_path, {"src.py": SOURCE, "SConstruct": ss.sconstruct("env.AOTModule('sigs', 'src.py')\n")})
    out = ss.scons(tmp_path, "-Q").stdout
    assert "aot: stub sigs.pyi" in out
    _check_stub((tmp_path / "sigs.pyi").read_text())
    again = ss.scons(tmp_path, "-Q").stdout
    assert "aot: stub" not in again, again


SETUP = '''\
from setuptools import setup
from aot_tool.drivers.setuptools_ext import build_ext, provide_numba_pycc

with provide_numba_pycc():
    from src import cc
setup(name='sigs-demo', version='1.0', py_modules=[], ext_modules=[cc.distutils_extension()],
      cmdclass={'build_ext': build_ext})
'''


def test_setuptools_writes_the_stub_in_build_lib_and_in_place(tmp_path):
    (tmp_path / "src.py").write_text(SOURCE)
    (tmp_path / "setup.py").write_text(SETUP)
    ps.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp_path)
    _check_stub((tmp_path / "sigs.pyi").read_text())
    assert list((tmp_path / "build").rglob("sigs.pyi")), "the stub is in build_lib, so wheels carry it"
