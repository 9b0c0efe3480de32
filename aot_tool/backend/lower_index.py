"""Lowering of subscripts: element pointers with index checks (skipped where
bounds.py proves them), views of slices, and tuple items.  A mixin of
`lower.FunctionLowering`."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from .llvm_types import i1, i8p, i32, i64, value_type


class IndexLowering:
    def expr_Subscript(self, node):
        base_ty = self.type_of(node.value)
        if T.is_object(base_ty):
            from ..library.subscripts import lower_subscript
            return lower_subscript(self, node)
        if isinstance(base_ty, T.Tuple):
            from ..frontend.syntax import _const_int
            base = self.expr(node.value)
            if self.owned(node.value):
                # np.nonzero(a)[0]: the call hands over its arrays; keep them till exit
                for k, item in enumerate(base_ty.items):
                    if isinstance(item, T.Array):
                        self.pin(self.b.extract_value(base, k))
            idx = _const_int(node.slice)
            if idx is not None:
                return self.b.extract_value(base, idx % len(base_ty.items))
            return self.dynamic_tuple_item(base, base_ty, node.slice)
        from ..library.fancy_index import lower_fancy, lowering_plan
        if lowering_plan(self, node) is not None:   # None, ... or an array index
            return lower_fancy(self, node)
        if isinstance(self.type_of(node), T.Array):
            return self.subarray(node)
        ptr, ety = self.element_pointer(node)
        value = self.b.load(ptr)
        return self.b.trunc(value, i1) if ety.is_bool else value

    def subarray(self, node):
        """a[i], a[lo:hi:step], a[:, j] ...: a view borrowing a's owner.  Integer indices
        drop their dimension; slices keep it with Python's clamping of the bounds."""
        from ..library.fancy_index import lower_fancy, lowering_plan
        if lowering_plan(self, node) is not None:
            return lower_fancy(self, node)
        vty, aty = self.type_of(node), self.type_of(node.value)
        arr = self.array_operand(node.value)
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        parts = parts + [ast.Slice(lower=None, upper=None, step=None)] * (aty.ndim - len(parts))
        raw = self.b.bitcast(self.b.extract_value(arr, 1), i8p)
        shape, strides = [], []
        for dim, p in enumerate(parts):
            length = self.b.extract_value(arr, [2, dim])
            stride = self.b.extract_value(arr, [3, dim])
            if isinstance(p, ast.Slice):
                start, count, step = self.slice_bounds(p, length)
                shape.append(count)
                strides.append(self.b.mul(stride, step))
                idx = start
            else:
                idx = self.cast(self.expr(p), self.type_of(p), T.int64)
                idx = self.checked_index(node, p, dim, idx, length)
            raw = self.b.gep(raw, [self.b.mul(idx, stride)])
        view = ir.Constant(value_type(vty), None)
        view = self.b.insert_value(view, self.b.extract_value(arr, 0), 0)
        view = self.b.insert_value(view, self.b.bitcast(raw, value_type(vty).elements[1]), 1)
        for d, (n, s) in enumerate(zip(shape, strides)):
            view = self.b.insert_value(view, n, [2, d])
            view = self.b.insert_value(view, s, [3, d])
        return view

    def slice_bounds(self, p: ast.Slice, length):
        """(start, count, step) of slice p over `length` items, clamped as Python does."""
        b = self.b
        zero, one = ir.Constant(i64, 0), ir.Constant(i64, 1)

        def value(bound):
            return self.cast(self.expr(bound), self.type_of(bound), T.int64)

        step = value(p.step) if p.step is not None else one
        if p.step is not None:
            self.check(b.icmp_signed("==", step, zero), "ValueError", "slice step cannot be zero")
        negative = b.icmp_signed("<", step, zero)
        minus_one = ir.Constant(i64, -1)
        # defaults: 0 and length for positive steps, length-1 and -1 (before the start) for negative
        low_limit = b.select(negative, minus_one, zero)
        high_limit = b.select(negative, b.sub(length, one), length)

        def clamp(bound, default):
            if bound is None:
                return default
            v = value(bound)
            v = b.select(b.icmp_signed("<", v, zero), b.add(v, length), v)
            v = b.select(b.icmp_signed("<", v, low_limit), low_limit, v)
            return b.select(b.icmp_signed(">", v, high_limit), high_limit, v)

        start = clamp(p.lower, b.select(negative, high_limit, zero))
        stop = clamp(p.upper, b.select(negative, minus_one, length))
        # count = ceil((stop - start) / step), at least 0
        span = b.sub(stop, start)
        adjust = b.select(negative, b.add(step, one), b.sub(step, one))
        count = b.sdiv(b.add(span, adjust), step)
        count = b.select(b.icmp_signed("<", count, zero), zero, count)
        return start, count, step

    def dynamic_tuple_item(self, base, base_ty, index_node):
        n = len(base_ty.items)
        idx = self.cast(self.expr(index_node), self.type_of(index_node), T.int64)
        idx = self.b.select(self.b.icmp_signed("<", idx, ir.Constant(i64, 0)),
                            self.b.add(idx, ir.Constant(i64, n)), idx)
        self.check(self.b.icmp_unsigned(">=", idx, ir.Constant(i64, n)), "IndexError", "tuple index out of range")
        return self.b.load(self.b.gep(self.tuple_items(base, base_ty.items[0]), [idx]))

    def tuple_items(self, value, item_ty):
        """A pointer to the items of a uniform tuple value, for a run-time index: a constant
        tuple is a private global (an aggregate store of 10,000 items is slow to optimise),
        any other is spilled to one stack slot made in the entry block (a slot made where
        the index is would grow the stack on every iteration of a loop)."""
        if isinstance(value, ir.Constant):
            slot = ir.GlobalVariable(self.unit.module, value.type, name=f".tuple.{len(self.unit.module.globals)}")
            slot.linkage = "private"
            slot.global_constant = True
            slot.unnamed_addr = True
            slot.initializer = value
        else:
            slot = self.alloca_entry(value.type)
            self.b.store(value, slot)
        return self.b.bitcast(slot, value_type(item_ty).as_pointer())

    def array_operand(self, node):
        """The array struct of an indexed/attribute base, without taking a reference."""
        value = self.expr(node)
        if self.owned(node):
            # a temporary such as np.zeros(3)[0]: keep it alive until the function exits
            self.pin(value)
        return value

    def pin(self, value, ty=None) -> None:
        """Hand a temporary's references (an array's, by default) to a hidden slot released on exit."""
        slot = self.b.function.entry_basic_block
        with self.b.goto_block(slot):
            self.b.position_at_start(slot)
            hidden = self.b.alloca(value.type)
            self.b.store(ir.Constant(value.type, None), hidden)
        ty = ty or self.array_type_of(value)
        old = self.b.load(hidden)
        self.b.store(value, hidden)
        for ref in self.refs(old, ty):
            self.decref(ref)
        self.pins.append((hidden, ty))

    @staticmethod
    def array_type_of(value):
        """A stand-in array type for refs() of an array struct (only its owner matters)."""
        return T.Array(T.float64, value.type.elements[2].count, "A")

    def element_pointer(self, node):
        """Pointer to the element `node` (a Subscript on an array) names; checks bounds."""
        aty = self.type_of(node.value)
        arr = self.array_operand(node.value)
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(parts) != aty.ndim:
            raise NotImplementedError("partial indexing")  # inference rejects it before here
        data = self.b.extract_value(arr, 1)
        offset_elems = None
        byte_offset = None
        itemsize = aty.dtype.itemsize
        fused = self.truncated_index(node, parts[0], arr) if len(parts) == 1 else None
        # every index is computed before any is checked: `a[int(x), int(y)]` raises int()'s
        # error for y before the IndexError of x, as Python does
        given = [None] if fused is not None else [self.cast(self.expr(p), self.type_of(p), T.int64) for p in parts]
        for dim, p in enumerate(parts):
            length = self.b.extract_value(arr, [2, dim])
            idx = fused if fused is not None else self.checked_index(node, p, dim, given[dim], length)
            contiguous_dim = (aty.layout == "C" and dim == aty.ndim - 1) or (aty.layout == "F" and dim == 0)
            if contiguous_dim:
                term = idx
                offset_elems = term if offset_elems is None else self.b.add(offset_elems, term)
            else:
                stride = self.b.extract_value(arr, [3, dim])
                if not aty.dtype.is_complex:
                    # Aligned real arrays have strides that are multiples of the item size (but
                    # for dimensions of length 0 or 1, whose stride is never used: so no `exact`).
                    # Strides in elements let LLVM version a loop on stride == 1 and vectorise.
                    es = self.b.sdiv(stride, ir.Constant(i64, itemsize)) if itemsize > 1 else stride
                    term = self.b.mul(idx, es)
                    offset_elems = term if offset_elems is None else self.b.add(offset_elems, term)
                else:
                    term = self.b.mul(idx, stride)
                    byte_offset = term if byte_offset is None else self.b.add(byte_offset, term)
        ptr = data
        if byte_offset is not None:
            raw = self.b.gep(self.b.bitcast(data, i8p), [byte_offset])
            ptr = self.b.bitcast(raw, data.type)
        if offset_elems is not None:
            ptr = self.b.gep(ptr, [offset_elems])
        return ptr, aty.dtype

    def truncated_index(self, node, index_node, arr):
        """`a[int(x)]` of a float x into a 1-d array with int()'s check and the index
        check in one compare (bounds_check.checked_truncated_index), where no proof removes
        the index check; None otherwise."""
        from .bounds_check import checked_truncated_index, float_of_int_call
        x_node = float_of_int_call(self, index_node)
        if x_node is None or self.facts.prove(node, index_node, 0) is not None:
            return None
        return checked_truncated_index(self, x_node, self.b.extract_value(arr, [2, 0]), 0)

    def checked_index(self, node, index_node, dim, idx, length):
        """Wrap a negative index and check the range, unless facts prove it in range."""
        proof = self.facts.prove(node, index_node, dim)
        if proof == "in_range":
            return idx
        from .bounds_check import checked_data_index, data_dependent
        if proof != "nonnegative" and data_dependent(self, index_node):
            return checked_data_index(self, idx, length, dim)
        given = idx
        if proof != "nonnegative":
            wrapped = self.b.add(idx, length)
            idx = self.b.select(self.b.icmp_signed("<", idx, ir.Constant(i64, 0)), wrapped, idx)
        with self.b.if_then(self.b.icmp_unsigned(">=", idx, length), likely=False):
            self.b.call(self.unit.decl("aot_rt_index_error"),
                        [given, ir.Constant(i32, dim), length, self.unit.cstring(self.b, self.t.node.name + "()")])
            self.b.branch(self.error_block)
            self.b.position_at_end(self.b.function.append_basic_block("dead"))
        return idx
