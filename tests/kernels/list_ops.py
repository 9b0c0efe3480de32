"""List operations: indexing (negative, IndexError), item assignment, slicing (a new
list), insert/extend/remove/index/count/reverse/sort, `in`, concatenation, aliasing, del."""
from numba.pycc import CC
from numba import typed, types

cc = CC('list_ops')


@cc.export('get', 'i8(i8[:], i8)')
def get(a, i):
    xs = [x for x in a]
    return xs[i]


@cc.export('edit', 'ListType(i8)(i8[:], i8)')
def edit(a, k):
    xs = [x for x in a]
    xs.insert(k, 100)
    xs.extend([7, 8])
    if len(xs) > 2:
        xs[1] = xs[-1] * 2
    xs.reverse()
    ys = xs[1:-1]
    ys.sort()
    return ys + xs[::2]


@cc.export('alias', 'i8(i8)')
def alias(n):
    a = [1, 2, 3]
    b = a
    for i in range(n):
        b.append(i)
    return len(a) * 100 + a.count(1) + a.index(3)


@cc.export('member', 'b1(f8[:], f8)')
def member(a, x):
    xs = [v for v in a]
    return x in xs and not (x + 1000.0) in xs


@cc.export('setitem_oob', 'i8(i8)')
def setitem_oob(i):
    xs = [1, 2, 3]
    xs[i] = 5
    return xs[0] + xs[1] + xs[2]


@cc.export('deleting', 'i8(i8[:], i8, i8)')
def deleting(a, i, j):
    xs = [x for x in a]
    del xs[i]
    del xs[j:]
    d = typed.Dict.empty(key_type=types.int64, value_type=types.int64)
    d[0] = 1
    for x in xs:
        d[x] = 1
    del d[0]
    return len(xs) * 100 + len(d)


TESTS = {
    'deleting': '[n]-4:4 -5:5 -3:3 n=0:6',
    'get': '[n]-5:5 -6:6 n=0:5',
    'edit': '[n]-9:9 -5:5 n=0:6',
    'alias': '0:5',
    'member': '[n]-3:3 -3:3 n=0:6',
    'setitem_oob': '-5:5',
}
