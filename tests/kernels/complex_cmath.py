"""cmath: sqrt, exp, log, phase, polar, rect, isnan on complex scalars."""
import cmath
from numba.pycc import CC

cc = CC('k_complex_cmath')


@cc.export('csqrt', 'c16(c16)')
def csqrt(z):
    return cmath.sqrt(z)


@cc.export('cexp_log', 'c16(c16)')
def cexp_log(z):
    return cmath.exp(z) + cmath.log(z + 20.0)


@cc.export('topolar', 'UniTuple(f8, 2)(c16)')
def topolar(z):
    return cmath.polar(z)


@cc.export('roundtrip', 'c16(f8, f8)')
def roundtrip(r, phi):
    return cmath.rect(r, phi) + cmath.phase(complex(r, phi))


@cc.export('has_nan', 'b1(c16)')
def has_nan(z):
    return cmath.isnan(z)


TESTS = {
    'csqrt': '*',
    'cexp_log': '-5:5',
    'topolar': '*',
    'roundtrip': '0:10 -3:3',
    'has_nan': '-1:1+nan',
}
