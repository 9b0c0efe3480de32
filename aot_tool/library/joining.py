"""Joining and repeating arrays: np.concatenate, np.stack, np.hstack, np.vstack,
np.column_stack, np.tile, np.repeat (and a.repeat).

The arrays to join come as a tuple (a literal or a variable); the result dtype is
NumPy's promotion of theirs, and the result is a new C array.  Shapes that do not fit
raise NumPy's ValueError with its message at call time; a bad constant axis or
arrays of different dimensions are compile errors.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8p, i64
from ..frontend import types as T
from ..frontend.syntax import _const_int
from .array_helpers import (TOO_BIG, allocate, array_size, check_formatted, checked_mul, contiguous_strides,
                            copy_into, element_ptr, index_loop, int_value, keyword_node, load, make_view, release,
                            shape_of, shape_values, store, strides_of)
from .registry import lowerer, typer

_NAMES = {"numpy.concatenate": "concatenate", "numpy.stack": "stack", "numpy.hstack": "hstack",
          "numpy.vstack": "vstack", "numpy.column_stack": "column_stack", "numpy.dstack": "dstack"}


def _arrays_type(inf, node, args, name):
    if not args or not isinstance(args[0], T.Tuple) or not args[0].items:
        raise inf.error(node, f"np.{name}() takes a tuple of arrays")
    items = args[0].items
    for t in items:
        if not isinstance(t, T.Array):
            raise inf.error(node.args[0], f"np.{name}() takes a tuple of arrays, not {t.name}")
    dtype = items[0].dtype
    for t in items[1:]:
        dtype = T.unify(dtype, t.dtype)
    return items, dtype


def _axis_node(node, position=1):
    return node.args[position] if len(node.args) > position else keyword_node(node, "axis")


def _join_plan(error, node, items, name):
    """(result ndim, axis, how 1-d arrays are seen) for one of the joining functions;
    error(node, message) reports a call that cannot be compiled."""
    ndims = [t.ndim for t in items]
    if name in ("concatenate", "stack"):
        if len(set(ndims)) != 1:
            i = next(i for i, n in enumerate(ndims) if n != ndims[0])
            which = ("all the input arrays must have same number of dimensions, but the array at index 0 "
                     f"has {ndims[0]} dimension(s) and the array at index {i} has {ndims[i]} dimension(s)")
            raise error(node, which if name == "concatenate" else "all input arrays must have the same shape")
        axis_node = _axis_node(node)
        axis = 0 if axis_node is None else _const_int(axis_node)
        if axis is None:
            raise error(axis_node, "the axis must be an integer constant")
        ndim = ndims[0] + (name == "stack")
        if not -ndim <= axis < ndim:
            raise error(axis_node, f"axis {axis} is out of bounds for array of dimension {ndim}")
        return ndim, axis % ndim, None
    if name == "hstack":
        if len(set(ndims)) != 1:
            raise error(node, "np.hstack() of arrays with different numbers of dimensions is not supported")
        return ndims[0], 0 if ndims[0] == 1 else 1, None
    if name == "dstack":
        ndim = max(3, max(ndims))
        if any(n != ndim for n in ndims if n > 2):
            raise error(node, "np.dstack() of arrays with different numbers of dimensions is not supported")
        return ndim, 2, "depth"
    ndim = max(2, max(ndims))
    if any(n != ndim for n in ndims if n > 1):
        raise error(node, f"np.{name}() of arrays with different numbers of dimensions is not supported")
    return ndim, 0 if name == "vstack" else 1, "row" if name == "vstack" else "column"


def _join_type(inf, node, args, kws):
    name = _NAMES[inf.t.calls[node][1]]
    extra = {"axis"} if name in ("concatenate", "stack") else set()
    if set(kws) - extra or len(args) > 1 + bool(extra):
        raise inf.error(node, f"np.{name}() takes a tuple of arrays" + (" and axis=" if extra else ""))
    items, dtype = _arrays_type(inf, node, args, name)
    ndim, _, _ = _join_plan(inf.error, node, items, name)
    return T.Array(dtype, ndim, "C")


for _path in _NAMES:
    typer(_path)(_join_type)


def tuple_items(lw, node):
    """[(array value, type, owned)] of a tuple of arrays: a literal's items one by one
    (so temporaries can be released), or a tuple variable's (borrowed)."""
    if isinstance(node, ast.Tuple):
        return [(lw.expr(e), lw.type_of(e), lw.owned(e)) for e in node.elts]
    value, ty = lw.expr(node), lw.type_of(node)
    return [(lw.b.extract_value(value, i), t, False) for i, t in enumerate(ty.items)]


