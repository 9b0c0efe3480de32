"""Statistics over f8[:] arrays, shared by several packages of the monorepo.

Plain Python: each module that imports a function from here gets it compiled in,
and an edit here rebuilds only the exports that reach the edited function.
"""


def mean(x):
    total = 0.0
    for i in range(len(x)):
        total += x[i]
    return total / len(x)


def variance(x):
    m = mean(x)
    total = 0.0
    for i in range(len(x)):
        d = x[i] - m
        total += d * d
    return total / len(x)
