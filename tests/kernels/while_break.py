"""while loops with break and continue; first index above a threshold or -1."""
from numba.pycc import CC

cc = CC('k_while_break')


@cc.export('first_above', 'i8(f8[:], f8)')
def first_above(a, t):
    i = 0
    found = False
    while i < len(a):
        if a[i] > t:
            found = True
            break
        i += 1
    if not found:
        return -1
    return i


@cc.export('sum_skip_negative', 'f8(f8[:])')
def sum_skip_negative(a):
    s = 0.0
    i = -1
    while True:
        i += 1
        if i >= len(a):
            break
        if a[i] < 0:
            continue
        s += a[i]
    return s


@cc.export('digits', 'i8(i8)')
def digits(n):
    if n < 0:
        n = -n
    count = 1
    while n >= 10:
        n //= 10
        count += 1
    return count


@cc.export('odd_sum_until', 'i8(i8, i8)')
def odd_sum_until(n, limit):
    s = 0
    for k in range(n):
        if k % 2 == 0:
            continue
        if s + k > limit:
            break
        s += k
    return s


TESTS = {
    'first_above': '[n] -100:100 n=0:20',
    'sum_skip_negative': '[n] n=0:30',
    'digits': '-10000000:10000000',
    'odd_sum_until': '0:200 0:3000',
}
