"""The loops every reduction shares: over a whole array, along one line, or along an
axis, folding elements with a `Reducer` (how one reduction starts, folds and ends).

Float sums are pairwise and min/max fold in interleaved lanes (reduce_lines.py).
Axis reductions choose their loop order by layout: along a contiguous axis each
output element folds one line; along any other axis whole rows are folded into the
output, so the inner loop is unit-stride in both arrays.
"""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i8p, i64
from ..frontend import types as T
from .array_helpers import allocate, array_size, check_formatted, is_contiguous, load, release, store
from .reduce_lines import fold_line, line_loop, state_slots



class Reducer:
    """One reduction.  The running state is a list of values of `acc_types`:
    init(lw, p) starts it, step(lw, acc, v, i, p) folds the element value v, and
    finish(lw, acc, n, p) gives the result of a line of n elements.  `p` is the flat
    C-order index of the output element; `i` the element's index along the line (its
    flat C-order index in a whole-array reduction).  A float sum sets `pairwise` to
    a function (lw, v, p) -> the float to add, and its lines are summed pairwise."""

    acc_types: tuple = ()
    pairwise = None
    needs_index = False         # step reads i: whole arrays are walked in C order
    empty_error = None          # message of the ValueError for an empty line
    direct = False              # the state is the result (one item of the output dtype)
    merge = None                # merge(lw, earlier state, later state): contiguous lines fold in lanes

    def init(self, lw, p):
        raise NotImplementedError

    def step(self, lw, acc, v, i, p):
        raise NotImplementedError

    def finish(self, lw, acc, n, p):
        return acc[0]


def _const(v):
    return ir.Constant(i64, v)


def check_empty(lw, red, empty) -> None:
    if red.empty_error is not None:
        lw.check(empty, "ValueError", red.empty_error)


def reduce_all(lw, red, arr, aty):
    """The reduction of every element of arr (an array value)."""
    b = lw.b
    ety = aty.dtype
    size = array_size(lw, arr, aty.ndim)
    check_empty(lw, red, b.icmp_signed("==", size, _const(0)))
    slots = state_slots(lw, red, _const(0))
    raw = b.bitcast(b.extract_value(arr, 1), i8p)
    itemsize = _const(ety.itemsize)
    flat = is_contiguous(lw, arr, aty, "C")
    if not red.needs_index and aty.layout != "C":
        flat = b.or_(flat, is_contiguous(lw, arr, aty, "F"))
    if isinstance(flat, ir.Constant) and flat.constant:
        fold_line(lw, red, slots, raw, size, itemsize, ety, _const(0), _const(0), unit=True)
    else:
        with b.if_else(flat) as (then, other):
            with then:
                fold_line(lw, red, slots, raw, size, itemsize, ety, _const(0), _const(0), unit=True)
            with other:
                _fold_nested(lw, red, slots, arr, aty, raw)
    return red.finish(lw, [b.load(s) for s in slots], size, _const(0))


def reduce_fused(lw, red, node, ety):
    """The reduction of an elementwise expression, fused into its loop (C order, a
    plain running fold as numba's: no pairwise sums, no temporary array)."""
    from ..backend.array_expr import for_each_element
    b = lw.b
    slots = state_slots(lw, red, _const(0))
    count = lw.alloca_entry(i64)
    b.store(_const(0), count)

    def visit(v, vty):
        i = b.load(count)
        acc = [b.load(s) for s in slots]
        for s, value in zip(slots, red.step(lw, acc, lw.cast(v, vty, ety), i, _const(0))):
            b.store(value, s)
        b.store(b.add(i, _const(1)), count)

    shape = for_each_element(lw, node, visit)
    size = _const(1)
    for n in shape:
        size = b.mul(size, n)
    check_empty(lw, red, b.icmp_signed("==", size, _const(0)))
    return red.finish(lw, [b.load(s) for s in slots], size, _const(0))


def _fold_nested(lw, red, slots, arr, aty, raw) -> None:
    """Every line along the last dimension, in C order."""
    b = lw.b
    nd = aty.ndim
    shape = [b.extract_value(arr, [2, d]) for d in range(nd)]
    strides = [b.extract_value(arr, [3, d]) for d in range(nd)]

    def nest(dim, offset, flat):
        if dim == nd - 1:
            fold_line(lw, red, slots, b.gep(raw, [offset]), shape[-1], strides[-1], aty.dtype,
                      b.mul(flat, shape[-1]), _const(0))
            return
        lw.counted_loop(_const(0), shape[dim], _const(1), 1,
                        lambda k: nest(dim + 1, b.add(offset, b.mul(k, strides[dim])),
                                       b.add(b.mul(flat, shape[dim]), k)), name=f"all{dim}")

    nest(0, _const(0), _const(0))


# -- along an axis --

def runtime_axis(lw, value, ty, ndim):
    """An axis given as a variable: wrapped if negative, checked as NumPy does (its
    AxisError, a ValueError and an IndexError)."""
    b = lw.b
    axis = lw.cast(value, ty, T.int64)
    fixed = b.select(b.icmp_signed("<", axis, _const(0)), b.add(axis, _const(ndim)), axis)
    check_formatted(lw, b.icmp_unsigned(">=", fixed, _const(ndim)), "AxisError",
                    ["axis ", axis, f" is out of bounds for array of dimension {ndim}"])
    return fixed


