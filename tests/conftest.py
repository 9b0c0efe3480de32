"""Shared fixtures: build a source into a temporary directory and run Python code
against the result in a fresh subprocess (where aot_tool, llvmlite and numba can be
blocked, so the module is shown to need only NumPy)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

BLOCK = "import sys\nfor _m in ('aot_tool', 'llvmlite', 'numba'): sys.modules[_m] = None\n"


def run_python(code: str, cwd, block=True, check=True, env=None):
    """Run `code` in a new interpreter in `cwd`; returns the CompletedProcess."""
    full = (BLOCK if block else "") + textwrap.dedent(code)
    proc = subprocess.run([sys.executable, "-c", full], cwd=str(cwd), capture_output=True, text=True,
                          env=env, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"subprocess failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "aot_tool", *map(str, args)], cwd=cwd and str(cwd),
                          capture_output=True, text=True, timeout=600)


def build_and_load(directory, name: str, source: str):
    """Write `source` to directory/src.py, build it there, import module `name` in this process."""
    import importlib.util
    import sysconfig
    (directory / "src.py").write_text(source)
    proc = cli("build", directory / "src.py", "-o", directory)
    assert proc.returncode == 0, proc.stderr
    spec = importlib.util.spec_from_file_location(name, directory / (name + sysconfig.get_config_var("EXT_SUFFIX")))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def build(tmp_path):
    """build(source_text, name='src.py') -> directory holding the built module(s)."""
    def _build(text: str, name: str = "src.py"):
        src = tmp_path / name
        src.write_text(textwrap.dedent(text))
        out = tmp_path / "out"
        proc = cli("build", src, "-o", out)
        if proc.returncode != 0:
            raise AssertionError(f"build failed:\n{proc.stderr}")
        return out
    return _build


def _shares_a_module_fixture(item) -> bool:
    defs = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    return any(chain and chain[-1].scope in ("module", "class", "package") for chain in defs.values())


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Groups for `-n auto --dist loadgroup` (the README's command): tests sharing a
    module-scoped built extension run in one worker (built once); the kernel corpus is
    grouped per kernel file; every other test goes wherever a worker is free."""
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        params = getattr(getattr(item, "callspec", None), "params", {})
        module = getattr(getattr(item, "module", None), "__name__", "")
        if "path" in params and module in ("test_kernels", "test_kernels_numba"):
            item.add_marker(pytest.mark.xdist_group(f"{module}:{os.path.basename(str(params['path']))}"))
        elif _shares_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(module))
