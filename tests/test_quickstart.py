"""The README's Quick start, word for word, from examples/seed: `run`, `build` and a
plain `python3 -m SCons` with the SConstruct there, each giving a module that works."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_python

SEED = Path(REPO) / "examples" / "seed"


def _seed_copy(tmp_path) -> Path:
    work = tmp_path / "seed"
    work.mkdir()
    for name in ("src.py", "SConscript", "SConstruct"):
        shutil.copy(SEED / name, work / name)
    return work


def _works(directory):
    out = run_python("import my_module\nprint(my_module.multi(3, 4), my_module.square(1.5))", directory)
    assert out.stdout.split() == ["12", "2.25"]


def test_run_builds_with_aot_tool_whatever_numba_is(tmp_path):
    work = _seed_copy(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "run", "src.py"], cwd=work,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert (work / "my_module.pyi").exists(), "aot_tool writes a stub; numba.pycc does not"
    _works(work)


def test_run_passes_exit_status_and_arguments(tmp_path):
    script = tmp_path / "script.py"
    script.write_text("import sys\nfrom numba.pycc import CC\nassert CC.__module__.startswith('aot_tool')\n"
                      "sys.exit(int(sys.argv[1]))\n")
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "run", str(script), "3"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 3, proc.stderr


def test_scons_in_examples_seed(tmp_path):
    work = _seed_copy(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "SCons", "-Q"], cwd=work, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    _works(work)


def test_cli_build_in_examples_seed(tmp_path):
    work = _seed_copy(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", "src.py", "-o", "out/"], cwd=work,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    _works(work / "out")
