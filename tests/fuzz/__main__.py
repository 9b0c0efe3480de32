"""`python -m tests.fuzz --minutes 30`: the three fuzzers in turn, seed after seed,
until the time is up (generated programs against CPython and numba, call-time misuse
of the corpus, mutated corpus sources through the CLI); prints each one's outcome
counts and every finding with what reproduces it.  Exit status 1 when a goal is
missed (a difference, a crash, an internal error, a traceback, a hang that is ours)."""

from __future__ import annotations

import argparse
import collections
import random
import tempfile
import time

from . import calls, mutants
from .programs import same
from .runner import run as run_programs

import kernel_runner as kr   # noqa: E402  (tests/ is on sys.path through tests.fuzz.misuse)

FUZZERS = ("programs", "calls", "mutants")


def _programs(seed, opts, work, total):
    counts, diffs, _ = run_programs(seed, opts.count, work, use_numba=not opts.no_numba)
    total.update(counts)
    bad = 0
    for d in diffs:
        if d[0] == "build" or d[4] is None or not same(d[3], d[4]):
            bad += 1
            print(f"programs seed {seed}: {d}", flush=True)
    return bad


def _calls(seed, opts, work, total, exceptions):
    paths = random.Random(seed).sample(kr.discover(), opts.kernels)
    counts, raised, findings = calls.run(paths, work, seed=seed, sample=opts.sample,
                                         report=lambda m: print(f"calls seed {seed}: {m}", flush=True))
    total.update(counts)
    exceptions.update(raised)
    return sum(counts[k] for k in calls.FINDINGS)


def _mutants(seed, opts, work, total):
    counts, findings = mutants.run(seed, opts.mutants, work,
                                   report=lambda m: print(f"mutants seed {seed}: {m}", flush=True))
    total.update(counts)
    return sum(counts[k] for k in mutants.FINDINGS)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz")
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0, help="the first seed")
    parser.add_argument("--only", choices=FUZZERS, action="append", help="run only these fuzzers")
    parser.add_argument("--count", type=int, default=30, help="functions per generated module")
    parser.add_argument("--kernels", type=int, default=6, help="corpus files per call-time round")
    parser.add_argument("--sample", type=int, default=40, help="calls per export per call-time round")
    parser.add_argument("--mutants", type=int, default=10, help="mutants per mutation round")
    parser.add_argument("--no-numba", action="store_true")
    opts = parser.parse_args()
    chosen = opts.only or FUZZERS
    totals = {name: collections.Counter() for name in FUZZERS}
    exceptions, bad, seed = collections.Counter(), 0, opts.seed
    end = time.monotonic() + 60 * opts.minutes
    with tempfile.TemporaryDirectory() as work:
        while time.monotonic() < end:
            for name in chosen:
                if time.monotonic() >= end:
                    break
                if name == "programs":
                    bad += _programs(seed, opts, work, totals[name])
                elif name == "calls":
                    bad += _calls(seed, opts, work, totals[name], exceptions)
                else:
                    bad += _mutants(seed, opts, work, totals[name])
            seed += 1
    print(f"seeds {opts.seed}..{seed - 1}")
    for name in chosen:
        print(f"{name}: {dict(totals[name])}")
    if "calls" in chosen:
        print(f"calls, exceptions raised: {dict(exceptions.most_common())}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
