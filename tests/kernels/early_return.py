"""Early returns from inside nested loops; several returns that unify."""
from numba.pycc import CC

cc = CC('k_early_return')


@cc.export('find_pair', 'i8(i8[:], i8)')
def find_pair(a, target):
    n = len(a)
    for i in range(n):
        for j in range(i + 1, n):
            if a[i] + a[j] == target:
                return i * n + j
    return -1


@cc.export('classify', 'i8(f8)')
def classify(x):
    if x < -1.0:
        return -2
    elif x < 0.0:
        return -1
    elif x == 0.0:
        return 0
    elif x <= 1.0:
        return 1
    return 2


@cc.export('first_repeat', 'f8(f8[:])')
def first_repeat(a):
    for i in range(len(a)):
        for j in range(i):
            if a[j] == a[i]:
                return a[i]
    return -1.0


TESTS = {
    'find_pair': '[n]-10:10 -10:10 n=0:12',
    'classify': '-3:3',
    'first_repeat': '[n]0:4 n=0:10',
}
