"""`for x in arr` over 1-D arrays of several dtypes."""
from numba.pycc import CC

cc = CC('k_for_in_array')


@cc.export('sum_abs', 'f8(f8[:])')
def sum_abs(a):
    s = 0.0
    for x in a:
        s += abs(x)
    return s


@cc.export('count_even', 'i8(i8[:])')
def count_even(a):
    c = 0
    for v in a:
        if v % 2 == 0:
            c += 1
    return c


@cc.export('last_positive', 'f8(f8[:])')
def last_positive(a):
    last = 0.0
    for x in a:
        if x > 0:
            last = x
    return last


TESTS = {
    'sum_abs': '[n] n=0:30',
    'count_even': '[n] n=0:30',
    'last_positive': '[n] n=0:30',
}
