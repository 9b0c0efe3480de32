"""Compile errors inside SCons: the located message, a failed node, no traceback, no stale object."""

import re

from scons_support import EXT, SEED, compiled, objects, scons, sconstruct, write

BROKEN = SEED.replace("    return a ** 2", "    return a ** undefined_name")


def _line_of(text, needle):
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_compile_error_is_located_and_has_no_traceback(tmp_path):
    root = write(tmp_path / "p", {"src.py": BROKEN, "SConstruct": sconstruct()})
    proc = scons(root, check=False)
    assert proc.returncode != 0
    line = _line_of(BROKEN, "undefined_name")
    assert re.search(rf"^src\.py:{line}:\d+: error: .*undefined_name", proc.stdout, re.M), proc.stdout
    assert "^" in proc.stdout
    assert "Traceback" not in proc.stdout
    assert not (root / "my_module.aot" / "square.0.os").exists()
    assert not (root / ("my_module" + EXT)).exists()
    assert not list(root.rglob("*.tmp-*")), "a temporary object was left behind"
    assert scons(root, "-q", check=False).returncode != 0, "a failed build was taken as up to date"


def test_keep_going_builds_the_other_objects(tmp_path):
    root = write(tmp_path / "p", {"src.py": BROKEN, "SConstruct": sconstruct()})
    proc = scons(root, "-k", check=False)
    assert proc.returncode != 0
    assert "my_module.aot/multf.0.os" in compiled(proc.stdout)
    assert "my_module.aot/multf.0.os" in objects(root)


def test_fixing_the_error_rebuilds_only_the_failed_object(tmp_path):
    root = write(tmp_path / "p", {"src.py": BROKEN, "SConstruct": sconstruct()})
    scons(root, "-k", check=False)
    (root / "src.py").write_text(SEED)
    assert compiled(scons(root).stdout) == {"my_module.aot/square.0.os"}


def test_syntax_error_fails_the_module_not_the_read(tmp_path):
    bad = SEED.replace("def square(a):", "def square(a)")
    good = SEED.replace("CC('my_module')", "CC('other')")
    root = write(tmp_path / "p", {
        "src.py": bad, "other.py": good,
        "SConstruct": sconstruct("env.AOTModule('my_module', 'src.py')\n"
                                 "env.AOTModule('other', 'other.py')\n"),
    })
    proc = scons(root, "-k", check=False)
    assert proc.returncode != 0
    line = _line_of(bad, "def square(a)")
    assert re.search(rf"^src\.py:{line}:\d+: error: invalid syntax", proc.stdout, re.M), proc.stdout
    assert "Traceback" not in proc.stdout
    assert (root / f"other{EXT}").exists()


def test_bad_signature_is_located(tmp_path):
    bad = SEED.replace("'square', 'f8(f8)'", "'square', 'f8(q9)'")
    root = write(tmp_path / "p", {"src.py": bad, "SConstruct": sconstruct()})
    proc = scons(root, check=False)
    assert proc.returncode != 0
    assert re.search(rf"^src\.py:{_line_of(bad, 'q9')}:\d+: error: malformed signature", proc.stdout, re.M)
    assert "Traceback" not in proc.stdout


def test_compile_error_in_a_worker_process_is_located_too(tmp_path):
    root = write(tmp_path / "p", {"src.py": BROKEN, "SConstruct": sconstruct()})
    proc = scons(root, "-j", "2", "-k", check=False)
    assert proc.returncode != 0
    line = _line_of(BROKEN, "undefined_name")
    assert re.search(rf"^src\.py:{line}:\d+: error: .*undefined_name", proc.stdout, re.M), proc.stdout
    assert "Traceback" not in proc.stdout
    assert "my_module.aot/multf.0.os" in objects(root)
