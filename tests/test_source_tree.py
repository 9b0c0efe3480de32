"""The build reads only the source tree: helper imports resolve inside it (the source's
directory, its top package's directory, `--root`, or the SConstruct's directory), a
symlink out of it is refused, and no message quotes a file outside it."""

from __future__ import annotations

import os

from conftest import cli

HELPER_USER = ("from aot_tool import CC\nfrom secret import token\ncc = CC('m')\n"
               "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return token(x)\n")
SECRET = "def token(x):\n    return x + 424242.0  # SECRET-TOKEN\n"


def test_helpers_outside_the_tree_are_not_read(tmp_path):
    (tmp_path / "secret.py").write_text(SECRET)           # a sibling of the project, not in it
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "src.py").write_text(HELPER_USER)
    proc = cli("build", proj / "src.py", "-o", tmp_path / "out")
    assert proc.returncode == 1
    assert "cannot find module 'secret'" in proc.stderr
    assert "SECRET-TOKEN" not in proc.stderr


def test_root_widens_the_tree(tmp_path):
    (tmp_path / "secret.py").write_text(SECRET)
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "src.py").write_text(HELPER_USER)
    proc = cli("build", proj / "src.py", "-o", tmp_path / "out", "--root", tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_a_symlink_out_of_the_tree_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "real_secret.py").write_text(SECRET)
    proj = tmp_path / "proj"
    proj.mkdir()
    os.symlink(outside / "real_secret.py", proj / "secret.py")
    (proj / "src.py").write_text(HELPER_USER)
    proc = cli("build", proj / "src.py", "-o", tmp_path / "out")
    assert proc.returncode == 1
    assert "leads outside the source tree" in proc.stderr and "SECRET-TOKEN" not in proc.stderr


def test_packages_import_from_their_top_package(tmp_path):
    pkg = tmp_path / "mypkg"
    (pkg / "sub").mkdir(parents=True)
    for d in (pkg, pkg / "sub"):
        (d / "__init__.py").write_text("")
    (pkg / "helpers.py").write_text("def twice(x):\n    return 2.0 * x\n")
    (pkg / "sub" / "kern.py").write_text("from aot_tool import CC\nfrom mypkg.helpers import twice\n"
                                         "from ..helpers import twice as again\ncc = CC('kern')\n"
                                         "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return twice(x) + again(x)\n")
    proc = cli("build", pkg / "sub" / "kern.py", "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
