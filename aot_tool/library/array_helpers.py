"""Helpers the array tables share: reading shape and dtype arguments while typing,
and, while lowering, allocating arrays, building views, walking index spaces,
copying with casts (errors whose message holds run-time numbers are in
array_messages.py, re-exported here).

Array values are `{owner, data, shape[n], strides[n]}` (strides in bytes); a view
shares its base's owner, and a call that returns one takes a reference to it (every
call hands over a new reference).
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, i8, i8p, i32, i64, typenum, value_type
from ..frontend import types as T
from ..frontend.signatures import MAX_NDIM
from .array_messages import check_formatted, raise_formatted, shape_text  # noqa: F401  (shared from here too)

# -- typing --

PYTHON_DTYPES = {"builtins.float": T.float64, "builtins.int": T.int64, "builtins.bool": T.boolean,
                 "builtins.complex": T.complex128}


def shape_ndim(inf, node, shape_ty, shape_node):
    """The number of dimensions a shape argument (an int or a tuple of ints) gives."""
    if isinstance(shape_ty, T.Scalar) and shape_ty.is_int:
        return 1
    if isinstance(shape_ty, T.Tuple) and all(isinstance(t, T.Scalar) and t.is_int for t in shape_ty.items):
        if not shape_ty.items:
            raise inf.error(shape_node, "0-d arrays are not supported")
        if len(shape_ty.items) > MAX_NDIM:
            raise inf.error(shape_node, f"arrays have at most {MAX_NDIM} dimensions")
        return len(shape_ty.items)
    raise inf.error(shape_node, f"an array shape must be an integer or a tuple of integers, not {shape_ty.name}")


def dtype_of(ty):
    """The scalar type a dtype value names (np.float32, a.dtype, float), or None."""
    if isinstance(ty, T.DType):
        return ty.dtype
    if isinstance(ty, T.Function):
        return PYTHON_DTYPES.get(ty.path)
    return None


def dtype_arg(inf, node, kws, default, extra=None):
    """The dtype= keyword (or `default`); other keywords than dtype and `extra` are errors."""
    allowed = {"dtype"} | set(extra or ())
    for k in kws:
        if k not in allowed:
            raise inf.error(node, f"keyword argument {k!r} is not supported here")
    dt = kws.get("dtype")
    if dt is None:
        return default
    found = dtype_of(dt)
    if found is None:
        raise inf.error(keyword_node(node, "dtype") or node, "dtype= must be a NumPy type such as np.float32")
    return found


def positional_dtype(inf, node, args, kws, count):
    """Arguments and keywords with a dtype given positionally after the first `count`
    arguments (np.empty(n, np.int32), np.zeros_like(a, a.dtype)) moved into dtype=."""
    if len(args) <= count:
        return args, kws
    if "dtype" in kws:
        raise inf.error(node, "dtype given twice")
    if len(args) > count + 1 or dtype_of(args[count]) is None:
        raise inf.error(node.args[count], "expected a dtype such as np.float32 or a.dtype here")
    return args[:count], dict(kws, dtype=args[count])


def keyword_node(node, name):
    for kw in node.keywords:
        if kw.arg == name:
            return kw.value
    return None


def order_arg(inf, node, allowed=("C", "F"), default="C"):
    """order= as a constant string (`default` when absent)."""
    value = keyword_node(node, "order")
    if value is None:
        return default
    if not (isinstance(value, ast.Constant) and value.value in allowed):
        raise inf.error(value, "order= must be " + " or ".join(repr(a) for a in allowed))
    return value.value


def const_int_arg(inf, node, what):
    """A compile-time integer (possibly negative), or a located error."""
    from ..frontend.syntax import _const_int
    value = _const_int(node)
    if value is None:
        raise inf.error(node, f"{what} must be an integer constant")
    return value


def normalise_axis(inf, node, axis, ndim):
    """A constant axis in [-ndim, ndim) as a non-negative one, else numba's AxisError text."""
    if not -ndim <= axis < ndim:
        raise inf.error(node, f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim


def new_layout(aty, ndim=None):
    """The layout of a new array like aty: F stays F (more than one dimension), else C."""
    ndim = aty.ndim if ndim is None else ndim
    return "F" if aty.layout == "F" and ndim > 1 else "C"


# -- lowering: shapes, views, elements --

def array_size(lw, arr, ndim):
    size = ir.Constant(i64, 1)
    for d in range(ndim):
        size = lw.b.mul(size, lw.b.extract_value(arr, [2, d]))
    return size


def shape_of(lw, arr, ndim):
    return [lw.b.extract_value(arr, [2, d]) for d in range(ndim)]


def strides_of(lw, arr, ndim):
    return [lw.b.extract_value(arr, [3, d]) for d in range(ndim)]


def make_view(lw, aty, owner, data, shape, strides):
    """An array value of type aty over `data` (any pointer) with the given i64 lists."""
    vt = value_type(aty)
    view = ir.Constant(vt, None)
    view = lw.b.insert_value(view, owner, 0)
    view = lw.b.insert_value(view, lw.b.bitcast(data, vt.elements[1]), 1)
    for d, (n, s) in enumerate(zip(shape, strides)):
        view = lw.b.insert_value(view, n, [2, d])
        view = lw.b.insert_value(view, s, [3, d])
    return view


def owned_result(lw, node, value):
    """A view of `node`'s array returned by a call: calls hand over a reference, so
    take one unless the operand was itself a new reference (then pass that on)."""
    if lw.owned(node):
        return value
    lw.incref(lw.b.extract_value(value, 0))
    return value


def operand(lw, node):
    """(value, owned) of an array argument: owned temporaries must be released by the
    caller (or handed on as the result)."""
    return lw.expr(node), lw.owned(node)


def release(lw, value) -> None:
    lw.decref(lw.b.extract_value(value, 0))


def element_ptr(lw, arr, aty, index):
    """A typed pointer to arr[index...] (i64 indices, already in range).  The dimension
    a C or F type makes contiguous is indexed in elements, so LLVM sees unit steps."""
    b = lw.b
    data = b.extract_value(arr, 1)
    unit = aty.ndim - 1 if aty.layout == "C" else 0 if aty.layout == "F" else None
    offset = ir.Constant(i64, 0)
    for d, k in enumerate(index):
        if d != unit:
            offset = b.add(offset, b.mul(k, b.extract_value(arr, [3, d])))
    ptr = b.bitcast(b.gep(b.bitcast(data, i8p), [offset]), data.type)
    return ptr if unit is None else b.gep(ptr, [index[unit]])


def load(lw, ptr, dtype):
    value = lw.b.load(ptr)
    return lw.b.trunc(value, i1) if dtype.is_bool else value


def store(lw, value, ptr, dtype) -> None:
    lw.b.store(lw.b.zext(value, i8) if dtype.is_bool else value, ptr)


def index_loop(lw, shape, body, name="nd"):
    """body(index list) for every index of `shape`, the last dimension innermost."""
    def nest(dim, index):
        if dim == len(shape):
            body(index)
            return
        lw.counted_loop(ir.Constant(i64, 0), shape[dim], ir.Constant(i64, 1), 1,
                        lambda k: nest(dim + 1, index + [k]), name=f"{name}{dim}")
    nest(0, [])


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
    """A new array of type aty and the given i64 shape values; one owned reference.
    A negative dimension raises NumPy's ValueError."""
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


def copy_into(lw, dst, dty, src, sty, shape=None) -> None:
    """dst[...] = src[...] elementwise over `shape` (default src's), casting the dtype.
    When both are C-contiguous (known from the types or checked at run time) the copy
    is one flat loop, which LLVM vectorises."""
    shape = shape if shape is not None else shape_of(lw, src, sty.ndim)

    def element(index):
        value = load(lw, element_ptr(lw, src, sty, index), sty.dtype)
        store(lw, lw.cast(value, sty.dtype, dty.dtype), element_ptr(lw, dst, dty, index), dty.dtype)

    def flat():
        b = lw.b
        size = ir.Constant(i64, 1)
        for n in shape:
            size = b.mul(size, n)
        src_data, dst_data = b.extract_value(src, 1), b.extract_value(dst, 1)

        def body(k):
            value = load(lw, b.gep(src_data, [k]), sty.dtype)
            store(lw, lw.cast(value, sty.dtype, dty.dtype), b.gep(dst_data, [k]), dty.dtype)

        lw.counted_loop(ir.Constant(i64, 0), size, ir.Constant(i64, 1), 1, body, name="copy.flat")

    src_c, dst_c = is_contiguous(lw, src, sty, "C"), is_contiguous(lw, dst, dty, "C")
    if isinstance(src_c, ir.Constant) and isinstance(dst_c, ir.Constant):
        flat()
        return
    both = lw.b.and_(src_c, dst_c)
    with lw.b.if_else(both) as (contiguous, strided):
        with contiguous:
            flat()
        with strided:
            index_loop(lw, shape, element, name="copy")


def shape_values(lw, node):
    """The i64 dimensions of a shape argument (an int or a tuple of ints)."""
    ty = lw.type_of(node)
    v = lw.expr(node)
    if isinstance(ty, T.Tuple):
        return [lw.cast(lw.b.extract_value(v, i), t, T.int64) for i, t in enumerate(ty.items)]
    return [lw.cast(v, ty, T.int64)]


TOO_BIG = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."


def mul_overflows(lw, x, y):
    """(x * y, i1 overflowed) for i64 values (signed)."""
    fn = lw.unit.module.declare_intrinsic("llvm.smul.with.overflow", [i64],
                                          ir.FunctionType(ir.LiteralStructType([i64, i1]), [i64, i64]))
    pair = lw.b.call(fn, [x, y])
    return lw.b.extract_value(pair, 0), lw.b.extract_value(pair, 1)


def checked_mul(lw, x, y, message=TOO_BIG):
    """x * y for sizes; ValueError (NumPy's text for sizes beyond memory) on overflow,
    so no wrapped size ever reaches an allocation or a view."""
    product, overflowed = mul_overflows(lw, x, y)
    lw.check(overflowed, "ValueError", message)
    return product


def int_value(lw, node):
    return lw.cast(lw.expr(node), lw.type_of(node), T.int64)


def contiguous_strides(lw, dtype, shape, order="C"):
    """Byte strides of a contiguous array of `shape` in C or F order."""
    strides = [None] * len(shape)
    step = ir.Constant(i64, dtype.itemsize)
    dims = range(len(shape) - 1, -1, -1) if order == "C" else range(len(shape))
    for d in dims:
        strides[d] = step
        step = lw.b.mul(step, shape[d])
    return strides


def is_contiguous(lw, arr, aty, order="C"):
    """An i1: whether arr is laid out contiguously in `order` (lengths 1 and 0 ignore
    their stride, as NumPy's flags do); constant true when the type says so."""
    if aty.layout == order or aty.ndim == 1 and aty.layout in ("C", "F"):
        return ir.Constant(i1, 1)
    b = lw.b
    ok = ir.Constant(i1, 1)
    step = ir.Constant(i64, aty.dtype.itemsize)
    empty = ir.Constant(i1, 0)
    dims = range(aty.ndim - 1, -1, -1) if order == "C" else range(aty.ndim)
    for d in dims:
        n = b.extract_value(arr, [2, d])
        s = b.extract_value(arr, [3, d])
        trivial = b.icmp_signed("<=", n, ir.Constant(i64, 1))
        ok = b.and_(ok, b.or_(trivial, b.icmp_signed("==", s, step)))
        empty = b.or_(empty, b.icmp_signed("==", n, ir.Constant(i64, 0)))
        step = b.mul(step, n)
    return b.or_(ok, empty)


def copied(lw, node, src):
    """A new array of node's type holding src's elements (cast): np.array(a), a.astype(t)."""
    aty, rty = lw.type_of(src), lw.type_of(node)
    arr, owned = lw.expr(src), lw.owned(src)
    fresh = allocate(lw, rty, shape_of(lw, arr, aty.ndim))
    copy_into(lw, fresh, rty, arr, aty)
    if owned:
        release(lw, arr)
    return fresh
