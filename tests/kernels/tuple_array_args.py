"""Tuples holding arrays as arguments (numba accepts `Tuple((f8[:], f8[:]))`): a
mesh given as (xs, ys), a sparse vector as (indices, values, n), unpacked, indexed
and handed on to helpers."""
from numba.pycc import CC

cc = CC('k_tuple_array_args')


def dot_pair(p):
    x, y = p
    s = 0.0
    for i in range(min(len(x), len(y))):
        s += x[i] * y[i]
    return s


@cc.export('mesh_area', 'f8(Tuple((f8[:], f8[:])))')
def mesh_area(mesh):
    xs, ys = mesh
    area = 0.0
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            area += abs((xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]))
    return area


@cc.export('sparse_dot', 'f8(Tuple((i8[:], f8[:])), f8[:])')
def sparse_dot(sv, dense):
    idx, vals = sv
    s = 0.0
    for k in range(min(len(idx), len(vals))):
        i = idx[k]
        if 0 <= i < len(dense):
            s += vals[k] * dense[i]
    return s


@cc.export('pair_dot', 'f8(Tuple((f8[:], f8[:])))')
def pair_dot(p):
    return dot_pair(p) + dot_pair((p[1], p[0]))


@cc.export('first_of', 'f8(Tuple((f8[:], i8)))')
def first_of(p):
    a, k = p
    if len(a) == 0:
        return 0.0
    return a[k % len(a)]


TESTS = {
    'mesh_area': '([n]-5:5,[m]-5:5) n=0:6 m=0:6',
    'sparse_dot': '([n]-2:8,[n]-5:5) [m]-5:5 n=0:6 m=0:8',
    'pair_dot': '([n]-5:5,[m]-5:5) n=0:6 m=0:6',
    'first_of': '([n]-5:5,-10:10) n=0:6',
}
