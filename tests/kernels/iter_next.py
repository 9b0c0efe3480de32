"""iter() and next(): taking the first items of an array by hand, then looping over
the rest; iterators over ranges, tuples, zip and enumerate; StopIteration past the end."""
import numpy as np
from numba.pycc import CC

cc = CC('k_iter_next')


@cc.export('first_then_rest', 'UniTuple(f8, 2)(f8[:])')
def first_then_rest(a):
    it = iter(a)
    first = next(it)           # StopIteration on an empty array
    rest = 0.0
    for v in it:
        rest += v
    return first, rest


@cc.export('two_from_range', 'i8(i8, i8)')
def two_from_range(a, b):
    it = iter(range(a, b))
    x = next(it)
    y = next(it)
    return x * 100 + y


@cc.export('first_of_tuple', 'i8(i8, i8, i8)')
def first_of_tuple(a, b, c):
    return next(iter((a, b, c))) * 2 + next(iter((c, b)))


@cc.export('resume_after_break', 'i8(i8[:], i8)')
def resume_after_break(a, stop):
    it = iter(a)
    head = 0
    for v in it:
        if v == stop:
            break
        head += v
    tail = 0
    for v in it:
        tail += v
    return head * 1000 + tail


@cc.export('zip_pairs', 'f8(f8[:], f8[:])')
def zip_pairs(a, b):
    it = iter(zip(a, b))
    x, y = next(it)
    s = x * y
    for p, q in it:
        s += p - q
    return s


@cc.export('enumerate_next', 'f8(f8[:])')
def enumerate_next(a):
    it = iter(enumerate(a, 1))
    i, x = next(it)
    j, y = next(it)
    return i * x + j * y


TESTS = {
    'first_then_rest': '[n]-10:10',
    'two_from_range': '-20:20 -20:20',
    'first_of_tuple': '-100:100 -100:100 -100:100',
    'resume_after_break': '[n]0:5 0:5',
    'zip_pairs': '[n]-10:10 [m]-10:10',
    'enumerate_next': '[n]-10:10',
}
