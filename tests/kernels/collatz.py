"""Collatz sequences: step counts with while loops, longest chain below a bound."""
from numba.pycc import CC

cc = CC('k_collatz')


@cc.export('steps', 'i8(i8)')
def steps(n):
    count = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        count += 1
    return count


@cc.export('longest_below', 'UniTuple(i8, 2)(i8)')
def longest_below(limit):
    best, best_n = 0, 1
    for n in range(1, limit):
        s = steps(n)
        if s > best:
            best, best_n = s, n
    return best_n, best


TESTS = {
    'steps': '1:100000',
    'longest_below': '1:2000 examples=20',
}
