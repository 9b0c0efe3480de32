"""A clean build of a generated tree: local `-j 2` against a Dask cluster of two loopback workers.

    python3 bench/remote_bench.py [--modules 500] [--exports 10] [--jobs 8] [--slots 8,32,128]

The tree has N modules of E exports each, with distinct code in every module (the
export key leaves the module name out, so identical code would share one object).
Both builds start from an empty tree (no CacheDir). The cluster is a scheduler and
`dask worker --nworkers 2 --nthreads 1`, all on 127.0.0.1, started here and ended by
pid; on one machine it competes with SCons for the same cores, so this measures the
overhead of the remote path, not a speed-up (that needs more machines than cores).
Prints wall and CPU seconds (the SCons process and its children; the workers' own CPU
separately), objects built on the cluster / locally, and whether both trees' objects
are byte-identical.

Then, simulated: a cluster of S slots (one loopback worker with S threads,
bench/_simulated_worker.py) whose compiles sleep for the per-object compile time
measured here and answer with the local build's objects, built with `scons -j S`.
Only the cluster is simulated; SCons, the client, the scheduler and the network
round trips are real, so these rows show where the local part (SCons bookkeeping,
reading sources, links) limits a build.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODULE = "from numba.pycc import CC\n\ncc = CC('mod_{m}')\n"
EXPORT = ("\n\n@cc.export('f{e}', 'f8(f8, f8)')\ndef f{e}(x, s):\n    t = x * s + {m}.{e}\n"
          "    for i in range({e} + 3):\n        t = t * 0.5 + i * {m}\n    return t\n")
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))


def tree(root: Path, modules: int, exports: int) -> None:
    for m in range(modules):
        pkg = root / f"pkg{m:04d}"
        pkg.mkdir(parents=True)
        (pkg / "src.py").write_text(MODULE.format(m=m) + "".join(EXPORT.format(m=m, e=e) for e in range(exports)))
    calls = "".join(f"env.AOTModule('pkg{m:04d}/mod_{m}', 'pkg{m:04d}/src.py')\n" for m in range(modules))
    (root / "SConstruct").write_text(
        f"env = Environment(tools=['default', 'aot'], toolpath=[{str(REPO / 'site_scons' / 'site_tools')!r}],\n"
        f"                  AOT_RUNTIME_DIR='#')\n{calls}")


def scons(root: Path, jobs: int, executor: str = "") -> tuple:
    """(wall, CPU of SCons and its children, output) of one clean build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "SCons", "-Q", "-j", str(jobs)], cwd=root,
                          env=dict(ENV, AOT_EXECUTOR=executor), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"scons failed in {root}:\n{proc.stdout[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout


