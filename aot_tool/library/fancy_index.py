"""Indexing beyond integers and slices: `None`/`np.newaxis` (a new axis of length 1),
`...` (as many `:` as needed), and one array index: a boolean mask (`a[a > 0]`, of
one or more dimensions) or a 1-d integer array (`a[idx]`, negative indices wrap).

An array index copies: the result is a new C array whose dimension for the index
sits where NumPy puts it (in place when the integer and array indices are adjacent,
first otherwise).  Stores through an array index (`a[mask] = v`, `a[idx] = v`) take
a number, or a 1-d array with one value per selected element (or just one).  Shape
mismatches and out-of-range indices raise NumPy's IndexError / ValueError before
anything is written.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from llvmlite import ir

from ..backend.llvm_types import i8p, i64
from ..frontend import types as T
from .array_helpers import allocate, check_formatted, load, store
from .reduce_lines import typed_ptr


def _c(v):
    return ir.Constant(i64, v)


def index_parts(node):
    return node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]


def _is_const(p, value):
    return isinstance(p, ast.Constant) and p.value is value


class _Unknown(Exception):
    """An index part whose type is not inferred yet."""


@dataclass
class Plan:
    entries: list        # (kind, node): 'int', 'slice', 'new' (None), 'full' (from ... or implied)
    array: int           # entry index of the array index, or -1
    array_dims: int      # dimensions of the base the array index covers
    position: int        # where the array index's dimension goes in the result
    ndim: int            # dimensions of the result (0: one element)


def plan_index(owner, node, base, type_of):
    """The plan of a subscript on array type `base`, or None when it is a plain one
    (integers and slices only, left to lower_index.py).  type_of(part) gives the
    type of an index part; errors are located at the node."""
    parts = index_parts(node)
    types = {id(p): type_of(p) for p in parts if not isinstance(p, ast.Slice) and not _is_const(p, Ellipsis)}
    if any(t is None for t in types.values()):
        raise _Unknown()
    special = any(_is_const(p, Ellipsis) for p in parts) or \
        any(isinstance(t, (T.Array, T.NoneType)) for t in types.values())
    if not special:
        return None
    if sum(_is_const(p, Ellipsis) for p in parts) > 1:
        raise owner.error(node, "an index can only have a single ellipsis ('...')")
    entries, array, array_dims, used = [], -1, 0, 0
    for p in parts:
        ty = types.get(id(p))
        if isinstance(ty, T.Array):
            if array >= 0:
                raise owner.error(p, "only one array index is supported (as numba)")
            if ty.dtype.is_bool:
                array_dims = ty.ndim
            elif ty.dtype.is_int and ty.ndim == 1:
                array_dims = 1
            else:
                raise owner.error(p, "arrays used as indices must be 1-d integer arrays or boolean masks, "
                                     f"not {ty.name}")
            array = len(entries)
            entries.append(("array", p))
            used += array_dims
        elif isinstance(ty, T.NoneType):       # None or np.newaxis
            entries.append(("new", p))
        elif _is_const(p, Ellipsis):
            entries.append(("ellipsis", p))
        elif isinstance(p, ast.Slice):
            entries.append(("slice", p))
            used += 1
        else:
            if not (isinstance(ty, T.Scalar) and ty.is_int):
                raise owner.error(p, f"array indices must be integers, not {ty.name}")
            entries.append(("int", p))
            used += 1
    if used > base.ndim:
        raise owner.error(node, f"too many indices for a {base.ndim}-d array")
    fill = [("full", None)] * (base.ndim - used)
    at = next((k for k, e in enumerate(entries) if e[0] == "ellipsis"), None)
    if at is None:
        entries = entries + fill
    else:
        entries = entries[:at] + fill + entries[at + 1:]
        if array > at:
            array += len(fill) - 1
    views = sum(kind in ("slice", "new", "full") for kind, _ in entries)
    if array < 0:
        return Plan(entries, -1, 0, 0, views)
    advanced = [k for k, (kind, _) in enumerate(entries) if kind in ("int", "array")]
    adjacent = all(entries[k][0] in ("int", "array") for k in range(advanced[0], advanced[-1] + 1))
    position = sum(kind in ("slice", "new", "full") for kind, _ in entries[:advanced[0]]) if adjacent else 0
    return Plan(entries, array, array_dims, position, views + 1)


def fancy_index_type(inf, node, base):
    """The result type of a subscript with None, ... or an array index; NotImplemented
    for a plain subscript."""
    try:
        plan = plan_index(inf, node, base, inf.expr)
    except _Unknown:
        return None
    if plan is None:
        return NotImplemented
    for kind, p in plan.entries:
        if kind == "slice":
            for bound in (p.lower, p.upper, p.step):
                if bound is not None:
                    ty = inf.expr(bound)
                    if not (isinstance(ty, T.Scalar) and ty.is_int):
                        raise inf.error(bound, "slice bounds must be integers")
    if plan.array >= 0:
        return T.Array(base.dtype, plan.ndim, "C")
    return base.dtype if plan.ndim == 0 else T.Array(base.dtype, plan.ndim, "A")


def lowering_plan(lw, node):
    base = lw.type_of(node.value)
    if not isinstance(base, T.Array):
        return None
    return plan_index(lw, node, base, lw.type_of)


def copies(lw, node) -> bool:
    """Whether the subscript `node` makes a new array (an array index does)."""
    plan = lowering_plan(lw, node)
    return plan is not None and plan.array >= 0


# -- lowering --

def _view(lw, node, plan, arr):
    """(raw pointer, [(length, stride)] of the view's dimensions, the array index's
    first view dimension, its base axis) after ints, slices and new axes."""
    b = lw.b
    raw = b.bitcast(b.extract_value(arr, 1), i8p)
    dims, dim, first, axis = [], 0, None, None
    for kind, p in plan.entries:
        if kind == "new":
            dims.append((_c(1), _c(0)))
            continue
        if kind == "array":
            first, axis = len(dims), dim
            for _ in range(plan.array_dims):
                dims.append((b.extract_value(arr, [2, dim]), b.extract_value(arr, [3, dim])))
                dim += 1
            continue
        length, stride = b.extract_value(arr, [2, dim]), b.extract_value(arr, [3, dim])
        if kind == "full":
            dims.append((length, stride))
        elif kind == "slice":
            start, count, step = lw.slice_bounds(p, length)
            dims.append((count, b.mul(stride, step)))
            raw = b.gep(raw, [b.mul(start, stride)])
        else:
            idx = lw.checked_index(node, p, dim, lw.cast(lw.expr(p), lw.type_of(p), T.int64), length)
            raw = b.gep(raw, [b.mul(idx, stride)])
        dim += 1
    return raw, dims, first, axis


class _Selection:
    """The elements an array index picks along its view dimensions."""

    def __init__(self, lw, plan, index, ity, dims, first, axis, check=True):
        self.lw, self.index, self.ity = lw, index, ity
        self.dims = dims[first:first + plan.array_dims]
        self.axis = axis
        b = lw.b
        self.raw = b.bitcast(b.extract_value(index, 1), i8p)
        if ity.dtype.is_bool:
            self._check_mask()
            self.count = self._count_true()
        else:
            self.count = b.extract_value(index, [2, 0])
            if check:
                self.check_ints()

    def _mask_loops(self, body):
        """body(mask pointer, byte offset into the view) over the mask in C order."""
        lw, b = self.lw, self.lw.b

        def nest(d, moff, voff):
            if d == len(self.dims):
                body(typed_ptr(lw, self.raw, moff, T.boolean), voff)
                return
            _, vstride = self.dims[d]
            length = b.extract_value(self.index, [2, d])     # the mask's own (checked) length
            mstride = b.extract_value(self.index, [3, d])
            lw.counted_loop(_c(0), length, _c(1), 1,
                            lambda k: nest(d + 1, b.add(moff, b.mul(k, mstride)), b.add(voff, b.mul(k, vstride))),
                            name=f"mask{d}")

        nest(0, _c(0), _c(0))

    def _check_mask(self):
        b = self.lw.b
        for d, (length, _) in enumerate(self.dims):
            size = b.extract_value(self.index, [2, d])
            # NumPy lets a mask dimension of length 0 select nothing from any length
            bad = b.and_(b.icmp_signed("!=", size, length), b.icmp_signed("!=", size, _c(0)))
            check_formatted(self.lw, bad, "IndexError",
                            [f"boolean index did not match indexed array along axis {self.axis + d}; size of axis is ",
                             length, " but size of corresponding boolean axis is ", size])

    def _count_true(self):
        b = self.lw.b
        total = self.lw.alloca_entry(i64)
        b.store(_c(0), total)
        self._mask_loops(lambda ptr, off: b.store(b.add(b.load(total), b.zext(load(self.lw, ptr, T.boolean), i64)),
                                                  total))
        return b.load(total)

    def _int_at(self, s):
        lw, b = self.lw, self.lw.b
        stride = b.extract_value(self.index, [3, 0])
        return lw.cast(load(lw, typed_ptr(lw, self.raw, b.mul(s, stride), self.ity.dtype), self.ity.dtype),
                       self.ity.dtype, T.int64)

    def check_ints(self):
        lw, b = self.lw, self.lw.b
        length = self.dims[0][0]

        def each(s):
            i = self._int_at(s)
            wrapped = b.select(b.icmp_signed("<", i, _c(0)), b.add(i, length), i)
            bad = b.icmp_unsigned(">=", wrapped, length)
            if self.ity.dtype.kind == "u" and self.ity.dtype.bits == 64:
                bad = b.or_(bad, b.icmp_signed("<", i, _c(0)))
            check_formatted(lw, bad, "IndexError", ["index ", i, f" is out of bounds for axis {self.axis} with size ",
                                                     length])

        lw.counted_loop(_c(0), self.count, _c(1), 1, each, name="index.check")

    def each(self, body):
        """body(byte offset into the view) for every selected element, in order."""
        lw, b = self.lw, self.lw.b
        if self.ity.dtype.is_bool:
            def visit(ptr, off):
                with b.if_then(load(lw, ptr, T.boolean)):
                    body(off)
            self._mask_loops(visit)
            return
        length, stride = self.dims[0]

        def pick(s):
            i = self._int_at(s)
            body(b.mul(b.select(b.icmp_signed("<", i, _c(0)), b.add(i, length), i), stride))

        lw.counted_loop(_c(0), self.count, _c(1), 1, pick, name="index.take")


def _walk(lw, plan, raw, dims, first, selection, body) -> None:
    """body(typed element pointer in the base) over the result's elements in C order."""
    b = lw.b
    others = dims[:first] + dims[first + plan.array_dims:]
    order = others[:plan.position] + [None] + others[plan.position:]

    def nest(level, offset):
        if level == len(order):
            body(offset)
            return
        if order[level] is None:
            selection.each(lambda off: nest(level + 1, b.add(offset, off)))
            return
        length, stride = order[level]
        lw.counted_loop(_c(0), length, _c(1), 1, lambda k: nest(level + 1, b.add(offset, b.mul(k, stride))),
                        name=f"take{level}")

    nest(0, _c(0))


