"""Boolean masks: b1[:] inputs, masked sums, building a b1[:] result."""
import numpy as np
from numba.pycc import CC

cc = CC('k_bool_mask')


@cc.export('count_true', 'i8(b1[:])')
def count_true(m):
    c = 0
    for i in range(len(m)):
        if m[i]:
            c += 1
    return c


@cc.export('masked_sum', 'f8(f8[:], b1[:])')
def masked_sum(a, m):
    s = 0.0
    for i in range(len(a)):
        if m[i]:
            s += a[i]
    return s


@cc.export('above', 'b1[:](f8[:], f8)')
def above(a, t):
    out = np.zeros(len(a), dtype=np.bool_)
    for i in range(len(a)):
        out[i] = a[i] > t
    return out


@cc.export('any_all', 'UniTuple(b1, 2)(b1[:])')
def any_all(m):
    seen_true = False
    all_true = True
    for x in m:
        seen_true = seen_true or x
        all_true = all_true and x
    return seen_true, all_true


@cc.export('xor_flag', 'b1(b1, b1)')
def xor_flag(p, q):
    return (p and not q) or (q and not p)


TESTS = {
    'count_true': '[n] n=0:30',
    'masked_sum': '[n] [n] n=0:30',
    'above': '[n] -50:50 n=0:30',
    'any_all': '[n] n=0:6',
    'xor_flag': '* *',
}