def _seen_as(lw, value, ty, ndim, how):
    """(shape, strides) of an array seen with `ndim` dimensions: a 1-d array becomes a
    row (1, n) or a column (n, 1), as vstack and column_stack see it; for dstack (1, n, 1)
    and a 2-d one (m, n, 1)."""
    shape, strides = shape_of(lw, value, ty.ndim), strides_of(lw, value, ty.ndim)
    if ty.ndim == ndim:
        return shape, strides
    one = ir.Constant(i64, 1)
    if how == "depth":
        if ty.ndim == 1:
            shape, strides = [one] + shape, [ir.Constant(i64, 0)] + strides
        return shape + [one], strides + [ir.Constant(i64, 0)]
    if how == "row":
        return [one] + shape, [ir.Constant(i64, 0)] + strides
    return shape + [one], strides + [ir.Constant(i64, 0)]


def _accepted(node, message):
    raise AssertionError(f"typing accepted this call: {message}")


@lowerer(*_NAMES)
def _join(lw, node):
    return _joined(lw, node, lw.type_of(node), _NAMES[lw.t.calls[node][1]], tuple_items(lw, node.args[0]))


def _joined(lw, node, rty, name, items):
    """The result of joining `items` [(array, type, owned)] as np.<name> does."""
    ndim, axis, how = _join_plan(_accepted, node, [t for _, t, _ in items], name)
    b = lw.b
    seen = [_seen_as(lw, v, t, ndim if name != "stack" else t.ndim, how) for v, t, _ in items]
    first = seen[0][0]
    if name == "stack":
        for i, (shape, _) in enumerate(seen[1:], 1):
            bad = ir.Constant(ir.IntType(1), 0)
            for a, c in zip(first, shape):
                bad = b.or_(bad, b.icmp_signed("!=", a, c))
            lw.check(bad, "ValueError", "all input arrays must have the same shape")
        out_shape = first[:axis] + [ir.Constant(i64, len(items))] + first[axis:]
    else:
        total = ir.Constant(i64, 0)
        for i, (shape, _) in enumerate(seen):
            total = b.add(total, shape[axis])
            for d in range(ndim):
                if d == axis or i == 0:
                    continue
                check_formatted(lw, b.icmp_signed("!=", shape[d], first[d]), "ValueError",
                                ["all the input array dimensions except for the concatenation axis must match "
                                 f"exactly, but along dimension {d}, the array at index 0 has size ", first[d],
                                 f" and the array at index {i} has size ", shape[d]])
        out_shape = first[:axis] + [total] + first[axis + 1:]
    out = allocate(lw, rty, out_shape)
    out_strides = strides_of(lw, out, ndim)
    raw = b.bitcast(b.extract_value(out, 1), i8p)
    offset = ir.Constant(i64, 0)
    for (value, ty, _), (shape, strides) in zip(items, seen):
        sty = T.Array(ty.dtype, len(shape), "A")
        src = make_view(lw, sty, b.extract_value(value, 0), b.extract_value(value, 1), shape, strides)
        if name == "stack":
            part_strides = out_strides[:axis] + out_strides[axis + 1:]
            step = out_strides[axis]
        else:
            part_strides = out_strides
            step = b.mul(shape[axis], out_strides[axis])
        part_ty = T.Array(rty.dtype, len(shape), "A")
        part = make_view(lw, part_ty, b.extract_value(out, 0), b.gep(raw, [offset]), shape, part_strides)
        copy_into(lw, part, part_ty, src, sty)
        offset = b.add(offset, step)
    for value, _, owned in items:
        if owned:
            release(lw, value)
    return out


# -- tile, repeat --