def _result_shape(plan, dims, first, selection):
    others = dims[:first] + dims[first + plan.array_dims:]
    return [n for n, _ in others[:plan.position]] + [selection.count] + [n for n, _ in others[plan.position:]]


def _operands(lw, node, check=True):
    plan = lowering_plan(lw, node)
    aty = lw.type_of(node.value)
    arr = lw.array_operand(node.value)
    raw, dims, first, axis = _view(lw, node, plan, arr)
    if plan.array < 0:
        return plan, aty, arr, raw, dims, None, None
    index_node = plan.entries[plan.array][1]
    index = lw.array_operand(index_node)
    selection = _Selection(lw, plan, index, lw.type_of(index_node), dims, first, axis, check)
    return plan, aty, arr, raw, dims, first, selection


def lower_fancy(lw, node):
    """The value of a subscript with None, ... or an array index."""
    from .array_helpers import make_view
    b = lw.b
    plan, aty, arr, raw, dims, first, selection = _operands(lw, node)
    ety = aty.dtype
    if selection is None:
        if plan.ndim == 0:
            return load(lw, typed_ptr(lw, raw, _c(0), ety), ety)
        return make_view(lw, lw.type_of(node), b.extract_value(arr, 0), raw, [n for n, _ in dims],
                         [s for _, s in dims])
    out = allocate(lw, lw.type_of(node), _result_shape(plan, dims, first, selection))
    data = b.extract_value(out, 1)
    counter = lw.alloca_entry(i64)
    b.store(_c(0), counter)

    def take(offset):
        k = b.load(counter)
        b.store(b.load(typed_ptr(lw, raw, offset, ety)), b.gep(data, [k]))
        b.store(b.add(k, _c(1)), counter)

    _walk(lw, plan, raw, dims, first, selection, take)
    return out


