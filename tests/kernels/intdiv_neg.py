"""Integer // and % with negative operands round like Python (floor), also on arrays."""
import numpy as np
from numba.pycc import CC

cc = CC('k_intdiv_neg')


@cc.export('floordiv', 'i8(i8, i8)')
def floordiv(a, b):
    return a // b


@cc.export('mod', 'i8(i8, i8)')
def mod(a, b):
    return a % b


@cc.export('divmod_check', 'b1(i8, i8)')
def divmod_check(a, b):
    q = a // b
    r = a % b
    return q * b + r == a and (r == 0 or (r < 0) == (b < 0))


@cc.export('fmod_float', 'f8(f8, f8)')
def fmod_float(a, b):
    return a % b


@cc.export('fdiv_float', 'f8(f8, f8)')
def fdiv_float(a, b):
    return a // b


@cc.export('array_mod', 'i8[:](i8[:], i8)')
def array_mod(a, k):
    out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = a[i] % k
    return out


@cc.export('int_truediv', 'f8(i8, i8)')
def int_truediv(a, b):
    return a / b


TESTS = {
    'floordiv': '-50:50 -7:7',
    'mod': '-50:50 -7:7',
    'divmod_check': '-1000:1000 -9:9',
    'fmod_float': '-50:50 -7:7',
    'fdiv_float': '-50:50 -7:7',
    'array_mod': '[n]-100:100 -5:5 n=0:10',
    'int_truediv': '-100:100 -5:5',
}
