"""SCons' own modes work with AOTModule: -j, -c, -n, VariantDir, nested SConscripts."""

from scons_support import (EXT, SEED, call, compiled, linked, objects, scons, sconstruct,
                           seed_project, write)


def test_parallel_build_matches_serial_build(tmp_path):
    serial = seed_project(tmp_path / "serial")
    parallel = seed_project(tmp_path / "parallel")
    scons(serial, "-j", "1")
    out = scons(parallel, "-j", "2").stdout
    assert len(compiled(out)) == 6
    assert objects(parallel) == objects(serial)
    assert scons(parallel, "-q", "-j", "2", check=False).returncode == 0
    assert call(parallel / ("my_module" + EXT), "m.square(3.0)") == "9.0"


def test_clean_removes_objects_and_module(tmp_path):
    root = seed_project(tmp_path / "p")
    scons(root)
    scons(root, "-c")
    assert objects(root) == {}
    assert not (root / ("my_module" + EXT)).exists()
    assert not (root / "my_module.aot").exists()


def test_dry_run_builds_nothing(tmp_path):
    root = seed_project(tmp_path / "p")
    out = scons(root, "-n").stdout
    assert len(compiled(out)) == 6 and linked(out) == {"my_module" + EXT}
    assert objects(root) == {}
    assert not (root / ("my_module" + EXT)).exists()


def test_variant_dir_keeps_the_source_tree_clean(tmp_path):
    root = write(tmp_path / "p", {
        "src/src.py": SEED,
        "src/SConscript": "Import('env')\nenv.AOTModule('my_module', 'src.py')\n",
        "SConstruct": sconstruct("SConscript('src/SConscript', variant_dir='build', "
                                 "duplicate=False, exports='env')\n"),
    })
    out = scons(root).stdout
    assert "build/my_module.aot/multf.0.os" in compiled(out)
    assert sorted(p.name for p in (root / "src").iterdir()) == ["SConscript", "src.py"]
    assert call(root / "build" / ("my_module" + EXT), "m.multf(1.5, 2.0)") == "3.0"


def test_variant_dir_with_duplication(tmp_path):
    root = write(tmp_path / "p", {
        "src/src.py": SEED,
        "src/SConscript": "Import('env')\nenv.AOTModule('my_module', 'src.py')\n",
        "SConstruct": sconstruct("SConscript('src/SConscript', variant_dir='build', exports='env')\n"),
    })
    scons(root)
    assert (root / "build" / ("my_module" + EXT)).exists()
    assert scons(root, "-q", check=False).returncode == 0


def test_nested_sconscripts_and_two_modules_in_one_directory(tmp_path):
    other = SEED.replace("CC('my_module')", "CC('other')")
    root = write(tmp_path / "p", {
        "a/b/src.py": SEED,
        "a/b/other.py": other,
        "a/b/SConscript": "Import('env')\nenv.AOTModule('my_module', 'src.py')\n"
                          "env.AOTModule('other', 'other.py')\n",
        "a/SConscript": "Import('env')\nSConscript('b/SConscript', exports='env')\n",
        "SConstruct": sconstruct("SConscript('a/SConscript', exports='env')\n"),
    })
    out = scons(root).stdout
    assert linked(out) == {f"a/b/my_module{EXT}", f"a/b/other{EXT}"}
    # one runtime object serves both modules of the directory
    assert len([o for o in compiled(out) if "aot_runtime" in o]) == 1
    assert call(root / "a" / "b" / f"other{EXT}", "m.multi(2, 5)") == "10"
    out = scons(root / "a" / "b", "-u").stdout      # from a subdirectory, as `scons -u` users do
    assert compiled(out) == set()


def test_parallel_build_on_scons_threads(tmp_path):
    root = seed_project(tmp_path / "p")
    (root / "SConstruct").write_text(sconstruct("env['AOT_PROCESSES'] = '0'\n"
                                                "env.AOTModule('my_module', 'src.py')\n"))
    out = scons(root, "-j", "2").stdout
    assert len(compiled(out)) == 6
    assert call(root / ("my_module" + EXT), "m.multi(4, 5)") == "20"
