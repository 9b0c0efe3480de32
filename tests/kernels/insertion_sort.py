"""Insertion sort in place on f8[:] and i8[:] (void kernels), with while loops."""
from numba.pycc import CC

cc = CC('k_insertion_sort')


@cc.export('sort_f8', 'void(f8[:])')
@cc.export('sort_i8', 'void(i8[:])')
def insertion_sort(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


@cc.export('sort_desc', 'void(i8[::1])')
def sort_desc(a):
    n = len(a)
    for i in range(n):
        for j in range(n - 1, i, -1):
            if a[j] > a[j - 1]:
                a[j], a[j - 1] = a[j - 1], a[j]


TESTS = {
    'sort_f8': '[n] n=0:30',
    'sort_i8': '[n]-20:20 n=0:30',
    'sort_desc': '[n]-20:20 n=0:30',
}
