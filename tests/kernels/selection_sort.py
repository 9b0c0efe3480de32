"""Selection sort of a copy, sortedness check, median of a sorted copy."""
import numpy as np
from numba.pycc import CC

cc = CC('k_selection_sort')


@cc.export('sorted_copy', 'f8[:](f8[:])')
def sorted_copy(a):
    b = a.copy()
    n = len(b)
    for i in range(n):
        m = i
        for j in range(i + 1, n):
            if b[j] < b[m]:
                m = j
        b[i], b[m] = b[m], b[i]
    return b


@cc.export('is_sorted', 'b1(i8[:])')
def is_sorted(a):
    for i in range(1, len(a)):
        if a[i - 1] > a[i]:
            return False
    return True


@cc.export('median', 'f8(f8[:])')
def median(a):
    b = sorted_copy(a)
    n = len(b)
    if n % 2 == 1:
        return b[n // 2]
    return 0.5 * (b[n // 2 - 1] + b[n // 2])


TESTS = {
    'sorted_copy': '[n] n=0:25',
    'is_sorted': '[n]0:3 n=0:6',
    'median': '[n] n=1:25',
}
