"""Lists of lists and of str, shared through helpers, enumerate/zip over lists, tuples holding str."""
from numba.pycc import CC

cc = CC('list_nested')


def push(xs, v):
    xs.append(v)
    return xs


@cc.export('rows', 'i8(i8)')
def rows(n):
    grid = [[0]]
    grid.pop()
    for i in range(n):
        row = [j for j in range(i)]
        grid.append(row)
    grid[-1].append(100) if n > 0 else None
    total = 0
    for i, row in enumerate(grid):
        total += i * sum(row) + len(row)
    return total


@cc.export('shared', 'i8(i8)')
def shared(n):
    a = [1]
    b = push(a, n)
    b.append(2)
    return len(a) * 1000 + a[-2]


@cc.export('labels', 'unicode_type(i8[:])')
def labels(a):
    names = ["zero", "one", "two"]
    out = []
    for x, name in zip(a, names):
        out.append(name + str(x))
    pair = ("sep", len(out))
    return pair[0].join(out) + str(pair[1])


TESTS = {
    'rows': '0:8',
    'shared': '-5:5',
    'labels': '[n]0:9 n=0:5',
}
