"""NumPy array constructors (np.empty and its family, np.arange) and the methods that
make or fill arrays (a.copy(), a.fill()).

New arrays are allocated by NumPy itself (through the runtime), so the array object
that compiled code returns owns its memory and NumPy frees it.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8, i64
from ..frontend import types as T
from .array_helpers import (allocate, check_formatted, copy_into, dtype_arg, dtype_of, fill, new_layout, order_arg, positional_dtype,
                            shape_ndim, shape_of, shape_values, store)
from .registry import lowerer, typer


# -- typing --

@typer("numpy.empty", "numpy.zeros", "numpy.ones")
def _filled_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 1)
    if len(args) != 1:
        raise inf.error(node, "expected a shape argument (an int or a tuple of ints) and a dtype")
    ndim = shape_ndim(inf, node, args[0], node.args[0])
    dtype = dtype_arg(inf, node, kws, T.float64, extra=("order",))
    return T.Array(dtype, ndim, order_arg(inf, node) if ndim > 1 else "C")


@typer("numpy.full")
def _full_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 2)
    if len(args) != 2:
        raise inf.error(node, "np.full() takes a shape, a fill value and a dtype")
    ndim = shape_ndim(inf, node, args[0], node.args[0])
    if not isinstance(args[1], T.Scalar):
        raise inf.error(node.args[1], "the fill value must be a number")
    default = args[1] if not args[1].is_int else T.int64
    dtype = dtype_arg(inf, node, kws, default, extra=("order",))
    return T.Array(dtype, ndim, order_arg(inf, node) if ndim > 1 else "C")


@typer("numpy.empty_like", "numpy.zeros_like", "numpy.ones_like")
def _like_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 1)
    if len(args) != 1 or not isinstance(args[0], T.Array):
        raise inf.error(node, "expected one array argument and a dtype")
    a = args[0]
    return T.Array(dtype_arg(inf, node, kws, a.dtype), a.ndim, new_layout(a))


@typer("numpy.full_like")
def _full_like_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 2)
    if len(args) != 2 or not isinstance(args[0], T.Array) or not isinstance(args[1], T.Scalar):
        raise inf.error(node, "np.full_like() takes an array, a fill value and a dtype")
    a = args[0]
    return T.Array(dtype_arg(inf, node, kws, a.dtype), a.ndim, new_layout(a))


@typer("numpy.arange")
def _arange_type(inf, node, args, kws):
    if args and dtype_of(args[-1]) is not None:
        args, kws = positional_dtype(inf, node, args, kws, len(args) - 1)
    if not 1 <= len(args) <= 3:
        raise inf.error(node, "np.arange() takes 1 to 3 numbers and a dtype")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar) or a.is_complex:
            raise inf.error(n, "np.arange() arguments must be real numbers")
    default = T.int64
    for a in args:
        if a.is_float:
            default = T.float64
    return T.Array(dtype_arg(inf, node, kws, default), 1, "C")


@typer("method.array.copy", "numpy.copy")
def _copy_type(inf, node, args, kws):
    method = inf.t.calls[node][1] == "method.array.copy"
    if len(args) != 1 or not isinstance(args[0], T.Array) or set(kws) - {"order"}:
        raise inf.error(node, "a.copy() takes no arguments but order=" if method else "np.copy() takes an array")
    # a.copy() is C-ordered unless asked otherwise; np.copy keeps the layout ('K')
    order = order_arg(inf, node, ("C", "F", "A", "K"), default="C" if method else "K")
    a = args[0]
    layout = new_layout(a) if order in "AK" else order if a.ndim > 1 else "C"
    return T.Array(a.dtype, a.ndim, layout)


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


@lowerer("method.array.copy", "numpy.copy")
def _copy(lw, node):
    aty = lw.type_of(node)
    src_node = node.func.value if lw.t.calls[node][1] == "method.array.copy" else node.args[0]
    src = lw.array_operand(src_node)
    dst = allocate(lw, aty, shape_of(lw, src, aty.ndim))
    copy_into(lw, dst, aty, src, lw.type_of(src_node))
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
    numbers = [a for a in node.args if isinstance(lw.type_of(a), T.Scalar)]   # not the dtype
    args = [lw.expr(a) for a in numbers]
    tys = [lw.type_of(a) for a in numbers]
    work = T.float64 if any(t.is_float for t in tys) else T.int64
    vals = [lw.cast(v, t, work) for v, t in zip(args, tys)]
    if len(vals) == 1:
        start, stop, step = lw.cast(ir.Constant(i64, 0), T.int64, work), vals[0], lw.cast(ir.Constant(i64, 1), T.int64, work)
    elif len(vals) == 2:
        start, stop, step = vals[0], vals[1], lw.cast(ir.Constant(i64, 1), T.int64, work)
    else:
        start, stop, step = vals
    if work.is_float:
        lw.check(b.fcmp_ordered("==", step, ir.Constant(step.type, 0)), "ZeroDivisionError", "float division by zero")
        ceil = lw.unit.intrinsic("llvm.ceil", step.type)
        count = b.call(ceil, [b.fdiv(b.fsub(stop, start), step)])
        # NaN or a count beyond int64 would make fptosi undefined: NumPy refuses those too
        lw.check(b.fcmp_unordered("uge", count, ir.Constant(count.type, 2.0 ** 62)), "ValueError",
                 "arange: maximum allowed size exceeded")
        n = b.fptosi(count, i64)
        n = b.select(b.icmp_signed("<", n, ir.Constant(i64, 0)), ir.Constant(i64, 0), n)
    else:
        lw.check(b.icmp_signed("==", step, ir.Constant(i64, 0)), "ZeroDivisionError", "division by zero")
        n = lw.range_length(start, stop, step, 0)
        lw.check(b.icmp_signed("<", n, ir.Constant(i64, 0)), "ValueError", "arange: maximum allowed size exceeded")
    arr = allocate(lw, aty, [n])
    data = b.extract_value(arr, 1)
    # NumPy's fill: the first two items converted to the dtype, then first + k * (second - first)
    # in the dtype's own arithmetic (so float32 ranges round as NumPy's do)
    fill_ty = aty.dtype if aty.dtype.is_int or aty.dtype.is_float else work
    first = lw.cast(start, work, fill_ty)
    second = lw.cast(b.fadd(start, step) if work.is_float else b.add(start, step), work, fill_ty)
    delta = b.fsub(second, first) if fill_ty.is_float else b.sub(second, first)

    def body(k):
        kk = lw.cast(k, T.int64, fill_ty)
        v = b.fadd(first, b.fmul(kk, delta)) if fill_ty.is_float else b.add(first, b.mul(kk, delta))
        v = b.select(b.icmp_signed("==", k, ir.Constant(i64, 1)), second, v)
        v = b.select(b.icmp_signed("==", k, ir.Constant(i64, 0)), first, v)    # keeps a -0.0 start
        store(lw, lw.cast(v, fill_ty, aty.dtype), b.gep(data, [k]), aty.dtype)

    lw.counted_loop(ir.Constant(i64, 0), n, ir.Constant(i64, 1), 1, body, name="arange")
    return arr


# -- np.linspace --

@typer("numpy.linspace")
def _linspace_type(inf, node, args, kws):
    if not 2 <= len(args) <= 3 or set(kws) - {"num", "endpoint"} or len(args) == 3 and "num" in kws:
        raise inf.error(node, "np.linspace() takes start, stop, num= and endpoint=")
    numbers = list(args[:2]) + ([args[2]] if len(args) == 3 else [kws["num"]] if "num" in kws else [])
    for t, n in zip(numbers, list(node.args) + [kw.value for kw in node.keywords if kw.arg == "num"]):
        if not isinstance(t, T.Scalar) or t.is_complex:
            raise inf.error(n, "np.linspace() takes real numbers")
    if len(numbers) == 3 and not numbers[2].is_int:
        raise inf.error(node, "num= must be an integer")
    if "endpoint" in kws and not (isinstance(kws["endpoint"], T.Scalar) and kws["endpoint"].is_bool):
        raise inf.error(node, "endpoint= must be True or False")
    return T.Array(T.float64, 1, "C")


@lowerer("numpy.linspace")
def _linspace(lw, node):
    b = lw.b
    kw = {k.arg: k.value for k in node.keywords}
    start = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), T.float64)
    stop = lw.cast(lw.expr(node.args[1]), lw.type_of(node.args[1]), T.float64)
    num_node = node.args[2] if len(node.args) == 3 else kw.get("num")
    num = ir.Constant(i64, 50) if num_node is None else lw.cast(lw.expr(num_node), lw.type_of(num_node), T.int64)
    endpoint = ir.Constant(ir.IntType(1), 1) if "endpoint" not in kw else lw.expr(kw["endpoint"])
    check_formatted(lw, b.icmp_signed("<", num, ir.Constant(i64, 0)), "ValueError",
                    ["Number of samples, ", num, ", must be non-negative."])
    arr = allocate(lw, T.Array(T.float64, 1, "C"), [num])
    data = b.extract_value(arr, 1)
    # NumPy's computation: step = (stop - start) / div, y[i] = i * step + start (or, where the
    # step underflows to zero, i / div * delta + start), and the last item exactly `stop`
    div_int = b.select(endpoint, b.sub(num, ir.Constant(i64, 1)), num)
    div = b.sitofp(div_int, ir.DoubleType())
    delta = b.fsub(stop, start)
    step = b.fdiv(delta, div)
    step_zero = b.fcmp_ordered("==", step, ir.Constant(ir.DoubleType(), 0.0))
    has_div = b.icmp_signed(">", div_int, ir.Constant(i64, 0))

    def body(k):
        i = b.sitofp(k, ir.DoubleType())
        regular = b.fmul(i, step)
        tiny = b.fmul(b.fdiv(i, div), delta)
        y = b.select(has_div, b.select(step_zero, tiny, regular), b.fmul(i, delta))
        y = b.fadd(y, start)
        last = b.and_(endpoint, b.and_(b.icmp_signed(">", num, ir.Constant(i64, 1)),
                                       b.icmp_signed("==", k, b.sub(num, ir.Constant(i64, 1)))))
        b.store(b.select(last, stop, y), b.gep(data, [k]))

    lw.counted_loop(ir.Constant(i64, 0), num, ir.Constant(i64, 1), 1, body, name="linspace")
    return arr
