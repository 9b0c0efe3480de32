"""What keeps a built module small (the seed under 16 KB): only PyInit_<module> is
exported, calls into CPython need no PLT, no C start files, no RELRO page padding
(drivers/link.py says why).

Read from the module's ELF headers with readelf (skipped where there is none)."""

import os
import re
import shutil
import subprocess
import sys
import sysconfig

import pytest
from conftest import REPO, cli

from aot_tool.backend.unit import EXC_KINDS
from aot_tool.frontend.syntax import RAISABLE
from aot_tool.backend.runtime_unit import runtime_source_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("readelf") is None,
                                reason="ELF layout checks need Linux and readelf")

# the Quick start's example (the CLI reads it, never runs its `cc.compile()`)
SEED = os.path.join(REPO, "examples", "seed", "src.py")


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    root = tmp_path_factory.mktemp("layout")
    proc = cli("build", SEED, "-o", root)
    assert proc.returncode == 0, proc.stderr
    return root / ("my_module" + sysconfig.get_config_var("EXT_SUFFIX"))


def _readelf(path, *flags):
    return subprocess.run(["readelf", "-W", *flags, str(path)], stdout=subprocess.PIPE, text=True,
                          check=True).stdout


def test_only_the_module_init_is_exported(seed):
    defined = [line.split()[-1] for line in _readelf(seed, "--dyn-syms").splitlines()
               if re.match(r"\s*\d+:", line) and " UND " not in line and line.split()[-1] != "0"]
    assert [name for name in defined if not name.startswith("PyInit_")] == []
    assert "PyInit_my_module" in defined


def test_no_plt_no_start_files_bound_at_load(seed):
    sections = _readelf(seed, "-S")
    for absent in (".plt", ".init", ".fini", ".init_array"):
        assert f" {absent} " not in sections, absent
    assert "BIND_NOW" in _readelf(seed, "-d")


def test_seed_module_is_under_16_kb(seed):
    assert seed.stat().st_size < 16 * 1024


def test_the_runtime_names_exceptions_in_raisable_order():
    """aot_rt_raise looks exception classes up by name, indexed by EXC_KINDS' order
    (what a kernel may raise, then NumPy's AxisError, raised by the library only)."""
    text = open(runtime_source_path()).read()
    table = re.search(r"static const char names\[\]\[\d+\] = \{(.*?)\};", text, re.S).group(1)
    assert tuple(re.findall(r'"(\w+)"', table)) == tuple(sorted(EXC_KINDS, key=EXC_KINDS.get))
    assert tuple(EXC_KINDS)[:len(RAISABLE)] == RAISABLE
