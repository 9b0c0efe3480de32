"""Folding one line of elements: the contiguous and strided loops, pairwise float
sums, and eight interleaved states for reductions that can merge them (min, max,
argmin, argmax), which the SLP vectoriser turns into vector operations.

Float sums are pairwise: blocks of 128 elements are summed with eight interleaved
partial sums (NumPy's base case, and a form LLVM vectorises), and the block sums are
combined as a binary counter, so rounding errors grow with log2(n) as in NumPy.
"""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i1, i32, i64, memory_type, value_type
from .array_helpers import load

BLOCK = 128      # elements per pairwise block
LANES = 8        # interleaved partial sums in a block
STACK = 64       # pairwise levels: enough for 2**64 blocks


def _const(v):
    return ir.Constant(i64, v)


def typed_ptr(lw, raw, offset, ety):
    return lw.b.bitcast(lw.b.gep(raw, [offset]), memory_type(ety).as_pointer())


def line_loop(lw, raw, n, stride, ety, body, unit=None, name="line"):
    """body(k, pointer) for k in range(n) over raw + k*stride.  Unless the caller knows
    the line is contiguous (`unit`), a contiguous copy of the loop (typed pointers,
    which LLVM vectorises) runs when stride == itemsize."""
    b = lw.b
    et = memory_type(ety).as_pointer()
    zero, one = _const(0), _const(1)

    def contiguous():
        base = b.bitcast(raw, et)
        lw.counted_loop(zero, n, one, 1, lambda k: body(k, b.gep(base, [k])), name=name + ".unit")

    def strided():
        lw.counted_loop(zero, n, one, 1, lambda k: body(k, typed_ptr(lw, raw, b.mul(k, stride), ety)),
                        name=name)

    if unit:
        contiguous()
        return
    with b.if_else(b.icmp_signed("==", stride, _const(ety.itemsize))) as (then, other):
        with then:
            contiguous()
        with other:
            strided()


