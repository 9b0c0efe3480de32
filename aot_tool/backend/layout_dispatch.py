"""The entry of an export whose program has a C-contiguous variant
(frontend/layout_variant.py): it calls the variant when every any-layout array
argument is C-contiguous by NumPy's rule (strides of length-1 dimensions do not
count; an empty array is contiguous), else the any-layout kernel."""

from __future__ import annotations

from llvmlite import ir

from ..frontend import types as T
from .llvm_types import i64


def layout_dispatch(unit, entry, variant, any_layout: ir.Function, contiguous: ir.Function) -> ir.Function:
    fn = ir.Function(unit.module, any_layout.function_type, name=any_layout.name + ".layout")
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    ok = ir.Constant(ir.IntType(1), 1)
    for k, (was, now) in enumerate(zip(entry.arg_types, variant.arg_types)):
        if was != now:
            ok = b.and_(ok, c_contiguous(b, fn.args[k + 1], was))
    with b.if_then(ok):
        b.ret(b.call(contiguous, list(fn.args)))
    b.ret(b.call(any_layout, list(fn.args)))
    return fn


def c_contiguous(b, arr, ty: T.Array):
    """NumPy's C_CONTIGUOUS flag, computed from the array value's shape and strides."""
    expected = ir.Constant(i64, ty.dtype.itemsize)
    ok = ir.Constant(ir.IntType(1), 1)
    empty = ir.Constant(ir.IntType(1), 0)
    for d in reversed(range(ty.ndim)):
        n = b.extract_value(arr, [2, d])
        stride = b.extract_value(arr, [3, d])
        ok = b.and_(ok, b.or_(b.icmp_signed("==", n, ir.Constant(i64, 1)), b.icmp_signed("==", stride, expected)))
        empty = b.or_(empty, b.icmp_signed("==", n, ir.Constant(i64, 0)))
        expected = b.mul(expected, n)
    return b.or_(ok, empty)
