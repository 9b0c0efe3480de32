"""env.AOTModule rebuilds exactly the objects whose inputs changed (real scons runs)."""

import pytest

from scons_support import EXT, call, compiled, copy_project, edit, linked, scons, seed_project

MODULE = "my_module" + EXT
ALL_OBJECTS = {"my_module.aot/init.os", "my_module.aot/multf.0.os", "my_module.aot/multi.0.os",
               "my_module.aot/square.0.os", "my_module.aot/scaled.0.os",
               "aot_runtime-cpu-generic-O3.os"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = seed_project(tmp_path_factory.mktemp("seed") / "p")
    out = scons(root).stdout
    assert compiled(out) == ALL_OBJECTS
    assert linked(out) == {MODULE}
    return root


@pytest.fixture
def project(built, tmp_path):
    return copy_project(built, tmp_path / "p")


def test_module_works(built):
    assert call(built / MODULE, "m.multi(3, 4), m.multf(2.5, 4.0), m.square(1.5), m.scaled(2.0)") \
        == "(12, 10.0, 2.25, 5.0)"


def test_second_run_is_a_no_op(project):
    assert scons(project, "-q", check=False).returncode == 0
    out = scons(project).stdout
    assert compiled(out) == set() and linked(out) == set()


def test_body_edit_rebuilds_only_exports_that_reach_it(project):
    edit(project / "src.py", "    return a * b", "    return a * b + 1")
    out = scons(project).stdout
    assert compiled(out) == {"my_module.aot/multf.0.os", "my_module.aot/multi.0.os"}
    assert linked(out) == {MODULE}
    assert call(project / MODULE, "m.multi(3, 4), m.square(3.0)") == "(13, 9.0)"


def test_edit_that_compiles_to_the_same_bytes_does_not_relink(project):
    edit(project / "src.py", "    return a * b", "    return b * a")
    out = scons(project).stdout
    assert compiled(out) == {"my_module.aot/multf.0.os", "my_module.aot/multi.0.os"}
    assert linked(out) == set()   # the objects' content did not change


def test_helper_and_constant_edits_rebuild_only_their_callers(project):
    edit(project / "src.py", "    return x * SCALE", "    return SCALE * x")
    assert compiled(scons(project).stdout) == {"my_module.aot/scaled.0.os"}
    edit(project / "src.py", "SCALE = 2.0", "SCALE = 3.0")
    assert compiled(scons(project).stdout) == {"my_module.aot/scaled.0.os"}
    assert call(project / MODULE, "m.scaled(2.0)") == "7.0"


def test_comment_and_blank_line_edits_rebuild_nothing(project):
    edit(project / "src.py", "def square(a):", "# a comment\n\n\ndef square(a):  # another")
    assert scons(project, "-q", check=False).returncode == 0
    out = scons(project).stdout
    assert compiled(out) == set() and linked(out) == set()


def test_signature_change_rebuilds_one_object(project):
    edit(project / "src.py", "'square', 'f8(f8)'", "'square', 'f4(f4)'")
    out = scons(project).stdout
    assert compiled(out) == {"my_module.aot/square.0.os"}
    assert linked(out) == {MODULE}


def test_adding_an_export_adds_one_object_and_the_init(project):
    with open(project / "src.py", "a") as f:
        f.write("\n\n@cc.export('cube', 'f8(f8)')\ndef cube(a):\n    return a * a * a\n")
    out = scons(project).stdout
    assert compiled(out) == {"my_module.aot/cube.0.os", "my_module.aot/init.os"}
    assert call(project / MODULE, "m.cube(2.0)") == "8.0"


def test_removing_an_export_drops_it_from_the_link(project):
    edit(project / "src.py", "@cc.export('square', 'f8(f8)')\n", "")
    edit(project / "SConstruct", "env.AOTModule(", "env['AOT_LINKCOMSTR'] = ''   # show the link command\nenv.AOTModule(")
    out = scons(project).stdout
    assert compiled(out) == {"my_module.aot/init.os"}
    assert "square.0.os" not in out.split(f"-o {MODULE}")[1]
    assert call(project / MODULE, "hasattr(m, 'square'), m.multi(2, 3)") == "(False, 6)"


def test_explain_names_the_export_that_changed(project):
    edit(project / "src.py", "    return a ** 2", "    return a * a")
    out = scons(project, "--debug=explain").stdout
    assert "rebuilding `my_module.aot/square.0.os'" in out
    assert "aot export my_module.square[0] f8(f8)" in out
