"""The operator module as numba users call it (`import operator`, `from operator
import mul`): folds with operator functions, comparisons and unary operators."""
import operator
from operator import add, mul, floordiv, mod

import numpy as np
from numba.pycc import CC

cc = CC('k_operator_funcs')


@cc.export('dot_ops', 'f8(f8[:], f8[:])')
def dot_ops(a, b):
    s = 0.0
    for i in range(min(len(a), len(b))):
        s = add(s, mul(a[i], b[i]))
    return s


@cc.export('int_ops', 'i8(i8, i8)')
def int_ops(a, b):
    r = operator.sub(a, b) + operator.xor(a, b) - operator.and_(a, b) + operator.or_(a, b)
    r += operator.lshift(a & 7, 3) + operator.rshift(a, 2)
    return r + floordiv(a, b) * mod(a, b)        # ZeroDivisionError when b == 0


@cc.export('float_ops', 'f8(f8, f8)')
def float_ops(a, b):
    return operator.truediv(a, b) + operator.pow(abs(a), 0.5) - operator.neg(b) + operator.pos(a)


@cc.export('compare_ops', 'i8(i8, i8)')
def compare_ops(a, b):
    flags = 0
    if operator.lt(a, b):
        flags |= 1
    if operator.le(a, b):
        flags |= 2
    if operator.eq(a, b):
        flags |= 4
    if operator.ne(a, b):
        flags |= 8
    if operator.ge(a, b):
        flags |= 16
    if operator.gt(a, b):
        flags |= 32
    if operator.not_(a):
        flags |= 64
    return flags + operator.invert(b) * 128


@cc.export('contains_op', 'b1(i8)')
def contains_op(x):
    return operator.contains((1, 5, 9), x)


@cc.export('inplace_ops', 'i8(i8, i8)')
def inplace_ops(a, b):
    return operator.iadd(a, b) * operator.imul(a, 3) - operator.isub(b, 1)


TESTS = {
    'dot_ops': '[n]-10:10 [m]-10:10',
    'int_ops': '-1000:1000 -20:20',
    'float_ops': '-10:10 0.5:10',
    'compare_ops': '-3:3 -3:3',
    'contains_op': '-2:12',
    'inplace_ops': '-1000:1000 -1000:1000',
}
