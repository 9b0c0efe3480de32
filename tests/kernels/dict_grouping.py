"""Grouping with a typed Dict of lists: indices of equal keys, then per-group statistics."""
import numpy as np
from numba.pycc import CC
from numba import typed, types

cc = CC('dict_grouping')
int_list = types.ListType(types.int64)   # numba's types are made outside compiled code


@cc.export('largest_group', 'i8(i8[:])')
def largest_group(keys):
    groups = typed.Dict.empty(key_type=types.int64, value_type=int_list)
    for i in range(len(keys)):
        k = keys[i]
        if k not in groups:
            groups[k] = typed.List.empty_list(types.int64)
        groups[k].append(i)
    best, best_key = 0, -1
    for k in groups:
        if len(groups[k]) > best:
            best = len(groups[k])
            best_key = k
    return best * 1000 + best_key


@cc.export('group_means', 'f8(i8[:], f8[:])')
def group_means(keys, values):
    sums = typed.Dict.empty(key_type=types.int64, value_type=types.float64)
    counts = typed.Dict.empty(key_type=types.int64, value_type=types.int64)
    n = min(len(keys), len(values))
    for i in range(n):
        sums[keys[i]] = sums.get(keys[i], 0.0) + values[i]
        counts[keys[i]] = counts.get(keys[i], 0) + 1
    total = 0.0
    for k, s in sums.items():
        total += s / counts[k] * (k + 1)
    return total


TESTS = {
    'largest_group': '[n]0:4 n=0:12',
    'group_means': '[n]0:3 [n]-10:10 n=0:10',
}
