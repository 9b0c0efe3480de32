"""Lists as arguments (numba's reflected lists: changes show in the caller's list) and results.
numba cannot type an empty reflected list argument, so the lists drawn have an item."""
from numba.pycc import CC

cc = CC('list_args')


@cc.export('total', 'f8(reflected list(float64))')
def total(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


@cc.export('push_mean', 'f8(reflected list(float64))')
def push_mean(xs):
    n = len(xs)
    m = 0.0
    for x in xs:
        m += x
    m = m / n if n > 0 else 0.0
    xs.append(m)
    return m


@cc.export('running', 'ListType(i8)(ListType(i8))')
def running(xs):
    out = []
    acc = 0
    for x in xs:
        acc += x
        out.append(acc)
    return out


TESTS = {
    'total': '[n]-10:10 n=1:10',
    'push_mean': '[n]-10:10 n=1:10',
    'running': '[n]-100:100 n=1:10',
}