def split_axis(lw, arr, ndim, axis):
    """([(length, stride)] of the other dimensions, (length, stride) of `axis`), for a
    constant axis (an int) or one known at run time (an i64 in range)."""
    b = lw.b
    shape = [b.extract_value(arr, [2, d]) for d in range(ndim)]
    strides = [b.extract_value(arr, [3, d]) for d in range(ndim)]
    if isinstance(axis, int):
        outer = [(shape[d], strides[d]) for d in range(ndim) if d != axis]
        return outer, (shape[axis], strides[axis])
    outer = []
    for j in range(ndim - 1):
        before = b.icmp_signed(">", axis, _const(j))
        outer.append((b.select(before, shape[j], shape[j + 1]), b.select(before, strides[j], strides[j + 1])))
    length, stride = shape[0], strides[0]
    for d in range(1, ndim):
        here = b.icmp_signed("==", axis, _const(d))
        length, stride = b.select(here, shape[d], length), b.select(here, strides[d], stride)
    return outer, (length, stride)


def outer_loops(lw, outer, raw, body, name="outer") -> None:
    """body(p, raw) for every position of the `outer` dimensions ([(length, stride)]),
    p counting in C order."""
    b = lw.b

    def nest(dim, offset, flat):
        if dim == len(outer):
            body(flat, b.gep(raw, [offset]))
            return
        n, s = outer[dim]
        lw.counted_loop(_const(0), n, _const(1), 1,
                        lambda k: nest(dim + 1, b.add(offset, b.mul(k, s)), b.add(b.mul(flat, n), k)),
                        name=f"{name}{dim}")

    nest(0, _const(0), _const(0))


def contiguous_axis(aty, axis):
    """True/False when the layout says whether `axis` is the contiguous one, else None."""
    if not isinstance(axis, int):
        return None
    if aty.layout == "C":
        return axis == aty.ndim - 1
    if aty.layout == "F":
        return axis == 0
    return None


def reduce_axis(lw, red, arr, aty, axis, out_ty):
    """A new array (out_ty, C order): the reduction along `axis` of arr (ndim >= 2)."""
    b = lw.b
    outer, (rlen, rstride) = split_axis(lw, arr, aty.ndim, axis)
    check_empty(lw, red, b.icmp_signed("==", rlen, _const(0)))
    out = allocate(lw, out_ty, [n for n, _ in outer])
    outsize = array_size(lw, out, out_ty.ndim)
    raw = b.bitcast(b.extract_value(arr, 1), i8p)
    out_data = b.extract_value(out, 1)
    along = contiguous_axis(aty, axis)
    if along is None:
        along = b.icmp_signed("<=", _abs(lw, rstride), _abs(lw, outer[-1][1]))
    if isinstance(along, bool):
        (_by_lines if along else _by_rows)(lw, red, raw, outer, rlen, rstride, aty.dtype, out_data, out_ty,
                                           outsize)
        return out
    with b.if_else(along) as (then, other):
        with then:
            _by_lines(lw, red, raw, outer, rlen, rstride, aty.dtype, out_data, out_ty, outsize)
        with other:
            _by_rows(lw, red, raw, outer, rlen, rstride, aty.dtype, out_data, out_ty, outsize)
    return out


def _abs(lw, v):
    return lw.b.select(lw.b.icmp_signed("<", v, _const(0)), lw.b.neg(v), v)


def _by_lines(lw, red, raw, outer, rlen, rstride, ety, out_data, out_ty, outsize) -> None:
    """Each output element folds its own line along the axis."""
    b = lw.b

    def body(p, line):
        slots = state_slots(lw, red, p)
        fold_line(lw, red, slots, line, rlen, rstride, ety, _const(0), p)
        store(lw, red.finish(lw, [b.load(s) for s in slots], rlen, p), b.gep(out_data, [p]), out_ty.dtype)

    outer_loops(lw, outer, raw, body, name="lines")


def _by_rows(lw, red, raw, outer, rlen, rstride, ety, out_data, out_ty, outsize) -> None:
    """Whole rows (the other dimensions at one index along the axis) are folded into the
    output (or into temporary state arrays), one row after another."""
    b = lw.b
    if red.direct:
        buffers, temps = [out_data], []
    else:
        temps = [allocate(lw, T.Array(t, 1, "C"), [outsize]) for t in red.acc_types]
        buffers = [b.extract_value(t, 1) for t in temps]

    def start(p):
        for buf, t, v in zip(buffers, red.acc_types, red.init(lw, p)):
            store(lw, v, b.gep(buf, [p]), t)

    lw.counted_loop(_const(0), outsize, _const(1), 1, start, name="rows.init")

    def row(i):
        base = b.gep(raw, [b.mul(i, rstride)])
        inner_n, inner_s = outer[-1]

        def line(p_row, line_raw):
            def elem(k, ptr):
                p = b.add(p_row, k)
                acc = [load(lw, b.gep(buf, [p]), t) for buf, t in zip(buffers, red.acc_types)]
                for buf, t, v in zip(buffers, red.acc_types, red.step(lw, acc, load(lw, ptr, ety), i, p)):
                    store(lw, v, b.gep(buf, [p]), t)

            line_loop(lw, line_raw, inner_n, inner_s, ety, elem, name="rows.inner")

        outer_loops(lw, [(n, s) for n, s in outer[:-1]], base,
                    lambda p, r: line(b.mul(p, inner_n), r), name="rows")

    lw.counted_loop(_const(0), rlen, _const(1), 1, row, name="rows")
    if not red.direct:
        def finish(p):
            acc = [load(lw, b.gep(buf, [p]), t) for buf, t in zip(buffers, red.acc_types)]
            store(lw, red.finish(lw, acc, rlen, p), b.gep(out_data, [p]), out_ty.dtype)

        lw.counted_loop(_const(0), outsize, _const(1), 1, finish, name="rows.finish")
        for t in temps:
            release(lw, t)
