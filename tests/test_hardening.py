"""Findings of the hardening campaign (issue 16): no silent wrong results when two
helper files share a name, and no internal error (exit 2) on hostile sources: each
gets CPython's message or a located error naming the limit."""

from __future__ import annotations

import textwrap

import pytest

from conftest import cli, run_python

HEADER = "from aot_tool import CC\ncc = CC('m')\n"


def _tree(tmp_path, files: dict):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return tmp_path


def _build(tmp_path, source: str, name="src.py"):
    (tmp_path / name).write_text(textwrap.dedent(source))
    return cli("build", tmp_path / name, "-o", tmp_path / "out")


def test_same_file_name_in_two_packages_runs_both_functions(tmp_path):
    _tree(tmp_path, {"pkg1/__init__.py": "", "pkg2/__init__.py": "",
                     "pkg1/util.py": "def f(x):\n    return x\n",
                     "pkg2/util.py": "def f(x):\n    return 2.0 * x\n"})
    proc = _build(tmp_path, HEADER + "from pkg1.util import f as f1\nfrom pkg2.util import f as f2\n"
                  "@cc.export('two', 'f8(f8)')\ndef two(x):\n    return f1(x) + f2(x)\n")
    assert proc.returncode == 0, proc.stderr
    out = run_python("import m\nprint(m.two(1.0))", tmp_path / "out")
    assert out.stdout.strip() == "3.0"


def test_a_function_passed_into_another_file_keeps_its_home(tmp_path):
    _tree(tmp_path, {"pkg1/__init__.py": "", "pkg2/__init__.py": "",
                     "pkg1/util.py": "def f(x):\n    return x\n",
                     "pkg2/util.py": "def f(x):\n    return 2.0 * x\n",
                     "app.py": "def apply(g, x):\n    return g(x)\n"})
    proc = _build(tmp_path, HEADER + "from pkg1.util import f as f1\nfrom pkg2.util import f as f2\n"
                  "from app import apply\ndef own(x):\n    return 4.0 * x\n"
                  "@cc.export('two', 'f8(f8)')\ndef two(x):\n    return apply(f1, x) + apply(f2, x) + apply(own, x)\n")
    assert proc.returncode == 0, proc.stderr
    out = run_python("import m\nprint(m.two(1.0))", tmp_path / "out")
    assert out.stdout.strip() == "7.0"
