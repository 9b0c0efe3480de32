"""`in` and `not in` on tuples and ranges (any step sign), as filters in loops."""
from numba.pycc import CC

cc = CC('k_membership')


@cc.export('is_vowel_code', 'b1(i8)')
def is_vowel_code(c):
    return c in (97, 101, 105, 111, 117)


@cc.export('in_range', 'b1(i8, i8, i8, i8)')
def in_range(x, start, stop, step):
    if step == 0:
        return x in range(start, stop)
    return x in range(start, stop, step)


@cc.export('not_in_range', 'i8(i8)')
def not_in_range(n):
    count = 0
    for k in range(-n, n):
        if k not in range(0, n, 3) and k not in range(n, -n, -4):
            count += 1
    return count


@cc.export('float_in_tuple', 'b1(f8, f8)')
def float_in_tuple(x, y):
    return x in (y, 2.5, y * 2.0) and not (x not in (x, y))


@cc.export('filter_array', 'f8(f8[:], i8)')
def filter_array(a, skip):
    s = 0.0
    for i in range(len(a)):
        if i not in (skip, skip + 1):
            s += a[i]
    return s


TESTS = {
    'is_vowel_code': '90:120',
    'in_range': '-30:30 -20:20 -20:20 -6:6',
    'not_in_range': '0:40',
    'float_in_tuple': '-3:3 -3:3',
    'filter_array': '[n]-10:10 -2:8',
}
