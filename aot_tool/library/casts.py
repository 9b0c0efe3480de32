"""Dtype changes of arrays: a.astype(dtype) copies with a cast, a.view(dtype)
reinterprets the memory (NumPy's rules and messages for a different item size)."""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i64
from ..frontend import types as T
from .array_helpers import (array_size, copied, dtype_of, make_view, new_layout, owned_result, shape_of,
                            strides_of)
from .registry import lowerer, typer


@typer("method.array.astype")
def _astype_type(inf, node, args, kws):
    aty = args[0]
    if len(args) != 2 or kws:
        raise inf.error(node, "astype() takes one dtype (keyword arguments are not supported)")
    dt = dtype_of(args[1])
    if dt is None:
        raise inf.error(node.args[0], "astype() needs a dtype such as np.float32 or a.dtype")
    if aty.dtype.is_complex and not dt.is_complex:
        raise inf.error(node, f"cannot convert complex to {dt.name}")
    return T.Array(dt, aty.ndim, new_layout(aty))


@lowerer("method.array.astype")
def _astype(lw, node):
    return copied(lw, node, node.func.value)


@typer("method.array.view")
def _view_type(inf, node, args, kws):
    aty = args[0]
    if len(args) != 2 or kws:
        raise inf.error(node, "view() takes one dtype")
    dt = dtype_of(args[1])
    if dt is None:
        raise inf.error(node.args[0], "view() needs a dtype such as np.int64")
    return T.Array(dt, aty.ndim, aty.layout if dt.itemsize == aty.dtype.itemsize or aty.layout == "C" else "A")


@lowerer("method.array.view")
def _view(lw, node):
    src = node.func.value
    aty, rty = lw.type_of(src), lw.type_of(node)
    arr = lw.expr(src)
    shape, strides = shape_of(lw, arr, aty.ndim), strides_of(lw, arr, aty.ndim)
    old, new = aty.dtype.itemsize, rty.dtype.itemsize
    if old != new:
        b = lw.b
        last = aty.ndim - 1
        if aty.layout != "C":
            trivial = b.icmp_signed("<=", shape[last], ir.Constant(i64, 1))
            empty = b.icmp_signed("==", array_size(lw, arr, aty.ndim), ir.Constant(i64, 0))
            contiguous = b.or_(b.or_(trivial, empty), b.icmp_signed("==", strides[last], ir.Constant(i64, old)))
            lw.check(b.not_(contiguous), "ValueError",
                     "To change to a dtype of a different size, the last axis must be contiguous")
        nbytes = b.mul(shape[last], ir.Constant(i64, old))
        if new > old:
            lw.check(b.icmp_signed("!=", b.srem(nbytes, ir.Constant(i64, new)), ir.Constant(i64, 0)), "ValueError",
                     "When changing to a larger dtype, its size must be a divisor of the total size in bytes "
                     "of the last axis of the array.")
        elif old % new:
            lw.raise_error("ValueError", "When changing to a smaller dtype, its size must be a divisor of the "
                           "size of original dtype")
            lw.b.position_at_end(lw.fn.append_basic_block("dead"))
        shape[last] = b.sdiv(nbytes, ir.Constant(i64, new))
        strides[last] = ir.Constant(i64, new)
    arr = owned_result(lw, src, arr)     # the reference is taken once the checks have passed
    return make_view(lw, rty, lw.b.extract_value(arr, 0), lw.b.extract_value(arr, 1), shape, strides)
