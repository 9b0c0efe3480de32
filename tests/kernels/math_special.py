"""Inverse trig and hyperbolic functions; isnan/isinf/isfinite with nan and inf
inputs; math constants inf and nan."""
import math
from numba.pycc import CC

cc = CC('k_math_special')


@cc.export('inverse', 'f8(f8)')
def inverse(x):
    return math.asin(x) + math.acos(x) * 2.0 + math.atan(x * 10.0)


@cc.export('hyper', 'f8(f8)')
def hyper(x):
    return math.sinh(x) - math.cosh(x) * 0.5 + math.tanh(x)


@cc.export('classify', 'i8(f8)')
def classify(x):
    if math.isnan(x):
        return 0
    if math.isinf(x):
        return 1 if x > 0 else -1
    if math.isfinite(x):
        return 2
    return 3


@cc.export('nan_to_num', 'f8(f8)')
def nan_to_num(x):
    if x != x:
        return 0.0
    if x == math.inf:
        return 1e300
    if x == -math.inf:
        return -1e300
    return x


@cc.export('is_nan_const', 'b1(f8)')
def is_nan_const(x):
    return math.isnan(math.nan + x)


TESTS = {
    'inverse': '-1:1',
    'hyper': '-20:20',
    'classify': '-5:5+nan',
    'nan_to_num': '-5:5+nan',
    'is_nan_const': '*',
}