def check_fancy_store(inf, target, base, value, value_node) -> bool:
    """Typing of `a[array index] = value`; False for any other target."""
    try:
        plan = plan_index(inf, target, base, inf.expr)
    except _Unknown:
        return True
    if plan is None or plan.array < 0:
        return False
    if isinstance(value, T.Array):
        if value.ndim != 1 or plan.ndim != 1:
            raise inf.error(value_node, "stores through an array index take a number or, where they select a "
                                        "1-d result, a 1-d array")
        elem = value.dtype
    elif isinstance(value, T.Scalar):
        elem = value
    else:
        raise inf.error(value_node, f"cannot store {value.name} into an array")
    if elem.is_complex and not base.dtype.is_complex:
        raise inf.error(value_node, f"cannot store {elem.name} into an array of {base.dtype.name}")
    inf.note(target, T.Array(base.dtype, plan.ndim, "C"))
    return True


def store_fancy(lw, target, value, vty, owned) -> None:
    """a[mask] = v, a[idx] = v: v a number, or a 1-d array of one value per selected
    element (or a single value)."""
    b = lw.b
    plan, aty, arr, raw, dims, first, selection = _operands(lw, target, check=False)
    ety = aty.dtype
    is_mask = lw.type_of(plan.entries[plan.array][1]).dtype.is_bool
    counter = lw.alloca_entry(i64)
    b.store(_c(0), counter)
    if isinstance(vty, T.Array):
        if owned:
            lw.pin(value)        # released at exit, also when a check below raises
        vlen = b.extract_value(value, [2, 0])
        vstride = b.select(b.icmp_signed("==", vlen, _c(1)), _c(0), b.extract_value(value, [3, 0]))
        vraw = b.bitcast(b.extract_value(value, 1), i8p)
        count = selection.count
        if is_mask:
            pieces = ["NumPy boolean array indexing assignment cannot assign ", vlen, " input values to the ",
                      count, " output values where the mask is true"]
        else:
            pieces = ["shape mismatch: value array of shape (", vlen, ",) could not be broadcast to indexing "
                      "result of shape (", count, ",)"]
        bad = b.and_(b.icmp_signed("!=", vlen, count), b.icmp_signed("!=", vlen, _c(1)))
        check_formatted(lw, bad, "ValueError", pieces)

        def put(offset):
            k = b.load(counter)
            v = load(lw, typed_ptr(lw, vraw, b.mul(k, vstride), vty.dtype), vty.dtype)
            store(lw, lw.cast(v, vty.dtype, ety), typed_ptr(lw, raw, offset, ety), ety)
            b.store(b.add(k, _c(1)), counter)
    else:
        scalar = lw.cast(value, vty, ety)

        def put(offset):
            store(lw, scalar, typed_ptr(lw, raw, offset, ety), ety)

    if not is_mask:
        selection.check_ints()     # after the value's shape, as NumPy
    _walk(lw, plan, raw, dims, first, selection, put)


def is_fancy_target(lw, target) -> bool:
    return isinstance(target, ast.Subscript) and copies(lw, target)

