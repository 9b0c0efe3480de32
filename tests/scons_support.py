"""Real `scons` runs in temporary projects, for tests/test_scons_*.py.

What a run rebuilt is read from its output: the tool prints one
`aot: compile <what> -> <object>` line per object it compiles, and one
`aot: link <module>` line per module it links ($AOT_LINKCOMSTR). No timing is asserted anywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The checkout whose tool the runs load (another one only to try the rules out).
CHECKOUT = Path(os.environ.get("AOT_TEST_CHECKOUT", REPO))
SITE_DIR = CHECKOUT / "site_scons"
TOOLPATH = str(SITE_DIR / "site_tools")
EXT = sysconfig.get_config_var("EXT_SUFFIX")

SEED = '''\
import numpy as np
from numba.pycc import CC

cc = CC('my_module')

SCALE = 2.0


def twice(x):
    return x * SCALE


@cc.export('multf', 'f8(f8, f8)')
@cc.export('multi', 'i4(i4, i4)')
def mult(a, b):
    return a * b


@cc.export('square', 'f8(f8)')
def square(a):
    return a ** 2


@cc.export('scaled', 'f8(f8)')
def scaled(a):
    return twice(a) + 1.0
'''

_COMPILED = re.compile(r"^aot: compile .* -> (\S+)$", re.M)
# `aot: link <module>` by default ($AOT_LINKCOMSTR), the command line when that is ''
_LINKED = re.compile(r"(?:^aot: link |-o )(\S+" + re.escape(EXT) + r")\b", re.M)
_RETRIEVED = re.compile(r"^Retrieved `([^']+)' from cache$", re.M)


def sconstruct(body: str = "env.AOTModule('my_module', 'src.py')\n", cache: str | None = None,
               tools: str = "['default', 'aot']") -> str:
    """An SConstruct that loads the tool through toolpath, as another project would."""
    head = f"env = Environment(tools={tools}, toolpath=[{TOOLPATH!r}])\n"
    if cache:
        head += f"CacheDir({cache!r})\n"
    return head + textwrap.dedent(body)


def write(root: Path, files: dict) -> Path:
    """Write {relative path: text} under root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def seed_project(root: Path, cache: str | None = None) -> Path:
    return write(root, {"src.py": SEED, "SConstruct": sconstruct(cache=cache)})


def scons(root: Path, *args: str, check: bool = True, env: dict | None = None):
    """Run `python -m SCons args` in root; returns the CompletedProcess (output merged)."""
    run_env = dict(os.environ, **(env or {}))
    if CHECKOUT != REPO:   # make that checkout's aot_tool win over an installed one
        run_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CHECKOUT), run_env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-m", "SCons", *args], cwd=root, env=run_env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"scons {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}")
    return proc


def compiled(output: str) -> set:
    """Objects the run compiled (relative paths as SCons printed them)."""
    return set(_COMPILED.findall(output))


def linked(output: str) -> set:
    return set(_LINKED.findall(output))


def retrieved(output: str) -> set:
    return set(_RETRIEVED.findall(output))


def objects(root: Path) -> dict:
    """{relative path: bytes} of every object file under root."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*.os"))}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def call(module_file: Path, expression: str) -> str:
    """Load the built module in a fresh Python, evaluate `expression` with it as `m`."""
    name = module_file.name[: -len(EXT)]
    code = textwrap.dedent(f"""\
        import importlib.util, numpy as np
        spec = importlib.util.spec_from_file_location({name!r}, {str(module_file)!r})
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        print(({expression}))
        """)
    proc = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    assert proc.returncode == 0, proc.stdout
    return proc.stdout.strip()


def copy_project(src: Path, dst: Path) -> Path:
    """A copy of a (built) project; mtimes and .sconsign travel along."""
    shutil.copytree(src, dst, symlinks=True)
    return dst
