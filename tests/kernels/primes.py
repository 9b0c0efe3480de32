"""Primes: trial division with early return, sieve of Eratosthenes with a bool array."""
import numpy as np
from numba.pycc import CC

cc = CC('k_primes')


@cc.export('is_prime', 'b1(i8)')
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


@cc.export('count_primes', 'i8(i8)')
def count_primes(n):
    if n < 3:
        return 0
    sieve = np.ones(n, dtype=np.bool_)
    sieve[0] = False
    sieve[1] = False
    i = 2
    while i * i < n:
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = False
        i += 1
    count = 0
    for k in range(n):
        if sieve[k]:
            count += 1
    return count


@cc.export('nth_prime', 'i8(i8)')
def nth_prime(k):
    found = 0
    n = 1
    while found < k:
        n += 1
        if is_prime(n):
            found += 1
    return n


TESTS = {
    'is_prime': '-10:100000',
    'count_primes': '0:5000',
    'nth_prime': '1:200',
}
