"""Generator functions iterated in `for` loops (numba compiles simple generators): a
generator of primes, squares, filtered array items, early `return`, `break` and
`continue` in the consuming loop, a generator consuming another."""
import numpy as np
from numba import njit
from numba.pycc import CC

cc = CC('k_generators')


@njit
def primes_below(n):
    for k in range(2, n):
        is_prime = True
        d = 2
        while d * d <= k:
            if k % d == 0:
                is_prime = False
                break
            d += 1
        if is_prime:
            yield k


@njit
def squares(n):
    for i in range(n):
        yield i * i


@njit
def positives(a):
    for x in a:
        if x > 0:
            yield x


@njit
def until_negative(a):
    for i in range(len(a)):
        if a[i] < 0:
            return
        yield a[i]


@njit
def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b


@njit
def pairs(n):
    for i in range(n):
        yield i, i * i


@njit
def evens_of_squares(n):
    for s in squares(n):
        if s % 2 == 0:
            yield s


@cc.export('prime_sum', 'i8(i8)')
def prime_sum(n):
    total = 0
    for p in primes_below(n):
        total += p
    return total


@cc.export('prime_count_fill', 'i8[::1](i8)')
def prime_count_fill(n):
    out = np.zeros(n, dtype=np.int64)
    count = 0
    for p in primes_below(n):
        count += 1
        out[p] = count
    return out


@cc.export('squares_skip_break', 'i8(i8, i8)')
def squares_skip_break(n, limit):
    s = 0
    for v in squares(n):
        if v % 3 == 0:
            continue
        if v > limit:
            break
        s += v
    return s


@cc.export('positive_mean', 'f8(f8[:])')
def positive_mean(a):
    s, n = 0.0, 0
    for x in positives(a):
        s += x
        n += 1
    return s / n if n else 0.0


@cc.export('prefix_sum', 'f8(f8[:])')
def prefix_sum(a):
    s = 0.0
    for x in until_negative(a):
        s += x
    return s


@cc.export('fib_last', 'i8(i8)')
def fib_last(n):
    last = -1
    for f in fibonacci(n):
        last = f
    return last


@cc.export('pair_sum', 'i8(i8)')
def pair_sum(n):
    s = 0
    for i, sq in pairs(n):
        s += i * 1000 + sq
    return s


@cc.export('nested_generators', 'i8(i8, i8)')
def nested_generators(n, m):
    s = 0
    for e in evens_of_squares(n):
        for f in squares(m):
            s += e * f
    return s


TESTS = {
    'prime_sum': '0:300',
    'prime_count_fill': '0:60',
    'squares_skip_break': '0:40 0:500',
    'positive_mean': '[n]-10:10',
    'prefix_sum': '[n]-3:10',
    'fib_last': '0:60',
    'pair_sum': '0:30',
    'nested_generators': '0:12 0:12',
}


@cc.export('enumerate_primes', 'i8(i8)')
def enumerate_primes(n):
    s = 0
    for i, p in enumerate(primes_below(n)):
        s += i * p
    return s


@cc.export('zip_primes_weights', 'f8(i8, f8[:])')
def zip_primes_weights(n, w):
    s = 0.0
    for p, x in zip(primes_below(n), w):
        s += p * x
    return s


@cc.export('enumerate_zip_squares', 'i8(i8, i8[:])')
def enumerate_zip_squares(n, a):
    s = 0
    for i, (x, sq) in enumerate(zip(a, squares(n)), 1):
        if sq == 9:
            continue
        s += i * (x + sq)
    return s


TESTS.update({
    'enumerate_primes': '0:200',
    'zip_primes_weights': '0:100 [n]-5:5',
    'enumerate_zip_squares': '0:20 [n]-10:10',
})
