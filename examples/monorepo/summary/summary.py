"""Summary statistics of a sample, built on the shared helpers."""
import math

from numba.pycc import CC

from helpers.stats import mean, variance

cc = CC('summary')


@cc.export('mean', 'f8(f8[:])')
def mean_of(x):
    return mean(x)


@cc.export('variance', 'f8(f8[:])')
def variance_of(x):
    return variance(x)


@cc.export('std', 'f8(f8[:])')
def std_of(x):
    return math.sqrt(variance(x))


@cc.export('count_above', 'i8(f8[:], f8)')
def count_above(x, threshold):
    n = 0
    for i in range(len(x)):
        if x[i] > threshold:
            n += 1
    return n
