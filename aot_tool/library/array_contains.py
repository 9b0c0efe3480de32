"""`x in a` for arrays (any dimensions and layout), registered in the containment
table: a scan that stops at the first element equal to x (a NaN is in no array)."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8p, i64
from .array_helpers import load
from .containment import contains
from .reduce_engine import outer_loops
from .reduce_lines import typed_ptr
from ..frontend import types as T

def _in_array_check(inf, node, x_ty, a_ty):
    from .operators import compare_check
    compare_check(inf, node, ast.Eq(), x_ty, a_ty.dtype)


def _in_array(lw, x, x_ty, arr, a_ty):
    """Whether any element equals x (a NaN is in no array); stops at the first."""
    from .operators import compare
    b = lw.b
    found = lw.alloca_entry(ir.IntType(1))
    b.store(ir.Constant(ir.IntType(1), 0), found)
    dims = [(b.extract_value(arr, [2, d]), b.extract_value(arr, [3, d])) for d in range(a_ty.ndim)]
    done = lw.fn.append_basic_block("in.done")

    def visit(p, raw):
        v = load(lw, typed_ptr(lw, raw, ir.Constant(i64, 0), a_ty.dtype), a_ty.dtype)
        with b.if_then(compare(lw, ast.Eq(), x, x_ty, v, a_ty.dtype), likely=False):
            b.store(ir.Constant(ir.IntType(1), 1), found)
            b.branch(done)
            b.position_at_end(lw.fn.append_basic_block("in.dead"))

    outer_loops(lw, dims, b.bitcast(b.extract_value(arr, 1), i8p), visit, name="in")
    b.branch(done)
    b.position_at_end(done)
    return b.load(found)


contains(T.Array, _in_array_check)(_in_array)
