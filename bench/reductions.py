"""Reductions of a 1000x1000 float64 C array, whole-array and along each axis:
aot_tool against numba njit and NumPy, one process (a few seconds).

    python bench/reductions.py [NAME ...]   (numba comes with the `bench` extra; '-' where
                                             numba lacks the form, e.g. np.mean(a, axis=0))
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

from _common import best

CASES = {   # export name: (expression in a, signature)
    "sum": ("np.sum(a)", "f8(f8[:, ::1])"),
    "mean": ("np.mean(a)", "f8(f8[:, ::1])"),
    "min": ("np.min(a)", "f8(f8[:, ::1])"),
    "max": ("a.max()", "f8(f8[:, ::1])"),
    "argmin": ("np.argmin(a)", "i8(f8[:, ::1])"),
    "std": ("np.std(a)", "f8(f8[:, ::1])"),
    "sum_axis0": ("np.sum(a, axis=0)", "f8[:](f8[:, ::1])"),
    "sum_axis1": ("np.sum(a, axis=1)", "f8[:](f8[:, ::1])"),
    "argmax_axis0": ("np.argmax(a, axis=0)", "i8[:](f8[:, ::1])"),
    "argmax_axis1": ("np.argmax(a, axis=1)", "i8[:](f8[:, ::1])"),
    "mean_axis0": ("np.mean(a, axis=0)", "f8[:](f8[:, ::1])"),
    "max_axis1": ("np.max(a, axis=1)", "f8[:](f8[:, ::1])"),
    "cumsum_axis0": ("np.cumsum(a, axis=0)", "f8[:, :](f8[:, ::1])"),
}


def build():
    out = tempfile.mkdtemp(prefix="aot-bench-reductions-")
    lines = ["import numpy as np", "from numba.pycc import CC", "cc = CC('bench_reductions')"]
    for name, (expr, sig) in CASES.items():
        lines += [f"@cc.export('{name}', '{sig}')", f"def {name}(a):", f"    return {expr}", ""]
    with open(os.path.join(out, "src.py"), "w") as f:
        f.write("\n".join(lines))
    subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "src.py"), "-o", out],
                   check=True, stdout=subprocess.DEVNULL)
    sys.path.insert(0, out)
    import bench_reductions
    return bench_reductions


mod = build()
try:
    import numba
except ImportError:
    numba = None
    print("numba not installed: pip install -e '.[bench]' to compare")

a = np.random.default_rng(0).standard_normal((1000, 1000))
print(f"{'1000x1000 f8':14s} {'aot_tool':>9s} {'numba':>9s} {'NumPy':>9s}  aot/numba  aot/NumPy")
for name, (expr, _) in CASES.items():
    if sys.argv[1:] and name not in sys.argv[1:]:
        continue
    reference = eval(f"lambda a: {expr}", {"np": np})
    ours = getattr(mod, name)
    assert np.allclose(ours(a), reference(a), rtol=1e-9)
    t_aot = best("f(a)", 5, repeat=5, f=ours, a=a)
    t_np = best("f(a)", 5, repeat=5, f=reference, a=a)
    t_nb = None
    if numba is not None:
        try:
            jitted = numba.njit(reference)
            jitted(a)
            t_nb = best("f(a)", 5, repeat=5, f=jitted, a=a)
        except Exception:       # noqa: BLE001 - a form numba does not compile
            t_nb = None
    nb = f"{t_nb * 1e3:7.3f}ms" if t_nb else f"{'-':>9s}"
    ratio = f"{t_aot / t_nb:8.2f}x" if t_nb else f"{'-':>9s}"
    print(f"{name:14s} {t_aot * 1e3:7.3f}ms {nb} {t_np * 1e3:7.3f}ms  {ratio}  {t_aot / t_np:8.2f}x")
