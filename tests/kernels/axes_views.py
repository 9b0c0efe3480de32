"""Axis views and appends as numerical code writes them: channels-last images with
np.moveaxis, np.swapaxes for a batch transpose, np.broadcast_to for tiling a row,
np.ascontiguousarray before a flat loop, np.append for growing a series, np.dstack
and np.atleast_2d."""
import numpy as np
from numba.pycc import CC

cc = CC('k_axes_views')


@cc.export('channel_means', 'f8[:](f8[:, :, :])')
def channel_means(img):
    chw = np.moveaxis(img, -1, 0)          # (h, w, c) -> (c, h, w), a view
    out = np.zeros(chw.shape[0])
    for c in range(chw.shape[0]):
        s = 0.0
        for i in range(chw.shape[1]):
            for j in range(chw.shape[2]):
                s += chw[c, i, j]
        out[c] = s / max(chw.shape[1] * chw.shape[2], 1)
    return out


@cc.export('batch_transpose', 'f8[:, :, :](f8[:, :, :])')
def batch_transpose(a):
    return np.swapaxes(a, 1, 2).copy()


@cc.export('row_table', 'f8[:, :](f8[:], i8)')
def row_table(row, n):
    return np.broadcast_to(row, (n, row.size)).copy()


@cc.export('flat_abs_sum', 'f8(f8[:, :])')
def flat_abs_sum(a):
    c = np.ascontiguousarray(a)
    flat = c.ravel()
    s = 0.0
    for k in range(flat.size):
        s += abs(flat[k])
    return s


@cc.export('grow', 'f8[:](f8[:], f8)')
def grow(series, x):
    out = np.append(series, x)
    return np.append(out, series[:1])


@cc.export('rgb', 'f8[:, :, :](f8[:, :], f8[:, :], f8[:, :])')
def rgb(r, g, b):
    return np.dstack((r, g, b))


@cc.export('as_row', 'f8[:, :](f8[:])')
def as_row(v):
    return np.atleast_2d(v)


TESTS = {
    'channel_means': '[n,m,k]-5:5 n=0:4 m=0:4 k=0:4',
    'batch_transpose': '[n,m,k] n=0:3 m=0:3 k=0:3',
    'row_table': '[n]-5:5 0:4 n=0:5',
    'flat_abs_sum': '[n,m]-5:5 n=0:5 m=0:5',
    'grow': '[n]-5:5 -5:5 n=0:6',
    'rgb': '[n,m] [n,m] [n,m] n=0:4 m=0:4',
    'as_row': '[n]-5:5 n=0:6',
}
