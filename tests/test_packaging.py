"""Packaging: `cc.distutils_extension()` on setuptools, wheels built by pip.

The slow tests build real wheels of examples/package and install them into fresh
venvs that hold only NumPy; they are part of the default run.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

import packaging_support as ps

PY312 = "/root/.pyenv/versions/3.12.1/bin/python3.12"


@pytest.fixture(scope="session")
def aot_wheel(tmp_path_factory) -> Path:
    return ps.aot_tool_wheel(tmp_path_factory.mktemp("aot_tool_wheel"))


@pytest.mark.slow
def test_pip_wheel_runs_in_a_venv_with_only_numpy(tmp_path):
    project = ps.copy_example(tmp_path / "pkg")
    ps.pip_wheel(sys.executable, project, tmp_path / "wheels")
    wheel = ps.the_wheel(tmp_path / "wheels")
    members = ps.extension_members(wheel)
    assert [m.split(".")[0] for m in members] == ["aotdemo/_stats", "aotdemo/signal/_filters"]
    python = ps.numpy_venv(tmp_path / "venv")
    assert ps.install_and_check(python, wheel, tmp_path).startswith("ok")


@pytest.mark.slow
def test_isolated_pip_wheel_without_numba(tmp_path, aot_wheel):
    """Build isolation: pip installs aot_tool (from --find-links) into an env with no numba,
    so `from numba.pycc import CC` and `from numba import njit` meet the stand-in."""
    project = ps.copy_example(tmp_path / "pkg")
    ps.pip_wheel(sys.executable, project, tmp_path / "wheels", isolated=True, find_links=[aot_wheel.parent])
    wheel = ps.the_wheel(tmp_path / "wheels")
    assert len(ps.extension_members(wheel)) == 2
    python = ps.numpy_venv(tmp_path / "venv")
    assert ps.install_and_check(python, wheel, tmp_path).startswith("ok")


@pytest.mark.slow
def test_compile_error_in_pip_wheel_is_located(tmp_path):
    project = ps.copy_example(tmp_path / "pkg")
    src = project / "aotdemo" / "_stats_src.py"
    lines = src.read_text().splitlines()
    line = next(i for i, text in enumerate(lines) if "total += x[i]" in text)
    lines[line] = lines[line].replace("x[i]", "x[i] + undefined_name")
    src.write_text("\n".join(lines) + "\n")
    proc = ps.pip_wheel(sys.executable, project, tmp_path / "wheels", check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    column = lines[line].index("undefined_name") + 1
    assert f"aotdemo/_stats_src.py:{line + 1}:{column}: error: name 'undefined_name' is not defined" in out
    assert lines[line].strip() in out and "^" in out
    assert "Traceback" not in out
    assert not list((tmp_path / "wheels").glob("*.whl"))


NUMBA_SOURCE = '''\
import numpy as np
from numba import njit, float64
from numba.pycc import CC

cc = CC('fastmath')

SIGNATURE = float64(float64[:])       # evaluated at import: the stand-in's placeholder


@njit(cache=True)
def _half(x):
    return 0.5 * x


@cc.export('halfsum', 'f8(f8[:])')
def halfsum(a):
    s = 0.0
    for i in range(len(a)):
        s += _half(a[i])
    return s
'''

SETUP_WITH_SHIM = '''\
import sys
from setuptools import setup
from aot_tool.drivers.setuptools_ext import provide_numba_pycc

with provide_numba_pycc():
    from kernels import cc
ext = cc.distutils_extension()
assert ext.name == 'fastmath' and ext.sources == ['kernels.py'], (ext.name, ext.sources)
assert 'llvmlite' not in sys.modules, 'making the Extension must not load the compiler'
assert sys.modules.get('numba') is None, 'the stand-in must be gone after the with block'
setup(name='fastmath-demo', version='1.0', py_modules=[], ext_modules=[ext])
'''

BLOCK_NUMBA = "import sys; sys.modules['numba'] = None; sys.argv = ['setup.py'] + sys.argv[1:]; " \
              "exec(compile(open('setup.py').read(), 'setup.py', 'exec'))"


def _numba_project(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "kernels.py").write_text(NUMBA_SOURCE)
    (project / "setup.py").write_text(SETUP_WITH_SHIM)
    return project


def _build_ext(project: Path) -> str:
    proc = ps.run([sys.executable, "-c", BLOCK_NUMBA, "build_ext", "--inplace"], cwd=project)
    return proc.stdout + proc.stderr


@pytest.mark.slow
def test_distutils_extension_with_numba_blocked(tmp_path):
    """A `from numba.pycc import CC` source, plain setuptools, numba not importable."""
    project = _numba_project(tmp_path)
    _build_ext(project)
    built = list(project.glob("fastmath*.so"))
    assert built
    check = ("import numpy as np, fastmath; a = np.arange(6.0); "
             "assert fastmath.halfsum(a) == 7.5, fastmath.halfsum(a); print('ok')")
    assert ps.run([sys.executable, "-c", check], cwd=project).stdout.strip() == "ok"


@pytest.mark.slow
def test_build_ext_reuses_unchanged_objects(tmp_path):
    project = _numba_project(tmp_path)
    first = _build_ext(project)
    assert "aot_tool: compiling fastmath.halfsum" in first
    second = _build_ext(project)
    assert "aot_tool: compiling" not in second and "objects unchanged" in second
    kernels = project / "kernels.py"
    kernels.write_text(kernels.read_text().replace("0.5 * x", "0.25 * x"))
    third = _build_ext(project)
    assert "aot_tool: compiling fastmath.halfsum" in third and "compiling runtime" not in third
    check = "import numpy as np, fastmath; print(fastmath.halfsum(np.arange(6.0)))"
    assert ps.run([sys.executable, "-c", check], cwd=project).stdout.strip() == "3.75"


def test_numba_shim_is_scoped():
    from aot_tool import CC
    from aot_tool.drivers.numba_shim import provide_numba_pycc
    before = {name: sys.modules.get(name) for name in ("numba", "numba.pycc")}
    with provide_numba_pycc():
        from numba.pycc import CC as shim_cc
        assert shim_cc is CC
    assert {name: sys.modules.get(name) for name in ("numba", "numba.pycc")} == before


def test_finalize_hook_keeps_a_project_build_ext():
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext as plain
    from aot_tool.drivers import setuptools_ext as se

    class Custom(plain):
        marker = True

    # The hook is called directly: from the checkout's root, a stale aot_tool.egg-info
    # there can hide the installed entry points (the pip builds above exercise them).
    dist = Distribution({"name": "x", "ext_modules": [se.AOTExtension("m", __file__, "m")],
                         "cmdclass": {"build_ext": Custom}})
    se.finalize_distribution_options(dist)
    command = dist.get_command_class("build_ext")
    assert issubclass(command, se.AOTBuildMixin) and issubclass(command, Custom)
    untouched = Distribution({"name": "y", "cmdclass": {"build_ext": Custom}})
    se.finalize_distribution_options(untouched)
    assert untouched.get_command_class("build_ext") is Custom


def test_extension_name_follows_the_package(tmp_path, monkeypatch):
    pkg = tmp_path / "pkg" / "sub"
    pkg.mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "src.py").write_text(textwrap.dedent('''\
        from aot_tool import CC
        cc = CC('core')
        @cc.export('one', 'i8()')
        def one():
            return 1
    '''))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    from pkg.sub.src import cc
    ext = cc.distutils_extension(extra_link_args=["-Wl,-O1"], include_dirs=["ignored"])
    assert ext.name == "pkg.sub.core" and ext.sources == ["pkg/sub/src.py"]
    assert ext.extra_link_args == ["-Wl,-O1"]
    with pytest.raises(ValueError, match="must end in the CC name"):
        cc.distutils_extension(name="pkg.other")
    for name in ("pkg", "pkg.sub", "pkg.sub.src"):
        sys.modules.pop(name, None)


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(PY312), reason=f"no Python 3.12 at {PY312}")
def test_pip_wheel_on_python_312(tmp_path, aot_wheel, request):
    """Python 3.12 has no distutils: the wheel builds and runs there too."""
    cache = getattr(request.config, "cache", None)   # absent under -p no:cacheprovider
    where = Path(cache.mkdir("aot_tool-py312-build")) if cache else tmp_path / "py312-build"
    builder = ps.build_venv(where, PY312)
    ps.run([builder, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", aot_wheel])
    project = ps.copy_example(tmp_path / "pkg")
    ps.pip_wheel(builder, project, tmp_path / "wheels")
    wheel = ps.the_wheel(tmp_path / "wheels")
    assert "-cp312-" in wheel.name
    python = ps.numpy_venv(tmp_path / "venv", base_python=PY312)
    assert ps.install_and_check(python, wheel, tmp_path).startswith("ok")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("scons") is None, reason="scons not on PATH")
def test_scons_builds_the_same_package(tmp_path):
    """The top-level SConstruct's route, in a copy: build/package is an importable tree."""
    from scons_support import TOOLPATH
    ps.copy_example(tmp_path / "package")
    (tmp_path / "SConstruct").write_text(
        f"env = Environment(tools=['default', 'aot'], toolpath=[{TOOLPATH!r}])\n"
        "SConscript('package/SConscript', variant_dir='build/package', duplicate=False, exports='env')\n")
    ps.run(["scons", "-Q"], cwd=tmp_path)
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "build" / "package"))
    check = "import numpy as np, aotdemo; print(aotdemo.mean(np.arange(5.0)), aotdemo.centdiff_1d(np.ones(3), 1.0))"
    out = ps.run([sys.executable, "-c", check], cwd=tmp_path, env=env).stdout
    assert out.startswith("2.0 [0. 0. 0.]"), out


