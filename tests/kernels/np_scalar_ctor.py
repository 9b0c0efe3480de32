"""NumPy scalar constructors as accumulators: np.float32(0.0), np.int64(x),
np.float64(k); single-precision dot product."""
import numpy as np
from numba.pycc import CC

cc = CC('k_np_scalar_ctor')


@cc.export('dot32', 'f4(f4[::1], f4[::1])')
def dot32(x, y):
    s = np.float32(0.0)
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@cc.export('as_float', 'f8(i8)')
def as_float(k):
    return np.float64(k) / 4.0


@cc.export('as_int', 'i8(f8)')
def as_int(x):
    return np.int64(x) * 2


TESTS = {
    'dot32': '[n]0:4 [n]0:4 n=0:20 rtol=1e-4',
    'as_float': '*',
    'as_int': '-1000:1000',
}
