"""Helpers that take None or return None: a `found = None` search whose result
unifies none with an integer (numba's Optional), a helper called with None and with
a value, and an optional result returned to Python."""
from numba.pycc import CC

cc = CC('k_optional_helpers')


def find(a, x):
    where = None
    for i in range(len(a)):
        if a[i] == x:
            where = i
            break
    return where


def offset(x, by):
    if by is None:
        return x
    return x + by


@cc.export('index_or_minus_one', 'i8(i8[:], i8)')
def index_or_minus_one(a, x):
    i = find(a, x)
    if i is None:
        return -1
    return i


@cc.export('find_index', 'optional(i8)(i8[:], i8)')
def find_index(a, x):
    return find(a, x)


@cc.export('offsets', 'f8(f8, f8)')
def offsets(x, y):
    return offset(x, None) + offset(x, y) + offset(y, 1.5)


@cc.export('first_above', 'optional(f8)(f8[:], f8)')
def first_above(a, limit):
    for v in a:
        if v > limit:
            return v
    return None


TESTS = {
    'index_or_minus_one': '[n]0:5 0:5 n=0:10',
    'find_index': '[n]0:5 0:5 n=0:10',
    'offsets': '-100:100 -100:100',
    'first_above': '[n]-5:5 -5:5 n=0:10',
}
