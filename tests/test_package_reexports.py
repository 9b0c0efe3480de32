"""A package whose `__init__.py` re-exports its compiled functions (`from .heat import step`)
builds with `pip wheel` through numba's documented `from pkg.kernels import cc` in setup.py:
the build backend lets setup.py import `pkg.kernels` although `pkg/__init__` cannot run
before `pkg.heat` is built."""

from __future__ import annotations

import sys
import zipfile

import packaging_support as ps
from conftest import run_python

PYPROJECT = '''\
[build-system]
requires = ["setuptools>=64", "wheel", "aot_tool"]
build-backend = "aot_tool.build_meta"

[project]
name = "heatpkg"
version = "1.0"
dependencies = ["numpy"]
'''

SETUP = '''\
from setuptools import setup
from heatpkg.kernels import cc

setup(packages=['heatpkg'], ext_modules=[cc.distutils_extension()])
'''

INIT = "from .heat import step\n\n__all__ = ['step']\n"

KERNELS = '''\
from numba.pycc import CC

cc = CC('heat')


@cc.export('step', 'f8[:](f8[:], f8)')
def step(u, r):
    out = u.copy()
    for i in range(1, len(u) - 1):
        out[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1])
    return out
'''


def _project(root):
    (root / "heatpkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "setup.py").write_text(SETUP)
    (root / "heatpkg" / "__init__.py").write_text(INIT)
    (root / "heatpkg" / "kernels.py").write_text(KERNELS)
    return root


def test_pip_wheel_of_a_package_reexporting_its_compiled_functions(tmp_path):
    project = _project(tmp_path / "proj")
    proc = ps.pip_wheel(sys.executable, project, tmp_path / "wheels", check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    wheel = next((tmp_path / "wheels").glob("heatpkg-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("heatpkg/heat") and n.endswith(".so") for n in names), names
    assert "heatpkg/heat.pyi" in names, names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    check = run_python("import numpy as np, heatpkg\n"
                       "print(heatpkg.step(np.array([0.0, 1.0, 0.0]), 0.25).tolist())", site)
    assert check.stdout.strip() == "[0.0, 0.5, 0.0]"


def test_other_errors_in_init_still_fail_the_build(tmp_path):
    project = _project(tmp_path / "proj")
    (project / "heatpkg" / "__init__.py").write_text("raise RuntimeError('broken on purpose')\n")
    proc = ps.pip_wheel(sys.executable, project, tmp_path / "wheels", check=False)
    assert proc.returncode != 0
    assert "broken on purpose" in proc.stdout + proc.stderr
