"""NumPy functions on scalars: np.sqrt exp log abs floor ceil isnan isinf isfinite
sin cos arctan2 hypot sign spacing."""
import numpy as np
from numba.pycc import CC

cc = CC('k_np_scalar_funcs')


@cc.export('np_basic', 'f8(f8)')
def np_basic(x):
    return np.sqrt(np.abs(x)) + np.exp(-np.abs(x)) + np.floor(x) - np.ceil(x / 3.0)


@cc.export('np_trig', 'f8(f8, f8)')
def np_trig(x, y):
    return np.sin(x) * np.cos(y) + np.arctan2(y, x) + np.hypot(x, y)


@cc.export('np_flags', 'i8(f8)')
def np_flags(x):
    return int(np.isnan(x)) + 2 * int(np.isinf(x)) + 4 * int(np.isfinite(x))


@cc.export('np_log', 'f8(f8)')
def np_log(x):
    return np.log(x) + np.log10(x) + np.log1p(x) + np.expm1(-x)


@cc.export('np_spacing', 'f8(f8)')
def np_spacing(x):
    return np.spacing(x) / np.spacing(1.0)


@cc.export('np_abs_int', 'i8(i8)')
def np_abs_int(k):
    return np.abs(k) + abs(k)


@cc.export('np_sign', 'f8(f8)')
def np_sign(x):
    return np.sign(x) * 3.0


TESTS = {
    'np_basic': '-100:100',
    'np_trig': '-5:5 -5:5',
    'np_flags': '-3:3+nan',
    'np_log': '0.001:100',
    'np_spacing': '-1000:1000',
    'np_abs_int': '-1000:1000',
    'np_sign': '-3:3',
}
