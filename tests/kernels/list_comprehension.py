"""List comprehensions with conditions and nested loops, then sum/min/max/sorted/len."""
from numba.pycc import CC

cc = CC('list_comprehension')


@cc.export('evens', 'ListType(f8)(i8)')
def evens(n):
    return [i * 1.5 for i in range(n) if i % 2 == 0]


@cc.export('stats', 'f8(f8[:])')
def stats(a):
    xs = [x * x for x in a if x > 0]
    if len(xs) == 0:
        return -1.0
    return sum(xs) + min(xs) * 2.0 - max(xs) + len(xs)


@cc.export('pairs', 'i8(i8)')
def pairs(n):
    ps = [(i, j) for i in range(n) for j in range(i) if (i + j) % 3 == 0]
    t = 0
    for i, j in ps:
        t += i * 10 + j
    return t + len(ps)


@cc.export('sorted_squares', 'ListType(i8)(i8[:])')
def sorted_squares(a):
    return sorted([x * x - 3 * x for x in a])


@cc.export('descending', 'ListType(i8)(i8[:])')
def descending(a):
    xs = [x % 5 for x in a]
    xs.sort(reverse=True)
    return sorted(xs, reverse=True) + xs


TESTS = {
    'descending': '[n]-20:20 n=0:10',
    'evens': '-2:30',
    'stats': '[n]-10:10 n=0:12',
    'pairs': '0:15',
    'sorted_squares': '[n]-20:20 n=0:10',
}
