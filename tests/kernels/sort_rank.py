"""Ranking with argsort: ranks, top-k, median by sorting, sorting rows in a loop."""
import numpy as np
from numba.pycc import CC

cc = CC('k_sort_rank')


@cc.export('ranks', 'i8[:](f8[:])')
def ranks(x):
    order = np.argsort(x, kind='stable')
    r = np.empty(len(x), dtype=np.int64)
    for i in range(len(x)):
        r[order[i]] = i
    return r


@cc.export('top_k_sum', 'f8(f8[:], i8)')
def top_k_sum(x, k):
    order = np.argsort(x)
    s = 0.0
    n = len(x)
    for j in range(min(k, n)):
        s += x[order[n - 1 - j]]
    return s


@cc.export('median', 'f8(f8[:])')
def median(x):
    s = np.sort(x)
    n = len(s)
    if n == 0:
        return 0.0
    if n % 2 == 1:
        return s[n // 2]
    return 0.5 * (s[n // 2 - 1] + s[n // 2])


@cc.export('sort_rows', 'f8[:, :](f8[:, :])')
def sort_rows(a):
    out = a.copy()
    for i in range(out.shape[0]):
        row = out[i]
        row.sort()
    return out


@cc.export('sort_2d', 'i4[:, :](i4[:, :])')
def sort_2d(a):
    return np.sort(a)


@cc.export('argsort_kinds', 'i8(i8[:])')
def argsort_kinds(a):
    m = np.argsort(a, kind='mergesort')
    q = a.argsort()
    s = 0
    for i in range(len(a)):
        s += (i + 1) * m[i] + a[q[i]]
    return s


@cc.export('sort_big', 'f8[:](f8[:])')
def sort_big(x):
    # long arrays take NumPy's sort; short ones the native one
    y = np.empty(len(x) * 200)
    for i in range(len(y)):
        y[i] = x[i % len(x)] * (i % 7)
    s = np.sort(y)
    return s[::97]


TESTS = {
    'ranks': '[n]-5:5 n=0:40',
    'top_k_sum': '[n]-100:100 0:10 n=0:30',
    'median': '[n]-1e6:1e6+nan n=0:30',
    'sort_rows': '[n,m]-10:10 n=0:5 m=0:20',
    'sort_2d': '[n,m]-10:10 n=0:5 m=0:20',
    'argsort_kinds': '[n]-3:3 n=0:40',
    'sort_big': '[n]-10:10 n=1:10',
}


@cc.export('sorted_gaps', 'f8(f8[:])')
def sorted_gaps(x):
    s = sorted(x)
    g = 0.0
    for i in range(1, len(s)):
        g = max(g, s[i] - s[i - 1])
    return g


TESTS['sorted_gaps'] = '[n]-100:100 n=0:30'
