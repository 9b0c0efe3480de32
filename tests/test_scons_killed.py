"""A build killed with SIGKILL, then the edit undone: the next run rebuilds what the killed
run rewrote (issue 17), and `scons -q` does not call the tree up to date before it.

SCons writes .sconsign once, at the end of a run, so a killed run leaves objects (and
maybe the module) whose bytes are not the ones .sconsign records; with the sources
restored, every recorded input matches again. Real kills: the test-only hook
AOT_TEST_PAUSE_AFTER_WRITE (scons/actions.py) makes the run stop right after it wrote
the named object, so the kill lands at a known point.
"""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from scons_support import EXT, call, copy_project, edit, linked, scons, seed_project

MODULE = "my_module" + EXT
VALUES = "m.multi(3, 4), m.multf(2.0, 4.0), m.square(3.0)"
GOOD = "(12, 8.0, 9.0)"
EDIT = ("    return a * b", "    return a * b + 100")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = seed_project(tmp_path_factory.mktemp("killed") / "p")
    scons(root)
    assert call(root / MODULE, VALUES) == GOOD
    return root


@pytest.fixture
def project(built, tmp_path):
    return copy_project(built, tmp_path / "p")


def _kill_after_write(root, obj):
    """Run scons on the edited source, SIGKILL it once it has rewritten `obj`."""
    before = (root / obj).read_bytes()
    env = dict(os.environ, AOT_TEST_PAUSE_AFTER_WRITE=obj)
    proc = subprocess.Popen([sys.executable, "-m", "SCons", "-Q"], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _bytes(root / obj) in (before, None):   # SCons removes a target before building it
            assert proc.poll() is None, "scons ended before it rewrote the object"
            assert time.monotonic() < deadline, "scons did not rewrite the object"
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _bytes(path):
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _restore_and_rebuild(root, original):
    (root / "src.py").write_text(original)
    assert scons(root, "-q", check=False).returncode != 0, "the killed run's objects were taken as up to date"
    scons(root)
    assert call(root / MODULE, VALUES) == GOOD
    assert scons(root, "-q", check=False).returncode == 0, "the repaired tree is not up to date"


def test_killed_after_an_object_was_rewritten(project):
    original = (project / "src.py").read_text()
    edit(project / "src.py", *EDIT)
    _kill_after_write(project, "my_module.aot/multi.0.os")
    _restore_and_rebuild(project, original)


def test_killed_after_the_link_before_sconsign_was_written(project):
    """Every object, the module and the stub rewritten, .sconsign as before the run (the
    kill came after the link, before SCons saved its records)."""
    original = (project / "src.py").read_text()
    stub = (project / "my_module.pyi").read_text()
    saved = (project / ".sconsign.dblite").read_bytes()
    edit(project / "src.py", *EDIT)
    edit(project / "src.py", "'multi', 'i4(i4, i4)'", "'multi', 'f8(f8, f8)'")
    assert linked(scons(project).stdout) == {MODULE}
    assert call(project / MODULE, VALUES) == "(112.0, 108.0, 9.0)"
    assert (project / "my_module.pyi").read_text() != stub
    (project / ".sconsign.dblite").write_bytes(saved)
    _restore_and_rebuild(project, original)
    assert (project / "my_module.pyi").read_text() == stub


@pytest.mark.slow
def test_a_second_kill_while_repairing(project):
    """Killed again after the repair rewrote the objects but before it relinked: the
    objects match the records again, the module still holds the edit."""
    original = (project / "src.py").read_text()
    saved = (project / ".sconsign.dblite").read_bytes()
    edit(project / "src.py", *EDIT)
    scons(project)
    (project / ".sconsign.dblite").write_bytes(saved)
    (project / "src.py").write_text(original)
    keep = project.parent / "module-with-edit"
    shutil.copy2(project / MODULE, keep)
    scons(project)
    shutil.copy2(keep, project / MODULE)       # the repair's link never happened
    (project / ".sconsign.dblite").write_bytes(saved)
    assert scons(project, "-q", check=False).returncode != 0
    scons(project)
    assert call(project / MODULE, VALUES) == GOOD
    assert scons(project, "-q", check=False).returncode == 0
