"""Descending order as numba users write it: sorted(a, reverse=True) for leaderboards,
top-k sums and a descending rank list; ties keep their input order, as in CPython."""
import numpy as np
from numba.pycc import CC

cc = CC('k_sort_desc')


@cc.export('leaderboard', 'ListType(f8)(f8[:], i8)')
def leaderboard(scores, k):
    best = sorted(scores, reverse=True)
    out = [0.0 for _ in range(0)]
    for i in range(min(k, len(best))):
        out.append(best[i])
    return out


@cc.export('top_k_mean', 'f8(i8[:], i8)')
def top_k_mean(x, k):
    if len(x) == 0 or k <= 0:
        return 0.0
    desc = sorted(x, reverse=True)
    m = min(k, len(desc))
    s = 0
    for i in range(m):
        s += desc[i]
    return s / m


@cc.export('descending_row_sums', 'ListType(f8)(f8[:, :])')
def descending_row_sums(a):
    sums = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        sums[i] = a[i].sum()
    return sorted(sums, reverse=True)


@cc.export('rank_drop', 'f8(f4[:])')
def rank_drop(x):
    # the largest drop between consecutive values in descending order
    desc = sorted(x[::-1], reverse=True)
    d = 0.0
    for i in range(1, len(desc)):
        d = max(d, desc[i - 1] - desc[i])
    return d


TESTS = {
    'leaderboard': '[n]-100:100 0:8 n=0:20',
    'top_k_mean': '[n]-50:50 -1:6 n=0:20',
    'descending_row_sums': '[n,m]-10:10 n=0:6 m=0:5',
    'rank_drop': '[n]-10:10 n=0:20',
}