@typer("numpy.tile")
def _tile_type(inf, node, args, kws):
    if len(args) != 2 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.tile() takes an array and repetitions (an int or a tuple of ints)")
    reps = args[1]
    if isinstance(reps, T.Scalar) and reps.is_int:
        count = 1
    elif isinstance(reps, T.Tuple) and reps.items and all(isinstance(t, T.Scalar) and t.is_int for t in reps.items):
        count = len(reps.items)
    else:
        raise inf.error(node.args[1], "the repetitions must be an int or a tuple of ints")
    return T.Array(args[0].dtype, max(args[0].ndim, count), "C")


@lowerer("numpy.tile")
def _tile(lw, node):
    src, rty = node.args[0], lw.type_of(node)
    aty = lw.type_of(src)
    arr = lw.array_operand(src)
    b = lw.b
    one = ir.Constant(i64, 1)
    ndim = rty.ndim
    reps = shape_values(lw, node.args[1])
    reps = [one] * (ndim - len(reps)) + reps
    shape = [one] * (ndim - aty.ndim) + shape_of(lw, arr, aty.ndim)
    out = allocate(lw, rty, [checked_mul(lw, n, r) for n, r in zip(shape, reps)])
    skip = ndim - aty.ndim

    def body(index):
        inner = [b.srem(k, n) for k, n in zip(index[skip:], shape[skip:])]
        value = load(lw, element_ptr(lw, arr, aty, inner), aty.dtype)
        store(lw, value, element_ptr(lw, out, rty, index), rty.dtype)

    index_loop(lw, shape_of(lw, out, ndim), body, name="tile")
    return out


@typer("numpy.repeat", "method.array.repeat")
def _repeat_type(inf, node, args, kws):
    if len(args) != 2 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.repeat() takes an array and repetitions (axis= is not supported, as in numba)")
    reps = args[1]
    if not (isinstance(reps, T.Scalar) and reps.is_int or isinstance(reps, T.Array) and reps.ndim == 1
            and reps.dtype.is_int):
        raise inf.error(node, "the repetitions must be an integer or a 1-d integer array")
    return T.Array(args[0].dtype, 1, "C")


@lowerer("numpy.repeat", "method.array.repeat")
def _repeat(lw, node):
    """Each element (in C order) repeated: a count for all, or one count per element."""
    method = lw.t.calls[node][1].startswith("method.")
    src = node.func.value if method else node.args[0]
    count_node = node.args[0] if method else node.args[1]
    aty, rty, cty = lw.type_of(src), lw.type_of(node), lw.type_of(count_node)
    arr = lw.array_operand(src)
    b = lw.b
    zero, one = ir.Constant(i64, 0), ir.Constant(i64, 1)
    size = array_size(lw, arr, aty.ndim)
    if isinstance(cty, T.Array):
        counts = lw.array_operand(count_node)
        n = array_size(lw, counts, 1)
        check_formatted(lw, b.and_(b.icmp_signed("!=", n, one), b.icmp_signed("!=", n, size)), "ValueError",
                        ["operands could not be broadcast together with shape ("] + [size, ",) (", n, ",)"])
        step = b.select(b.icmp_signed("==", n, one), zero, one)     # one count for all, or one each

        def count_at(k):
            return lw.cast(load(lw, element_ptr(lw, counts, cty, [b.mul(k, step)]), cty.dtype), cty.dtype, T.int64)

        total = lw.alloca_entry(i64)
        b.store(zero, total)

        def add(k):
            c = count_at(k)
            lw.check(b.icmp_signed("<", c, zero), "ValueError", "repeats may not contain negative values.")
            pair = b.call(lw.unit.module.declare_intrinsic(
                "llvm.sadd.with.overflow", [i64], ir.FunctionType(ir.LiteralStructType([i64, ir.IntType(1)]),
                                                                   [i64, i64])), [b.load(total), c])
            lw.check(b.extract_value(pair, 1), "ValueError", TOO_BIG)
            b.store(b.extract_value(pair, 0), total)

        # a single count acts as a scalar one (NumPy: size * count, no negative-count check)
        used = b.select(b.icmp_signed("==", n, one), zero, n)
        lw.counted_loop(zero, used, one, 1, add, name="reps")     # checks every count, sums them
        out_size = _repeat_total(lw, n, size, count_at, total)
    else:
        reps = int_value(lw, count_node)
        out_size = checked_mul(lw, size, reps)     # negative: NumPy's "negative dimensions" error
        count_at = None
    out = allocate(lw, rty, [out_size])
    data = b.extract_value(out, 1)
    position, element = lw.alloca_entry(i64), lw.alloca_entry(i64)
    b.store(zero, position)
    b.store(zero, element)

    def body(index):
        value = load(lw, element_ptr(lw, arr, aty, index), aty.dtype)
        k = b.load(element)
        times = count_at(k) if count_at else reps
        b.store(b.add(k, one), element)

        def put(_):
            p = b.load(position)
            store(lw, value, b.gep(data, [p]), rty.dtype)
            b.store(b.add(p, one), position)

        lw.counted_loop(zero, times, one, 1, put, name="rep")

    index_loop(lw, shape_of(lw, arr, aty.ndim), body, name="repeat")
    return out


