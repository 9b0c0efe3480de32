"""Dtype handling: astype for quantisation, views of float bits, a.dtype and
positional dtypes in constructors, itemsize."""
import numpy as np
from numba.pycc import CC

cc = CC('k_dtype_casts')


@cc.export('quantise', 'i4[:](f8[:], f8)')
def quantise(x, scale):
    return (x * scale).astype(np.int32)


@cc.export('to_f4_sum', 'f8(i8[:, :])')
def to_f4_sum(a):
    b = a.astype(np.float32)
    s = 0.0
    for i in range(b.shape[0]):
        for j in range(b.shape[1]):
            s += b[i, j]
    return s


@cc.export('sign_bits', 'i8(f8[::1])')
def sign_bits(x):
    bits = x.view(np.int64)
    count = 0
    for k in range(bits.size):
        if bits[k] < 0:
            count += 1
    return count


@cc.export('same_dtype_scratch', 'i4[:](i4[:])')
def same_dtype_scratch(a):
    out = np.empty(a.size, a.dtype)
    acc = np.zeros(1, dtype=a.dtype)
    for k in range(a.size):
        acc[0] += a[k]
        out[k] = acc[0]
    return out


@cc.export('mask_counts', 'i8[:](f8[:, :])')
def mask_counts(a):
    counts = np.zeros_like(a, dtype=np.int64)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            counts[i, j] = 1 if a[i, j] > 0 else 0
    per_column = np.zeros(a.shape[1], np.int64)
    for i in range(a.shape[0]):
        per_column += counts[i]
    return per_column


@cc.export('bytes_used', 'i8(f4[:], c16[:])')
def bytes_used(a, b):
    return a.size * a.itemsize + b.size * b.itemsize


TESTS = {
    'quantise': '[n]-100:100 0.5:4',
    'to_f4_sum': '[n,m]-1000:1000 n=0:5 m=0:5',
    'sign_bits': '[n]-5:5 n=0:20',
    'same_dtype_scratch': '[n]-1000:1000 n=0:10',
    'mask_counts': '[n,m]-3:3 n=0:5 m=1:5',
    'bytes_used': '[n] [m] n=0:6 m=0:6',
}
