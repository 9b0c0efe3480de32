"""Integer and float keyed dicts: a histogram of binned values, items/keys/values, pop, KeyError."""
from numba.pycc import CC
from numba import typed, types

cc = CC('dict_histogram')


@cc.export('hist', 'i8(f8[:], f8)')
def hist(a, width):
    h = typed.Dict.empty(key_type=types.int64, value_type=types.int64)
    for x in a:
        b = int(x // width)
        h[b] = h.get(b, 0) + 1
    score = 0
    for k, v in h.items():
        score += k * v
    return score * 1000 + len(h)


@cc.export('lookup', 'f8(i8[:], i8)')
def lookup(keys, k):
    d = {1: 0.5}
    for i in range(len(keys)):
        d[keys[i]] = i * 1.5
    return d[k]


@cc.export('popper', 'f8(i8[:], i8)')
def popper(keys, k):
    d = {-1: 2.0}
    for x in keys:
        d[x] = x * 0.25
    v = d.pop(k, -7.0)
    total = 0.0
    for x in d.values():
        total += x
    return v + total + len(d.keys())


@cc.export('float_keys', 'i8(f8[:])')
def float_keys(a):
    d = {}
    for x in a:
        d[round(x, 0) + 0.0] = 1   # numba keeps -0.0 and 0.0 apart as keys; CPython does not
    return len(d)


TESTS = {
    'hist': '[n]-10:10 0.5:3 n=0:12',
    'lookup': '[n]-3:3 -3:3 n=0:6',
    'popper': '[n]-3:3 -3:3 n=0:6',
    'float_keys': '[n]-5:5 n=0:10',
}
