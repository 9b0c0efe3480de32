"""Shared by the benchmarks: build the seed example into a temporary directory, time things."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import timeit

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(REPO, "examples", "seed", "src.py")


def build_seed(out: str | None = None) -> str:
    """Build examples/seed with the CLI; returns the directory holding my_module."""
    out = out or tempfile.mkdtemp(prefix="aot-bench-")
    subprocess.run([sys.executable, "-m", "aot_tool", "build", SEED, "-o", out], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def best(stmt: str, number: int, repeat: int = 7, **names) -> float:
    """Best time per execution of `stmt` with `names` as globals (min over repeats: least noise)."""
    return min(timeit.repeat(stmt, globals=names, number=number, repeat=repeat)) / number


def build_c(source: str):
    """`source` compiled with the system's cc -O3 into a shared library, loaded with
    ctypes: the hand-written C a benchmark compares with."""
    import ctypes
    d = tempfile.mkdtemp(prefix="aot-bench-c-")
    with open(os.path.join(d, "c.c"), "w") as f:
        f.write(source)
    if subprocess.run(["cc", "-O3", "-shared", "-fPIC", "-o", os.path.join(d, "c.so"), os.path.join(d, "c.c")]).returncode:
        raise RuntimeError("cc failed")
    return ctypes.CDLL(os.path.join(d, "c.so"))
