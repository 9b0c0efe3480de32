"""The kernel benchmark (issue 12): bench/kernel_suite.py's kernels built once by
aot_tool for the generic CPU (with its per-ISA clones), each timed in one run against
numba njit and, where expressible, NumPy. Two child processes, each timing both sides
of its ratios itself:

  picked:   the clone chosen at import (module.__aot_isa__) vs numba njit for this host
  baseline: AOT_TOOL_ISA=baseline vs numba njit compiled for the generic CPU
            (NUMBA_CPU_NAME=generic: what numba.pycc ships)

    python bench/kernels.py [-k NAME ...]    # prints per-kernel ratios and geometric means

Ratios below 1 mean aot_tool is faster.
"""

import json
import math
import os
import subprocess
import sys
import tempfile
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import kernel_suite as suite  # noqa: E402


def _times(funcs, args, fresh=(), rounds=5):
    """Best time per call of each function (min over rounds), calls batched to about
    10 ms; the functions take turns in every round, so each sees the same machine load,
    and the turns rotate, so none is always the one timed after NumPy's (whose
    temporaries leave the caches and the allocator in another state: axpy, timed first
    in every round, measured 1.2-1.5x numba, and 0.75x in the second place)."""
    import numpy as np
    calls = []
    for f in funcs:
        if fresh:
            def call(f=f):
                f(*[np.copy(a) if k in fresh else a for k, a in enumerate(args)])
        else:
            def call(f=f):
                f(*args)
        call()
        calls.append((call, max(1, int(0.01 / max(timeit.timeit(call, number=1), 1e-9)))))
    best = [float("inf")] * len(calls)
    for r in range(rounds):
        for k in [(r + j) % len(calls) for j in range(len(calls))]:
            call, number = calls[k]
            best[k] = min(best[k], timeit.timeit(call, number=number) / number)
    return best


def child(build_dir, names):
    import numpy as np
    sys.path.insert(0, build_dir)
    import bench_kernels as ours
    import numba
    ns: dict = {}
    exec(suite.SOURCE.replace("from aot_tool import CC", "").replace("cc = CC('bench_kernels')", "")
         .replace("@cc.export", "# export"), ns)
    rows = {}
    for name in names:
        args = suite.INPUTS[name](np.random.default_rng(0))
        fresh = suite.FRESH.get(name, ())
        funcs = {"ours": getattr(ours, name), "numba": numba.njit(ns[name])}
        if name in suite.NUMPY:
            funcs["numpy"] = suite.NUMPY[name]
        rows[name] = dict(zip(funcs, _times(list(funcs.values()), args, fresh)))
    print(json.dumps({"isa": ours.__aot_isa__, "rows": rows}))


def _run_child(build_dir, names, env):
    out = subprocess.run([sys.executable, __file__, "--child", build_dir, *names], env=env,
                         stdout=subprocess.PIPE, check=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def _geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def main(argv):
    names = [n for n in suite.INPUTS if not argv or n in argv]
    out = tempfile.mkdtemp(prefix="aot-bench-")
    with open(os.path.join(out, "bench_src.py"), "w") as f:
        f.write(suite.SOURCE)
    subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "bench_src.py"), "-o", out],
                   check=True, stdout=subprocess.DEVNULL)
    base_env = {k: v for k, v in os.environ.items() if k not in ("AOT_TOOL_ISA", "NUMBA_CPU_NAME")}
    picked = _run_child(out, names, base_env)
    baseline = _run_child(out, names, dict(base_env, AOT_TOOL_ISA="baseline", NUMBA_CPU_NAME="generic"))
    print(f"{'kernel':16s} {picked['isa']:>10s} ms  /numba host  /numpy | {'baseline':>10s} ms  /numba generic")
    ratios = {"picked": [], "baseline": []}
    for name in names:
        p, b = picked["rows"][name], baseline["rows"][name]
        rp, rb = p["ours"] / p["numba"], b["ours"] / b["numba"]
        ratios["picked"].append(rp)
        ratios["baseline"].append(rb)
        numpy = f"{p['ours'] / p['numpy']:7.2f}" if "numpy" in p else "       "
        print(f"{name:16s} {p['ours'] * 1e3:13.3f} {rp:12.2f} {numpy} | {b['ours'] * 1e3:13.3f} {rb:15.2f}")
    print(f"geometric mean over {len(names)} kernels: {picked['isa']} / numba host "
          f"{_geomean(ratios['picked']):.2f}, baseline / numba generic {_geomean(ratios['baseline']):.2f}")
    helper = [n for n in ("smooth_helper", "smooth_inline") if n in names]
    if len(helper) == 2:
        print(f"helper form / inline form: {picked['rows']['smooth_helper']['ours'] / picked['rows']['smooth_inline']['ours']:.2f} "
              f"({picked['isa']}), {baseline['rows']['smooth_helper']['ours'] / baseline['rows']['smooth_inline']['ours']:.2f} (baseline)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3:])
    else:
        main(sys.argv[1:])