@pytest.mark.slow
def test_enscons_route_builds_the_same_wheel(tmp_path, aot_wheel):
    """examples/package/enscons: the wheel built by SCons (env.AOTModule) through enscons."""
    project = ps.copy_example(tmp_path / "pkg")
    for name in ("pyproject.toml", "SConstruct"):
        shutil.copy(project / "enscons" / name, project / name)
    shutil.rmtree(project / "enscons")
    (project / "setup.py").unlink()
    proc = ps.pip_wheel(sys.executable, project, tmp_path / "wheels", isolated=True,
                        find_links=[aot_wheel.parent], check=False)
    if proc.returncode != 0 and "enscons" in proc.stdout + proc.stderr and "No matching distribution" in \
            proc.stdout + proc.stderr:
        pytest.skip("enscons is not available from the package index")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheel = ps.the_wheel(tmp_path / "wheels")
    assert [m.split(".")[0] for m in ps.extension_members(wheel)] == ["aotdemo/_stats", "aotdemo/signal/_filters"]
    python = ps.numpy_venv(tmp_path / "venv")
    assert ps.install_and_check(python, wheel, tmp_path).startswith("ok")


@pytest.mark.slow
def test_installed_aot_tool_is_found_by_plain_tools_list(tmp_path, aot_wheel):
    """pip-installed aot_tool: `Environment(tools=['default', 'aot'])` with no toolpath and
    no site_scons finds the tool (aot_tool_scons.pth installs a finder for SCons.Tool.aot)."""
    python = ps.venv_seeing_current_packages(tmp_path / "venv")
    ps.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", str(aot_wheel)])
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(Path(__file__).resolve().parents[1] / "examples" / "seed" / "src.py", project / "src.py")
    (project / "SConstruct").write_text("env = Environment(tools=['default', 'aot'])\n"
                                        "env.AOTModule('my_module', 'src.py')\n")
    ps.run([str(python), "-m", "SCons", "-Q"], cwd=project)
    out = ps.run([str(python), "-c", "import my_module; print(my_module.multi(3, 4))"], cwd=project)
    assert out.stdout.strip() == "12"


@pytest.mark.slow
def test_python_m_build_with_isolation(tmp_path, aot_wheel):
    """`python -m build` (sdist, then the wheel from it, each in an isolated env that
    gets aot_tool from --find-links) gives a wheel that runs with only NumPy."""
    pytest.importorskip("build")
    project = ps.copy_example(tmp_path / "pkg")
    env = dict(os.environ, PIP_FIND_LINKS=str(aot_wheel.parent))
    ps.run([sys.executable, "-m", "build", "--outdir", tmp_path / "dist", project], env=env)
    wheel = ps.the_wheel(tmp_path / "dist")
    assert len(ps.extension_members(wheel)) == 2
    python = ps.numpy_venv(tmp_path / "venv")
    assert ps.install_and_check(python, wheel, tmp_path).startswith("ok")
