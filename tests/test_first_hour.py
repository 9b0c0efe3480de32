"""Issue 14, a newcomer's first hour: what used to trip a new user, end to end.

Sources that used to get misleading compile errors now build and agree with CPython and
NumPy running the same functions; SCons' init line counts its exports in words; the
example package builds a wheel on this Python (on 3.10 it could not: its pyproject said
">=3.11" while the project supports 3.10)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np

import pytest

from conftest import REPO, build_and_load, cli
import packaging_support as ps
from scons_support import scons, sconstruct, write

# Each of these got a misleading message once (issue 14): "expected a shape argument"
# for the positional dtype, "takes 2 argument(s) but 1 were given" for a helper's
# default, "cannot compare float64[:] and int64" for a boolean mask.
FORMERLY_MISLEADING = """
import numpy as np
from numba.pycc import CC

cc = CC('first_hour')


def scale(x, k=2.0):
    return x * k


@cc.export('grid', 'f8[:, :](i8, i8)')
def grid(n, m):
    a = np.empty((n, m), np.float64)
    for i in range(n):
        for j in range(m):
            a[i, j] = i * m + j
    return a


@cc.export('doubled', 'f8(f8)')
def doubled(x):
    return scale(x)


@cc.export('positive', 'f8[:](f8[:])')
def positive(x):
    return x[x > 0]
"""


def test_formerly_misleading_sources_build_and_agree_with_python(tmp_path):
    mod = build_and_load(tmp_path, "first_hour", FORMERLY_MISLEADING)
    ref = {}
    exec(compile(FORMERLY_MISLEADING.replace("from numba.pycc import CC", "from aot_tool import CC"),
                 "ref", "exec"), ref)
    got, want = mod.grid(3, 4), ref["grid"](3, 4)
    assert got.dtype == want.dtype == np.float64 and np.array_equal(got, want)
    assert mod.doubled(1.25) == ref["doubled"](1.25) == 2.5
    x = np.array([-1.0, 2.0, 0.0, 3.5, -0.5])
    assert np.array_equal(mod.positive(x), ref["positive"](x))


def test_scons_init_line_says_1_export(tmp_path):
    src = "from numba.pycc import CC\ncc = CC('one')\n\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return x\n"
    root = write(tmp_path / "p", {"src.py": src, "SConstruct": sconstruct("env.AOTModule('one', 'src.py')\n")})
    out = scons(root, "-Q").stdout
    assert "aot: compile one init (1 export) ->" in out, out
    assert "exports)" not in out, out


def test_examples_admit_every_python_the_project_supports():
    project = (Path(REPO) / "pyproject.toml").read_text()
    floor = re.search(r'^requires-python = "(.*)"', project, re.M).group(1)
    for path in sorted((Path(REPO) / "examples").rglob("pyproject.toml")):
        found = re.search(r'^requires-python = "(.*)"', path.read_text(), re.M)
        assert found is None or found.group(1) == floor, (path, found.group(1), floor)


def test_example_package_wheel_builds_on_this_python(tmp_path):
    """The README's `pip wheel` of examples/package, without isolation (no index needed)."""
    project = ps.copy_example(tmp_path / "pkg")
    ps.pip_wheel(sys.executable, project, tmp_path / "wheels")
    wheel = ps.the_wheel(tmp_path / "wheels")
    tag = f"cp{sys.version_info.major}{sys.version_info.minor}"
    assert f"-{tag}-{tag}-" in wheel.name, wheel.name
    assert [m.split(".")[0] for m in ps.extension_members(wheel)] == ["aotdemo/_stats", "aotdemo/signal/_filters"]


SEED_SOURCE = (Path(REPO) / "examples" / "seed" / "src.py").read_text()
BAD_CPU = SEED_SOURCE.replace("cc = CC('my_module')\n", "cc = CC('my_module')\ncc.target_cpu = 'notacpu'\n")


def _located_cpu_error(out: str, name: str) -> None:
    line = BAD_CPU.splitlines().index("cc.target_cpu = 'notacpu'") + 1
    assert re.search(rf"{re.escape(name)}:{line}:17: error: cc.target_cpu: unknown target CPU 'notacpu'", out), out
    assert "    cc.target_cpu = 'notacpu'\n" in out and "'host'" in out, out
    assert "Traceback" not in out and "LLVM ERROR" not in out and "bug in aot_tool" not in out, out