def pairwise_sum(lw, raw, n, stride, ety, value_fn, fty, unit=None):
    """The pairwise sum of value_fn(element) over a line (see the module docstring)."""
    b = lw.b
    ft = value_type(fty)
    zero = ir.Constant(ft, 0.0)
    et = memory_type(ety).as_pointer()

    def block(first, groups, unit_stride):
        """Eight partial sums over 8*groups elements from `first`, combined as NumPy does."""
        slots = [lw.alloca_entry(ft) for _ in range(LANES)]
        for s in slots:
            b.store(zero, s)
        base = b.bitcast(raw, et)

        def group(g):
            k0 = b.add(first, b.mul(g, _const(LANES)))
            for lane, s in enumerate(slots):
                k = b.add(k0, _const(lane))
                ptr = b.gep(base, [k]) if unit_stride else typed_ptr(lw, raw, b.mul(k, stride), ety)
                b.store(b.fadd(b.load(s), value_fn(load(lw, ptr, ety))), s)

        lw.counted_loop(_const(0), groups, _const(1), 1, group, name="pairwise.block")
        v = [b.load(s) for s in slots]
        return b.fadd(b.fadd(b.fadd(v[0], v[1]), b.fadd(v[2], v[3])),
                      b.fadd(b.fadd(v[4], v[5]), b.fadd(v[6], v[7])))

    def whole(unit_stride):
        stack = lw.alloca_entry(ir.ArrayType(ft, STACK))
        top = lw.alloca_entry(i64)
        b.store(_const(0), top)

        def slot(index):
            return b.gep(stack, [ir.Constant(i32, 0), index])

        def full_block(blk):
            s = lw.alloca_entry(ft)
            b.store(block(b.mul(blk, _const(BLOCK)), _const(BLOCK // LANES), unit_stride), s)
            count = lw.alloca_entry(i64)
            b.store(blk, count)
            # a binary counter: merge with the partial sums of equal size below
            head = lw.fn.append_basic_block("pairwise.merge")
            body = lw.fn.append_basic_block("pairwise.merge.body")
            end = lw.fn.append_basic_block("pairwise.merge.end")
            b.branch(head)
            b.position_at_end(head)
            odd = b.trunc(b.load(count), i1)
            b.cbranch(odd, body, end)
            b.position_at_end(body)
            t = b.sub(b.load(top), _const(1))
            b.store(t, top)
            b.store(b.fadd(b.load(slot(t)), b.load(s)), s)
            b.store(b.lshr(b.load(count), _const(1)), count)
            b.branch(head)
            b.position_at_end(end)
            t = b.load(top)
            b.store(b.load(s), slot(t))
            b.store(b.add(t, _const(1)), top)

        blocks = b.udiv(n, _const(BLOCK))
        lw.counted_loop(_const(0), blocks, _const(1), 1, full_block, name="pairwise.blocks")
        # the remainder: whole groups of eight as one block, then the tail one by one
        done = b.mul(blocks, _const(BLOCK))
        groups = b.udiv(b.sub(n, done), _const(LANES))
        rest = lw.alloca_entry(ft)
        b.store(block(done, groups, unit_stride), rest)
        tail_start = b.add(done, b.mul(groups, _const(LANES)))

        def tail(k):
            ptr = b.gep(b.bitcast(raw, et), [k]) if unit_stride else typed_ptr(lw, raw, b.mul(k, stride), ety)
            b.store(b.fadd(b.load(rest), value_fn(load(lw, ptr, ety))), rest)

        lw.counted_loop(tail_start, n, _const(1), 1, tail, name="pairwise.tail")
        # the stacked sums, the smallest (latest) first
        total = lw.alloca_entry(ft)
        b.store(b.load(rest), total)

        def unstack(j):
            t = b.sub(b.sub(b.load(top), j), _const(1))
            b.store(b.fadd(b.load(slot(t)), b.load(total)), total)

        lw.counted_loop(_const(0), b.load(top), _const(1), 1, unstack, name="pairwise.unstack")
        return b.load(total)

    if unit:
        return whole(True)
    result = lw.alloca_entry(ft)
    with b.if_else(b.icmp_signed("==", stride, _const(ety.itemsize))) as (then, other):
        with then:
            b.store(whole(True), result)
        with other:
            b.store(whole(False), result)
    return b.load(result)


def fold_line(lw, red, slots, raw, n, stride, ety, i0, p, unit=None) -> None:
    """Fold the n elements at raw, raw+stride, ... into the state held in `slots`."""
    b = lw.b
    if red.pairwise is not None:
        s = pairwise_sum(lw, raw, n, stride, ety, lambda v: red.pairwise(lw, v, p), red.acc_types[0], unit)
        b.store(b.fadd(b.load(slots[0]), s), slots[0])
        return

    if red.merge is not None:
        if unit:
            fold_lanes(lw, red, slots, raw, n, ety, i0, p)
            return
        with b.if_else(b.icmp_signed("==", stride, _const(ety.itemsize))) as (then, other):
            with then:
                fold_lanes(lw, red, slots, raw, n, ety, i0, p)
            with other:
                _fold_each(lw, red, slots, raw, n, stride, ety, i0, p, False)
        return
    _fold_each(lw, red, slots, raw, n, stride, ety, i0, p, unit)


def _fold_each(lw, red, slots, raw, n, stride, ety, i0, p, unit) -> None:
    b = lw.b

    def body(k, ptr):
        acc = [b.load(s) for s in slots]
        for s, value in zip(slots, red.step(lw, acc, load(lw, ptr, ety), b.add(i0, k), p)):
            b.store(value, s)

    line_loop(lw, raw, n, stride, ety, body, unit, name="fold")


def fold_lanes(lw, red, slots, raw, n, ety, i0, p) -> None:
    """A contiguous line folded in eight interleaved states (independent chains the
    SLP vectoriser turns into vector min/max/compares), merged at the end."""
    b = lw.b
    base = b.bitcast(raw, memory_type(ety).as_pointer())
    lanes = [state_slots(lw, red, p) for _ in range(LANES)]

    def group(g):
        k0 = b.mul(g, _const(LANES))
        for lane, lslots in enumerate(lanes):
            k = b.add(k0, _const(lane))
            acc = [b.load(s) for s in lslots]
            for s, value in zip(lslots, red.step(lw, acc, load(lw, b.gep(base, [k]), ety), b.add(i0, k), p)):
                b.store(value, s)

    groups = b.udiv(n, _const(LANES))
    lw.counted_loop(_const(0), groups, _const(1), 1, group, name="lanes")

    def tail(k):
        acc = [b.load(s) for s in lanes[0]]
        for s, value in zip(lanes[0], red.step(lw, acc, load(lw, b.gep(base, [k]), ety), b.add(i0, k), p)):
            b.store(value, s)

    lw.counted_loop(b.mul(groups, _const(LANES)), n, _const(1), 1, tail, name="lanes.tail")
    merged = [b.load(s) for s in slots]
    for lslots in lanes:
        merged = red.merge(lw, merged, [b.load(s) for s in lslots])
    for s, value in zip(slots, merged):
        b.store(value, s)


def state_slots(lw, red, p):
    slots = [lw.alloca_entry(value_type(t)) for t in red.acc_types]
    for s, v in zip(slots, red.init(lw, p)):
        lw.b.store(v, s)
    return slots
