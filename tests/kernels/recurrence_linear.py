"""Linear recurrences: first-order IIR filter and exponential moving average."""
import numpy as np
from numba.pycc import CC

cc = CC('k_recurrence_linear')


@cc.export('iir1', 'f8[:](f8[:], f8)')
def iir1(x, a):
    y = np.zeros_like(x)
    prev = 0.0
    for i in range(len(x)):
        prev = a * prev + x[i]
        y[i] = prev
    return y


@cc.export('ema_last', 'f8(f8[:], f8)')
def ema_last(x, alpha):
    if len(x) == 0:
        return 0.0
    m = x[0]
    for i in range(1, len(x)):
        m = alpha * x[i] + (1.0 - alpha) * m
    return m


@cc.export('tribonacci', 'i8(i8)')
def tribonacci(n):
    a, b, c = 0, 0, 1
    for _ in range(n):
        a, b, c = b, c, a + b + c
    return a


TESTS = {
    'iir1': '[n] -0.99:0.99 n=0:30',
    'ema_last': '[n] 0:1 n=0:30',
    'tribonacci': '0:60',
}
