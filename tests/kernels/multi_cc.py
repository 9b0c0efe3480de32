"""Two CC objects in one source: each is its own extension module."""
import numpy as np
from numba.pycc import CC

cc_a = CC('k_multi_cc_a')
cc_b = CC('k_multi_cc_b')


def shared_scale(x):
    return 3.0 * x


@cc_a.export('triple', 'f8(f8)')
def triple(x):
    return shared_scale(x)


@cc_b.export('triple_all', 'f8[:](f8[:])')
def triple_all(a):
    out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = shared_scale(a[i])
    return out


@cc_b.export('nine', 'i8(i8)')
def nine(k):
    return 9 * k


TESTS = {
    'triple': '*',
    'triple_all': '[n] n=0:10',
    'nine': '*',
}
