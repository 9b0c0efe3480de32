"""The main job's output is SCons' usual short lines: `aot: compile ...`, `aot: stub ...`,
`aot: link <module>` ($AOT_LINKCOMSTR; '' shows the whole link command), and the
checkout's SConstruct ends by saying where the modules are."""

from __future__ import annotations

import shutil

import scons_support as ss
from scons_support import EXT, REPO


def test_link_is_one_short_line(tmp_path):
    ss.seed_project(tmp_path)
    out = ss.scons(tmp_path, "-Q").stdout
    lines = out.splitlines()
    assert f"aot: link my_module{EXT}" in lines, out
    assert all(len(line) < 120 for line in lines), out
    assert "-shared" not in out, out


def test_empty_linkcomstr_shows_the_command(tmp_path):
    ss.write(tmp_path, {"src.py": ss.SEED,
                        "SConstruct": ss.sconstruct("env['AOT_LINKCOMSTR'] = ''\n"
                                                    "env.AOTModule('my_module', 'src.py')\n")})
    out = ss.scons(tmp_path, "-Q").stdout
    assert f"-o my_module{EXT}" in out and "-shared" in out, out
    assert "aot: link" not in out


def test_checkout_sconstruct_ends_with_where_the_modules_are(tmp_path):
    for name in ("SConstruct", "site_scons", "examples"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    out = ss.scons(tmp_path, "-Q", "build/seed").stdout
    assert out.splitlines()[-1] == f"aot: the modules are under build/: build/seed/my_module{EXT}", out
    again = ss.scons(tmp_path, "-Q", "build/seed").stdout   # nothing to do: still says where they are
    assert again.splitlines()[-1].startswith("aot: the modules are under build/"), again
