"""Finance: simple and log returns with np.diff, cumulative returns with np.cumsum,
the maximum drawdown of a price path (numba's np.diff takes C arrays: f8[::1])."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_returns')


@cc.export('simple_returns', 'f8[:](f8[::1])')
def simple_returns(p):
    return np.diff(p) / p[:-1]


@cc.export('log_returns', 'f8[:](f8[:])')
def log_returns(p):
    return np.diff(np.log(p))


@cc.export('cumulative', 'f8[:](f8[:])')
def cumulative(r):
    return np.cumsum(r)


@cc.export('max_drawdown', 'f8(f8[:])')
def max_drawdown(p):
    peak = p[0]
    worst = 0.0
    for x in p:
        if x > peak:
            peak = x
        dd = (peak - x) / peak
        if dd > worst:
            worst = dd
    return worst


@cc.export('second_difference', 'f8[:](f8[::1], i8)')
def second_difference(p, n):
    return np.diff(p, n)


TESTS = {
    'simple_returns': '[n]1:200 n=0:30',
    'log_returns': '[n]1:200 n=0:30',
    'cumulative': '[n]-1:1 n=0:30',
    'max_drawdown': '[n]1:200 n=1:30',
    'second_difference': '[n]-100:100 0:4 n=0:12',
}
