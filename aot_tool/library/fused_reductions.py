"""Whole-array reductions of elementwise expressions, fused: `np.sum(a * b)`,
`((x - m) ** 2).mean()`, `np.max(np.abs(a - b))` run one loop over the operands
and never allocate the expression's array.  The order of summation is the plain
loop's, as numba's (NumPy sums floats pairwise)."""

from __future__ import annotations

import ast
import math

from llvmlite import ir

from ..backend.array_expr import for_each_element
from ..backend.llvm_types import i64, value_type
from ..frontend import types as T


def is_fused(lw, node) -> bool:
    return node in lw.t.elem_types


def _size(lw, shape):
    n = ir.Constant(i64, 1)
    for v in shape:
        n = lw.b.mul(n, v)
    return n


def fused_sum(lw, node, rty, product=False):
    """(sum or product, element count) of the expression at node, in type rty."""
    from .operators import arith
    acc = lw.alloca_entry(value_type(rty))
    lw.b.store(lw.cast(ir.Constant(i64, 1 if product else 0), T.int64, rty), acc)
    op = ast.Mult if product else ast.Add

    def visit(v, vty):
        lw.b.store(arith(lw, op, lw.b.load(acc), rty, v, vty, rty), acc)

    shape = for_each_element(lw, node, visit)
    return lw.b.load(acc), _size(lw, shape)


def fused_mean(lw, node, rty):
    from .operators import arith
    total, n = fused_sum(lw, node, rty)
    return arith(lw, ast.Div, total, rty, n, T.int64, rty)


def fused_minmax(lw, node, want_max):
    """max/min with NumPy's NaN propagation; ValueError for an empty expression."""
    ety = lw.t.elem_types[node]
    b = lw.b
    lt = value_type(ety)
    if ety.is_float:
        start = ir.Constant(lt, -math.inf if want_max else math.inf)
    elif ety.is_bool:
        start = ir.Constant(lt, 0 if want_max else 1)
    elif ety.kind == "u":
        start = ir.Constant(lt, 0 if want_max else (1 << ety.bits) - 1)
    else:
        start = ir.Constant(lt, -(1 << (ety.bits - 1)) if want_max else (1 << (ety.bits - 1)) - 1)
    acc = lw.alloca_entry(lt)
    b.store(start, acc)

    def visit(v, vty):
        cur = b.load(acc)
        if ety.is_float:
            better = b.fcmp_ordered(">" if want_max else "<", v, cur)
            # a NaN element wins and stays (NumPy propagates NaN)
            take = b.or_(better, b.fcmp_unordered("uno", v, v))
            b.store(b.select(b.fcmp_unordered("uno", cur, cur), cur, b.select(take, v, cur)), acc)
        elif ety.is_bool:
            b.store(b.or_(cur, v) if want_max else b.and_(cur, v), acc)
        else:
            cmp = b.icmp_signed if ety.kind == "i" else b.icmp_unsigned
            b.store(b.select(cmp(">" if want_max else "<", v, cur), v, cur), acc)

    shape = for_each_element(lw, node, visit)
    lw.check(b.icmp_signed("==", _size(lw, shape), ir.Constant(i64, 0)), "ValueError",
             "zero-size array to reduction operation which has no identity")
    return b.load(acc)
