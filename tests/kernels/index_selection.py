"""Finding and moving elements: gathering the positive entries through np.nonzero,
coordinates of a threshold with np.where, periodic differences with np.roll,
palindromes with np.flip, mirrored images, broadcasting through expand_dims."""
import numpy as np
from numba.pycc import CC

cc = CC('k_index_selection')


@cc.export('positive_values', 'f8[:](f8[:])')
def positive_values(x):
    idx = np.nonzero(x > 0)[0]
    out = np.empty(idx.size)
    for k in range(idx.size):
        out[k] = x[idx[k]]
    return out


@cc.export('hot_pixels', 'i8[:](f8[:, :], f8)')
def hot_pixels(img, t):
    rows, cols = np.where(img > t)
    return rows * img.shape[1] + cols


@cc.export('periodic_diff', 'f8[:](f8[:])')
def periodic_diff(u):
    return u - np.roll(u, 1)


@cc.export('is_palindrome', 'b1(i8[:])')
def is_palindrome(v):
    r = np.flip(v)
    for k in range(v.size):
        if r[k] != v[k]:
            return False
    return True


@cc.export('mirror_sum', 'f8[:, :](f8[:, :])')
def mirror_sum(a):
    return np.fliplr(a) + np.flipud(a)


@cc.export('pairwise_diff', 'f8[:, :](f8[:])')
def pairwise_diff(x):
    return np.expand_dims(x, 1) - np.expand_dims(x, 0)


@cc.export('count_nonzero_rows', 'i8[:](f8[:, :])')
def count_nonzero_rows(a):
    rows, cols = a.nonzero()
    counts = np.zeros(a.shape[0], dtype=np.int64)
    for k in range(rows.size):
        counts[rows[k]] += 1
    return counts


TESTS = {
    'positive_values': '[n]-5:5 n=0:10',
    'hot_pixels': '[n,m]-5:5 -2:2 n=0:5 m=0:5',
    'periodic_diff': '[n]-5:5 n=0:10',
    'is_palindrome': '[n]0:1 n=0:6',
    'mirror_sum': '[n,m]-5:5 n=0:5 m=0:5',
    'pairwise_diff': '[n]-5:5 n=0:6',
    'count_nonzero_rows': '[n,m]-1:1 n=0:5 m=0:5',
}
