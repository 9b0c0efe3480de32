"""Euclid's algorithm with `a, b = b, a % b`, lcm, extended gcd returning a tuple."""
from numba.pycc import CC

cc = CC('k_gcd_lcm')


@cc.export('gcd', 'i8(i8, i8)')
def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


@cc.export('lcm', 'i8(i8, i8)')
def lcm(a, b):
    return a // gcd(a, b) * b      # ZeroDivisionError when both are 0


@cc.export('egcd', 'UniTuple(i8, 3)(i8, i8)')
def egcd(a, b):
    x0, x1, y0, y1 = 1, 0, 0, 1
    while b != 0:
        q = a // b
        a, b = b, a - q * b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    return a, x0, y0


TESTS = {
    'gcd': '-1000:1000 -1000:1000',
    'lcm': '-300:300 -300:300',
    'egcd': '-10000:10000 -10000:10000',
}
