"""Lists of arrays: rows collected into a list (views share memory), arrays built in a loop."""
import numpy as np
from numba.pycc import CC

cc = CC('list_arrays')


@cc.export('row_sums', 'f8(f8[:, :])')
def row_sums(m):
    rows = []
    for i in range(m.shape[0]):
        rows.append(m[i])
    total = 0.0
    for k in range(len(rows)):
        total += rows[k].sum() * (k + 1)
    return total


@cc.export('ramps', 'ListType(f8[::1])(i8)')
def ramps(n):
    return [np.arange(float(i)) * 0.5 for i in range(n)]


TESTS = {
    'row_sums': '[n,m]-5:5 n=0:5 m=0:4',
    'ramps': '0:6',
}
