"""Building a list of primes by trial division over the primes found so far."""
from numba.pycc import CC

cc = CC('list_primes')


@cc.export('primes_upto', 'ListType(i8)(i8)')
def primes_upto(n):
    ps = []
    for k in range(2, n + 1):
        is_prime = True
        for p in ps:
            if p * p > k:
                break
            if k % p == 0:
                is_prime = False
                break
        if is_prime:
            ps.append(k)
    return ps


@cc.export('nth_prime', 'i8(i8)')
def nth_prime(n):
    ps = [2]
    k = 3
    while len(ps) < n:
        ok = True
        for p in ps:
            if p * p > k:
                break
            if k % p == 0:
                ok = False
        if ok:
            ps.append(k)
        k += 2
    return ps[n - 1]


TESTS = {
    'primes_upto': '-3:200',
    'nth_prime': '1:150',
}
