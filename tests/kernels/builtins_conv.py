"""Builtins: int() float() bool() round() abs() min() max() complex() conversions."""
from numba.pycc import CC

cc = CC('k_builtins_conv')


@cc.export('trunc', 'i8(f8)')
def trunc(x):
    return int(x)


@cc.export('to_float', 'f8(i8)')
def to_float(n):
    return float(n) / 3.0


@cc.export('truthy', 'b1(f8)')
def truthy(x):
    return bool(x)


@cc.export('nearest', 'i8(f8)')
def nearest(x):
    return round(x)


@cc.export('abs_mix', 'f8(i8, f8)')
def abs_mix(n, x):
    return abs(n) + abs(x)


@cc.export('min_max_mix', 'f8(i8, f8, i8)')
def min_max_mix(a, b, c):
    return max(a, b, c) - min(a, b) + min(b, c)


@cc.export('to_complex', 'c16(i8, f8)')
def to_complex(a, b):
    return complex(a, b) + complex(b)


@cc.export('int_bool', 'i8(b1, b1)')
def int_bool(p, q):
    return int(p) + 2 * int(q) + (p + q)


TESTS = {
    'trunc': '-1000:1000',
    'to_float': '-1000:1000',
    'truthy': '-1:1',
    'nearest': '-100:100',
    'abs_mix': '* *',
    'min_max_mix': '* * *',
    'to_complex': '* *',
    'int_bool': '* *',
}
