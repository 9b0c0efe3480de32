"""How fast the SCons rules are: builds of the monorepo example and the read phase of a big tree.

    python3 bench/scons_bench.py [--modules 200] [--exports 10] [--jobs 2]

Prints, for examples/monorepo copied to a temporary directory: a clean build
(serial and with -j), a no-op run, and the rebuild after editing one function; then
`scons -n` on generated trees of N/2 and N modules x E exports, with the cost per
hundred modules (the slope between the two, so SCons' fixed start-up is not
counted twice), without and with the read cache (`.aot-read-cache.json`); clean builds of a tenth of that tree with -j 1 and -j N; and the start-up of a bare `python -m aot_tool`-style worker, the
per-node price a command action would pay instead of an in-process action.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def scons(root: Path, *args: str, checkout: Path) -> float:
    """Seconds one `python -m SCons args` run takes in root (fails loudly)."""
    env = dict(os.environ)
    if checkout != REPO:
        env["PYTHONPATH"] = str(checkout)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "SCons", "-Q", *args], cwd=root, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"scons {' '.join(args)} failed in {root}:\n{proc.stdout[-3000:]}")
    return elapsed


def sconstruct(checkout: Path, body: str) -> str:
    """Loads the tool as another project would; one runtime object for the tree, as ours does."""
    toolpath = str(checkout / "site_scons" / "site_tools")
    return (f"env = Environment(tools=['default', 'aot'], toolpath=[{toolpath!r}], "
            f"AOT_RUNTIME_DIR='#', AOT_PROCESSES=ARGUMENTS.get('AOT_PROCESSES', ''))\n{body}")


def monorepo(tmp: Path, checkout: Path, jobs: int) -> None:
    src = REPO / "examples" / "monorepo"
    results = {}
    for label, args in (("clean build -j 1", ["-j", "1"]), (f"clean build -j {jobs}", ["-j", str(jobs)])):
        root = tmp / f"mono{len(results)}"
        shutil.copytree(src, root, ignore=shutil.ignore_patterns("__pycache__"))
        (root / "SConstruct").write_text(sconstruct(checkout, "SConscript('SConscript', exports='env')\n"))
        results[label] = scons(root, *args, checkout=checkout)
    results["no-op"] = scons(root, checkout=checkout)
    kinetics = root / "kinetics" / "kinetics.py"
    kinetics.write_text(kinetics.read_text().replace("return 0.5 * m * v * v", "return m * v * v * 0.5"))
    results["one-function edit"] = scons(root, checkout=checkout)
    helpers = root / "helpers" / "stats.py"
    helpers.write_text(helpers.read_text().replace("total += d * d", "total += d ** 2"))
    results["shared-helper edit (3 objects, 2 links)"] = scons(root, checkout=checkout)
    print("monorepo example (3 packages, 9 exports, 1 shared helper):")
    for label, seconds in results.items():
        print(f"  {label:40s} {seconds:7.2f} s")


MODULE = '''\
from numba.pycc import CC
from helpers.stats import mean

cc = CC('mod_{m}')
'''
EXPORT = '''

@cc.export('f{e}', 'f8(f8[:], f8)')
def f{e}(x, s):
    return mean(x) * s + {e}
'''


def generate_tree(root: Path, checkout: Path, modules: int, exports: int) -> None:
    (root / "helpers").mkdir(parents=True)
    shutil.copy(REPO / "examples" / "monorepo" / "helpers" / "stats.py", root / "helpers" / "stats.py")
    calls = []
    for m in range(modules):
        pkg = root / f"pkg{m:03d}"
        pkg.mkdir()
        (pkg / "src.py").write_text(MODULE.format(m=m) + "".join(EXPORT.format(e=e) for e in range(exports)))
        calls.append(f"env.AOTModule('pkg{m:03d}/mod_{m}', 'pkg{m:03d}/src.py')\n")
    (root / "SConstruct").write_text(sconstruct(checkout, "".join(calls)))


def read_phase(tmp: Path, checkout: Path, modules: int, exports: int) -> None:
    """`scons -n` without (cold: every source parsed) and with the read cache (warm)."""
    times = {"cold": {}, "warm": {}}
    for n in (modules // 2, modules):
        root = tmp / f"tree{n}"
        generate_tree(root, checkout, n, exports)
        cache = root / ".aot-read-cache.json"
        scons(root, "-n", checkout=checkout)            # warm the OS file cache
        runs = []
        for _ in range(2):
            cache.unlink(missing_ok=True)
            runs.append(scons(root, "-n", checkout=checkout))
        times["cold"][n] = min(runs)
        times["warm"][n] = min(scons(root, "-n", checkout=checkout) for _ in range(2))
    small, big = modules // 2, modules
    print(f"read phase, `scons -n` on generated trees ({exports} exports per module):")
    for kind, by_size in times.items():
        slope = (by_size[big] - by_size[small]) / (big - small) * 100
        sizes = ", ".join(f"{n} modules {seconds:.2f} s" for n, seconds in by_size.items())
        print(f"  {kind} read cache: {sizes} (start-up included); slope {slope:.2f} s per hundred modules")


def parallel_build(tmp: Path, checkout: Path, modules: int, exports: int, jobs: int) -> None:
    """Clean builds of a generated tree with -j 1 and -j N: do in-process actions scale?"""
    runs = {"-j 1": ["-j", "1"],
            f"-j {jobs}, SCons threads (AOT_PROCESSES=0)": ["-j", str(jobs), "AOT_PROCESSES=0"],
            f"-j {jobs}, worker processes (default)": ["-j", str(jobs)]}
    times = {}
    for i, (label, args) in enumerate(runs.items()):
        root = tmp / f"par{i}"
        generate_tree(root, checkout, modules, exports)
        times[label] = scons(root, *args, checkout=checkout)
    print(f"clean build of {modules} modules x {exports} exports:")
    for label, seconds in times.items():
        print(f"  {label:40s} {seconds:7.2f} s  ({seconds / (modules * exports) * 1000:.1f} ms per export)")


def worker_startup(checkout: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import aot_tool.pipeline, llvmlite.binding"],
                       env=env, check=True)
        runs.append(time.perf_counter() - start)
    print(f"start-up of a compiler subprocess (import aot_tool.pipeline): {min(runs):.2f} s per node")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modules", type=int, default=200)
    parser.add_argument("--exports", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--checkout", type=Path, default=REPO, help="checkout whose tool to load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        monorepo(Path(tmp), args.checkout, args.jobs)
        read_phase(Path(tmp), args.checkout, args.modules, args.exports)
        parallel_build(Path(tmp), args.checkout, max(args.modules // 10, 1), args.exports, args.jobs)
        worker_startup(args.checkout)


if __name__ == "__main__":
    main()
