"""Complex arithmetic: construction, .real/.imag, conjugate, abs, division."""
import numpy as np
from numba.pycc import CC

cc = CC('k_complex_ops')


@cc.export('cmul', 'c16(c16, c16)')
def cmul(a, b):
    return a * b + a / (b + 10.0)


@cc.export('make', 'c16(f8, f8)')
def make(re, im):
    return complex(re, im) * 1j


@cc.export('parts', 'UniTuple(f8, 2)(c16)')
def parts(z):
    w = z.conjugate() * z
    return w.real, z.imag


@cc.export('modulus', 'f8(c16)')
def modulus(z):
    return abs(z)


@cc.export('cdiv', 'c16(c16, c16)')
def cdiv(a, b):
    return a / b


@cc.export('csum', 'c16(c16[:])')
def csum(a):
    s = 0j
    for i in range(len(a)):
        s += a[i] * a[i].conjugate()
    return s


@cc.export('c8mul', 'c8(c8, c8)')
def c8mul(a, b):
    return a * b


TESTS = {
    'cmul': '-3:3 -3:3',
    'make': '* *',
    'parts': '*',
    'modulus': '*',
    'cdiv': '-3:3 -1:1',
    'csum': '[n] n=0:10',
    'c8mul': '-3:3 -3:3',
}
