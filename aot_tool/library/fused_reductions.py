"""Reductions of elementwise expressions, fused: `max(np.abs(a - b))` (the builtin
over an array) runs one loop over the operands and never allocates the expression's
array; the NumPy reductions fuse through reduce_engine.reduce_fused."""

from __future__ import annotations

import math

from llvmlite import ir

from ..backend.array_expr import for_each_element
from ..backend.llvm_types import i64, value_type


def is_fused(lw, node) -> bool:
    return node in lw.t.elem_types


def _size(lw, shape):
    n = ir.Constant(i64, 1)
    for v in shape:
        n = lw.b.mul(n, v)
    return n


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
