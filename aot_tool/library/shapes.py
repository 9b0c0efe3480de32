"""Shape methods and functions: reshape, ravel, flatten, transpose, expand_dims, flip
(dtype changes, astype and view, are in casts.py).

Results that NumPy gives as views are views here too (they share the owner and take
a reference to it).  reshape of an array that is not C-contiguous gives a strided view
where NumPy does and a copy otherwise (numba raises NotImplementedError for F arrays and
refuses other layouts at compile time); ravel copies what is not C-contiguous, as NumPy.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i64, value_type
from ..frontend import types as T
from ..frontend.syntax import _const_int
from .array_helpers import (allocate, array_size, check_formatted, contiguous_strides, copy_into, mul_overflows,
                            is_contiguous, make_view, normalise_axis, owned_result, release,
                            shape_of, shape_text, strides_of)
from .registry import lowerer, typer


def _method_base(lw, node):
    """The array operand and the other arguments of a.f(...) or of np.f(a, ...)."""
    if lw.t.calls[node][1].startswith("method."):
        return node.func.value, node.args
    return node.args[0], node.args[1:]


def _array_call(inf, node, args, name):
    """(array type, other argument types) of a.name(...) or np.name(a, ...)."""
    if not args or not isinstance(args[0], T.Array):
        raise inf.error(node, f"np.{name}() needs an array as its first argument")
    return args[0], args[1:]


# -- reshape, ravel, flatten --

def _reshape_typer(method):
    def typing(inf, node, args, kws):
        aty, rest = _array_call(inf, node, args, "reshape")
        if kws:
            raise inf.error(node, "reshape() takes no keyword arguments (order= is not supported)")
        if len(rest) == 1 and isinstance(rest[0], T.Tuple):
            items = rest[0].items
        else:
            items = tuple(rest)
        if not items:
            raise inf.error(node, "reshape() needs a shape (0-d arrays are not supported)")
        if not all(isinstance(t, T.Scalar) and t.is_int for t in items):
            raise inf.error(node, "reshape() takes integers or a tuple of integers")
        # a C array reshapes into a C view; any other may give a strided view (NumPy's rule)
        return T.Array(aty.dtype, len(items), "C" if aty.layout == "C" or aty.ndim == 1 and aty.layout == "F" else "A")
    return typing


typer("method.array.reshape")(_reshape_typer(True))
typer("numpy.reshape")(_reshape_typer(False))


def _shape_request(lw, nodes):
    """The i64 dimensions asked for: separate integers or one tuple."""
    if len(nodes) == 1 and isinstance(lw.type_of(nodes[0]), T.Tuple):
        tup, ty = lw.expr(nodes[0]), lw.type_of(nodes[0])
        return [lw.cast(lw.b.extract_value(tup, i), t, T.int64) for i, t in enumerate(ty.items)]
    return [lw.cast(lw.expr(n), lw.type_of(n), T.int64) for n in nodes]


def resolve_shape(lw, size, dims):
    """NumPy's rules for a requested shape with at most one negative (unknown) entry;
    raises its ValueError when the sizes disagree."""
    b = lw.b
    zero, one = ir.Constant(i64, 0), ir.Constant(i64, 1)
    known, unknowns, overflowed = one, zero, ir.Constant(ir.IntType(1), 0)
    for d in dims:
        negative = b.icmp_signed("<", d, zero)
        known, over = mul_overflows(lw, known, b.select(negative, one, d))
        overflowed = b.or_(overflowed, over)
        unknowns = b.add(unknowns, b.zext(negative, i64))
    lw.check(b.icmp_signed(">", unknowns, one), "ValueError", "can only specify one unknown dimension")
    has_unknown = b.icmp_signed("==", unknowns, one)
    safe_known = b.select(b.icmp_signed("==", known, zero), one, known)
    bad_unknown = b.or_(b.icmp_signed("==", known, zero), b.icmp_signed("!=", b.srem(size, safe_known), zero))
    bad = b.or_(overflowed, b.select(has_unknown, bad_unknown, b.icmp_signed("!=", size, known)))
    check_formatted(lw, bad, "ValueError", ["cannot reshape array of size ", size, " into shape "]
                    + shape_text(lw, dims, unknown=True))
    missing = b.sdiv(size, safe_known)
    return [b.select(b.icmp_signed("<", d, zero), missing, d) for d in dims]


def c_contiguous_base(lw, node, order="C"):
    """node's array contiguous in `order`: the array itself (with a reference the caller
    owns) when it is, else a new copy of it in that order."""
    aty = lw.type_of(node)
    arr, owned = lw.expr(node), lw.owned(node)
    if aty.layout == order or aty.ndim == 1 and aty.layout in "CF":
        return owned_result(lw, node, arr)
    b = lw.b
    slot = lw.alloca_entry(arr.type)
    with b.if_else(is_contiguous(lw, arr, aty, order)) as (same, copied):
        with same:
            if not owned:
                lw.incref(b.extract_value(arr, 0))
            b.store(arr, slot)
        with copied:
            cty = T.Array(aty.dtype, aty.ndim, order)
            fresh = allocate(lw, cty, shape_of(lw, arr, aty.ndim))
            copy_into(lw, fresh, cty, arr, aty)
            if owned:
                release(lw, arr)
            b.store(fresh, slot)
    return b.load(slot)


def _reshaped(lw, node, src_node, dims_fn):
    """A C-contiguous array reshaped: a view with C strides."""
    rty = lw.type_of(node)
    aty = lw.type_of(src_node)
    base = c_contiguous_base(lw, src_node)
    size = array_size(lw, base, aty.ndim)
    dims = dims_fn(size)
    return make_view(lw, rty, lw.b.extract_value(base, 0), lw.b.extract_value(base, 1), dims,
                     contiguous_strides(lw, rty.dtype, dims))


def _reshaped_any(lw, node, src_node, requested):
    """NumPy's reshape of any layout: a view where strides exist that read the memory
    in the new shape (aot_rt_reshape_strides), else a view of a C copy."""
    rty, aty = lw.type_of(node), lw.type_of(src_node)
    b = lw.b
    arr, owned = lw.expr(src_node), lw.owned(src_node)
    dims = resolve_shape(lw, array_size(lw, arr, aty.ndim), requested)
    old_dims = _i64_array(lw, shape_of(lw, arr, aty.ndim))
    old_strides = _i64_array(lw, strides_of(lw, arr, aty.ndim))
    new_dims = _i64_array(lw, dims)
    new_strides = lw.alloca_entry(ir.ArrayType(i64, rty.ndim))
    first = [ir.Constant(ir.IntType(32), 0)] * 2
    found = b.call(lw.unit.decl("aot_rt_reshape_strides"),
                   [ir.Constant(ir.IntType(32), aty.ndim), b.gep(old_dims, first), b.gep(old_strides, first),
                    ir.Constant(ir.IntType(32), rty.ndim), b.gep(new_dims, first), b.gep(new_strides, first),
                    ir.Constant(i64, aty.dtype.itemsize)])
    slot = lw.alloca_entry(value_type(rty))
    with b.if_else(b.icmp_signed("!=", found, ir.Constant(ir.IntType(32), 0))) as (view, copied):
        with view:
            if not owned:
                lw.incref(b.extract_value(arr, 0))
            strides = [b.load(b.gep(new_strides, [ir.Constant(ir.IntType(32), 0), ir.Constant(ir.IntType(32), d)]))
                       for d in range(rty.ndim)]
            b.store(make_view(lw, rty, b.extract_value(arr, 0), b.extract_value(arr, 1), dims, strides), slot)
        with copied:
            cty = T.Array(aty.dtype, aty.ndim, "C")
            fresh = allocate(lw, cty, shape_of(lw, arr, aty.ndim))
            copy_into(lw, fresh, cty, arr, aty)
            if owned:
                release(lw, arr)
            b.store(make_view(lw, rty, b.extract_value(fresh, 0), b.extract_value(fresh, 1), dims,
                              contiguous_strides(lw, rty.dtype, dims)), slot)
    return b.load(slot)


def _i64_array(lw, values):
    slot = lw.alloca_entry(ir.ArrayType(i64, max(len(values), 1)))
    for d, v in enumerate(values):
        lw.b.store(v, lw.b.gep(slot, [ir.Constant(ir.IntType(32), 0), ir.Constant(ir.IntType(32), d)]))
    return slot


@lowerer("method.array.reshape", "numpy.reshape")
def _reshape(lw, node):
    src, shape_nodes = _method_base(lw, node)
    requested = _shape_request(lw, shape_nodes)
    if lw.type_of(node).layout != "C":
        return _reshaped_any(lw, node, src, requested)
    return _reshaped(lw, node, src, lambda size: resolve_shape(lw, size, requested))


@typer("method.array.ravel", "numpy.ravel")
def _ravel_type(inf, node, args, kws):
    aty, rest = _array_call(inf, node, args, "ravel")
    if rest or kws:
        raise inf.error(node, "ravel() takes no arguments (order= is not supported)")
    return T.Array(aty.dtype, 1, "C")


@lowerer("method.array.ravel", "numpy.ravel")
def _ravel(lw, node):
    src, _ = _method_base(lw, node)
    return _reshaped(lw, node, src, lambda size: [size])


@typer("method.array.flatten")
def _flatten_type(inf, node, args, kws):
    aty, rest = _array_call(inf, node, args, "flatten")
    if rest or kws:
        raise inf.error(node, "flatten() takes no arguments (order= is not supported)")
    return T.Array(aty.dtype, 1, "C")


@lowerer("method.array.flatten")
def _flatten(lw, node):
    src = node.func.value
    aty = lw.type_of(src)
    arr, owned = lw.expr(src), lw.owned(src)
    cty = T.Array(aty.dtype, aty.ndim, "C")
    fresh = allocate(lw, cty, shape_of(lw, arr, aty.ndim))
    copy_into(lw, fresh, cty, arr, aty)
    if owned:
        release(lw, arr)
    size = array_size(lw, fresh, aty.ndim)
    return make_view(lw, lw.type_of(node), lw.b.extract_value(fresh, 0), lw.b.extract_value(fresh, 1), [size],
                     [ir.Constant(i64, aty.dtype.itemsize)])


# -- transpose --

def _transpose_axes(node, method):
    axes = list(node.args if method else node.args[1:])
    if len(axes) == 1 and isinstance(axes[0], ast.Tuple):
        axes = list(axes[0].elts)
    return axes


def _permutation(axis_nodes, ndim, error=None):
    """The axis order transpose() asks for; `error(node, message)` reports a bad one."""
    if not axis_nodes:
        return tuple(range(ndim - 1, -1, -1))
    values = [_const_int(a) for a in axis_nodes]
    if None in values:
        raise error(axis_nodes[values.index(None)], "transpose() axes must be integer constants")
    if len(values) != ndim:
        raise error(axis_nodes[0], "axes don't match array")
    for a, v in zip(axis_nodes, values):
        if not -ndim <= v < ndim:
            raise error(a, f"axis {v} is out of bounds for array of dimension {ndim}")
    perm = tuple(v % ndim for v in values)
    if len(set(perm)) != len(perm):
        raise error(axis_nodes[0], "repeated axis in transpose")
    return perm


def _transpose_typer(method):
    def typing(inf, node, args, kws):
        aty, rest = _array_call(inf, node, args, "transpose")
        if kws:
            raise inf.error(node, "transpose() takes no keyword arguments")
        perm = _permutation(_transpose_axes(node, method), aty.ndim, inf.error)
        if perm == tuple(range(aty.ndim)):
            layout = aty.layout
        elif perm == tuple(range(aty.ndim - 1, -1, -1)):
            layout = {"C": "F", "F": "C"}.get(aty.layout, "A")
        else:
            layout = "A"
        return T.Array(aty.dtype, aty.ndim, layout)
    return typing


typer("method.array.transpose")(_transpose_typer(True))
typer("numpy.transpose")(_transpose_typer(False))


@lowerer("method.array.transpose", "numpy.transpose")
def _transpose(lw, node):
    method = lw.t.calls[node][1].startswith("method.")
    src = node.func.value if method else node.args[0]
    aty = lw.type_of(src)
    perm = _permutation(_transpose_axes(node, method), aty.ndim)
    arr = owned_result(lw, src, lw.expr(src))
    shape, strides = shape_of(lw, arr, aty.ndim), strides_of(lw, arr, aty.ndim)
    return make_view(lw, lw.type_of(node), lw.b.extract_value(arr, 0), lw.b.extract_value(arr, 1),
                     [shape[p] for p in perm], [strides[p] for p in perm])


# -- expand_dims, flip --

@typer("numpy.expand_dims")
def _expand_dims_type(inf, node, args, kws):
    if len(args) != 2 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.expand_dims() takes an array and an axis")
    aty = args[0]
    axis = _const_int(node.args[1])
    if axis is None:
        raise inf.error(node.args[1], "the axis must be an integer constant")
    normalise_axis(inf, node.args[1], axis, aty.ndim + 1)
    return T.Array(aty.dtype, aty.ndim + 1, aty.layout)


@lowerer("numpy.expand_dims")
def _expand_dims(lw, node):
    src = node.args[0]
    aty = lw.type_of(src)
    axis = _const_int(node.args[1]) % (aty.ndim + 1)
    arr = owned_result(lw, src, lw.expr(src))
    shape, strides = shape_of(lw, arr, aty.ndim), strides_of(lw, arr, aty.ndim)
    b = lw.b
    # the stride a contiguous array of the new shape would have there, keeping C/F true
    if aty.layout == "F":
        stride = b.mul(strides[axis - 1], shape[axis - 1]) if axis > 0 else ir.Constant(i64, aty.dtype.itemsize)
    elif axis < aty.ndim:
        stride = b.mul(strides[axis], shape[axis])
    else:
        stride = ir.Constant(i64, aty.dtype.itemsize)
    shape.insert(axis, ir.Constant(i64, 1))
    strides.insert(axis, stride)
    return make_view(lw, lw.type_of(node), b.extract_value(arr, 0), b.extract_value(arr, 1), shape, strides)


@typer("numpy.flip", "numpy.fliplr", "numpy.flipud")
def _flip_type(inf, node, args, kws):
    name = inf.t.calls[node][1][6:]
    if not args or not isinstance(args[0], T.Array) or kws or len(args) > (2 if name == "flip" else 1):
        raise inf.error(node, f"np.{name}() takes an array" + (" and an optional constant axis" if name == "flip" else ""))
    if len(args) == 2:
        axis = _const_int(node.args[1])
        if axis is None:
            raise inf.error(node.args[1], "the axis must be an integer constant")
        normalise_axis(inf, node.args[1], axis, args[0].ndim)
    if name == "fliplr" and args[0].ndim < 2:
        raise inf.error(node, "Input must be >= 2-d.")
    return T.Array(args[0].dtype, args[0].ndim, "A")


def _flip_axes(node, path, ndim):
    if path == "numpy.fliplr":
        return (1,)
    if path == "numpy.flipud":
        return (0,)
    if len(node.args) == 2:
        return (_const_int(node.args[1]) % ndim,)
    return tuple(range(ndim))


@lowerer("numpy.flip", "numpy.fliplr", "numpy.flipud")
def _flip(lw, node):
    src = node.args[0]
    aty = lw.type_of(src)
    arr = owned_result(lw, src, lw.expr(src))
    shape, strides = shape_of(lw, arr, aty.ndim), strides_of(lw, arr, aty.ndim)
    b = lw.b
    offset = ir.Constant(i64, 0)
    for d in _flip_axes(node, lw.t.calls[node][1], aty.ndim):
        last = b.sub(shape[d], ir.Constant(i64, 1))
        last = b.select(b.icmp_signed("<", last, ir.Constant(i64, 0)), ir.Constant(i64, 0), last)
        offset = b.add(offset, b.mul(last, strides[d]))
        strides[d] = b.sub(ir.Constant(i64, 0), strides[d])
    data = b.gep(b.bitcast(b.extract_value(arr, 1), ir.IntType(8).as_pointer()), [offset])
    return make_view(lw, lw.type_of(node), b.extract_value(arr, 0), data, shape, strides)



@typer("numpy.ascontiguousarray", "numpy.asfortranarray")
def _contiguous_type(inf, node, args, kws):
    path = inf.t.calls[node][1]
    if len(args) != 1 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, f"np.{path[6:]}() takes one array")
    aty = args[0]
    return T.Array(aty.dtype, aty.ndim, "F" if path == "numpy.asfortranarray" and aty.ndim > 1 else "C")


@lowerer("numpy.ascontiguousarray", "numpy.asfortranarray")
def _contiguous(lw, node):
    """The array itself where it already has the layout, else a copy (NumPy's rule)."""
    return c_contiguous_base(lw, node.args[0], lw.type_of(node).layout)
