"""Trial division: counting primes with a divisor that counts up from 2 (its remainders
are unsigned and unchecked: backend/counters.py), and the smallest factor of each n."""
from numba.pycc import CC

cc = CC('k_trial_division')


@cc.export('prime_count', 'i8(i8)')
def prime_count(n):
    count = 0
    for k in range(2, n):
        d = 2
        prime = True
        while d * d <= k:
            if k % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


@cc.export('smallest_factor', 'i8(i8)')
def smallest_factor(n):
    if n < 2:
        return n
    d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d += 1
    return n


TESTS = {
    'prime_count': '-5:3000 examples=40',
    'smallest_factor': '-50:1000000',
}
