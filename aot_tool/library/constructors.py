"""NumPy array constructors (np.empty and its family, np.arange) and the methods that
make or fill arrays (a.copy(), a.fill()).

New arrays are allocated by NumPy itself (through the runtime), so the array object
that compiled code returns owns its memory and NumPy frees it.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8, i8p, i64
from ..frontend import types as T
from .array_helpers import allocate, dtype_arg, fill, order_arg, shape_ndim, shape_values
from .registry import lowerer, typer


# -- typing --

@typer("numpy.empty", "numpy.zeros", "numpy.ones")
def _filled_type(inf, node, args, kws):
    if len(args) != 1:
        raise inf.error(node, "expected a shape argument (an int or a tuple of ints)")
    ndim = shape_ndim(inf, node, args[0], node.args[0])
    dtype = dtype_arg(inf, node, {k: v for k, v in kws.items() if k != "order"}, T.float64)
    return T.Array(dtype, ndim, order_arg(inf, node) if ndim > 1 else "C")


@typer("numpy.full")
def _full_type(inf, node, args, kws):
    if len(args) != 2:
        raise inf.error(node, "np.full() takes a shape and a fill value")
    ndim = shape_ndim(inf, node, args[0], node.args[0])
    if not isinstance(args[1], T.Scalar):
        raise inf.error(node.args[1], "the fill value must be a number")
    default = args[1] if not args[1].is_int else T.int64
    dtype = dtype_arg(inf, node, {k: v for k, v in kws.items() if k != "order"}, default)
    return T.Array(dtype, ndim, order_arg(inf, node) if ndim > 1 else "C")


@typer("numpy.empty_like", "numpy.zeros_like", "numpy.ones_like")
def _like_type(inf, node, args, kws):
    if len(args) != 1 or not isinstance(args[0], T.Array):
        raise inf.error(node, "expected one array argument")
    a = args[0]
    dtype = dtype_arg(inf, node, kws, a.dtype)
    return T.Array(dtype, a.ndim, "F" if a.layout == "F" and a.ndim > 1 else "C")


@typer("numpy.full_like")
def _full_like_type(inf, node, args, kws):
    if len(args) != 2 or not isinstance(args[0], T.Array) or not isinstance(args[1], T.Scalar):
        raise inf.error(node, "np.full_like() takes an array and a fill value")
    a = args[0]
    return T.Array(dtype_arg(inf, node, kws, a.dtype), a.ndim, "F" if a.layout == "F" and a.ndim > 1 else "C")


@typer("numpy.arange")
def _arange_type(inf, node, args, kws):
    if not 1 <= len(args) <= 3:
        raise inf.error(node, "np.arange() takes 1 to 3 arguments")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar) or a.is_complex:
            raise inf.error(n, "np.arange() arguments must be real numbers")
    default = T.int64
    for a in args:
        if a.is_float:
            default = T.float64
    return T.Array(dtype_arg(inf, node, kws, default), 1, "C")


@typer("method.array.copy")
def _copy_type(inf, node, args, kws):
    a = args[0]
    if len(args) != 1 or kws:
        raise inf.error(node, "a.copy() takes no arguments")
    return T.Array(a.dtype, a.ndim, "F" if a.layout == "F" and a.ndim > 1 else "C")


@typer("method.array.fill")
def _fill_type(inf, node, args, kws):
    if len(args) != 2 or not isinstance(args[1], T.Scalar):
        raise inf.error(node, "a.fill() takes one number")
    if isinstance(node.func.value, ast.Name):
        inf.t.stored_args.add(node.func.value.id)
    return T.none



# -- lowering --

@lowerer("numpy.empty", "numpy.zeros", "numpy.ones", "numpy.full")
def _new_filled(lw, node):
    aty = lw.type_of(node)
    path = lw.t.calls[node][1]
    arr = allocate(lw, aty, shape_values(lw, node.args[0]), zero=path == "numpy.zeros")
    if path == "numpy.ones":
        fill(lw, arr, aty, lw.cast(ir.Constant(i64, 1), T.int64, aty.dtype))
    elif path == "numpy.full":
        fill(lw, arr, aty, lw.cast(lw.expr(node.args[1]), lw.type_of(node.args[1]), aty.dtype))
    return arr


@lowerer("numpy.empty_like", "numpy.zeros_like", "numpy.ones_like", "numpy.full_like")
def _new_like(lw, node):
    aty = lw.type_of(node)
    path = lw.t.calls[node][1]
    src = lw.array_operand(node.args[0])
    shape = [lw.b.extract_value(src, [2, d]) for d in range(aty.ndim)]
    arr = allocate(lw, aty, shape, zero=path == "numpy.zeros_like")
    if path == "numpy.ones_like":
        fill(lw, arr, aty, lw.cast(ir.Constant(i64, 1), T.int64, aty.dtype))
    elif path == "numpy.full_like":
        fill(lw, arr, aty, lw.cast(lw.expr(node.args[1]), lw.type_of(node.args[1]), aty.dtype))
    return arr


@lowerer("method.array.copy")
def _copy(lw, node):
    aty = lw.type_of(node)
    src = lw.array_operand(node.func.value)
    shape = [lw.b.extract_value(src, [2, d]) for d in range(aty.ndim)]
    dst = allocate(lw, aty, shape)
    b = lw.b
    # walk the source in index order and the destination in the same order
    dst_data = b.bitcast(b.extract_value(dst, 1), i8p)
    src_data = b.bitcast(b.extract_value(src, 1), i8p)
    et = b.extract_value(src, 1).type

    def nest(dim, soff, doff):
        if dim == aty.ndim:
            value = b.load(b.bitcast(b.gep(src_data, [soff]), et))
            b.store(value, b.bitcast(b.gep(dst_data, [doff]), et))
            return
        length = b.extract_value(src, [2, dim])
        sstride = b.extract_value(src, [3, dim])
        dstride = b.extract_value(dst, [3, dim])
        lw.counted_loop(ir.Constant(i64, 0), length, ir.Constant(i64, 1), 1,
                        lambda k: nest(dim + 1, b.add(soff, b.mul(k, sstride)), b.add(doff, b.mul(k, dstride))),
                        name=f"copy{dim}")

    nest(0, ir.Constant(i64, 0), ir.Constant(i64, 0))
    return dst


@lowerer("method.array.fill")
def _fill(lw, node):
    aty = lw.type_of(node.func.value)
    arr = lw.array_operand(node.func.value)
    fill(lw, arr, aty, lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), aty.dtype))
    return ir.Constant(i8, 0)


@lowerer("numpy.arange")
def _arange(lw, node):
    aty = lw.type_of(node)
    b = lw.b
    args = [lw.expr(a) for a in node.args]
    tys = [lw.type_of(a) for a in node.args]
    work = T.float64 if any(t.is_float for t in tys) else T.int64
    vals = [lw.cast(v, t, work) for v, t in zip(args, tys)]
    if len(vals) == 1:
        start, stop, step = lw.cast(ir.Constant(i64, 0), T.int64, work), vals[0], lw.cast(ir.Constant(i64, 1), T.int64, work)
    elif len(vals) == 2:
        start, stop, step = vals[0], vals[1], lw.cast(ir.Constant(i64, 1), T.int64, work)
    else:
        start, stop, step = vals
    if work.is_float:
        lw.check(b.fcmp_ordered("==", step, ir.Constant(step.type, 0)), "ZeroDivisionError", "step is zero")
        ceil = lw.unit.intrinsic("llvm.ceil", step.type)
        count = b.call(ceil, [b.fdiv(b.fsub(stop, start), step)])
        # NaN or a count beyond int64 would make fptosi undefined: NumPy refuses those too
        lw.check(b.fcmp_unordered("uge", count, ir.Constant(count.type, 2.0 ** 62)), "ValueError",
                 "arange: maximum allowed size exceeded")
        n = b.fptosi(count, i64)
        n = b.select(b.icmp_signed("<", n, ir.Constant(i64, 0)), ir.Constant(i64, 0), n)
    else:
        lw.check(b.icmp_signed("==", step, ir.Constant(i64, 0)), "ZeroDivisionError", "step is zero")
        n = lw.range_length(start, stop, step, 0)
        lw.check(b.icmp_signed("<", n, ir.Constant(i64, 0)), "ValueError", "arange: maximum allowed size exceeded")
    arr = allocate(lw, aty, [n])
    data = b.extract_value(arr, 1)

    def body(k):
        v = b.add(start, b.mul(k, step)) if work.is_int else b.fadd(start, b.fmul(lw.cast(k, T.int64, work), step))
        b.store(lw.cast(v, work, aty.dtype), b.gep(data, [k]))

    lw.counted_loop(ir.Constant(i64, 0), n, ir.Constant(i64, 1), 1, body, name="arange")
    return arr
