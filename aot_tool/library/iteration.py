"""`for` loops: over range(...) (any step sign), over a 1-d array, over a uniform tuple
(zip/enumerate: iterables.py; generators: generators.py).

The loop variable is assigned from a hidden counter at the top of each iteration, so
Python's "the variable keeps its last value" holds and the counter stays a clean
induction variable for LLVM.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8, i1, i64
from ..frontend import types as T


def lower_for(lw, loop: ast.For) -> None:
    ity = lw.type_of(loop.iter)
    if T.is_object(ity):
        from .subscripts import lower_object_for
        lower_object_for(lw, loop)
    elif isinstance(ity, T.Iterator):
        from .iterators import lower_iterator_loop
        lower_iterator_loop(lw, loop)
    elif isinstance(ity, (T.Zip, T.Enumerate, T.Reversed)):
        from .iterables import lower_sequence_loop
        lower_sequence_loop(lw, loop)
    elif isinstance(ity, T.Generator):
        from .generators import lower_generator_loop
        lower_generator_loop(lw, loop)
    elif isinstance(ity, T.RangeType):
        from ..backend.parallel_outline import lower_prange
        if not lower_prange(lw, loop):    # a prange loop of a parallel function runs on the pool
            _scan_or(lw, loop, lambda: _range_loop(lw, loop))
    elif isinstance(ity, T.Array):
        _scan_or(lw, loop, lambda: _array_loop(lw, loop, ity))
    else:
        _tuple_loop(lw, loop, ity)


def _scan_or(lw, loop, emit_loop) -> None:
    """A float min/max scan the exact vectorised way (backend/minmax_scan.py), else the loop."""
    from ..backend.minmax_scan import lower_scan, scan_updates
    updates = scan_updates(lw, loop)
    if updates:
        lower_scan(lw, loop, updates, emit_loop)
    else:
        emit_loop()


def _const(node):
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _const(node.operand)
        return None if v is None else -v
    return None


def _range_loop(lw, loop) -> None:
    args = loop.iter.args
    values = [lw.cast(lw.expr(a), lw.type_of(a), T.int64) for a in args]
    if len(values) == 1:
        start, stop, step, sign = ir.Constant(i64, 0), values[0], ir.Constant(i64, 1), 1
    else:
        start, stop = values[0], values[1]
        if len(values) == 3:
            step = values[2]
            c = _const(args[2])
            if c is None:
                lw.check(lw.b.icmp_signed("==", step, ir.Constant(i64, 0)), "ValueError",
                         "range() arg 3 must not be zero")
                sign = 0
            elif c == 0:
                lw.raise_error("ValueError", "range() arg 3 must not be zero")
                lw.b.position_at_end(lw.fn.append_basic_block("dead"))
                sign = 1
            else:
                sign = 1 if c > 0 else -1
        else:
            step, sign = ir.Constant(i64, 1), 1
    range_body_loop(lw, loop, start, stop, step, sign)


def range_body_loop(lw, loop, start, stop, step, sign) -> None:
    """The loop's body for each value of range(start, stop, step) (i64 values)."""
    def body(k):
        lw.assign(loop.target, k, T.int64, False)
        lw.block(loop.body)

    candidates = lw.facts.versioning_candidates(loop)
    if not candidates:
        lw.counted_loop(start, stop, step, sign, body, name="range")
        return
    # Loop versioning: if every such index stays in range over the whole loop, run a copy
    # with no per-index checks (LLVM can vectorise it); otherwise the checked loop, which
    # raises IndexError at exactly the iteration Python would.
    b = lw.b
    last = b.sub(stop, ir.Constant(i64, 1))
    ok = ir.Constant(ir.IntType(1), 1)
    for subscript, dim, name, offset in candidates:
        length = b.extract_value(b.load(lw.slots[name]), [2, dim])
        if isinstance(offset, tuple):   # a variable the loop never assigns (bounds.py)
            var, direction = offset
            c = lw.cast(b.load(lw.slots[var]), lw.t.var_types[var], T.int64)
            c = c if direction > 0 else b.neg(c)
        else:
            c = ir.Constant(i64, offset)
        # without wrapping: near the ends of int64, start + c or last + c may not exist,
        # and then the checked loop decides (as Python would, item by item)
        low, low_wrapped = _add_or_overflow(b, start, c)
        high, high_wrapped = _add_or_overflow(b, last, c)
        low_ok = b.and_(b.not_(low_wrapped), b.icmp_signed(">=", low, ir.Constant(i64, 0)))
        high_ok = b.and_(b.not_(high_wrapped), b.icmp_signed("<", high, length))
        ok = b.and_(ok, b.and_(low_ok, high_ok))
    ok = b.or_(ok, b.icmp_signed(">=", start, stop))   # an empty loop indexes nothing
    if sign == 0:   # a step known at run time only: all of the above holds for a positive one
        ok = b.and_(ok, b.icmp_signed(">", step, ir.Constant(i64, 0)))
    fast = lw.fn.append_basic_block("range.checked_once")
    slow = lw.fn.append_basic_block("range.checked_each")
    end = lw.fn.append_basic_block("range.versions_end")
    b.cbranch(ok, fast, slow)
    b.position_at_end(fast)
    assumed = {(id(subscript), dim) for subscript, dim, _, _ in candidates}
    lw.facts.assumed |= assumed
    lw.counted_loop(start, stop, step, sign, body, name="range.fast")
    lw.facts.assumed -= assumed
    if not b.block.is_terminated:
        b.branch(end)
    b.position_at_end(slow)
    lw.counted_loop(start, stop, step, sign, body, name="range")
    if not b.block.is_terminated:
        b.branch(end)
    b.position_at_end(end)


