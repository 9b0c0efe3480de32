"""Functions that map each line along an axis to a new line: np.cumsum, np.cumprod
(functions and methods; without an axis over the flattened array in C order) and
np.diff (n= repeated differences, along the last axis or axis=)."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8p, i64, value_type
from ..frontend import types as T
from ..frontend.syntax import _const_int
from .array_helpers import (allocate, array_size, check_formatted, keyword_node, load, normalise_axis, release,
                            store)
from .reduce_engine import _abs, contiguous_axis, runtime_axis, split_axis
from .reduce_lines import typed_ptr
from .reductions import _zero, call_parts, lowered_axis, reduction_operand, sum_dtype
from .registry import lowerer, typer


def _const(v):
    return ir.Constant(i64, v)


@typer("numpy.cumsum", "numpy.cumprod", "method.array.cumsum", "method.array.cumprod")
def _cumulative_type(inf, node, args, kws):
    arr, axis = reduction_operand(inf, node, args, kws, inf.t.calls[node][1].split(".")[-1])
    return T.Array(sum_dtype(arr.dtype), 1 if axis is None else arr.ndim, "C")


def each_line(lw, arr, aty, out, oty, axis, body) -> None:
    """body(in_raw, in_stride, n, out_raw, out_stride, out_n) for every line along `axis`
    of arr and the matching line of out (a C array of the same number of dimensions)."""
    b = lw.b
    outer, (n, stride) = split_axis(lw, arr, aty.ndim, axis)
    oouter, (on, ostride) = split_axis(lw, out, oty.ndim, axis)
    raw = b.bitcast(b.extract_value(arr, 1), i8p)
    oraw = b.bitcast(b.extract_value(out, 1), i8p)

    def nest(dim, offset, ooffset):
        if dim == len(outer):
            body(b.gep(raw, [offset]), stride, n, b.gep(oraw, [ooffset]), ostride, on)
            return
        lw.counted_loop(_const(0), outer[dim][0], _const(1), 1,
                        lambda k: nest(dim + 1, b.add(offset, b.mul(k, outer[dim][1])),
                                       b.add(ooffset, b.mul(k, oouter[dim][1]))), name=f"lines{dim}")

    nest(0, _const(0), _const(0))


def _cumulate(product):
    def lower(lw, node):
        from .operators import arith
        arr_node, rest = call_parts(node, lw.t.calls[node][1].startswith("method."))
        aty, oty = lw.type_of(arr_node), lw.type_of(node)
        ety, rty = aty.dtype, oty.dtype
        b = lw.b
        arr = lw.array_operand(arr_node)
        axis = lowered_axis(lw, node, rest, aty.ndim)
        op = ast.Mult if product else ast.Add
        acc = lw.alloca_entry(value_type(rty))

        def line(in_raw, in_stride, n, out_raw, out_stride, _):
            b.store(_zero(rty, 1 if product else 0), acc)

            def body(k):
                v = load(lw, typed_ptr(lw, in_raw, b.mul(k, in_stride), ety), ety)
                total = arith(lw, op, b.load(acc), rty, v, ety, rty)
                b.store(total, acc)
                store(lw, total, typed_ptr(lw, out_raw, b.mul(k, out_stride), rty), rty)

            lw.counted_loop(_const(0), n, _const(1), 1, body, name="cumulate")

        if axis is None:
            # the flattened array in C order: a C view of arr's elements, as one line
            size = array_size(lw, arr, aty.ndim)
            out = allocate(lw, oty, [size])
            b.store(_zero(rty, 1 if product else 0), acc)
            _flat_c_order(lw, arr, aty, out, rty, acc, op)
        else:
            out = allocate(lw, T.Array(rty, aty.ndim, "C"),
                           [b.extract_value(arr, [2, d]) for d in range(aty.ndim)])
            along = contiguous_axis(aty, axis)
            if along is None and aty.ndim > 1:
                _, (_, rstride) = split_axis(lw, arr, aty.ndim, axis)
                outer, _ = split_axis(lw, arr, aty.ndim, axis)
                along = b.icmp_signed("<=", _abs(lw, rstride), _abs(lw, outer[-1][1]))
            if along is None or along is True:
                each_line(lw, arr, aty, out, oty, axis, line)
            elif along is False:
                _cumulate_rows(lw, arr, aty, out, oty, axis, op)
            else:
                with b.if_else(along) as (then, other):
                    with then:
                        each_line(lw, arr, aty, out, oty, axis, line)
                    with other:
                        _cumulate_rows(lw, arr, aty, out, oty, axis, op)
        return out
    return lower


def _cumulate_rows(lw, arr, aty, out, oty, axis, op) -> None:
    """Along an axis that is not the contiguous one: row i of the output is row i-1
    plus row i of the input, so the inner loop runs along contiguous memory."""
    from .operators import arith
    b = lw.b
    ety, rty = aty.dtype, oty.dtype
    outer, (rlen, rstride) = split_axis(lw, arr, aty.ndim, axis)
    oouter, (_, ostride) = split_axis(lw, out, oty.ndim, axis)
    raw = b.bitcast(b.extract_value(arr, 1), i8p)
    oraw = b.bitcast(b.extract_value(out, 1), i8p)

    def element(src, dst, prev_dst, first):
        v = load(lw, src, ety)
        total = lw.cast(v, ety, rty) if first else arith(lw, op, load(lw, prev_dst, rty), rty, v, ety, rty)
        store(lw, total, dst, rty)

    def row(i, first):
        def nest(dim, offset, ooffset):
            if dim == len(outer) - 1:
                n, s = outer[dim]
                os_ = oouter[dim][1]
                unit = b.and_(b.icmp_signed("==", s, _const(ety.itemsize)),
                              b.icmp_signed("==", os_, _const(rty.itemsize)))
                src0, dst0 = typed_ptr(lw, raw, offset, ety), typed_ptr(lw, oraw, ooffset, rty)
                prev0 = typed_ptr(lw, oraw, b.sub(ooffset, ostride), rty)
                with b.if_else(unit) as (then, other):
                    with then:   # typed pointers: a loop LLVM vectorises
                        lw.counted_loop(_const(0), n, _const(1), 1,
                                        lambda k: element(b.gep(src0, [k]), b.gep(dst0, [k]), b.gep(prev0, [k]),
                                                          first), name="cumrows.unit")
                    with other:
                        lw.counted_loop(_const(0), n, _const(1), 1,
                                        lambda k: element(typed_ptr(lw, raw, b.add(offset, b.mul(k, s)), ety),
                                                          typed_ptr(lw, oraw, b.add(ooffset, b.mul(k, os_)), rty),
                                                          typed_ptr(lw, oraw, b.sub(b.add(ooffset, b.mul(k, os_)),
                                                                                    ostride), rty),
                                                          first), name="cumrows.inner")
                return
            lw.counted_loop(_const(0), outer[dim][0], _const(1), 1,
                            lambda k: nest(dim + 1, b.add(offset, b.mul(k, outer[dim][1])),
                                           b.add(ooffset, b.mul(k, oouter[dim][1]))), name=f"cumrows{dim}")

        nest(0, b.mul(i, rstride), b.mul(i, ostride))

    with b.if_then(b.icmp_signed(">", rlen, _const(0))):
        row(_const(0), True)
        lw.counted_loop(_const(1), rlen, _const(1), 1, lambda i: row(i, False), name="cumrows")


def _flat_c_order(lw, arr, aty, out, rty, acc, op) -> None:
    from .operators import arith
    b = lw.b
    ety = aty.dtype
    nd = aty.ndim
    raw = b.bitcast(b.extract_value(arr, 1), i8p)
    odata = b.extract_value(out, 1)
    shape = [b.extract_value(arr, [2, d]) for d in range(nd)]
    strides = [b.extract_value(arr, [3, d]) for d in range(nd)]

    def nest(dim, offset, flat):
        if dim == nd:
            v = load(lw, typed_ptr(lw, raw, offset, ety), ety)
            total = arith(lw, op, b.load(acc), rty, v, ety, rty)
            b.store(total, acc)
            store(lw, total, b.gep(odata, [flat]), rty)
            return
        lw.counted_loop(_const(0), shape[dim], _const(1), 1,
                        lambda k: nest(dim + 1, b.add(offset, b.mul(k, strides[dim])),
                                       b.add(b.mul(flat, shape[dim]), k)), name=f"flat{dim}")

    nest(0, _const(0), _const(0))


lowerer("numpy.cumsum", "method.array.cumsum")(_cumulate(False))
lowerer("numpy.cumprod", "method.array.cumprod")(_cumulate(True))


# -- np.diff --

def _diff_parts(node):
    n = node.args[1] if len(node.args) > 1 else keyword_node(node, "n")
    axis = node.args[2] if len(node.args) > 2 else keyword_node(node, "axis")
    return n, axis


@typer("numpy.diff")
def _diff_type(inf, node, args, kws):
    if not args or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.diff() needs an array argument")
    for k in kws:
        if k not in ("n", "axis"):
            raise inf.error(node, f"keyword argument {k!r} of np.diff() is not supported")
    if len(args) > 3:
        raise inf.error(node, "np.diff() takes an array, n and axis")
    n, axis = _diff_parts(node)
    for part, what in ((n, "n"), (axis, "axis")):
        if part is not None:
            ty = inf.t.expr_types.get(part)
            if not (isinstance(ty, T.Scalar) and ty.is_int):
                raise inf.error(part, f"np.diff()'s {what} must be an integer")
    if axis is not None and _const_int(axis) is not None:
        normalise_axis(inf, axis, _const_int(axis), args[0].ndim)
    if n is not None and _const_int(n) is not None and _const_int(n) < 0:
        raise inf.error(n, f"order must be non-negative but got {_const_int(n)}")
    return T.Array(args[0].dtype, args[0].ndim, "C")


@lowerer("numpy.diff")
def _diff(lw, node):
    b = lw.b
    arr_node = node.args[0]
    aty, oty = lw.type_of(arr_node), lw.type_of(node)
    ety = aty.dtype
    n_node, axis_node = _diff_parts(node)
    arr = lw.array_operand(arr_node)
    nd = aty.ndim
    if axis_node is None:
        axis = nd - 1
    elif _const_int(axis_node) is not None:
        axis = _const_int(axis_node) % nd
    else:
        axis = runtime_axis(lw, lw.expr(axis_node), lw.type_of(axis_node), nd)
    order = _const(1) if n_node is None else lw.cast(lw.expr(n_node), lw.type_of(n_node), T.int64)
    check_formatted(lw, b.icmp_signed("<", order, _const(0)), "ValueError",
                    ["order must be non-negative but got ", order])
    _, (length, _) = split_axis(lw, arr, nd, axis)
    kept = b.sub(length, order)
    kept = b.select(b.icmp_signed("<", kept, _const(0)), _const(0), kept)
    shape = []
    for d in range(nd):
        here = b.icmp_signed("==", _const(d), axis if not isinstance(axis, int) else _const(axis))
        shape.append(b.select(here, kept, b.extract_value(arr, [2, d])))
    out = allocate(lw, oty, shape)
    work = allocate(lw, T.Array(ety, 1, "C"), [length])   # one line, differenced in place
    wdata = b.extract_value(work, 1)

    def line(in_raw, in_stride, n, out_raw, out_stride, out_n):
        lw.counted_loop(_const(0), n, _const(1), 1,
                        lambda k: b.store(b.load(typed_ptr(lw, in_raw, b.mul(k, in_stride), ety)),
                                          b.gep(wdata, [k])), name="diff.load")

        def one_order(r):
            def step(k):
                lo = load(lw, b.gep(wdata, [k]), ety)
                hi = load(lw, b.gep(wdata, [b.add(k, _const(1))]), ety)
                store(lw, _difference(lw, hi, lo, ety), b.gep(wdata, [k]), ety)
            lw.counted_loop(_const(0), b.sub(b.sub(n, r), _const(1)), _const(1), 1, step, name="diff.step")

        lw.counted_loop(_const(0), b.select(b.icmp_signed("<", order, n), order, n), _const(1), 1,
                        one_order, name="diff.order")
        lw.counted_loop(_const(0), out_n, _const(1), 1,
                        lambda k: b.store(b.load(b.gep(wdata, [k])),
                                          typed_ptr(lw, out_raw, b.mul(k, out_stride), ety)), name="diff.out")

    each_line(lw, arr, aty, out, oty, axis, line)
    release(lw, work)
    return out


def _difference(lw, hi, lo, ety):
    """hi - lo in the array's dtype (wrapping integers; bool arrays give hi != lo)."""
    from .operators import arith
    if ety.is_bool:
        return lw.b.xor(hi, lo)
    return arith(lw, ast.Sub, hi, ety, lo, ety, ety)

