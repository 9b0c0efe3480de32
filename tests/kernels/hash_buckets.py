"""hash() of numbers in kernels: bucket counts and a combined fingerprint, which must
equal what CPython's hash() gives for the same values."""
import numpy as np
from numba.pycc import CC

cc = CC('k_hash_buckets')


@cc.export('bucket_counts', 'i8[::1](f8[:], i8)')
def bucket_counts(a, nbuckets):
    counts = np.zeros(nbuckets, dtype=np.int64)
    for x in a:
        counts[hash(x) % nbuckets] += 1
    return counts


@cc.export('int_fingerprint', 'i8(i8[:])')
def int_fingerprint(a):
    h = 0
    for i, x in enumerate(a):
        h ^= hash(x) + i
    return h


@cc.export('mixed_hash', 'i8(i8, f8, c16)')
def mixed_hash(i, x, z):
    return hash(i) ^ hash(x) ^ hash(z) ^ hash(i == 0)


@cc.export('hash_equal_values', 'b1(i8)')
def hash_equal_values(i):
    return hash(i) == hash(float(i)) and hash(i) == hash(complex(i, 0.0))


TESTS = {
    'bucket_counts': '[n]-1e6:1e6 1:17',
    'int_fingerprint': '[n]*',
    'mixed_hash': '* -1e300:1e300 -1e10:1e10',
    'hash_equal_values': '-1000000:1000000',
}
