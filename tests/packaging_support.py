"""Helpers for tests/test_packaging.py: wheels of aot_tool and examples/package, venvs.

Everything runs for real: `pip wheel`, `python -m venv`, `pip install numpy`
(from the configured index or PyPI). A venv with build tools for another
interpreter is kept in pytest's cache directory between runs, since installing
llvmlite and NumPy each time would dominate the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "package"

# Imported in the clean venv: every compiled function against NumPy.
CHECK_AOTDEMO = """
import importlib.util, sys
import numpy as np
for m in ('aot_tool', 'llvmlite', 'numba'):
    assert importlib.util.find_spec(m) is None, m + ' is importable in the clean venv'
import aotdemo
from aotdemo import signal
x = np.random.default_rng(1).standard_normal(1001)
assert np.isclose(aotdemo.mean(x), x.mean())
assert np.isclose(aotdemo.variance(x), x.var())
assert aotdemo.count_between(x, -0.5, 0.5) == int(((x >= -0.5) & (x < 0.5)).sum())
y = 3.0 * x + 0.5 + 0.01 * np.cos(x)
assert np.allclose(aotdemo._stats.fit_line(x, y), np.polyfit(x, y, 1))  # np.linalg, no SciPy
assert importlib.util.find_spec('scipy') is None
assert np.allclose(signal.moving_average(x, 5), np.convolve(x, np.ones(5) / 5, mode='valid'))
ref = np.zeros_like(x); ref[1:-1] = (x[2:] - 2 * x[1:-1] + x[:-2]) / 0.1**2
assert np.allclose(aotdemo.centdiff_1d(x, 0.1), ref)
assert type(aotdemo.mean).__name__ == 'builtin_function_or_method'
print('ok', aotdemo._stats.__file__)
"""


def run(cmd, cwd=None, env=None, check=True, timeout=900) -> subprocess.CompletedProcess:
    """Run a command, output captured as text; raise with its output if it fails and `check`."""
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd and str(cwd), env=env, capture_output=True,
                          text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n"
                             f"{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return proc


def copy_example(dest: Path) -> Path:
    """A clean copy of examples/package (no build/ or egg-info from earlier in-tree builds)."""
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__",
                                                                  "dist", "*.so"))
    return dest


def aot_tool_wheel(dest: Path, python=sys.executable) -> Path:
    """Build aot_tool's own wheel from a copy of the checkout (keeps build/ out of the tree)."""
    src = dest / "aot_tool-src"
    shutil.copytree(REPO / "aot_tool", src / "aot_tool", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "setup.py", "MANIFEST.in", "aot_tool_scons.pth",
                 "aot_tool_scons_finder.py"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, src / name)
    run([python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", dest, src])
    return next(dest.glob("aot_tool-*.whl"))


def pip_wheel(python, project: Path, out: Path, isolated=False, find_links=(), check=True):
    """`pip wheel` of `project` into `out`; returns the CompletedProcess."""
    cmd = [python, "-m", "pip", "wheel", "--no-deps", "-w", out, project]
    if not isolated:
        cmd.insert(5, "--no-build-isolation")
    for link in find_links:
        cmd += ["--find-links", link]
    return run(cmd, check=check)


def the_wheel(out: Path) -> Path:
    wheels = sorted(out.glob("aotdemo-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def extension_members(wheel: Path) -> list:
    return sorted(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".so"))


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def numpy_venv(venv: Path, base_python=sys.executable) -> Path:
    """A fresh venv holding only NumPy (and pip); returns its python."""
    run([base_python, "-m", "venv", venv])
    python = venv_python(venv)
    run([python, "-m", "pip", "install", "-q", "numpy"])
    return python


def venv_seeing_current_packages(venv: Path) -> Path:
    """A fresh venv that also sees this interpreter's installed packages (SCons, NumPy).

    `--system-site-packages` would show the *base* interpreter's packages when the tests
    themselves run in a venv; a plain path line in a .pth file shows exactly ours, without
    running our .pth files (so an editable aot_tool here stays invisible there)."""
    run([sys.executable, "-m", "venv", venv])
    python = venv_python(venv)
    site_dir = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    ours = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    Path(site_dir, "_outer_packages.pth").write_text("".join(p + "\n" for p in ours))
    return python


def install_and_check(python: Path, wheel: Path, cwd: Path) -> str:
    """Install `wheel` (no other dependency) and run CHECK_AOTDEMO away from any checkout."""
    run([python, "-m", "pip", "install", "-q", "--no-deps", wheel])
    return run([python, "-I", "-c", CHECK_AOTDEMO], cwd=cwd).stdout


def build_venv(cache_dir: Path, base_python: str) -> Path:
    """A venv for `base_python` with what building needs (kept between test runs)."""
    python = venv_python(cache_dir)
    if not python.exists() or run([python, "-c", "import numpy, llvmlite, setuptools, wheel, SCons"],
                                  check=False).returncode != 0:
        shutil.rmtree(cache_dir, ignore_errors=True)
        run([base_python, "-m", "venv", cache_dir])
        run([python, "-m", "pip", "install", "-q", "numpy", "llvmlite", "setuptools>=64", "wheel", "scons"])
    return python
