"""Dot products, Euclidean norms and cosine similarity."""
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


TESTS = {
    'dot': '[n] [n] n=0:30',
    'norm2': '[n] n=0:30',
    'cosine': '[n]1:10 [n]1:10 n=1:20',
}
