"""Mutated corpus kernels (tests/fuzz/mutate.py) built with the CLI, as a user would:
`python -m aot_tool build mutant.py`.  Outcome classes: 'built', 'located error' (exit 1
with `file:line:col: error:`, the line and a caret), and the findings, listed with their
source: 'unlocated error' (exit 1 without that form), 'internal error' (exit 2),
'traceback' (any other exit with a Python traceback), 'crash' (killed by a signal),
'timeout'.  A built mutant is called with ordinary arguments (misuse.base) in child
processes, compiled and under CPython, and counted 'agrees' or 'differs'."""

from __future__ import annotations

import collections
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys

from . import calls, mutate
from .misuse import base  # noqa: F401  (puts tests/ on sys.path first)
import kernel_runner as kr   # noqa: E402

BUILD_CPU_SECONDS = 60       # a corpus kernel builds in a few CPU seconds
BUILD_WALL_SECONDS = 1200
LOCATED = re.compile(r"^\S+:\d+:\d+: error: .+\n.*\n *\^", re.M)
FINDINGS = ("unlocated error", "internal error", "traceback", "crash", "timeout", "differs")


def _classify_build(proc) -> str:
    if proc.returncode == 0:
        return "built"
    if proc.returncode == 1:
        return "located error" if LOCATED.search(proc.stderr) else "unlocated error"
    if proc.returncode == 2:
        return "internal error"
    if proc.returncode < 0:
        return "crash"
    return "traceback"


def _limits():
    resource.setrlimit(resource.RLIMIT_CPU, (BUILD_CPU_SECONDS, BUILD_CPU_SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def build(src, out) -> tuple:
    """The outcome class and stderr of `python -m aot_tool build src`; the time limit is
    CPU time (a machine busy with other work does not make a timeout)."""
    try:
        proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", src, "-o", out],
                              capture_output=True, text=True, timeout=BUILD_WALL_SECONDS, cwd=os.path.dirname(src),
                              env=os.environ | {"PYTHONPATH": calls.REPO}, preexec_fn=_limits)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return "timeout", proc.stderr
    return _classify_build(proc), proc.stderr


def _same(want, got) -> bool:
    if got[0] == "raised" or want[0] == "raised":
        return got[0] == want[0] and (got[1] == want[1] or kr._catches(want[1], got[1]))
    return not kr.compare_values(want[2], got[2], 1e-9, 1e-12)


def _numba_verdict(reference, got, request) -> str:
    """A difference from CPython, triaged with numba.njit of the mutant: 'numba does the
    same' (numba's semantics, which aot_tool follows), 'numba refuses to compile' (a
    program outside numba's subset that aot_tool takes), or 'differs'."""
    try:
        import numba  # noqa: F401
    except ImportError:
        return "differs"
    nb = reference.request(request, calls.NUMBA_TIMEOUT)
    if nb[0] == "raised" and nb[3].startswith("numba"):
        return "numba refuses to compile"
    return "numba does the same" if nb[0] != "timeout" and _same(nb, got) else "differs"


def _compare(src, out, counts, findings, report, description, compiled, reference):
    try:
        kernel = kr.load_kernel(src)
    except Exception:                     # noqa: BLE001 (the mutant's module level raises: nothing to call)
        counts["not callable under CPython"] += 1
        return
    for name, export in sorted(kernel.exports.items()):
        types = list(export.sig.args)
        params = calls._params(export.func)
        msg = ["base"] * len(types), params, "positional"
        got = compiled.request(("call", out, export.module, name, types, *msg), calls.CALL_TIMEOUT)
        want = reference.request(("ref", src, name, types, *msg), calls.CALL_TIMEOUT)
        if "timeout" in (got[0], want[0]) or got[0] == "unbuildable":
            counts["call not compared (slow)" if got[0] != "crash" else "crash"] += 1
            continue
        verdict = "crash" if got[0] == "crash" else "agrees" if _same(want, got) else "differs"
        if verdict == "differs":
            verdict = _numba_verdict(reference, got, ("numba", src, name, types, *msg))
        counts[verdict] += 1
        if verdict != "agrees":
            findings.append((description, name, want, got))
            report(f"{verdict}: {description} {name}: CPython {str(want)[:200]}, compiled {str(got)[:200]}")


def run(seed: int, count: int, workdir, paths=None, compare=True, report=print):
    """Counter of outcome classes and the findings, for `count` mutants chosen by seed."""
    rng = random.Random(seed)
    paths = paths or kr.discover()
    helpers = [os.path.join(kr.KERNEL_DIR, f) for f in os.listdir(kr.KERNEL_DIR)
               if f.startswith("_") and f.endswith(".py")]
    counts, findings = collections.Counter(), []
    compiled = calls.Child(os.path.join(workdir, "mutant-calls.log"))
    reference = calls.Child(os.path.join(workdir, "mutant-ref.log"))
    try:
        for i in range(count):
            path = rng.choice(paths)
            with open(path) as f:
                made = mutate.mutant(f.read(), rng)
            if made is None:
                counts["mutation did not apply"] += 1
                continue
            text, what = made
            here = os.path.join(workdir, f"mutant_{seed}_{i}")
            os.makedirs(here, exist_ok=True)
            for h in helpers:
                shutil.copy(h, here)
            src = os.path.join(here, os.path.basename(path))
            with open(src, "w") as f:
                f.write(text)
            description = f"{os.path.basename(path)} ({what}) -> {src}"
            kept = len(findings)
            outcome, stderr = build(src, os.path.join(here, "out"))
            counts[outcome] += 1
            if outcome in FINDINGS:
                findings.append((description, outcome, stderr[-3000:]))
                report(f"{outcome}: {description}\n{stderr[-3000:]}")
            elif outcome == "built" and compare:
                _compare(src, os.path.join(here, "out"), counts, findings, report, description, compiled,
                         reference)
                compiled.close()          # the next mutant's module has the same name
            if outcome not in FINDINGS and len(findings) == kept:
                shutil.rmtree(here, ignore_errors=True)
    finally:
        compiled.close()
        reference.close()
    return counts, findings
