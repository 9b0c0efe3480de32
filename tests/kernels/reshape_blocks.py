"""Reshape-based kernels: block means of a signal, row sums of a flattened image,
prefix sums over a flattened 2-d array and a Gram matrix through a transpose."""
import numpy as np
from numba.pycc import CC

cc = CC('k_reshape_blocks')


@cc.export('block_means', 'f8[:](f8[::1], i8)')
def block_means(x, m):
    blocks = x.reshape(-1, m)          # ValueError where m does not divide len(x)
    out = np.empty(blocks.shape[0])
    for i in range(blocks.shape[0]):
        s = 0.0
        for j in range(m):
            s += blocks[i, j]
        out[i] = s / m
    return out


@cc.export('image_row_sums', 'f8[:](f8[::1], i8, i8)')
def image_row_sums(pixels, h, w):
    img = np.reshape(pixels[:h * w], (h, w))
    sums = np.zeros(h)
    for i in range(h):
        for j in range(w):
            sums[i] += img[i, j]
    return sums


@cc.export('flat_prefix', 'f8[:](f8[:, :])')
def flat_prefix(a):
    flat = a.flatten()
    for k in range(1, flat.size):
        flat[k] += flat[k - 1]
    return flat


@cc.export('ravel_max_index', 'i8(f8[:, ::1])')
def ravel_max_index(a):
    v = a.ravel()
    best = 0
    for k in range(v.size):
        if v[k] > v[best]:
            best = k
    return best


@cc.export('gram', 'f8[:, :](f8[:, :])')
def gram(a):
    t = a.transpose()
    n = t.shape[0]
    g = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(t.shape[1]):
                s += t[i, k] * t[j, k]
            g[i, j] = s
    return g


@cc.export('swap_axes_3d', 'f8[:, :, :](f8[:, :, :])')
def swap_axes_3d(a):
    return np.transpose(a, (2, 0, 1)).copy()


TESTS = {
    'block_means': '[n]-10:10 1:4 n=0:12',
    'image_row_sums': '[n]-5:5 0:3 0:3 n=9:12',
    'flat_prefix': '[n,m]-3:3 n=0:4 m=0:4',
    'ravel_max_index': '[n,m]-9:9 n=1:4 m=1:4',
    'gram': '[n,m]-2:2 n=0:5 m=0:4',
    'swap_axes_3d': '[n,m,k] n=0:3 m=0:3 k=0:3',
}