def _add_or_overflow(b, x, y):
    """(x + y, whether it overflowed int64)."""
    pair = b.sadd_with_overflow(x, y)
    return b.extract_value(pair, 0), b.extract_value(pair, 1)


def _array_loop(lw, loop, ity) -> None:
    arr = lw.array_operand(loop.iter)
    length = lw.b.extract_value(arr, [2, 0])
    # a 1-d C array's stride is its itemsize (any other stride only where the length
    # is at most 1): a constant lets LLVM vectorise the loop without versioning it
    contiguous = ity.ndim == 1 and ity.layout == "C"
    stride = ir.Constant(i64, ity.dtype.itemsize) if contiguous else lw.b.extract_value(arr, [3, 0])
    data = lw.b.bitcast(lw.b.extract_value(arr, 1), i8.as_pointer())

    def body(k):
        raw = lw.b.gep(data, [lw.b.mul(k, stride)])
        if ity.ndim > 1:    # `for row in a`: a view of row k, borrowing a's owner
            from .array_helpers import make_view
            row_ty = T.Array(ity.dtype, ity.ndim - 1, "C" if ity.layout == "C" else "A")
            dims = range(1, ity.ndim)
            row = make_view(lw, row_ty, lw.b.extract_value(arr, 0), raw,
                            [lw.b.extract_value(arr, [2, d]) for d in dims], [lw.b.extract_value(arr, [3, d]) for d in dims])
            lw.assign(loop.target, row, row_ty, False)
            lw.block(loop.body)
            return
        ptr = lw.b.bitcast(raw, lw.b.extract_value(arr, 1).type)
        value = lw.b.load(ptr)
        if ity.dtype.is_bool:
            value = lw.b.trunc(value, i1)
        lw.assign(loop.target, value, ity.dtype, False)
        lw.block(loop.body)

    lw.counted_loop(ir.Constant(i64, 0), length, ir.Constant(i64, 1), 1, body, name="iter")


def _tuple_loop(lw, loop, ity) -> None:
    tup = lw.expr(loop.iter)
    n = len(ity.items)
    elems = lw.tuple_items(tup, ity.items[0]) if n else None

    def body(k):
        value = lw.b.load(lw.b.gep(elems, [k]))
        lw.assign(loop.target, value, ity.items[0], False)
        lw.block(loop.body)

    if n:
        lw.counted_loop(ir.Constant(i64, 0), ir.Constant(i64, n), ir.Constant(i64, 1), 1, body, name="tuple")
