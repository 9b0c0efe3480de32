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


def _error(tmp_path, body: str, name="src.py"):
    proc = _build(tmp_path, HEADER + body, name)
    assert proc.returncode == 1, proc.stderr      # a located error, never exit 2 (internal)
    return proc.stderr


@pytest.mark.parametrize("stmt, message", [("break", "'break' outside loop"),
                                           ("continue", "'continue' not properly in loop")])
def test_break_and_continue_outside_a_loop(tmp_path, stmt, message):
    err = _error(tmp_path, "@cc.export('f', 'f8(f8)')\ndef f(x):\n    for i in range(3):\n"
                           f"        def g():\n            {stmt}\n    if x > 0:\n        {stmt}\n    return x\n")
    assert f"src.py:7:13: error: invalid syntax: {message}" in err, err   # the def resets the loop


def test_break_in_a_loop_else_is_outside_the_loop(tmp_path):
    err = _error(tmp_path, "@cc.export('f', 'f8(f8)')\ndef f(x):\n    while x > 0:\n        x -= 1.0\n"
                           "    else:\n        break\n    return x\n")
    assert "src.py:8:9: error: invalid syntax: 'break' outside loop" in err, err


def test_a_source_importing_itself_and_a_circle_of_helpers(tmp_path):
    _tree(tmp_path, {"ca.py": "from cb import h\ndef g(x):\n    return x + 1.0\n",
                     "cb.py": "from ca import g\ndef h(x):\n    return g(x) * 2.0\n"})
    proc = _build(tmp_path, HEADER + "from src import k\nfrom ca import g\nfrom cb import h\n"
                  "def k(x):\n    return x\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return k(g(x)) + h(x)\n")
    assert proc.returncode == 0, proc.stderr
    assert run_python("import m\nprint(m.f(1.0))", tmp_path / "out").stdout.strip() == "6.0"


def test_a_long_chain_of_additions_is_a_located_error(tmp_path):
    err = _error(tmp_path, "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return " + " + ".join(["x"] * 2000) + "\n")
    assert "src.py:5:" in err and "nested more than 200 levels" in err, err


def test_deep_unary_minus_that_python_cannot_parse_is_located(tmp_path):
    err = _error(tmp_path, "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return " + "-" * 5000 + "x\n")
    # Python 3.11+'s parser refuses it; 3.10's parses it and the nesting limit refuses it
    assert ("src.py:5:5: error: expression nested too deeply to parse" in err
            or "src.py:5:" in err and "nested more than 200 levels deep" in err), err


def test_nesting_below_the_limit_compiles(tmp_path):
    proc = _build(tmp_path, HEADER + "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return "
                  + " + ".join(["x"] * 150) + " + " + "-" * 40 + "x\n")
    assert proc.returncode == 0, proc.stderr
    assert run_python("import m\nprint(m.f(1.0))", tmp_path / "out").stdout.strip() == "151.0"


def test_module_constants_defined_from_each_other(tmp_path):
    consts = "C0 = 1.0\n" + "".join(f"C{i} = C{i - 1} + 1.0\n" for i in range(1, 5000))
    proc = _build(tmp_path, HEADER + consts + "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return x + C4999\n")
    assert proc.returncode == 0, proc.stderr
    assert run_python("import m\nprint(m.f(1.0))", tmp_path / "out").stdout.strip() == "5001.0"


def test_a_huge_tuple_count_in_a_signature(tmp_path):
    err = _error(tmp_path, "@cc.export('f', 'UniTuple(f8, 100000000)(f8)')\ndef f(x):\n    return (x,)\n")
    assert "src.py:3:" in err and "at most 1,000 items" in err, err


def test_a_one_megabyte_signature(tmp_path):
    err = _error(tmp_path, "@cc.export('f', 'f8(" + "f8, " * 250_000 + "f8)')\ndef f(x):\n    return x\n")
    assert "src.py:3:" in err and "aot_tool's limit is 10,000" in err, err


def test_deeply_nested_signature_types(tmp_path):
    sig = "UniTuple(" * 40 + "f8" + ", 1)" * 40
    err = _error(tmp_path, f"@cc.export('f', 'f8({sig})')\ndef f(x):\n    return 1.0\n")
    assert "src.py:3:" in err and "nested more than 32 deep" in err, err


def test_a_large_tuple_constant(tmp_path):
    err = _error(tmp_path, "T = (" + "1.0, " * 20_000 + ")\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return T[0]\n")
    assert "src.py:3:5: error: this display has 20,000 elements; aot_tool's limit is 10,000" in err, err


def test_a_source_over_the_size_limit(tmp_path):
    err = _error(tmp_path, "T = (" + "1.0, " * 1_000_000 + ")\n@cc.export('f', 'f8(f8)')\ndef f(x):\n    return x\n")
    assert "src.py:1:1: error: the source is" in err and "at most 1,048,576 bytes" in err, err


def test_same_named_closures_of_two_files_passed_to_one_helper(tmp_path):
    run = "from app import apply\nSCALE = {s}\ndef run(x):\n    k = 1.0\n    g = lambda y: y * SCALE + k\n    return apply(g, x)\n"
    _tree(tmp_path, {"p1/__init__.py": "", "p2/__init__.py": "", "app.py": "def apply(g, x):\n    return g(x)\n",
                     "p1/u.py": run.format(s="1.0"), "p2/u.py": run.format(s="10.0")})
    proc = _build(tmp_path, HEADER + "from p1.u import run as r1\nfrom p2.u import run as r2\n"
                  "@cc.export('two', 'f8(f8)')\ndef two(x):\n    return r1(x) + r2(x)\n")
    assert proc.returncode == 0, proc.stderr
    assert run_python("import m\nprint(m.two(1.0))", tmp_path / "out").stdout.strip() == "13.0"


def test_closures_whose_names_mangle_alike_stay_distinct(tmp_path):
    # 'a_b' with inner 'c' and 'a' with inner 'b_c' once both mangled to 'a_b_c'
    proc = _build(tmp_path, HEADER + "def apply(g, x):\n    return g(x)\n"
                  "def a_b(x):\n    k = 1.0\n    c = lambda y: y + k\n    return apply(c, x)\n"
                  "def a(x):\n    k = 1.0\n    b_c = lambda y: 10.0 * y + k\n    return apply(b_c, x)\n"
                  "@cc.export('two', 'f8(f8)')\ndef two(x):\n    return a_b(x) + a(x)\n")
    assert proc.returncode == 0, proc.stderr
    assert run_python("import m\nprint(m.two(1.0))", tmp_path / "out").stdout.strip() == "13.0"


def test_zero_to_minus_infinity_is_infinity_as_in_cpython(tmp_path):
    proc = _build(tmp_path, HEADER + "@cc.export('p', 'f8(f8, f8)')\ndef p(x, y):\n    return x ** y\n")
    assert proc.returncode == 0, proc.stderr
    out = run_python("import m\nprint(m.p(0.0, float('-inf')), m.p(-0.0, float('-inf')))\n"
                     "try:\n    m.p(0.0, -1e308)\nexcept ZeroDivisionError as e:\n    print(e)", tmp_path / "out")
    assert out.stdout.split("\n")[:2] == ["inf inf", "0.0 cannot be raised to a negative power"]
