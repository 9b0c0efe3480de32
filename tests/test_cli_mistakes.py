"""A user's mistakes on the command line and in options are user errors: exit status 1
and a message naming the mistake and the valid choices, never "a bug in aot_tool"."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, cli

SEED = Path(REPO) / "examples" / "seed" / "src.py"


def _user_error(proc, *fragments):
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "bug in aot_tool" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    for fragment in fragments:
        assert fragment in proc.stderr, proc.stderr


def test_show_unknown_export_lists_the_exports():
    _user_error(cli("show", SEED, "nosuch"), "no export 'nosuch'", "'multf'", "'centdiff_1d'")


def test_show_close_match_is_suggested():
    _user_error(cli("show", SEED, "multff"), "did you mean 'multf'?")


def test_show_python_name_points_at_the_export_names():
    _user_error(cli("show", SEED, "mult"), "'mult' is the Python function", "'multf', 'multi'")


def test_show_signature_index_out_of_range():
    _user_error(cli("show", SEED, "multf", "-i", "3"), "-i 3 is out of range", "-i 0: 'f8(f8, f8)'")


def test_source_that_is_not_utf8(tmp_path):
    src = tmp_path / "src.py"
    src.write_bytes(b"from aot_tool import CC\ncc = CC('m')\nx = '\xff'\n")
    _user_error(cli("build", src, "-o", tmp_path), "cannot read the source as text", "UTF-8")


@pytest.mark.parametrize("cpu, hint", [("notacpu", "unknown target CPU 'notacpu'"),
                                       ("skylak", "did you mean 'skylake'")])
def test_unknown_target_cpu_is_refused_before_llvm(tmp_path, cpu, hint):
    proc = cli("build", SEED, "-o", tmp_path, "--target-cpu", cpu)
    _user_error(proc, hint, "'host'")
    assert "LLVM ERROR" not in proc.stderr and "subtarget" not in proc.stderr


def test_unknown_target_cpu_in_the_source(tmp_path):
    src = tmp_path / "src.py"
    src.write_text(SEED.read_text().replace("cc = CC('my_module')", "cc = CC('my_module')\ncc.target_cpu = 'notacpu'"))
    _user_error(cli("build", src, "-o", tmp_path), "unknown target CPU 'notacpu'")


def test_known_target_cpu_builds(tmp_path):
    proc = cli("build", SEED, "-o", tmp_path, "--target-cpu", "x86-64-v2")
    assert proc.returncode == 0, proc.stderr


def test_show_into_a_closed_pipe_is_quiet(tmp_path):
    # enough exports that the IR is well past a pipe's buffer
    body = "\n".join(f"@cc.export('f{k}', 'f8(f8[:])')\ndef f{k}(a):\n    s = 0.0\n"
                     f"    for i in range(len(a)):\n        s += a[i] * {k}.0\n    return s\n" for k in range(1))
    src = tmp_path / "src.py"
    src.write_text("from aot_tool import CC\ncc = CC('m')\n" + body)
    proc = subprocess.Popen([sys.executable, "-m", "aot_tool", "show", str(src), "f0", "--stage", "asm"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(1)
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"bug in aot_tool" not in err, err


def test_unknown_target_cpu_in_scons_is_a_user_error(tmp_path):
    from scons_support import SEED as SCONS_SEED, scons, sconstruct, write
    body = "env.AOTModule('my_module', 'src.py', target_cpu='notacpu')\n"
    root = write(tmp_path / "p", {"src.py": SCONS_SEED, "SConstruct": sconstruct(body)})
    proc = scons(root, check=False)
    out = proc.stdout + (proc.stderr or "")
    assert proc.returncode != 0
    assert "unknown target CPU 'notacpu'" in out, out
    assert "LLVM ERROR" not in out and "Traceback" not in out, out


def test_latin1_coding_line_and_bom_are_read_as_python_reads_them(tmp_path):
    body = "from aot_tool import CC\ncc = CC('enc')\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return x * 2.0  # {}\n"
    latin = tmp_path / "latin.py"
    latin.write_bytes(("# -*- coding: latin-1 -*-\n" + body.format("café")).encode("latin-1"))
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + body.format("naïve").encode("utf-8"))
    for src in (latin, bom):
        out = tmp_path / src.stem
        proc = cli("build", src, "-o", out)
        assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("text, fragment", [
    ("cc = CC('modé')\n", "ASCII Python identifier"),
    ("cc = CC('m')\n@cc.export('class', 'f8(f8)')\ndef f(x):\n    return x\n", "not a keyword"),
    ("cc = CC('m')\n@cc.export('f', 'f8(f8, f8)')\ndef f(x, x):\n    return x\n", "duplicate argument 'x'"),
])
def test_names_that_would_break_outputs_are_refused(tmp_path, text, fragment):
    src = tmp_path / "src.py"
    src.write_text("from aot_tool import CC\n" + text, encoding="utf-8")
    proc = cli("build", src, "-o", tmp_path / "out")
    _user_error(proc, fragment, "src.py:")


def test_read_only_output_directory_is_a_user_error(tmp_path):
    import os
    if os.geteuid() == 0:
        # root writes anywhere: make the output path a file instead, which no one can write into
        out = tmp_path / "out"
        out.write_text("not a directory")
        target = out / "sub"
    else:
        target = tmp_path / "ro"
        target.mkdir()
        target.chmod(0o500)
    _user_error(cli("build", SEED, "-o", target), "aot_tool: error:")


def test_cli_imports_nothing_from_the_working_directory(tmp_path):
    shutil.copy(SEED, tmp_path / "src.py")
    for name in ("argparse", "subprocess", "tempfile", "hashlib", "difflib"):
        (tmp_path / f"{name}.py").write_text(f"open({str(tmp_path / ('RAN_' + name))!r}, 'w').write('x')\n")
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", "src.py", "-o", "out"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert not list(tmp_path.glob("RAN_*")), "a module from the working directory ran inside the compiler"


@pytest.mark.parametrize("value", ["0xFFFFFFFFFFFFFFFFFF", "9223372036854775808", "-9223372036854775809",
                                   "(1, 0x10000000000000000)"])
def test_module_constant_wider_than_int64_is_located(tmp_path, value):
    """It was silently truncated to 64 bits (0xFFFF... returned -1)."""
    src = tmp_path / "src.py"
    use = "X[1]" if value.startswith("(") else "X"
    src.write_text("from numba.pycc import CC\ncc = CC('wide')\n"
                   f"X = {value}\n\n@cc.export('f', 'i8()')\ndef f():\n    return {use}\n")
    _user_error(cli("build", src, "-o", tmp_path / "out"), "src.py:", "module constant 'X'", "does not fit in int64")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("wide*"))


def test_module_constants_at_the_int64_ends_build(tmp_path):
    from conftest import build_and_load
    mod = build_and_load(tmp_path, "ends", "from numba.pycc import CC\ncc = CC('ends')\n"
                         "LO = -9223372036854775808\nHI = 9223372036854775807\n\n@cc.export('f', 'UniTuple(i8, 2)()')\n"
                         "def f():\n    return LO, HI\n")
    assert mod.f() == (-2 ** 63, 2 ** 63 - 1)


def test_concurrent_builds_into_one_directory(tmp_path):
    """Each build links through a temporary name of its own (they shared `<module>.so.tmp-link`)."""
    shutil.copy(SEED, tmp_path / "src.py")
    procs = [subprocess.Popen([sys.executable, "-m", "aot_tool", "build", "src.py", "-o", "out"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in results), results
    assert not list((tmp_path / "out").glob("*tmp-link*"))
    check = "import numpy as np, my_module; print(my_module.multf(2.0, 3.0))"
    out = subprocess.run([sys.executable, "-c", check], cwd=tmp_path / "out", capture_output=True, text=True)
    assert out.stdout.strip() == "6.0", out.stderr
