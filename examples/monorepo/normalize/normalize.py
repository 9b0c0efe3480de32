"""Rescaling of samples: z-scores and centring use the shared helpers, clipping does not."""
import math

import numpy as np
from numba.pycc import CC

from helpers.stats import mean, variance

cc = CC('normalize')


@cc.export('zscore', 'f8[:](f8[:])')
def zscore(x):
    m = mean(x)
    s = math.sqrt(variance(x))
    out = np.empty_like(x)
    for i in range(len(x)):
        out[i] = (x[i] - m) / s
    return out


@cc.export('center', 'f8[:](f8[:])')
def center(x):
    m = mean(x)
    out = np.empty_like(x)
    for i in range(len(x)):
        out[i] = x[i] - m
    return out


@cc.export('clip', 'f8[:](f8[:], f8, f8)')
def clip(x, lo, hi):
    out = np.empty_like(x)
    for i in range(len(x)):
        out[i] = min(max(x[i], lo), hi)
    return out
