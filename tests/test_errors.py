"""Compile errors: every bad source in tests/errors/ fails to build with a located,
readable message and leaves nothing behind.

Each file says what it expects in its header comments:

    # expect-line: 10 12        the error's line is one of these
    # expect-phrase: a | b      the message contains a or b (case-insensitive);
                                every expect-phrase line must be satisfied
    # expect-caret: foo         the caret points at the start of `foo`
    # expect-message: text      the message after `error: ` is exactly `text`

The test runs `python -m aot_tool build NAME.py -o out` in a temporary copy and
checks: exit code 1; `NAME.py:LINE:COL: error: message` on stderr; the source
line shown with a caret under column COL; the phrases; no Python traceback; no
extension module in out/.
"""

import os
import re
import shutil
import subprocess
import sys
import sysconfig

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ERROR_DIR = os.path.join(HERE, "errors")
ERRORS = sorted(f for f in os.listdir(ERROR_DIR) if f.endswith(".py"))


def _expectations(text):
    lines, phrases, caret = None, [], None
    for m in re.finditer(r"^# expect-(line|phrase|caret|message): (.*)$", text, re.M):
        kind, value = m.group(1), m.group(2).strip()
        if kind == "message":
            continue   # read by _exact_message
        if kind == "line":
            lines = [int(v) for v in value.split()]
        elif kind == "phrase":
            phrases.append([alt.strip().lower() for alt in value.split("|")])
        else:
            caret = value
    assert lines and phrases, "an error case needs expect-line and expect-phrase"
    return lines, phrases, caret


def _exact_message(text):
    """The `# expect-message:` text (continued on `# ... ` lines), or None."""
    m = re.search(r"^# expect-message: (.*(?:\n# \.\.\. .*)*)$", text, re.M)
    if not m:
        return None
    return " ".join(part.strip() for part in re.split(r"\n# \.\.\. ", m.group(1)))


def test_error_corpus_size():
    assert len(ERRORS) >= 15


@pytest.mark.parametrize("name", ERRORS, ids=[n[:-3] for n in ERRORS])
def test_compile_error(tmp_path, name):
    text = open(os.path.join(ERROR_DIR, name)).read()
    want_lines, phrases, caret = _expectations(text)
    shutil.copy(os.path.join(ERROR_DIR, name), tmp_path / name)
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", name, "-o", "out"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    err = proc.stderr
    report = f"exit code {proc.returncode}\n--- stderr ---\n{err}\n--- stdout ---\n{proc.stdout}"

    assert "Traceback" not in err + proc.stdout, report
    assert proc.returncode == 1, report

    m = re.search(rf"^(?:.*[/\\])?{re.escape(name)}:(\d+):(\d+): error: (.+)$", err, re.M)
    assert m, f"no '{name}:LINE:COL: error: ...' line\n{report}"
    line, col = int(m.group(1)), int(m.group(2))
    assert line in want_lines, f"error on line {line}, expected one of {want_lines}\n{report}"
    assert col >= 1, report

    exact = _exact_message(text)
    if exact is not None:
        assert m.group(3) == exact, f"message is\n  {m.group(3)}\nexpected exactly\n  {exact}\n{report}"

    message = err[m.start():].lower()
    for alternatives in phrases:
        assert any(a in message for a in alternatives), \
            f"message lacks {' or '.join(map(repr, alternatives))}\n{report}"

    # the source line, then a caret under column COL
    source_line = text.splitlines()[line - 1]
    after = err[m.end():].splitlines()
    shown = [i for i, l in enumerate(after) if l.strip() and l.strip() == source_line.strip()]
    assert shown, f"source line {source_line.strip()!r} not shown\n{report}"
    i = shown[0]
    assert i + 1 < len(after) and re.fullmatch(r"\s*\^[\^~]*\s*", after[i + 1]), \
        f"no caret line under the source line\n{report}"
    shown_line, caret_line = after[i], after[i + 1]
    offset = shown_line.index(source_line.strip()) - (len(source_line) - len(source_line.lstrip()))
    pointed = caret_line.index("^") - offset
    assert pointed == col - 1, f"caret at column {pointed + 1}, message says {col}\n{report}"
    if caret:
        assert source_line[col - 1:].startswith(caret), \
            f"caret points at {source_line[col - 1:]!r}, expected {caret!r}\n{report}"

    out = tmp_path / "out"
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    left = [p.name for p in out.rglob("*") if p.name.endswith((suffix, ".so", ".pyd"))] \
        if out.exists() else []
    assert not left, f"partial module left behind: {left}"
