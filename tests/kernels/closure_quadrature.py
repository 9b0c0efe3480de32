"""Numerical kernels with inner functions: Simpson's rule over an inner integrand
that reads the enclosing parameters, a fixed-point iteration, and a polynomial
evaluated through a lambda over enumerate."""
import math

import numpy as np
from numba.pycc import CC

cc = CC('k_closure_quadrature')


@cc.export('simpson_gauss', 'f8(f8, f8, i8)')
def simpson_gauss(mu, sigma, n):
    def density(x):
        z = (x - mu) / sigma
        return math.exp(-0.5 * z * z) / (sigma * math.sqrt(2.0 * math.pi))

    a, b = mu - 3.0 * sigma, mu + 3.0 * sigma
    m = 2 * n
    h = (b - a) / m
    s = density(a) + density(b)
    for i in range(1, m):
        s += (4.0 if i % 2 == 1 else 2.0) * density(a + i * h)
    return s * h / 3.0


@cc.export('fixed_point_cos', 'f8(f8, f8)')
def fixed_point_cos(x0, k):
    g = lambda x: math.cos(k * x)
    x = x0
    for _ in range(500):
        nxt = g(x)
        if abs(nxt - x) < 1e-13:
            return nxt
        x = nxt
    return x


@cc.export('poly_eval', 'f8(f8[:], f8)')
def poly_eval(coeffs, x):
    term = lambda c, k: c * x ** k
    s = 0.0
    for k, c in enumerate(coeffs):
        s += term(c, k)
    return s


TESTS = {
    'simpson_gauss': '-5:5 0.5:3 1:50 rtol=1e-9 atol=1e-12',
    'fixed_point_cos': '-1:1 0.1:0.9 rtol=1e-9 atol=1e-10',
    'poly_eval': '[n]-3:3 -1.5:1.5',
}
