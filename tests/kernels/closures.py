"""Lambdas bound to names, inner functions capturing the enclosing variables (read
when called, as numba inlines them), inner functions calling each other, and a
Newton solver written with closures."""
import math

import numpy as np
from numba.pycc import CC

cc = CC('k_closures')


@cc.export('square_sum', 'f8(f8[:])')
def square_sum(a):
    sq = lambda v: v * v
    s = 0.0
    for x in a:
        s += sq(x)
    return s


@cc.export('captured_late', 'UniTuple(f8, 2)(f8)')
def captured_late(x):
    k = 2.0
    scale = lambda v: v * k
    first = scale(x)
    k = 10.0
    return first, scale(x)


@cc.export('captured_in_loop', 'i8(i8, i8)')
def captured_in_loop(x, n):
    acc = 0

    def add(v):
        return acc + v

    for i in range(n):
        acc += i
        x = add(x)
    return x


@cc.export('inner_calls_inner', 'f8(f8, f8)')
def inner_calls_inner(x, c):
    def f(v):
        return v * v - c

    def g(v):
        return f(v) + f(v + 1.0)

    return g(x) - f(x)


@cc.export('newton_sqrt', 'f8(f8)')
def newton_sqrt(c):
    f = lambda x: x * x - c
    df = lambda x: 2.0 * x
    x = max(c, 1.0)
    for _ in range(60):
        step = f(x) / df(x)
        x -= step
        if abs(step) < 1e-15 * x:
            break
    return x


@cc.export('newton_poly', 'f8(f8, f8, f8)')
def newton_poly(a, b, guess):
    def f(x):
        return x * x * x + a * x + b

    def df(x):
        return 3.0 * x * x + a

    x = guess
    for _ in range(100):
        d = df(x)
        if d == 0.0:
            break
        nxt = x - f(x) / d
        if abs(nxt - x) < 1e-12:
            return nxt
        x = nxt
    return x


@cc.export('multi_arg_lambda', 'f8(i8, f8)')
def multi_arg_lambda(n, y):
    f = lambda a, b: a * b + 1
    return f(n, 2) + f(2.5, y)


@cc.export('inner_reads_array', 'f8(f8[:], f8)')
def inner_reads_array(a, t):
    def above(i):
        return a[i] > t

    count = 0.0
    for i in range(len(a)):
        if above(i):
            count += a[i]
    return count


@cc.export('inner_writes_array', 'void(f8[:], f8)')
def inner_writes_array(out, v):
    def put(i, x):
        out[i] = x * v

    for i in range(len(out)):
        put(i, i + 0.5)


@cc.export('lambda_of_math', 'f8(f8)')
def lambda_of_math(x):
    g = lambda t: math.exp(-t * t) + np.sin(t)
    return g(x) + g(x / 2.0)


TESTS = {
    'square_sum': '[n]-10:10',
    'captured_late': '-10:10',
    'captured_in_loop': '-100:100 0:20',
    'inner_calls_inner': '-10:10 -10:10',
    'newton_sqrt': '0.01:1e6',
    'newton_poly': '0.5:10 -10:10 -3:3 rtol=1e-7 atol=1e-9',
    'multi_arg_lambda': '-100:100 -10:10',
    'inner_reads_array': '[n]-10:10 -5:5',
    'inner_writes_array': '[n]-10:10 -5:5',
    'lambda_of_math': '-5:5',
}
