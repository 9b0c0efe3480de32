"""Dot products and Euclidean norms, double and single precision."""
import math
import numpy as np
from numba.pycc import CC

cc = CC('k_dot_norm')


@cc.export('dot', 'f8(f8[:], f8[:])')
def dot(x, y):
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


@cc.export('norm2', 'f8(f8[:])')
def norm2(x):
    s = 0.0
    for i in range(len(x)):
        s += x[i] ** 2
    return math.sqrt(s)


@cc.export('cosine', 'f8(f8[:], f8[:])')
def cosine(x, y):
    return dot(x, y) / (norm2(x) * norm2(y))


@cc.export('dot32', 'f4(f4[::1], f4[::1])')
def dot32(x, y):
    s = np.float32(0.0)
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


TESTS = {
    'dot': '[n] [n] n=0:30',
    'norm2': '[n] n=0:30',
    'cosine': '[n]1:10 [n]1:10 n=1:20',
    'dot32': '[n]0:4 [n]0:4 n=0:20 rtol=1e-4',
}
