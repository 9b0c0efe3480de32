"""math module on floats: sqrt exp log log10 log1p expm1 sin cos tan atan2 hypot
floor ceil fabs copysign pow."""
import math
from numba.pycc import CC

cc = CC('k_math_funcs')


@cc.export('explog', 'f8(f8)')
def explog(x):
    return math.exp(x) - math.log(x) + math.log10(x) + math.sqrt(x)


@cc.export('small', 'f8(f8)')
def small(x):
    return math.log1p(x) + math.expm1(x)


@cc.export('trig', 'f8(f8, f8)')
def trig(x, y):
    return math.sin(x) * math.cos(y) + math.tan(x / 4.0) + math.atan2(y, x)


@cc.export('rounding', 'f8(f8)')
def rounding(x):
    return math.floor(x) * 10.0 + math.ceil(x) + math.fabs(x) + math.copysign(2.0, x)


@cc.export('hyp_pow', 'f8(f8, f8)')
def hyp_pow(x, y):
    return math.hypot(x, y) + math.pow(abs(x) + 1.0, y / 10.0)


@cc.export('floor_int', 'i8(f8)')
def floor_int(x):
    return math.floor(x) + math.ceil(x)      # ints in both CPython and numba


TESTS = {
    'explog': '0.01:20',
    'small': '-0.9:2',
    'trig': '-3:3 -3:3',
    'rounding': '-50:50',
    'hyp_pow': '-20:20 -20:20',
    'floor_int': '-1000:1000',
}
