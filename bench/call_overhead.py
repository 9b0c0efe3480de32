"""Call overhead: my_module.multf(2.5, 4.0) against operator.mul(2.5, 4.0), in one process.

    python bench/call_overhead.py
"""

import operator
import sys

from _common import best, build_seed

sys.path.insert(0, build_seed())
import my_module  # noqa: E402

N = 2_000_000
ours = best("f(2.5, 4.0)", N, f=my_module.multf)
floor = best("f(2.5, 4.0)", N, f=operator.mul)
multi = best("f(3, 4)", N, f=my_module.multi)
print(f"my_module.multf(2.5, 4.0): {ours * 1e9:5.1f} ns")
print(f"my_module.multi(3, 4):     {multi * 1e9:5.1f} ns")
print(f"operator.mul(2.5, 4.0):    {floor * 1e9:5.1f} ns")
print(f"ratio multf / operator.mul: {ours / floor:.2f} (goal <= 1.1; numba.pycc 2.8, Pythran 4.4)")
