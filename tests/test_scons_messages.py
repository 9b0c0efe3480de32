"""SCons messages point at the user's build files: a UserError from env.AOTModule names
the SConstruct line that called it, and a target named almost like the source's only CC
gets a warning instead of a silent build under the other name."""

from __future__ import annotations

import re

from scons_support import SEED, scons, sconstruct, write


def test_user_error_points_at_the_sconstruct_line(tmp_path):
    body = "x = 1\nenv.AOTModule('my_module', 'src.py', module='nosuch')\n"
    root = write(tmp_path / "p", {"src.py": SEED, "SConstruct": sconstruct(body)})
    proc = scons(root, check=False)
    out = proc.stdout + (proc.stderr or "")
    assert proc.returncode != 0
    assert "no CC named 'nosuch'" in out, out
    match = re.search(r'File "([^"]+)", line (\d+)', out)
    assert match and match.group(1).endswith("SConstruct"), out
    line = (root / "SConstruct").read_text().splitlines()[int(match.group(2)) - 1]
    assert "module='nosuch'" in line


def test_near_miss_target_name_warns(tmp_path):
    root = write(tmp_path / "p", {"src.py": SEED,
                                  "SConstruct": sconstruct("env.AOTModule('my_modul', 'src.py')\n")})
    proc = scons(root)
    out = proc.stdout + (proc.stderr or "")
    assert "the only CC in src.py is named 'my_module'" in out, out