def test_source_target_cpu_is_located_when_the_script_runs(tmp_path):
    """`python3 src.py` (cc.compile()) and `python3 -m aot_tool run src.py`: exit 1, file:line:col."""
    (tmp_path / "src.py").write_text(BAD_CPU.replace("from numba.pycc import CC", "from aot_tool import CC"))
    (tmp_path / "run.py").write_text(BAD_CPU)
    for cmd in (["src.py"], ["-m", "aot_tool", "run", "run.py"]):
        proc = subprocess.run([sys.executable, *cmd], cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 1, (cmd, proc.stderr)
        _located_cpu_error(proc.stderr, cmd[-1])
        assert not list(tmp_path.glob("my_module*.so"))


def test_source_target_cpu_is_located_in_scons_with_two_jobs(tmp_path):
    root = write(tmp_path / "p", {"src.py": BAD_CPU, "SConstruct": sconstruct("env.AOTModule('my_module', 'src.py')\n")})
    proc = scons(root, "-Q", "-j", "2", check=False)
    assert proc.returncode != 0
    _located_cpu_error(proc.stdout, "src.py")


def test_user_error_points_at_the_line_of_a_nested_sconscript(tmp_path):
    root = write(tmp_path / "p", {
        "sub/src.py": SEED_SOURCE,
        "sub/SConscript": "Import('env')\n\nenv.AOTModule('my_module', 'src.py', module='nosuch')\n",
        "SConstruct": "env = Environment(tools=['default', 'aot'])\nSConscript('sub/SConscript', exports='env')\n"})
    proc = scons(root, "-Q", check=False)
    assert proc.returncode == 2, proc.stdout     # SCons' status for a UserError
    assert "no CC named 'nosuch' (found: ['my_module'])" in proc.stdout, proc.stdout
    assert re.search(r'File "[^"]*sub[/\\]SConscript", line 3,', proc.stdout), proc.stdout
    assert "aot_tool" + "/scons" not in proc.stdout.replace("\\", "/"), proc.stdout


SEED_PATH = Path(REPO) / "examples" / "seed" / "src.py"


@pytest.mark.parametrize("args, fragment", [
    (("build", SEED_PATH, "-O", "5"), "invalid choice: 5 (choose from 0, 1, 2, 3)"),
    (("bogus",), "invalid choice: 'bogus' (choose from 'build', 'run', 'show')"),
    (("show", SEED_PATH), "the following arguments are required: export"),
    (("show", SEED_PATH, "multf", "--isa", "bogus"), "--isa 'bogus': use one of baseline, x86-64-v3, x86-64-v4"),
    (("show", SEED_PATH, "multf", "--stage", "types", "--isa", "v3"), "--isa 'v3': use one of"),
    (("build", SEED_PATH, "-m", "nosuch"), "no CC('nosuch') in this file; its CCs are named 'my_module'"),
])
def test_command_line_mistakes_are_exit_1(tmp_path, args, fragment):
    """argparse's own mistakes too (its exit status 2 is the README's "a bug in aot_tool")."""
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert fragment in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and "bug in aot_tool" not in proc.stderr, proc.stderr
    assert "import numpy as np" not in proc.stderr, "no caret under an unrelated line"


def _quick_start() -> tuple[list, list]:
    """The README's Quick start, as written: its shell commands and its `>>>` session."""
    text = (Path(REPO) / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    shell = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = [line.split("  #")[0].strip() for line in shell.splitlines() if line.strip()]
    session = re.search(r"```python\n(>>> .*?)```", section, re.S).group(1).splitlines()
    return commands, session


def test_readme_quick_start_word_for_word(tmp_path):
    """Every command of the Quick start, from examples/seed (a copy), each giving a module
    that answers the README's `>>>` session as shown."""
    import shutil
    commands, session = _quick_start()
    assert commands[0] == "cd examples/seed", commands
    assert len(commands) >= 4 and all(c.startswith("python3 ") for c in commands[1:]), commands
    for k, command in enumerate(commands[1:]):
        work = tmp_path / f"seed{k}"
        shutil.copytree(Path(REPO) / "examples" / "seed", work,
                        ignore=shutil.ignore_patterns("*.so", "*.pyi", "*.aot", "*.os", "out", ".sconsign*"))
        argv = [sys.executable] + command.split()[1:]
        proc = subprocess.run(argv, cwd=work, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, (command, proc.stdout, proc.stderr)
        built = [p.parent for p in work.rglob("my_module*.so")]
        assert len(built) == 1, (command, built)
        lines = [line[4:] for line in session if line.startswith(">>> ")]
        expected = [line for line in session if not line.startswith(">>> ")]
        script = "".join(
            f"try:\n    _r = {line}\nexcept Exception as e:\n    print(f'{{type(e).__name__}}: {{e}}')\n"
            f"else:\n    print(repr(_r)) if _r is not None else None\n"
            for line in lines if not line.startswith("import "))
        script = "\n".join(line for line in lines if line.startswith("import ")) + "\n" + script
        out = subprocess.run([sys.executable, "-c", script], cwd=built[0], capture_output=True, text=True,
                             timeout=120)
        assert out.stdout.splitlines() == expected, (command, out.stdout, out.stderr)


def test_source_that_is_not_utf8_is_located_at_the_bad_byte(tmp_path):
    (tmp_path / "src.py").write_bytes(b"from aot_tool import CC\ncc = CC('m')\nx = '\xff'\n")
    (tmp_path / "SConstruct").write_text(sconstruct("env.AOTModule('m', 'src.py')\n"))
    want = "src.py:3:6: error: cannot read the source as text (invalid start byte at byte 42)"
    proc = cli("build", "src.py", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 1 and want in proc.stderr, proc.stderr
    out = scons(tmp_path, "-Q", check=False).stdout
    assert want in out and "Traceback" not in out, out


def test_scons_uses_every_word_of_cc(tmp_path):
    """`CC='wrapper gcc'` (as `ccache gcc`): the runtime's compile and the link both run through
    the wrapper, which records its arguments and runs the rest."""
    import os
    wrapper = tmp_path / "logcc"
    log = tmp_path / "cc.log"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec "$@"\n')
    wrapper.chmod(0o755)
    root = write(tmp_path / "p", {"src.py": SEED_SOURCE, "SConstruct": sconstruct(
        "env.AOTModule('my_module', 'src.py')\n").replace(
        "Environment(", f"Environment(CC={str(wrapper) + ' gcc'!r}, ", 1)})
    scons(root, "-Q", env={"AOT_TOOL_CACHE": "off"})
    calls = log.read_text().splitlines()
    assert any(c.startswith("gcc ") and " -c " in f" {c} " for c in calls), calls     # the runtime
    assert any(c.startswith("gcc ") and "-shared" in c for c in calls), calls         # the link
    check = "import my_module; print(my_module.multi(6, 7))"
    assert subprocess.run([sys.executable, "-c", check], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ)).stdout.strip() == "42"
