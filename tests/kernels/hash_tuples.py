"""hash() of tuples of numbers (CPython's xxHash-based tuple hash), as a kernel hashing
grid cells or coordinate pairs; values equal CPython's hash() of the same tuples."""
import numpy as np
from numba.pycc import CC

cc = CC('k_hash_tuples')


@cc.export('cell_hash', 'i8(i8, i8)')
def cell_hash(i, j):
    return hash((i, j))


@cc.export('point_hash', 'i8(f8, f8, f8)')
def point_hash(x, y, z):
    return hash((x, y, z))


@cc.export('mixed_tuple_hash', 'i8(i8, f8)')
def mixed_tuple_hash(i, x):
    return hash((i, x, (i, True)))


@cc.export('grid_buckets', 'i8[::1](i8[:], i8[:], i8)')
def grid_buckets(xs, ys, nb):
    counts = np.zeros(nb, dtype=np.int64)
    for x, y in zip(xs, ys):
        counts[hash((x // 4, y // 4)) % nb] += 1
    return counts


TESTS = {
    'cell_hash': '* *',
    'point_hash': '-1e300:1e300 -1e10:1e10 -5:5',
    'mixed_tuple_hash': '* -1e5:1e5',
    'grid_buckets': '[n]-100:100 [m]-100:100 1:13',
}
