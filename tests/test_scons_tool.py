"""Finding and configuring the tool: toolpath, an installed aot_tool, construction variables."""

import os
import subprocess
import sys

import pytest

from scons_support import CHECKOUT, EXT, SEED, TOOLPATH, call, compiled, linked, scons, sconstruct, write

INSTALLED = {"PYTHONPATH": str(CHECKOUT)}   # stands in for `pip install aot_tool`


def test_installed_package_toolpath(tmp_path):
    root = write(tmp_path / "p", {"src.py": SEED, "SConstruct":
        "import aot_tool.scons\n"
        "env = Environment(tools=['default', 'aot'], toolpath=[aot_tool.scons.toolpath()])\n"
        "env.AOTModule('my_module', 'src.py')\n"})
    scons(root, env=INSTALLED)
    assert call(root / ("my_module" + EXT), "m.multi(2, 2)") == "4"


def test_importing_the_package_makes_the_tool_name_enough(tmp_path):
    root = write(tmp_path / "p", {"src.py": SEED, "SConstruct":
        "import aot_tool.scons\n"
        "env = Environment(tools=['default', 'aot'])\n"
        "env.AOTModule('my_module', 'src.py')\n"})
    scons(root, env=INSTALLED)
    assert (root / ("my_module" + EXT)).exists()


def test_user_settings_are_kept_and_keywords_override_them(tmp_path):
    root = write(tmp_path / "p", {"src.py": SEED, "SConstruct":
        f"env = Environment(AOT_LINKFLAGS=['-Wl,--as-needed'], tools=['default', 'aot'], "
        f"toolpath=[{TOOLPATH!r}], AOT_LINKCOMSTR='')\n"
        "print('AOT_LINKFLAGS =', env['AOT_LINKFLAGS'])\n"
        "env.AOTModule('my_module', 'src.py')\n"
        "env.AOTModule('other/my_module', 'src.py', linkflags=['-Wl,-O1'])\n"})
    out = scons(root).stdout
    assert "AOT_LINKFLAGS = ['-Wl,--as-needed']" in out
    link_lines = [line for line in out.splitlines() if f"-o my_module{EXT}" in line
                  or f"-o other/my_module{EXT}" in line]
    assert len(link_lines) == 2
    assert "-Wl,--as-needed" in link_lines[0] and "-Wl,-O1" in link_lines[1]
    assert all("-shared" in line for line in link_lines)


def test_target_cpu_changes_every_object(tmp_path):
    root = write(tmp_path / "p", {"src.py": SEED, "SConstruct": sconstruct()})
    scons(root)
    write(root, {"SConstruct": sconstruct("env.AOTModule('my_module', 'src.py', target_cpu='host')\n")})
    out = scons(root).stdout
    assert {"my_module.aot/multf.0.os", "my_module.aot/init.os", "aot_runtime-cpu-host-O3.os"} <= compiled(out)
    assert call(root / ("my_module" + EXT), "m.multf(2.0, 3.0)") == "6.0"


def test_target_name_picks_the_cc_and_module_keyword(tmp_path):
    two = SEED + "\nother = CC('other')\n\n\n@other.export('neg', 'f8(f8)')\ndef neg(a):\n    return -a\n"
    root = write(tmp_path / "p", {"src.py": two, "SConstruct": sconstruct(
        "env.AOTModule('my_module', 'src.py')\n"
        "env.AOTModule('other', 'src.py')\n"
        "env.AOTModule('renamed', 'src.py', module='other')\n")})
    out = scons(root).stdout
    assert linked(out) == {f"my_module{EXT}", f"other{EXT}", f"renamed{EXT}"}
    assert call(root / f"renamed{EXT}", "m.neg(2.0)") == "-2.0"


def test_unknown_option_is_a_clear_error(tmp_path):
    root = write(tmp_path / "p", {"src.py": SEED, "SConstruct": sconstruct(
        "env.AOTModule('my_module', 'src.py', target_cpus='host')\n")})
    proc = scons(root, check=False)
    assert proc.returncode != 0
    assert "unknown option 'target_cpus'" in proc.stdout


def test_runtime_dir_shares_one_runtime_object_across_directories(tmp_path):
    other = SEED.replace("CC('my_module')", "CC('other')")
    root = write(tmp_path / "p", {"a/src.py": SEED, "b/other.py": other, "SConstruct":
        f"env = Environment(tools=['default', 'aot'], toolpath=[{TOOLPATH!r}], AOT_RUNTIME_DIR='#build')\n"
        "env.AOTModule('a/my_module', 'a/src.py')\n"
        "env.AOTModule('b/other', 'b/other.py')\n"})
    out = scons(root).stdout
    assert [o for o in compiled(out) if "runtime" in o] == ["build/aot_runtime-cpu-generic-O3.os"]
    assert call(root / "b" / f"other{EXT}", "m.multi(3, 3)") == "9"


def test_installed_site_tool_needs_no_toolpath(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = dict(INSTALLED, HOME=str(home))
    subprocess.run([sys.executable, "-m", "aot_tool.scons", "install-site-tool"], env={**os.environ, **env},
                   check=True, stdout=subprocess.PIPE)
    root = write(tmp_path / "p", {"src.py": SEED, "SConstruct":
        "env = Environment(tools=['default', 'aot'])\nenv.AOTModule('my_module', 'src.py')\n"})
    scons(root, env=env)
    assert call(root / ("my_module" + EXT), "m.multi(2, 3)") == "6"


def test_c_compiler_from_the_environment_decides_the_runtime_object(tmp_path):
    """$CC of the construction environment compiles the runtime and is part of its
    signature: switching compilers rebuilds the runtime object only, then the link."""
    import shutil
    if not (shutil.which("gcc") and shutil.which("cc")):
        pytest.skip("needs both gcc and cc")
    write(tmp_path, {"src.py": SEED,
                     "SConstruct": sconstruct().replace("Environment(", "Environment(CC=ARGUMENTS.get('cc', 'gcc'), ")})
    scons(tmp_path, "-Q")
    again = compiled(scons(tmp_path, "-Q", "cc=cc").stdout)
    assert len(again) == 1 and "aot_runtime" in next(iter(again)), again
    assert compiled(scons(tmp_path, "-Q", "cc=cc").stdout) == set()