def _repeat_total(lw, n, size, count_at, total):
    """The output length: size times the single count, or the sum of the counts."""
    b = lw.b
    single = b.icmp_signed("==", n, ir.Constant(i64, 1))
    slot = lw.alloca_entry(i64)
    with b.if_else(single) as (one_count, per_element):
        with one_count:
            b.store(checked_mul(lw, size, count_at(ir.Constant(i64, 0))), slot)
        with per_element:
            b.store(b.load(total), slot)
    return b.load(slot)


# -- np.append --

@typer("numpy.append")
def _append_type(inf, node, args, kws):
    if len(args) != 2 or set(kws) - {"axis"} or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.append() takes an array, values and axis=")
    arr, values = args
    vdt = values.dtype if isinstance(values, T.Array) else values
    if not isinstance(vdt, T.Scalar):
        raise inf.error(node.args[1], f"np.append() cannot append {values.name}")
    dtype = T.unify(arr.dtype, vdt)
    axis_node = keyword_node(node, "axis")
    if axis_node is None or isinstance(axis_node, ast.Constant) and axis_node.value is None:
        return T.Array(dtype, 1, "C")
    if not isinstance(values, T.Array) or values.ndim != arr.ndim:
        raise inf.error(node, "np.append() along an axis needs values with as many dimensions as the array")
    _join_plan(inf.error, _as_concatenate(node), [arr, values], "concatenate")
    return T.Array(dtype, arr.ndim, "C")


def _as_concatenate(node):
    """np.append(a, b, axis=k) read as np.concatenate((a, b), axis=k)."""
    pair = ast.copy_location(ast.Tuple(elts=list(node.args), ctx=ast.Load()), node)
    return ast.copy_location(ast.Call(func=node.func, args=[pair], keywords=node.keywords), node)


@lowerer("numpy.append")
def _append(lw, node):
    rty = lw.type_of(node)
    axis_node = keyword_node(node, "axis")
    if rty.ndim > 1 or axis_node is not None and not isinstance(lw.type_of(axis_node), T.NoneType):
        items = [(lw.expr(a), lw.type_of(a), lw.owned(a)) for a in node.args]
        return _joined(lw, _as_concatenate(node), rty, "concatenate", items)
    b = lw.b
    pieces = []
    for a in node.args:
        ty = lw.type_of(a)
        value = lw.expr(a)
        size = array_size(lw, value, ty.ndim) if isinstance(ty, T.Array) else ir.Constant(i64, 1)
        pieces.append((value, ty, isinstance(ty, T.Array) and lw.owned(a), size))
    out = allocate(lw, rty, [b.add(pieces[0][3], pieces[1][3])])
    data = b.extract_value(out, 1)
    position = ir.Constant(i64, 0)
    for value, ty, owned, size in pieces:
        if isinstance(ty, T.Array):
            shape = shape_of(lw, value, ty.ndim)
            cty = T.Array(rty.dtype, ty.ndim, "C")
            part = make_view(lw, cty, b.extract_value(out, 0), b.gep(data, [position]), shape,
                             contiguous_strides(lw, rty.dtype, shape))
            copy_into(lw, part, cty, value, ty)
            if owned:
                release(lw, value)
        else:
            store(lw, lw.cast(value, ty, rty.dtype), b.gep(data, [position]), rty.dtype)
        position = b.add(position, size)
    return out
