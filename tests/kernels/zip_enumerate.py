"""Weighted sums and pairings with zip() and enumerate() in `for` loops: arrays,
ranges and tuples together, zip stopping at the shortest operand, nested unpacking."""
from numba.pycc import CC

cc = CC('k_zip_enumerate')


@cc.export('weighted_sum', 'f8(f8[:], f8[:])')
def weighted_sum(values, weights):
    total = 0.0
    for v, w in zip(values, weights):
        total += v * w
    return total


@cc.export('position_weighted', 'f8(f8[:], f8[:])')
def position_weighted(x, y):
    s = 0.0
    for i, (a, b) in enumerate(zip(x, y)):
        s += (i + 1) * a - b
    return s


@cc.export('enumerate_from', 'i8(i8[:], i8)')
def enumerate_from(a, start):
    s = 0
    for i, v in enumerate(a, start):
        s += i * v
    return s


@cc.export('enumerate_argmax', 'i8(i8[::1])')
def enumerate_argmax(a):
    best, where = -1, -1
    for i, v in enumerate(a, 10):
        if v > best:
            best, where = v, i
    return where


@cc.export('zip_ranges', 'i8(i8, i8)')
def zip_ranges(n, m):
    s = 0
    for i, j in zip(range(n), range(m, -m, -3)):
        s = s * 3 + i * j
    return s


@cc.export('zip_three', 'f8(f8[:], i4[:], i8)')
def zip_three(a, b, n):
    s = 0.0
    for x, y, k in zip(a, b, range(1, n, 2)):
        s += x * y - k
    return s


@cc.export('zip_tuple', 'f8(f8, f8)')
def zip_tuple(p, q):
    coeffs = (1.0, -2.0, 0.5)
    points = (p, q, p + q, p * q)
    s = 0.0
    for c, x in zip(coeffs, points):
        s += c * x
    return s


@cc.export('enumerate_tuple', 'i8(i8, i8, i8)')
def enumerate_tuple(a, b, c):
    s = 0
    for i, v in enumerate((a, b, c)):
        s += (i + 1) * v
    return s


@cc.export('enumerate_break', 'i8(f8[:], f8)')
def enumerate_break(a, limit):
    found = -1
    for i, v in enumerate(a):
        if v > limit:
            found = i
            break
    return found


@cc.export('zip_len_range', 'i8(i8, i8, i8)')
def zip_len_range(a, b, c):
    if c == 0:
        return len(range(a, b))
    return len(range(a, b, c)) + len(range(b))


TESTS = {
    'weighted_sum': '[n]-10:10 [m]-10:10',
    'position_weighted': '[n]-10:10 [m]-10:10',
    'enumerate_from': '[n]-100:100 -50:50',
    'enumerate_argmax': '[n]-100:100',
    'zip_ranges': '0:20 0:20',
    'zip_three': '[n]-5:5 [m]-5:5 0:12',
    'zip_tuple': '-10:10 -10:10',
    'enumerate_tuple': '-100:100 -100:100 -100:100',
    'enumerate_break': '[n]-10:10 -10:10',
    'zip_len_range': '-20:20 -20:20 -5:5',
}
