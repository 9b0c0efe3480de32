"""Histograms: fixed-width bins with int() truncation, bin counts as i8[:]."""
import math
import numpy as np
from numba.pycc import CC

cc = CC('k_histogram')


@cc.export('hist', 'i8[:](f8[:], f8, f8, i8)')
def hist(a, lo, hi, nbins):
    counts = np.zeros(nbins, dtype=np.int64)
    width = (hi - lo) / nbins
    for x in a:
        if x < lo or x >= hi:
            continue
        k = int((x - lo) / width)
        if k >= nbins:
            k = nbins - 1
        counts[k] += 1
    return counts


@cc.export('histogram', 'void(f8[:], i8[:], f8, f8)')
def histogram(data, counts, lo, hi):
    scale = len(counts) / (hi - lo)
    for x in data:
        counts[int((x - lo) * scale)] += 1      # no range test: an outlier raises IndexError here (numba does not check)


@cc.export('mode_bin', 'i8(i8[:], i8)')
def mode_bin(a, nbins):
    counts = np.zeros(nbins, dtype=np.int64)
    for v in a:
        counts[v % nbins] += 1
    best = 0
    for k in range(nbins):
        if counts[k] > counts[best]:
            best = k
    return best


TESTS = {
    'hist': '[n]-12:12 -10:-1 1:10 1:8 n=0:40',
    'histogram': '[n]0:0.999 [m]0:0 0:0 1:1 n=0:40 m=1:8',
    'mode_bin': '[n]-100:100 1:7 n=0:40',
}
