"""Attribute reads: array .shape/.strides/.size/.ndim/.itemsize/.nbytes/.T, complex
.real/.imag, and module constants such as math.pi or np.inf."""

from __future__ import annotations

import math

from llvmlite import ir

from ..backend.llvm_types import i64, value_type
from ..frontend import types as T

MODULE_CONSTANTS = {"pi": math.pi, "e": math.e, "inf": math.inf, "nan": math.nan, "tau": math.tau}


def lower_attribute(lw, node):
    base_ty = lw.type_of(node.value)
    ty = lw.type_of(node)
    attr = node.attr
    if isinstance(base_ty, T.Module):
        if isinstance(ty, T.Scalar):
            return ir.Constant(value_type(ty), MODULE_CONSTANTS[attr])
        return ir.Constant(ir.IntType(8), 0)
    if isinstance(base_ty, T.Array):
        arr = lw.array_operand(node.value)
        b = lw.b
        if attr in ("shape", "strides"):
            field = 2 if attr == "shape" else 3
            out = ir.Constant(value_type(ty), ir.Undefined)
            for d in range(base_ty.ndim):
                out = b.insert_value(out, b.extract_value(arr, [field, d]), d)
            return out
        if attr == "ndim":
            return ir.Constant(i64, base_ty.ndim)
        if attr == "itemsize":
            return ir.Constant(i64, base_ty.dtype.itemsize)
        if attr in ("size", "nbytes"):
            size = ir.Constant(i64, 1)
            for d in range(base_ty.ndim):
                size = b.mul(size, b.extract_value(arr, [2, d]))
            return b.mul(size, ir.Constant(i64, base_ty.dtype.itemsize)) if attr == "nbytes" else size
        if attr == "T":
            out = arr
            n = base_ty.ndim
            for d in range(n):
                out = b.insert_value(out, b.extract_value(arr, [2, n - 1 - d]), [2, d])
                out = b.insert_value(out, b.extract_value(arr, [3, n - 1 - d]), [3, d])
            return out
        return ir.Constant(ir.IntType(8), 0)  # bound methods are resolved at the call
    if isinstance(base_ty, T.Scalar):
        v = lw.expr(node.value)
        if attr in ("real", "imag"):
            if base_ty.is_complex:
                return lw.b.extract_value(v, 0 if attr == "real" else 1)
            if attr == "real":
                return v
            return ir.Constant(value_type(ty), 0)
    return ir.Constant(ir.IntType(8), 0)
