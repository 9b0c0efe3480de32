"""Finance on price series: returns from shifted views, log returns, weighted
portfolio sums, Sharpe ratios (reductions over expressions)."""
import numpy as np
from numba.pycc import CC

cc = CC('k_arr_finance')


@cc.export('simple_returns', 'f8[:](f8[:])')
def simple_returns(p):
    return p[1:] / p[:-1] - 1.0


@cc.export('log_returns', 'f8[:](f8[:])')
def log_returns(p):
    return np.log(p[1:]) - np.log(p[:-1])


@cc.export('portfolio_return', 'f8(f8[:], f8[:])')
def portfolio_return(w, r):
    return np.sum(w * r) / np.sum(np.abs(w) + 1e-12)


@cc.export('sharpe', 'f8(f8[:], f8)')
def sharpe(r, rf):
    ex = r - rf
    m = ex.mean()
    return m / (np.sqrt(((ex - m) ** 2).mean()) + 1e-6)


@cc.export('clip_returns', 'f8[:](f8[:], f8)')
def clip_returns(r, limit):
    return np.clip(r, -limit, limit)


TESTS = {
    'simple_returns': '[n]1:100 n=0:20',
    'log_returns': '[n]1:100 n=0:20',
    'portfolio_return': '[n]-1:1 [n]-0.2:0.2 n=0:20',
    'sharpe': '[n]-0.2:0.2 0:0.01 n=0:20',
    'clip_returns': '[n]-0.5:0.5+nan 0:0.3 n=0:20',
}
