"""Index-producing and element-moving functions: np.nonzero / a.nonzero /
np.where(cond) (a tuple of int64 index arrays, one per dimension, as NumPy), np.copyto
(broadcast and cast into an array), np.roll (numba's form: the flattened array
shifted), np.squeeze with a constant axis.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, i64
from ..frontend import types as T
from ..frontend.syntax import _const_int
from .array_helpers import (allocate, array_size, check_formatted, copy_into, element_ptr, index_loop, int_value,
                            load, make_view, normalise_axis, owned_result, release, shape_of, shape_text, store,
                            strides_of)
from .registry import lowerer, typer

INDEX_ARRAY = T.Array(T.int64, 1, "C")


# -- nonzero, where(cond) --

@typer("numpy.nonzero", "method.array.nonzero")
def nonzero_type(inf, node, args, kws):
    """Also np.where with one argument (library/ufuncs.py hands it here)."""
    if len(args) != 1 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.nonzero() takes one array")
    return T.Tuple((INDEX_ARRAY,) * args[0].ndim)


@lowerer("numpy.nonzero", "method.array.nonzero")
def lower_nonzero(lw, node):
    src = node.func.value if lw.t.calls[node][1].startswith("method.") else node.args[0]
    aty = lw.type_of(src)
    arr, owned = lw.expr(src), lw.owned(src)
    b = lw.b
    shape = shape_of(lw, arr, aty.ndim)
    count = lw.alloca_entry(i64)
    b.store(ir.Constant(i64, 0), count)

    def truth(index):
        return lw.to_bool(load(lw, element_ptr(lw, arr, aty, index), aty.dtype), aty.dtype)

    def tally(index):
        b.store(b.add(b.load(count), b.zext(truth(index), i64)), count)

    index_loop(lw, shape, tally, name="nonzero.count")
    n = b.load(count)
    outs = [allocate(lw, INDEX_ARRAY, [n]) for _ in range(aty.ndim)]
    b.store(ir.Constant(i64, 0), count)

    def record(index):
        with b.if_then(truth(index)):
            k = b.load(count)
            for out, i in zip(outs, index):
                b.store(i, b.gep(b.extract_value(out, 1), [k]))
            b.store(b.add(k, ir.Constant(i64, 1)), count)

    index_loop(lw, shape, record, name="nonzero.fill")
    if owned:
        release(lw, arr)
    result = ir.Constant(ir.LiteralStructType([o.type for o in outs]), ir.Undefined)
    for d, out in enumerate(outs):
        result = b.insert_value(result, out, d)
    return result


# -- copyto --

@typer("numpy.copyto")
def _copyto_type(inf, node, args, kws):
    if len(args) != 2 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.copyto() takes a destination array and a source (casting= is not supported)")
    dst, src = args
    sdt = src.dtype if isinstance(src, T.Array) else src
    if not isinstance(sdt, T.Scalar):
        raise inf.error(node.args[1], f"np.copyto() cannot copy {src.name}")
    if isinstance(src, T.Array) and src.ndim > dst.ndim:
        raise inf.error(node, f"could not broadcast a {src.ndim}-d array into a {dst.ndim}-d one")
    literal = isinstance(node.args[1], (ast.Constant, ast.UnaryOp))   # NumPy's weak Python scalars
    if not _same_kind(sdt, dst.dtype, literal):
        what = "array data" if isinstance(src, T.Array) else "scalar"
        raise inf.error(node, f"Cannot cast {what} from dtype('{sdt.name.replace('boolean', 'bool')}') to "
                              f"dtype('{dst.dtype.name.replace('boolean', 'bool')}') according to the rule 'same_kind'")
    return T.none   # the write into the target: writes.IN_PLACE


def _same_kind(src, dst, literal=False) -> bool:
    """NumPy's 'same_kind' casting: never to a lower kind (b < u/i < f < c), nor signed
    to unsigned, except that a literal int may go into any integer array."""
    order = "buifc"
    s, d = order.index(src.kind), order.index(dst.kind)
    if src.kind == "i" and dst.kind == "u":
        return literal
    return s <= d or src.kind == "u" and dst.kind == "i"


@lowerer("numpy.copyto")
def _copyto(lw, node):
    dst_node, src_node = node.args
    dty, sty = lw.type_of(dst_node), lw.type_of(src_node)
    dst = lw.array_operand(dst_node)
    b = lw.b
    shape = shape_of(lw, dst, dty.ndim)
    if not isinstance(sty, T.Array):
        value = lw.cast(lw.expr(src_node), sty, dty.dtype)
        index_loop(lw, shape, lambda index: store(lw, value, element_ptr(lw, dst, dty, index), dty.dtype),
                   name="copyto")
        return ir.Constant(ir.IntType(8), 0)
    src, owned = lw.expr(src_node), lw.owned(src_node)
    view = broadcast_view(lw, src, sty, shape)
    vty = T.Array(sty.dtype, dty.ndim, "A")
    if not owned:
        # NumPy copies as if through a buffer: stage a source that overlaps the target
        staged = lw.alloca_entry(view.type)
        b.store(view, staged)
        with b.if_then(_overlap(lw, dst, dty, src, sty), likely=False):
            fresh = allocate(lw, T.Array(sty.dtype, sty.ndim, "C"), shape_of(lw, src, sty.ndim))
            copy_into(lw, fresh, T.Array(sty.dtype, sty.ndim, "C"), src, sty)
            lw.pin(fresh)
            b.store(broadcast_view(lw, fresh, sty, shape), staged)
        view = b.load(staged)
    copy_into(lw, dst, dty, view, vty, shape)
    if owned:
        release(lw, src)
    return ir.Constant(ir.IntType(8), 0)


def broadcast_view(lw, src, sty, shape, prefix=("could not broadcast input array from shape ",),
                   middle=" into shape "):
    """src seen with `shape` (NumPy's broadcasting: missing leading dimensions and
    length-1 ones repeat, with stride 0); ValueError with NumPy's text otherwise."""
    b = lw.b
    sshape, sstrides = shape_of(lw, src, sty.ndim), strides_of(lw, src, sty.ndim)
    lead = len(shape) - sty.ndim
    strides = [ir.Constant(i64, 0)] * lead
    bad = ir.Constant(i1, 0)
    for n, s, want in zip(sshape, sstrides, shape[lead:]):
        one = b.icmp_signed("==", n, ir.Constant(i64, 1))
        bad = b.or_(bad, b.and_(b.not_(one), b.icmp_signed("!=", n, want)))
        strides.append(b.select(one, ir.Constant(i64, 0), s))
    check_formatted(lw, bad, "ValueError", list(prefix) + shape_text(lw, sshape) + [middle] + shape_text(lw, shape))
    return make_view(lw, T.Array(sty.dtype, len(shape), "A"), b.extract_value(src, 0), b.extract_value(src, 1),
                     shape, strides)


