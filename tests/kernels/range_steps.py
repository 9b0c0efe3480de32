"""range(stop), range(start, stop), range(start, stop, step) with negative steps."""
import numpy as np
from numba.pycc import CC

cc = CC('k_range_steps')


@cc.export('reverse_copy', 'f8[:](f8[:])')
def reverse_copy(a):
    n = len(a)
    out = np.empty(n)
    j = 0
    for i in range(n - 1, -1, -1):
        out[j] = a[i]
        j += 1
    return out


@cc.export('step_sum', 'i8(i8, i8, i8)')
def step_sum(start, stop, step):
    s = 0
    for k in range(start, stop, step):
        s += k
    return s


@cc.export('count_down', 'i8(i8)')
def count_down(n):
    c = 0
    for k in range(n, 0, -3):
        c += k * k
    return c


@cc.export('every_other', 'f8(f8[:])')
def every_other(a):
    s = 0.0
    for i in range(1, len(a), 2):
        s += a[i]
    return s


TESTS = {
    'reverse_copy': '[n] n=0:20',
    'step_sum': '-30:30 -30:30 -5:5',      # step 0 raises ValueError in both
    'count_down': '-5:100',
    'every_other': '[n] n=0:20',
}
