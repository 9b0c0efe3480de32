"""Statistics that skip missing values (NaN): nansum, nanmean, nanstd, nanmin, nanmax."""
import numpy as np
from numba.pycc import CC

cc = CC('k_red_nan_stats')


@cc.export('nan_total', 'f8(f8[:])')
def nan_total(a):
    return np.nansum(a)


@cc.export('nan_center', 'f8(f8[:, :])')
def nan_center(a):
    return np.nanmean(a)


@cc.export('nan_spread', 'f8(f8[:])')
def nan_spread(a):
    return np.nanstd(a) + np.nanvar(a)


@cc.export('nan_range', 'f8(f8[:])')
def nan_range(a):
    return np.nanmax(a) - np.nanmin(a)


TESTS = {
    'nan_total': '[n]-100:100+nan n=0:20',
    'nan_center': '[n,m]-100:100+nan n=0:5 m=0:5',
    'nan_spread': '[n]-100:100+nan n=0:20',
    'nan_range': '[n]-100:100+nan n=0:20',
}