def _extent(lw, arr, aty):
    """[low, high) byte addresses an array's elements occupy (empty: low == high)."""
    b = lw.b
    low = b.ptrtoint(b.extract_value(arr, 1), i64)
    high = b.add(low, ir.Constant(i64, aty.dtype.itemsize))
    empty = b.icmp_signed("==", array_size(lw, arr, aty.ndim), ir.Constant(i64, 0))
    for n, s in zip(shape_of(lw, arr, aty.ndim), strides_of(lw, arr, aty.ndim)):
        span = b.mul(b.sub(n, ir.Constant(i64, 1)), s)
        negative = b.icmp_signed("<", span, ir.Constant(i64, 0))
        low = b.select(negative, b.add(low, span), low)
        high = b.select(negative, high, b.add(high, span))
    return low, b.select(empty, low, high)


def _overlap(lw, dst, dty, src, sty):
    b = lw.b
    dlo, dhi = _extent(lw, dst, dty)
    slo, shi = _extent(lw, src, sty)
    return b.and_(b.icmp_unsigned("<", dlo, shi), b.icmp_unsigned("<", slo, dhi))


# -- roll, squeeze --

@typer("numpy.roll")
def _roll_type(inf, node, args, kws):
    if len(args) != 2 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.roll() takes an array and an integer shift (axis= is not supported, as in numba)")
    if not (isinstance(args[1], T.Scalar) and args[1].is_int):
        raise inf.error(node.args[1], "the shift must be an integer")
    return T.Array(args[0].dtype, args[0].ndim, "C")


