"""$CC is honoured whole: a wrapper or extra flags (`ccache gcc`, `gcc -m64`) reach the
runtime compile and the link, and change the runtime's cache key."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO, run_python


def test_every_word_of_cc_is_used(tmp_path, monkeypatch):
    from aot_tool.backend import runtime_unit
    monkeypatch.setenv("CC", "gcc -m64")
    assert runtime_unit.c_compiler() == ["gcc", "-m64"]
    with_flag = runtime_unit.runtime_key()
    monkeypatch.setenv("CC", "gcc")
    assert runtime_unit.runtime_key() != with_flag


def test_build_with_a_wrapper_in_cc(tmp_path):
    # `env` as a wrapper: a two-word $CC that only works if both words are kept
    env = dict(os.environ, CC="env gcc", AOT_TOOL_CACHE="off")
    src = os.path.join(REPO, "examples", "seed", "src.py")
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", src, "-o", str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert run_python("import my_module; print(my_module.multi(6, 7))", tmp_path).stdout.strip() == "42"