class LoopbackCluster:
    """A scheduler and `workers` workers of `threads` threads on 127.0.0.1, ended by pid."""

    def __init__(self, directory: Path, workers: int = 2, threads: int = 1, preload: str = "",
                 env: dict | None = None) -> None:
        self.procs, self.env = [], dict(ENV, **(env or {}))
        directory.mkdir(parents=True, exist_ok=True)
        sched = directory / "scheduler.json"
        self._start(directory / "scheduler.log", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                    "--port", "0", "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(sched))
        for _ in range(240):
            if sched.is_file() and sched.stat().st_size:
                break
            time.sleep(0.25)
        self.address = json.loads(sched.read_text())["address"]
        self._start(directory / "workers.log", "distributed.cli.dask_worker", "--scheduler-file", str(sched),
                    "--host", "127.0.0.1", "--nthreads", str(threads), "--nworkers", str(workers), "--death-timeout", "30",
                    "--dashboard-address", "127.0.0.1:0", "--local-directory", str(directory / "workers"),
                    *(["--preload", preload] if preload else []))
        from distributed import Client
        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
            client.run(lambda: __import__("aot_tool.pipeline"))   # the workers' imports are start-up, not build

    def _start(self, log: Path, module: str, *args: str) -> None:
        with open(log, "w") as out:
            self.procs.append(subprocess.Popen([sys.executable, "-m", module, *args], env=self.env, cwd=log.parent,
                                               stdout=out, stderr=subprocess.STDOUT))

    def cpu(self) -> float:
        """CPU seconds of the started processes and their children so far."""
        import psutil
        total = 0.0
        for proc in self.procs:
            try:
                top = psutil.Process(proc.pid)
                for p in [top, *top.children(recursive=True)]:
                    t = p.cpu_times()
                    total += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return total

    def close(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def compile_seconds(root: Path, exports: int) -> float:
    """Mean seconds of one export compile in this process (the first module's, after one warm-up)."""
    from aot_tool import pipeline
    from aot_tool.options import Options
    path = root / "pkg0000" / "src.py"
    src = pipeline.read_source(str(path), "pkg0000/src.py", root=str(root))
    pipeline.compile_export(src, "mod_0", "f0", 0, Options())
    start = time.perf_counter()
    for e in range(exports):
        pipeline.compile_export(src, "mod_0", f"f{e}", 0, Options())
    return (time.perf_counter() - start) / exports


def objects(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.os"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modules", type=int, default=500)
    parser.add_argument("--exports", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=8, help="scons -j of the Dask build (the local one runs -j 2)")
    parser.add_argument("--slots", default="8,32,128", help="simulated cluster sizes ('' for none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        local, remote = tmp / "local", tmp / "dask"
        tree(local, args.modules, args.exports)
        tree(remote, args.modules, args.exports)
        rows = {"local -j 2": scons(local, 2) + ("", 0.0)}
        cluster = LoopbackCluster(tmp)
        try:
            before = cluster.cpu()
            wall, cpu, out = scons(remote, args.jobs, cluster.address)
            rows[f"Dask, 2 loopback workers, -j {args.jobs}"] = (wall, cpu, out, "", cluster.cpu() - before)
        finally:
            cluster.close()
        seconds = compile_seconds(local, args.exports)
        for slots in (int(x) for x in args.slots.split(",") if x):
            sim = tmp / f"sim{slots}"
            tree(sim, args.modules, args.exports)
            cluster = LoopbackCluster(tmp / f"cluster{slots}", workers=1, threads=slots,
                                      preload=str(Path(__file__).with_name("_simulated_worker.py")),
                                      env={"AOT_SIM_TREE": str(local), "AOT_SIM_SECONDS": f"{seconds:.4f}"})
            try:
                before = cluster.cpu()
                wall, cpu, out = scons(sim, slots, cluster.address)
                rows[f"simulated, {slots} slots, -j {slots}"] = (wall, cpu, out, "", cluster.cpu() - before)
            finally:
                cluster.close()
            shutil.rmtree(sim)
        n = args.modules * (args.exports + 1)
        print(f"{args.modules} modules x {args.exports} exports: {n} export and init objects + 1 runtime, "
              f"clean builds")
        print(f"  {'':32s} {'wall s':>8s} {'SCons CPU s':>12s} {'workers CPU s':>14s}   built remotely / locally")
        for label, (wall, cpu, out, _, workers) in rows.items():
            found = re.search(r"aot: remote compiles: (\d+) on the cluster, (\d+) locally", out)
            compiled = len(re.findall(r"^aot: compile ", out, re.M))
            where = f"{found[1]} / {int(found[2]) + 1}" if found else f"0 / {compiled}"
            print(f"  {label:32s} {wall:8.2f} {cpu:12.2f} {workers:14.2f}   {where}")
        same = objects(local) == objects(remote)
        print(f"  objects byte-identical: {'yes' if same else 'NO'} ({len(objects(local))} objects); "
              f"ratio of wall times Dask / local: {rows[list(rows)[1]][0] / rows['local -j 2'][0]:.2f}; "
              f"simulated compiles sleep {seconds * 1000:.0f} ms (measured per export here)")


if __name__ == "__main__":
    main()
