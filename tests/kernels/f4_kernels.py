"""Single precision: f4 scalars and arrays, saxpy in place, f4 results."""
import numpy as np
from numba.pycc import CC

cc = CC('k_f4_kernels')


@cc.export('saxpy', 'void(f4, f4[:], f4[:])')
def saxpy(a, x, y):
    for i in range(len(x)):
        y[i] = a * x[i] + y[i]


@cc.export('mul32', 'f4(f4, f4)')
def mul32(a, b):
    return a * b


@cc.export('mean32', 'f8(f4[:])')
def mean32(x):
    s = 0.0
    for v in x:
        s += v
    return s / max(len(x), 1)


@cc.export('to32', 'f4[:](f8[:])')
def to32(x):
    out = np.empty(len(x), dtype=np.float32)
    for i in range(len(x)):
        out[i] = x[i]
    return out


TESTS = {
    'saxpy': '-2:2 [n]-10:10 [n]-10:10 n=0:20 atol=1e-5',
    'mul32': '-100:100 -100:100',
    'mean32': '[n]0:10 n=0:20',
    'to32': '[n] n=0:20',
}
