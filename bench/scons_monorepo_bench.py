"""No-op and one-edit runs of a big AOT tree against the plain-SCons floor, side by side.

    python3 bench/scons_monorepo_bench.py [--modules 2000] [--exports 10] [--jobs 2]

Two generated trees of the same shape, in one temporary directory:

- ours: N modules, each a source with E exported functions, `env.AOTModule` per
  module (AOT_RUNTIME_DIR='#', as a monorepo would); nodes per module: E objects and
  their Value keys, init object and key, stub and key, the module;
- the floor: N directories of E one-function C files, `env.SharedObject` per file and
  one `env.LoadableModule` per directory (E sources, E objects, one module).

Both build once first (setup, timed but not the point). To keep that short the C
compiler and the linkers of both trees are a shell script that writes its `-o` file
(SCons' own work per node, the thing measured, does not depend on what the command
runs), and our exports are alike across modules (the key leaves the module name out),
so one CacheDir per tree serves all but the first module's objects. Then, timed:
`scons -Q` with nothing to do (after a first no-op that lets SCons settle its
timestamps), and after editing one function (ours) / one C file (floor). Prints wall
and CPU seconds of each SCons process and the ratio ours / floor.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXT = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
FAKE_TOOL = '#!/bin/sh\n# writes the file after -o, nothing else\nwhile [ $# -gt 0 ]; do\n' \
            '  if [ "$1" = -o ]; then : > "$2"; fi\n  shift\ndone\n'

MODULE = "from numba.pycc import CC\n\ncc = CC('mod_{m}')\n"
EXPORT = "\n\n@cc.export('f{e}', 'f8(f8, f8)')\ndef f{e}(x, s):\n    return x * s + {e}{edit}\n"
C_FILE = "double mod_{m}_f{e}(double x, double s) {{ return x * s + {e}{edit}; }}\n"


def ours(root: Path, modules: int, exports: int, fake: Path) -> None:
    for m in range(modules):
        pkg = root / f"pkg{m:04d}"
        pkg.mkdir(parents=True)
        (pkg / "src.py").write_text(MODULE.format(m=m) + "".join(EXPORT.format(e=e, edit="") for e in range(exports)))
    calls = "".join(f"env.AOTModule('pkg{m:04d}/mod_{m}', 'pkg{m:04d}/src.py')\n" for m in range(modules))
    (root / "SConstruct").write_text(
        f"env = Environment(tools=['default', 'aot'], toolpath=[{str(REPO / 'site_scons' / 'site_tools')!r}],\n"
        f"                  AOT_RUNTIME_DIR='#', AOT_LINK={str(fake)!r})\n"
        f"CacheDir('cache')\n{calls}")


def floor(root: Path, modules: int, exports: int, fake: Path) -> None:
    for m in range(modules):
        pkg = root / f"pkg{m:04d}"
        pkg.mkdir(parents=True)
        for e in range(exports):
            (pkg / f"f{e}.c").write_text(C_FILE.format(m=m, e=e, edit=""))
    (root / "SConstruct").write_text(
        f"env = Environment(tools=['default'], SHCC={str(fake)!r}, LDMODULE={str(fake)!r},\n"
        f"                  LDMODULEPREFIX='', LDMODULESUFFIX={EXT!r})\n"
        f"CacheDir('cache')\n"
        f"for m in range({modules}):\n"
        f"    objects = [env.SharedObject('pkg%04d/f%d.c' % (m, e)) for e in range({exports})]\n"
        f"    env.LoadableModule('pkg%04d/mod_%d' % (m, m), objects)\n")


def scons(root: Path, *args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one `python -m SCons -Q args` in root (fails loudly)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "SCons", "-Q", *args], cwd=root, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"scons {' '.join(args)} failed in {root}:\n{proc.stdout[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modules", type=int, default=2000)
    parser.add_argument("--exports", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    n, e = args.modules, args.exports
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        fake = tmp / "fake-tool"
        fake.write_text(FAKE_TOOL)
        fake.chmod(0o755)
        trees = {"aot_tool": tmp / "ours", "plain SCons": tmp / "floor"}
        ours(trees["aot_tool"], n, e, fake)
        floor(trees["plain SCons"], n, e, fake)
        rows: dict = {}
        for label, root in trees.items():
            rows[label] = {"clean build (setup)": scons(root, "-j", str(args.jobs))}
            scons(root)   # settles SCons' timestamps and our read cache
            rows[label]["no-op"] = min((scons(root) for _ in range(2)), key=lambda t: t[1])
        edit = trees["aot_tool"] / "pkg0000" / "src.py"
        edit.write_text(edit.read_text().replace("return x * s + 0\n", "return x * s + 0.5\n"))
        c_file = trees["plain SCons"] / "pkg0000" / "f0.c"
        c_file.write_text(C_FILE.format(m=0, e=0, edit=".5"))
        for label, root in trees.items():
            rows[label]["one-function edit"] = scons(root)
        print(f"{n} modules x {e} exports (ours: {n * (2 * e + 5)} nodes, floor: {n * (2 * e + 1)} nodes + "
              f"{n * e} C files); wall / CPU seconds of the SCons process")
        print(f"  {'':24s} {'aot_tool':>17s} {'plain SCons':>17s}   ratio (CPU)")
        for what in rows["aot_tool"]:
            a, b = rows["aot_tool"][what], rows["plain SCons"][what]
            print(f"  {what:24s} {a[0]:7.2f} / {a[1]:6.2f}  {b[0]:7.2f} / {b[1]:6.2f}   {a[1] / b[1]:5.2f}x")


if __name__ == "__main__":
    main()
