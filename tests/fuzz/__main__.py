"""`python -m tests.fuzz --minutes 30`: generated programs, seed after seed, until the
time is up; prints the outcome counts and every difference with its source."""

from __future__ import annotations

import argparse
import collections
import tempfile
import time

from .programs import same
from .runner import run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz")
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0, help="the first seed")
    parser.add_argument("--count", type=int, default=30, help="functions per generated module")
    parser.add_argument("--no-numba", action="store_true")
    opts = parser.parse_args()
    total, seed, bad = collections.Counter(), opts.seed, 0
    end = time.monotonic() + 60 * opts.minutes
    with tempfile.TemporaryDirectory() as work:
        while time.monotonic() < end:
            counts, diffs, text = run(seed, opts.count, work, use_numba=not opts.no_numba)
            total.update(counts)
            for d in diffs:
                if d[0] == "build" or d[4] is None or not same(d[3], d[4]):
                    bad += 1
                    print(f"seed {seed}: {d}")
            seed += 1
    print(f"seeds {opts.seed}..{seed - 1}:", dict(total))
    return 1 if total["differs"] or total["internal error"] or total["build error"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
