"""Histograms from masks: counts per bin with np.count_nonzero, bin means, and the
fraction of samples inside one standard deviation."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_histogram')


@cc.export('bin_counts', 'i8[:](f8[:], i8)')
def bin_counts(x, bins):
    out = np.zeros(bins, dtype=np.int64)
    lo = x.min()
    width = (x.max() - lo) / bins
    for b in range(bins):
        left = lo + b * width
        right = left + width
        if b == bins - 1:
            out[b] = np.count_nonzero(x >= left)
        else:
            out[b] = np.count_nonzero((x >= left) & (x < right))
    return out


@cc.export('inside_sigma', 'f8(f8[:])')
def inside_sigma(x):
    m = x.mean()
    s = x.std()
    return np.count_nonzero(np.abs(x - m) <= s) / len(x)


@cc.export('low_high_means', 'UniTuple(f8, 2)(f8[:])')
def low_high_means(x):
    med = np.median(x)
    low = x[x < med]
    high = x[x >= med]
    lm = low.mean() if len(low) else med
    return lm, high.mean()


TESTS = {
    'bin_counts': '[n]-100:100 1:5 n=0:30',
    'inside_sigma': '[n]-100:100 n=1:30',
    'low_high_means': '[n]-100:100 n=0:30',
}

# numba sums the mean in a plain loop, NumPy (and aot_tool) pairwise: for eight equal
# values the two means differ in the last bit, and `<= s` with s == 0 flips (README,
# Summation order)
NUMBA_DIFFERS = {'inside_sigma': 'the mean of equal values differs in the last bit (plain-loop sum)'}
