"""Unique values with a set: add/discard/in/len, set literals, set operations, iteration."""
from numba.pycc import CC

cc = CC('set_unique')


@cc.export('n_unique', 'i8(i8[:])')
def n_unique(a):
    s = set()
    for x in a:
        s.add(x)
    return len(s)


@cc.export('first_repeat', 'i8(i8[:])')
def first_repeat(a):
    seen = set()
    for x in a:
        if x in seen:
            return x
        seen.add(x)
    return -1000


@cc.export('ops', 'i8(i8[:], i8[:])')
def ops(a, b):
    s = {100}
    s.discard(100)
    for x in a:
        s.add(x)
    t = {0, 1, 2}
    for x in b:
        t.add(x)
    t.discard(1)
    u = s | t
    v = s & t
    w = s - t
    total = 0
    for x in sorted(u):
        total = total * 3 + x
    return total + 100 * len(v) + 10000 * len(w)


TESTS = {
    'n_unique': '[n]-5:5 n=0:15',
    'first_repeat': '[n]-5:5 n=0:10',
    'ops': '[n]-3:3 [m]-3:3 n=0:6 m=0:6',
}
