"""Whole-array reductions: sum, prod, mean, min, max (methods and np. functions)."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, i64, value_type
from ..frontend import types as T
from .array_helpers import array_size, for_each_element
from . import fused_reductions as fused
from .registry import lowerer, typer


@typer("method.array.sum", "method.array.prod", "numpy.sum", "numpy.prod")
def _sum_type(inf, node, args, kws):
    if len(args) != 1 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "sum()/prod() over a whole array takes no arguments (axis= is not supported)")
    d = args[0].dtype
    return T.int64 if d.is_bool or d.kind == "i" else (T.uint64 if d.kind == "u" else d)


@typer("method.array.mean", "numpy.mean")
def _mean_type(inf, node, args, kws):
    if len(args) != 1 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "mean() over a whole array takes no arguments")
    d = args[0].dtype
    return d if d.is_float or d.is_complex else T.float64


@typer("method.array.max", "method.array.min", "numpy.max", "numpy.min", "numpy.amax", "numpy.amin")
def _array_minmax_type(inf, node, args, kws):
    if len(args) != 1 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "max()/min() over a whole array takes no arguments")
    return args[0].dtype


# -- lowering --

def array_sum(lw, arr_node, aty, rty, product=False):
    from .operators import arith
    if fused.is_fused(lw, arr_node):
        return fused.fused_sum(lw, arr_node, rty, product)[0]
    arr = lw.array_operand(arr_node)
    acc = lw.alloca_entry(value_type(rty))
    lw.b.store(lw.cast(ir.Constant(i64, 1 if product else 0), T.int64, rty), acc)
    op = ast.Mult if product else ast.Add

    def visit(ptr):
        v = lw.b.load(ptr)
        if aty.dtype.is_bool:
            v = lw.b.trunc(v, i1)
        lw.b.store(arith(lw, op, lw.b.load(acc), rty, v, aty.dtype, rty), acc)

    for_each_element(lw, arr, aty, visit)
    return lw.b.load(acc)


def _array_arg(node):
    return node.func.value if isinstance(node.func, ast.Attribute) and not node.args else node.args[0]


@lowerer("method.array.sum", "numpy.sum")
def _sum(lw, node):
    a = _array_arg(node)
    return array_sum(lw, a, lw.type_of(a), lw.type_of(node))


@lowerer("method.array.prod", "numpy.prod")
def _prod(lw, node):
    a = _array_arg(node)
    return array_sum(lw, a, lw.type_of(a), lw.type_of(node), product=True)


@lowerer("method.array.mean", "numpy.mean")
def _mean(lw, node):
    a = _array_arg(node)
    aty, rty = lw.type_of(a), lw.type_of(node)
    if fused.is_fused(lw, a):
        return fused.fused_mean(lw, a, rty)
    total = array_sum(lw, a, aty, rty)
    n = array_size(lw, lw.array_operand(a), aty.ndim)
    from .operators import arith
    return arith(lw, ast.Div, total, rty, n, T.int64, rty)


@lowerer("method.array.max", "numpy.max", "numpy.amax")
def _amax(lw, node):
    from .builtins import array_reduce_minmax
    a = _array_arg(node)
    return array_reduce_minmax(lw, a, lw.type_of(a), True)


@lowerer("method.array.min", "numpy.min", "numpy.amin")
def _amin(lw, node):
    from .builtins import array_reduce_minmax
    a = _array_arg(node)
    return array_reduce_minmax(lw, a, lw.type_of(a), False)
