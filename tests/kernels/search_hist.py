"""Searching and counting: searchsorted, digitize, histogram, bincount, unique, partition."""
import numpy as np
from numba.pycc import CC

cc = CC('k_search_hist')


@cc.export('insert_points', 'i8[:](f8[:], f8[:])')
def insert_points(a, v):
    s = np.sort(a)
    return np.searchsorted(s, v)


@cc.export('count_in_range', 'i8(f8[:], f8, f8)')
def count_in_range(a, lo, hi):
    s = np.sort(a)
    return np.searchsorted(s, hi, side='right') - np.searchsorted(s, lo, side='left')


@cc.export('bins_of', 'i8[:](f8[:], f8[:])')
def bins_of(x, edges):
    return np.digitize(x, np.sort(edges))


@cc.export('bins_right', 'i8[:](f8[:], f8[:])')
def bins_right(x, edges):
    return np.digitize(x, np.sort(edges), right=True)


@cc.export('hist10', 'Tuple((i8[:], f8[:]))(f8[:])')
def hist10(x):
    # constant data without range= is left out: numba's bins differ from NumPy's there
    return np.histogram(x, 10, (x.min() - 1.0, x.max() + 1.0))


@cc.export('hist_range', 'i8[:](f8[:], i8)')
def hist_range(x, nbins):
    h, edges = np.histogram(x, bins=nbins, range=(-5.0, 5.0))
    return h


@cc.export('hist_edges', 'i8[:](f8[:], f8[:])')
def hist_edges(x, e):
    h, edges = np.histogram(x, np.sort(e))
    return h


@cc.export('counts', 'i8[:](i8[:])')
def counts(x):
    return np.bincount(x)


@cc.export('weighted_counts', 'f8[:](i8[:], f8[:])')
def weighted_counts(x, w):
    return np.bincount(x, weights=w, minlength=10)


@cc.export('distinct', 'i8(i4[:])')
def distinct(x):
    return len(np.unique(x))


@cc.export('unique_vals', 'f8[:](f8[:, :])')
def unique_vals(a):
    return np.unique(a)


@cc.export('kth_smallest', 'f8(f8[:], i8)')
def kth_smallest(x, k):
    return np.partition(x, k)[k]


@cc.export('kth_index', 'i8(f8[:], i8)')
def kth_index(x, k):
    return x[np.argpartition(x, k)[k]] > 0.0


TESTS = {
    'insert_points': '[n]-10:10 [m]-12:12 n=0:20 m=0:10',
    'count_in_range': '[n]-10:10 -12:12 -12:12 n=0:30',
    'bins_of': '[n]-10:10 [m]-10:10 n=0:20 m=1:8',
    'bins_right': '[n]-10:10 [m]-10:10 n=0:20 m=1:8',
    'hist10': '[n]-10:10 n=1:40',
    'hist_range': '[n]-8:8 1:12 n=0:40',
    'hist_edges': '[n]-8:8 [m]-8:8 n=0:40 m=2:6',
    'counts': '[n]0:20 n=0:30',
    'weighted_counts': '[n]0:12 [n]-3:3 n=1:30',  # NumPy gives int64 for empty input, numba float64
    'distinct': '[n]-5:5 n=0:30',
    'unique_vals': '[n,m]-3:3 n=0:5 m=0:5',
    'kth_smallest': '[n]-10:10 0:5 n=6:30',
    'kth_index': '[n]-10:10 0:5 n=6:30',
}

# numba's np.histogram places a value on a bin edge differently from NumPy for data whose
# range is (nearly) a single point, e.g. one value of 1e-57; aot_tool calls NumPy's
NUMBA_DIFFERS = {
    'hist10': 'bin edges of (nearly) constant data',
    'hist_range': 'bin edges of (nearly) constant data',
}
