"""Ellipsis in indices: the last channel of an image stack, the first plane, and the
sum of a channel."""
import numpy as np
from numba.pycc import CC

cc = CC('k_idx_ellipsis')


@cc.export('last_channel', 'f8[:, :](f8[:, :, :])')
def last_channel(a):
    return a[..., -1]


@cc.export('first_plane', 'f8[:, :](f8[:, :, :])')
def first_plane(a):
    return a[0, ...]


@cc.export('channel_total', 'f8(f8[:, :, :], i8)')
def channel_total(a, c):
    return np.sum(a[..., c])


TESTS = {
    'last_channel': '[n,m,3]-100:100 n=0:5 m=0:5',
    'first_plane': '[2,n,m]-100:100 n=0:5 m=0:5',
    'channel_total': '[n,m,3]-100:100 -3:2 n=0:5 m=0:5',
}
