"""Sieve of Eratosthenes over a list of booleans, collecting primes and their gaps."""
from numba.pycc import CC

cc = CC('list_sieve')


@cc.export('sieve', 'ListType(i8)(i8)')
def sieve(n):
    if n < 2:
        return [0 for _ in range(0)]
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    p = 2
    while p * p <= n:
        if flags[p]:
            for m in range(p * p, n + 1, p):
                flags[m] = False
        p += 1
    return [i for i in range(n + 1) if flags[i]]


@cc.export('max_gap', 'i8(i8)')
def max_gap(n):
    ps = sieve(n)
    gap = 0
    for k in range(1, len(ps)):
        if ps[k] - ps[k - 1] > gap:
            gap = ps[k] - ps[k - 1]
    return gap


TESTS = {
    'sieve': '-3:300',
    'max_gap': '-3:500',
}
