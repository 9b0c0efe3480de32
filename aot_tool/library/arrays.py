"""NumPy array constructors and array methods.

New arrays are allocated by NumPy itself (through the runtime), so the array object
that compiled code returns owns its memory and NumPy frees it.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, i8, i8p, i32, i64, typenum, value_type
from ..frontend import types as T
from ..frontend.signatures import MAX_NDIM
from .registry import lowerer, typer


# -- typing --

def _shape_ndim(inf, node, shape_ty, shape_node):
    if isinstance(shape_ty, T.Scalar) and shape_ty.is_int:
        return 1
    if isinstance(shape_ty, T.Tuple) and all(isinstance(t, T.Scalar) and t.is_int for t in shape_ty.items):
        if not shape_ty.items:
            raise inf.error(shape_node, "0-d arrays are not supported")
        if len(shape_ty.items) > MAX_NDIM:
            raise inf.error(shape_node, f"arrays have at most {MAX_NDIM} dimensions")
        return len(shape_ty.items)
    raise inf.error(shape_node, f"an array shape must be an integer or a tuple of integers, not {shape_ty.name}")


def _dtype_arg(inf, node, kws, default, extra=None):
    allowed = {"dtype"} | set(extra or ())
    for k in kws:
        if k not in allowed:
            raise inf.error(node, f"keyword argument {k!r} is not supported here")
    dt = kws.get("dtype")
    if dt is None:
        return default
    if isinstance(dt, T.DType):
        return dt.dtype
    if isinstance(dt, T.Function) and dt.path in ("builtins.float", "builtins.int", "builtins.bool", "builtins.complex"):
        return {"builtins.float": T.float64, "builtins.int": T.int64, "builtins.bool": T.boolean,
                "builtins.complex": T.complex128}[dt.path]
    raise inf.error(node, "dtype= must be a NumPy type such as np.float32")


def _order(inf, node):
    for kw in node.keywords:
        if kw.arg == "order":
            if not (isinstance(kw.value, ast.Constant) and kw.value.value in ("C", "F")):
                raise inf.error(kw.value, "order= must be 'C' or 'F'")
            return kw.value.value
    return "C"


@typer("numpy.empty", "numpy.zeros", "numpy.ones")
def _filled_type(inf, node, args, kws):
    if len(args) != 1:
        raise inf.error(node, "expected a shape argument (an int or a tuple of ints)")
    ndim = _shape_ndim(inf, node, args[0], node.args[0])
    dtype = _dtype_arg(inf, node, {k: v for k, v in kws.items() if k != "order"}, T.float64)
    return T.Array(dtype, ndim, _order(inf, node) if ndim > 1 else "C")


@typer("numpy.full")
def _full_type(inf, node, args, kws):
    if len(args) != 2:
        raise inf.error(node, "np.full() takes a shape and a fill value")
    ndim = _shape_ndim(inf, node, args[0], node.args[0])
    if not isinstance(args[1], T.Scalar):
        raise inf.error(node.args[1], "the fill value must be a number")
    default = args[1] if not args[1].is_int else T.int64
    dtype = _dtype_arg(inf, node, {k: v for k, v in kws.items() if k != "order"}, default)
    return T.Array(dtype, ndim, _order(inf, node) if ndim > 1 else "C")


@typer("numpy.empty_like", "numpy.zeros_like", "numpy.ones_like")
def _like_type(inf, node, args, kws):
    if len(args) != 1 or not isinstance(args[0], T.Array):
        raise inf.error(node, "expected one array argument")
    a = args[0]
    dtype = _dtype_arg(inf, node, kws, a.dtype)
    return T.Array(dtype, a.ndim, "F" if a.layout == "F" and a.ndim > 1 else "C")


@typer("numpy.full_like")
def _full_like_type(inf, node, args, kws):
    if len(args) != 2 or not isinstance(args[0], T.Array) or not isinstance(args[1], T.Scalar):
        raise inf.error(node, "np.full_like() takes an array and a fill value")
    a = args[0]
    return T.Array(_dtype_arg(inf, node, kws, a.dtype), a.ndim, "F" if a.layout == "F" and a.ndim > 1 else "C")


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
    return T.Array(_dtype_arg(inf, node, kws, default), 1, "C")


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


# -- lowering helpers --

def array_size(lw, arr, ndim):
    size = ir.Constant(i64, 1)
    for d in range(ndim):
        size = lw.b.mul(size, lw.b.extract_value(arr, [2, d]))
    return size


def for_each_element(lw, arr, aty, visit) -> None:
    """Call visit(pointer) for every element, in memory order for C and F arrays."""
    b = lw.b
    data = b.extract_value(arr, 1)
    if aty.layout in ("C", "F") or aty.ndim == 1 and aty.layout != "A":
        n = array_size(lw, arr, aty.ndim)
        lw.counted_loop(ir.Constant(i64, 0), n, ir.Constant(i64, 1), 1, lambda k: visit(b.gep(data, [k])),
                        name="elem")
        return
    raw = b.bitcast(data, i8p)

    def nest(dim, offset):
        if dim == aty.ndim:
            visit(b.bitcast(b.gep(raw, [offset]), data.type))
            return
        length = b.extract_value(arr, [2, dim])
        stride = b.extract_value(arr, [3, dim])
        lw.counted_loop(ir.Constant(i64, 0), length, ir.Constant(i64, 1), 1,
                        lambda k: nest(dim + 1, b.add(offset, b.mul(k, stride))), name=f"dim{dim}")

    nest(0, ir.Constant(i64, 0))


def allocate(lw, aty, shape_values, zero=False):
    """A new array of type aty and the given i64 shape values; one owned reference."""
    b = lw.b
    slot = lw.alloca_entry(value_type(aty))
    shape = lw.alloca_entry(ir.ArrayType(i64, aty.ndim))
    for d, v in enumerate(shape_values):
        b.store(v, b.gep(shape, [ir.Constant(i32, 0), ir.Constant(i32, d)]))
    status = b.call(lw.unit.decl("aot_rt_alloc_array"),
                    [b.bitcast(slot, i8p), ir.Constant(i32, aty.ndim),
                     b.gep(shape, [ir.Constant(i32, 0), ir.Constant(i32, 0)]),
                     ir.Constant(i32, typenum(aty.dtype)), ir.Constant(i32, int(aty.layout == "F")),
                     ir.Constant(i32, int(zero))])
    lw.check_status(status)
    return b.load(slot)


def fill(lw, arr, aty, value) -> None:
    if aty.dtype.is_bool:
        value = lw.b.zext(value, i8)
    for_each_element(lw, arr, aty, lambda ptr: lw.b.store(value, ptr))


def _shape_values(lw, node):
    ty = lw.type_of(node)
    v = lw.expr(node)
    if isinstance(ty, T.Tuple):
        return [lw.cast(lw.b.extract_value(v, i), t, T.int64) for i, t in enumerate(ty.items)]
    return [lw.cast(v, ty, T.int64)]


@lowerer("numpy.empty", "numpy.zeros", "numpy.ones", "numpy.full")
def _new_filled(lw, node):
    aty = lw.type_of(node)
    path = lw.t.calls[node][1]
    arr = allocate(lw, aty, _shape_values(lw, node.args[0]), zero=path == "numpy.zeros")
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


def array_sum(lw, arr_node, aty, rty, product=False):
    from .operators import arith
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
