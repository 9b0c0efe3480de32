"""`**`: float ** float, float ** int, int ** small non-negative int, squares."""
from numba.pycc import CC

cc = CC('k_power_ops')


@cc.export('square', 'f8(f8)')
def square(a):
    return a ** 2


@cc.export('fpow', 'f8(f8, f8)')
def fpow(a, b):
    return a ** b


@cc.export('fpow_int', 'f8(f8, i8)')
def fpow_int(a, n):
    return a ** n


@cc.export('fpow_neg_base', 'f8(f8, i8)')
def fpow_neg_base(a, n):
    return (-a) ** n


@cc.export('ipow_pos', 'i8(i8, i8)')
def ipow_pos(a, n):
    return a ** n


@cc.export('root', 'f8(f8)')
def root(x):
    return x ** 0.5 + x ** -1.5


TESTS = {
    'square': '*',
    'fpow': '0.1:10 -5:5',
    'fpow_int': '0.25:4 -6:6',
    'fpow_neg_base': '0.25:4 -6:6',
    'ipow_pos': '-9:9 0:15',
    'root': '0.1:100',
}
