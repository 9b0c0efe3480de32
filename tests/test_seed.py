"""The numba docs' example, built both ways, imported with only NumPy available."""

import shutil
import subprocess
import sys

from conftest import REPO, cli, run_python

SEED = f"{REPO}/examples/seed/src.py"

CHECK = """
import numpy as np
import my_module as m
assert m.multi(3, 4) == 12 and type(m.multi(3, 4)) is int
assert m.square(1.414) == 1.9993959999999997
assert m.multf(2.5, 4.0) == 10.0
u = np.random.default_rng(0).standard_normal(1000)
ref = np.zeros_like(u); ref[1:-1] = (u[2:] - 2 * u[1:-1] + u[:-2]) / 0.1**2
assert np.allclose(m.centdiff_1d(u, 0.1), ref)
v = u[::3]
ref = np.zeros_like(v); ref[1:-1] = (v[2:] - 2 * v[1:-1] + v[:-2]) / 0.1**2
assert np.allclose(m.centdiff_1d(v, 0.1), ref)
print('ok')
"""


def _aot_tool_source(tmp_path):
    text = open(SEED).read().replace("from numba.pycc import CC", "from aot_tool import CC")
    src = tmp_path / "src.py"
    src.write_text(text)
    return src


def test_script_calls_cc_compile(tmp_path):
    src = _aot_tool_source(tmp_path)
    proc = subprocess.run([sys.executable, str(src)], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert list(tmp_path.glob("my_module*.so"))
    assert run_python(CHECK, tmp_path).stdout.strip() == "ok"


def test_cli_builds_numba_pycc_source_without_numba(tmp_path):
    shutil.copy(SEED, tmp_path / "src.py")
    # numba is blocked inside the build process too
    proc = subprocess.run([sys.executable, "-c", "import sys, runpy; sys.modules['numba'] = None; "
                           "sys.argv = ['aot_tool', 'build', 'src.py', '-o', 'out']; "
                           "runpy.run_module('aot_tool', run_name='__main__')"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert run_python(CHECK, tmp_path / "out").stdout.strip() == "ok"
    stub = (tmp_path / "out" / "my_module.pyi").read_text()
    assert "def multf(a: float, b: float) -> float" in stub


def test_docstrings_and_module_names(tmp_path):
    out = tmp_path / "out"
    assert cli("build", SEED, "-o", out).returncode == 0
    proc = run_python("import my_module as m\nprint(m.__name__)\nprint(m.multf.__doc__)\n"
                      "print(m.centdiff_1d.__doc__)", out)
    name, multf_doc, centdiff_doc = proc.stdout.strip().splitlines()
    assert name == "my_module"
    assert multf_doc == "multf(a: float64, b: float64) -> float64"
    assert centdiff_doc == "centdiff_1d(u: float64[:], dx: float64) -> float64[:]"


def test_cc_attributes_match_numba_pycc(tmp_path):
    proc = run_python("""
        from aot_tool import CC
        import sysconfig, os
        cc = CC('mod')
        assert cc.name == 'mod'
        assert cc.output_file == 'mod' + sysconfig.get_config_var('EXT_SUFFIX')
        cc.output_dir = 'elsewhere'; assert cc.output_dir == 'elsewhere'
        cc.verbose = True; cc.target_cpu = 'host'
        @cc.export('f', 'f8(f8)')
        def f(x):
            return x
        assert f(2.0) == 2.0  # the decorator hands the function back unchanged
        print('ok')
    """, tmp_path, block=False)
    assert proc.stdout.strip() == "ok"


def test_output_dir_and_verbose(tmp_path):
    src = _aot_tool_source(tmp_path)
    text = src.read_text().replace("cc = CC('my_module')", "cc = CC('my_module')\ncc.output_dir = 'built'\n"
                                   "cc.verbose = True")
    src.write_text(text.replace("    cc.compile()", "    cc.output_dir = 'built'\n    cc.verbose = True\n"
                                "    cc.compile()"))
    proc = subprocess.run([sys.executable, str(src)], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "compiled multf" in proc.stderr
    assert run_python(CHECK, tmp_path / "built").stdout.strip() == "ok"