@lowerer("numpy.roll")
def _roll(lw, node):
    src = node.args[0]
    aty, rty = lw.type_of(src), lw.type_of(node)
    arr = lw.array_operand(src)
    shift = int_value(lw, node.args[1])
    b = lw.b
    out = allocate(lw, rty, shape_of(lw, arr, aty.ndim))
    size = array_size(lw, arr, aty.ndim)
    safe = b.select(b.icmp_signed("==", size, ir.Constant(i64, 0)), ir.Constant(i64, 1), size)
    shift = b.srem(shift, safe)
    shift = b.select(b.icmp_signed("<", shift, ir.Constant(i64, 0)), b.add(shift, safe), shift)
    data = b.extract_value(out, 1)
    position = lw.alloca_entry(i64)
    b.store(shift, position)

    def body(index):
        k = b.load(position)
        store(lw, load(lw, element_ptr(lw, arr, aty, index), aty.dtype), b.gep(data, [k]), rty.dtype)
        nxt = b.add(k, ir.Constant(i64, 1))
        b.store(b.select(b.icmp_signed("==", nxt, size), ir.Constant(i64, 0), nxt), position)

    index_loop(lw, shape_of(lw, arr, aty.ndim), body, name="roll")
    return out


@typer("numpy.squeeze", "method.array.squeeze")
def _squeeze_type(inf, node, args, kws):
    method = inf.t.calls[node][1].startswith("method.")
    axis_node = (node.args[0] if method else node.args[1]) if len(args) == 2 else (
        node.keywords[0].value if node.keywords and node.keywords[0].arg == "axis" else None)
    if not args or not isinstance(args[0], T.Array) or axis_node is None:
        raise inf.error(node, "squeeze() needs a constant axis= here (without it the number of dimensions "
                              "depends on the shape)")
    axis = _const_int(axis_node)
    if axis is None:
        raise inf.error(axis_node, "the axis must be an integer constant")
    aty = args[0]
    if aty.ndim == 1:
        raise inf.error(node, "squeezing a 1-d array gives a 0-d array, which is not supported")
    normalise_axis(inf, axis_node, axis, aty.ndim)
    return T.Array(aty.dtype, aty.ndim - 1, aty.layout if aty.layout in "CF" else "A")


@lowerer("numpy.squeeze", "method.array.squeeze")
def _squeeze(lw, node):
    method = lw.t.calls[node][1].startswith("method.")
    src = node.func.value if method else node.args[0]
    aty = lw.type_of(src)
    rest = node.args if method else node.args[1:]
    axis = _const_int(rest[0] if rest else node.keywords[0].value) % aty.ndim
    arr = lw.expr(src)
    shape, strides = shape_of(lw, arr, aty.ndim), strides_of(lw, arr, aty.ndim)
    lw.check(lw.b.icmp_signed("!=", shape[axis], ir.Constant(i64, 1)), "ValueError",
             "cannot select an axis to squeeze out which has size not equal to one")
    arr = owned_result(lw, src, arr)
    del shape[axis], strides[axis]
    return make_view(lw, lw.type_of(node), lw.b.extract_value(arr, 0), lw.b.extract_value(arr, 1), shape, strides)

