"""Lowering of one typed function to LLVM IR.

Every compiled function has the internal ABI `i32 f(ret* out, args...)`: 0 on success,
1 with a Python exception set.  Variables live in allocas (promoted by mem2reg).
Array variables each hold one reference to their owner; they are released on every
exit.  Index checks are emitted only where `bounds.IndexFacts` cannot prove an index
in range.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from ..frontend.infer import Typed
from . import convert
from .bounds import IndexFacts
from .llvm_types import i1, i8, i32, i64, i8p, value_type
from .unit import EXC_KINDS, Unit


def kernel_type(typed: Typed) -> ir.FunctionType:
    ret = value_type(typed.return_type)
    return ir.FunctionType(i32, [ret.as_pointer()] + [value_type(a) for a in typed.arg_types])


def declare_kernel(unit: Unit, typed: Typed) -> ir.Function:
    if typed.symbol in unit.module.globals:
        return unit.module.globals[typed.symbol]
    fn = ir.Function(unit.module, kernel_type(typed), name=typed.symbol)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    return fn


class FunctionLowering:
    """Emits the body of one specialisation into its declared LLVM function."""

    def __init__(self, unit: Unit, typed: Typed):
        self.unit = unit
        self.t = typed
        self.fn = declare_kernel(unit, typed)
        self.loops: list = []      # (continue block, break block)
        self.facts = IndexFacts(typed)
        self.pins: list = []       # hidden slots keeping temporary arrays alive

    # -- setup and exits --
    def lower(self) -> None:
        fn = self.fn
        entry = fn.append_basic_block("entry")
        self.b = ir.IRBuilder(entry)
        self.slots = {}
        for name, ty in sorted(self.t.var_types.items()):
            slot = self.b.alloca(value_type(ty), name=name)
            # zero, not undefined, where a path reads a variable it never assigned
            self.b.store(ir.Constant(value_type(ty), None), slot)
            self.slots[name] = slot
        self.out = fn.args[0]
        self.exit_block = fn.append_basic_block("exit")
        self.error_block = fn.append_basic_block("error")
        for arg, param, ty in zip(fn.args[1:], self.t.node.args.args, self.t.arg_types):
            arg.name = param.arg
            self.store_var(param.arg, arg, ty, owned=False)
        self.block(self.t.node.body)
        if not self.b.block.is_terminated:
            if not isinstance(self.t.return_type, T.NoneType):
                # inference proved this unreachable unless it returns none
                self.b.unreachable()
            else:
                self.b.branch(self.exit_block)
        for block, status in ((self.exit_block, 0), (self.error_block, 1)):
            self.b.position_at_end(block)
            self.release_all()
            self.b.ret(ir.Constant(i32, status))

    def release_all(self) -> None:
        for name, ty in sorted(self.t.var_types.items()):
            if isinstance(ty, T.Array):
                self.decref(self.b.extract_value(self.b.load(self.slots[name]), 0))
        for slot in self.pins:
            self.decref(self.b.extract_value(self.b.load(slot), 0))

    def incref(self, obj) -> None:
        self.b.call(self.unit.decl("aot_rt_incref"), [obj])

    def decref(self, obj) -> None:
        self.b.call(self.unit.decl("aot_rt_decref"), [obj])

    def raise_error(self, exc: str, message: str) -> None:
        """Set a Python exception and leave through the error exit; ends the block."""
        self.b.call(self.unit.decl("aot_rt_raise"),
                    [ir.Constant(i32, EXC_KINDS[exc]), self.unit.cstring(self.b, message)])
        self.b.branch(self.error_block)

    def check(self, failed, exc: str, message: str) -> None:
        """Raise `exc` when the i1 `failed` is true; continues on the success path."""
        with self.b.if_then(failed, likely=False):
            self.raise_error(exc, message)
            # if_then wants to branch to its end block; give it an unreachable place to do so
            self.b.position_at_end(self.b.function.append_basic_block("dead"))

    def check_status(self, status) -> None:
        failed = self.b.icmp_unsigned("!=", status, ir.Constant(i32, 0))
        with self.b.if_then(failed, likely=False):
            self.b.branch(self.error_block)
            self.b.position_at_end(self.b.function.append_basic_block("dead"))

    # -- variables --
    def store_var(self, name: str, value, ty, owned: bool) -> None:
        vty = self.t.var_types[name]
        value = self.cast(value, ty, vty)
        slot = self.slots[name]
        if isinstance(vty, T.Array):
            if not owned:
                self.incref(self.b.extract_value(value, 0))
            old = self.b.extract_value(self.b.load(slot), 0)
            self.b.store(value, slot)
            self.decref(old)
        else:
            self.b.store(value, slot)

    def type_of(self, node):
        return self.t.expr_types[node]

    # -- statements --
    def block(self, stmts) -> None:
        for s in stmts:
            if self.b.block.is_terminated:
                return
            getattr(self, "stmt_" + type(s).__name__)(s)

    def stmt_Pass(self, s) -> None:
        pass

    def stmt_Expr(self, s) -> None:
        if isinstance(s.value, ast.Constant):
            return
        value = self.expr(s.value)
        self.release_temp(s.value, value)

    def release_temp(self, node, value) -> None:
        if isinstance(self.type_of(node), T.Array) and self.owned(node):
            self.decref(self.b.extract_value(value, 0))

    def stmt_Return(self, s) -> None:
        rty = self.t.return_type
        if s.value is None:
            value, ty = ir.Constant(i8, 0), T.none
        else:
            value, ty = self.expr(s.value), self.type_of(s.value)
        if isinstance(rty, T.Array) and not self.owned(s.value):
            self.incref(self.b.extract_value(value, 0))
        if isinstance(rty, T.Tuple) and isinstance(s.value, ast.Tuple):
            # the caller owns the arrays of a returned tuple: take those this one borrows
            for k, (elt, item_ty) in enumerate(zip(s.value.elts, rty.items)):
                if isinstance(item_ty, T.Array) and not self.owned(elt):
                    self.incref(self.b.extract_value(value, [k, 0]))
        if isinstance(rty, T.NoneType):
            value = ir.Constant(i8, 0)
        else:
            value = self.cast(value, ty, rty)
        self.b.store(value, self.out)
        self.b.branch(self.exit_block)

    def stmt_Assign(self, s) -> None:
        value = self.expr(s.value)
        ty = self.type_of(s.value)
        owned = self.owned(s.value)
        for i, target in enumerate(s.targets):
            self.assign(target, value, ty, owned and i == 0)

    def stmt_AnnAssign(self, s) -> None:
        if s.value is not None:
            self.assign(s.target, self.expr(s.value), self.type_of(s.value), self.owned(s.value))

    def stmt_AugAssign(self, s) -> None:
        fake = self.t.aug_binops[s]
        value = self.expr(fake)
        self.assign(s.target, value, self.type_of(fake), False)

    def assign(self, target, value, ty, owned) -> None:
        if isinstance(target, ast.Name):
            self.store_var(target.id, value, ty, owned)
        elif isinstance(target, ast.Tuple):
            items = [self.b.extract_value(value, i) for i in range(len(target.elts))]
            # take every array reference before any store can release one (`u, v = v, u`)
            for item, item_ty in zip(items, ty.items):
                if isinstance(item_ty, T.Array) and not owned:
                    self.incref(self.b.extract_value(item, 0))
            for elt, item, item_ty in zip(target.elts, items, ty.items):
                self.assign(elt, item, item_ty, True)
        elif isinstance(target, ast.Subscript):
            ptr, ety = self.element_pointer(target)
            value = self.cast(value, ty, ety)
            if ety.is_bool:
                value = self.b.zext(value, i8)
            self.b.store(value, ptr)

    def stmt_If(self, s) -> None:
        cond = self.truth(s.test)
        then = self.fn.append_basic_block("if.then")
        other = self.fn.append_basic_block("if.else")
        end = self.fn.append_basic_block("if.end")
        self.b.cbranch(cond, then, other)
        for block, body in ((then, s.body), (other, s.orelse)):
            self.b.position_at_end(block)
            self.block(body)
            if not self.b.block.is_terminated:
                self.b.branch(end)
        self.b.position_at_end(end)

    def stmt_While(self, s) -> None:
        head = self.fn.append_basic_block("while.cond")
        body = self.fn.append_basic_block("while.body")
        end = self.fn.append_basic_block("while.end")
        self.b.branch(head)
        self.b.position_at_end(head)
        self.b.cbranch(self.truth(s.test), body, end)
        self.b.position_at_end(body)
        self.loops.append((head, end))
        self.block(s.body)
        self.loops.pop()
        if not self.b.block.is_terminated:
            self.b.branch(head)
        self.b.position_at_end(end)

    def stmt_Break(self, s) -> None:
        self.b.branch(self.loops[-1][1])

    def stmt_Continue(self, s) -> None:
        self.b.branch(self.loops[-1][0])

    def stmt_For(self, s) -> None:
        from ..library.iteration import lower_for
        lower_for(self, s)

    def counted_loop(self, start, stop, step, step_sign, body_fn, name="for") -> None:
        """body_fn(k) for k in range(start, stop, step), the values of Python's range.

        Unit steps test `k < stop` (or `k > stop`), which cannot overflow and is the form
        LLVM vectorises; other steps count iterations up front, since k + step may pass
        the end of int64 where the range itself does not."""
        unit = isinstance(step, ir.Constant) and step.constant in (1, -1)
        if unit:
            self._loop(start, lambda k: self.b.icmp_signed("<" if step.constant > 0 else ">", k, stop),
                       lambda k: self.b.add(k, step, flags=["nsw"]), body_fn, name)
            return
        count = self.range_length(start, stop, step, step_sign)
        self._loop(ir.Constant(i64, 0), lambda j: self.b.icmp_unsigned("<", j, count),
                   lambda j: self.b.add(j, ir.Constant(i64, 1)),
                   lambda j: body_fn(self.b.add(start, self.b.mul(j, step))), name)

    def range_length(self, start, stop, step, step_sign):
        """len(range(start, stop, step)) as an unsigned 64-bit count, without overflow."""
        b = self.b
        zero, one = ir.Constant(i64, 0), ir.Constant(i64, 1)

        def length(lo, hi, magnitude):  # items from lo up to hi (exclusive) by magnitude
            n = b.add(b.udiv(b.sub(b.sub(hi, lo), one), magnitude), one)
            return b.select(b.icmp_signed("<", lo, hi), n, zero)

        up = length(start, stop, step) if step_sign >= 0 else None
        down = length(stop, start, b.sub(zero, step)) if step_sign <= 0 else None
        if step_sign > 0:
            return up
        if step_sign < 0:
            return down
        return b.select(b.icmp_signed(">", step, zero), up, down)

    def _loop(self, first, more_fn, next_fn, body_fn, name) -> None:
        """A loop over an i64 induction variable: first; while more_fn(v): body_fn(v); v = next_fn(v)."""
        pre = self.b.block
        head = self.fn.append_basic_block(f"{name}.cond")
        body = self.fn.append_basic_block(f"{name}.body")
        latch = self.fn.append_basic_block(f"{name}.next")
        end = self.fn.append_basic_block(f"{name}.end")
        self.b.branch(head)
        self.b.position_at_end(head)
        v = self.b.phi(i64, name="k")
        v.add_incoming(first, pre)
        self.b.cbranch(more_fn(v), body, end)
        self.b.position_at_end(body)
        self.loops.append((latch, end))
        body_fn(v)
        self.loops.pop()
        if not self.b.block.is_terminated:
            self.b.branch(latch)
        self.b.position_at_end(latch)
        v.add_incoming(next_fn(v), latch)
        self.b.branch(head)
        self.b.position_at_end(end)

    def stmt_Assert(self, s) -> None:
        ok = self.truth(s.test)
        message = s.msg.value if s.msg is not None else ""
        self.check(self.b.not_(ok), "AssertionError", message)

    def stmt_Raise(self, s) -> None:
        exc = s.exc
        name = exc.func.id if isinstance(exc, ast.Call) else exc.id
        message = exc.args[0].value if isinstance(exc, ast.Call) and exc.args else ""
        self.raise_error(name, message)

    # -- expressions --
    def expr(self, node):
        return getattr(self, "expr_" + type(node).__name__)(node)

    def owned(self, node) -> bool:
        """Whether an array-valued expression hands over a new reference."""
        if isinstance(node, ast.Call):
            return True
        if isinstance(node, ast.IfExp):
            return self.owned(node.body) or self.owned(node.orelse)
        return False

    def truth(self, node):
        ty = self.type_of(node)
        value = self.expr(node)
        return self.to_bool(value, ty)

    def expr_Constant(self, node):
        ty = self.type_of(node)
        return constant(ty, node.value)

    def expr_Name(self, node):
        name = node.id
        if name in self.slots:
            return self.b.load(self.slots[name])
        return self.global_value(node, name)

    def global_value(self, node, name):
        src = self.t.source
        ty = self.type_of(node)
        if name in src.constants:
            return constant(ty, src.constants[name][0])
        if name in src.from_imports:
            helper, orig = src.resolve_import(name)
            if orig in helper.constants:
                return constant(ty, helper.constants[orig][0])
        return ir.Constant(i8, 0)  # modules and functions are compile-time only

    def expr_Attribute(self, node):
        from ..library.attributes import lower_attribute
        return lower_attribute(self, node)

    def expr_Tuple(self, node):
        ty = self.type_of(node)
        value = ir.Constant(value_type(ty), ir.Undefined)
        for i, e in enumerate(node.elts):
            value = self.b.insert_value(value, self.cast(self.expr(e), self.type_of(e), ty.items[i]), i)
        return value

    def expr_BinOp(self, node):
        from ..library.operators import lower_binop
        return lower_binop(self, node)

    def expr_UnaryOp(self, node):
        from ..library.operators import lower_unary
        return lower_unary(self, node)

    def expr_Compare(self, node):
        from ..library.operators import lower_compare
        return lower_compare(self, node)

    def expr_BoolOp(self, node):
        ty = self.type_of(node)
        is_and = isinstance(node.op, ast.And)
        end = self.fn.append_basic_block("boolop.end")
        incoming = []
        for v in node.values[:-1]:
            value = self.cast(self.expr(v), self.type_of(v), ty)
            truth = self.to_bool(value, ty)
            nxt = self.fn.append_basic_block("boolop.next")
            incoming.append((value, self.b.block))
            if is_and:
                self.b.cbranch(truth, nxt, end)
            else:
                self.b.cbranch(truth, end, nxt)
            self.b.position_at_end(nxt)
        last = node.values[-1]
        incoming.append((self.cast(self.expr(last), self.type_of(last), ty), self.b.block))
        self.b.branch(end)
        return self.join(end, ty, incoming)

    def join(self, end, ty, incoming):
        """At block `end`, the value of type ty that arrived from each (value, block)."""
        self.b.position_at_end(end)
        phi = self.b.phi(value_type(ty))
        for value, block in incoming:
            phi.add_incoming(value, block)
        return phi

    def expr_IfExp(self, node):
        ty = self.type_of(node)
        cond = self.truth(node.test)
        then = self.fn.append_basic_block("ifexp.then")
        other = self.fn.append_basic_block("ifexp.else")
        end = self.fn.append_basic_block("ifexp.end")
        self.b.cbranch(cond, then, other)
        incoming = []
        for block, sub in ((then, node.body), (other, node.orelse)):
            self.b.position_at_end(block)
            value = self.cast(self.expr(sub), self.type_of(sub), ty)
            if isinstance(ty, T.Array) and self.owned(node) and not self.owned(sub):
                self.incref(self.b.extract_value(value, 0))  # one arm owns: make both own
            incoming.append((value, self.b.block))
            self.b.branch(end)
        return self.join(end, ty, incoming)

    def expr_Subscript(self, node):
        base_ty = self.type_of(node.value)
        if isinstance(base_ty, T.Tuple):
            from ..frontend.infer import _const_int
            base = self.expr(node.value)
            idx = _const_int(node.slice)
            if idx is not None:
                return self.b.extract_value(base, idx % len(base_ty.items))
            return self.dynamic_tuple_item(base, base_ty, node.slice)
        if isinstance(self.type_of(node), T.Array):
            return self.subarray(node)
        ptr, ety = self.element_pointer(node)
        value = self.b.load(ptr)
        return self.b.trunc(value, i1) if ety.is_bool else value

    def subarray(self, node):
        """a[i], a[lo:hi:step], a[:, j] ...: a view borrowing a's owner.  Integer indices
        drop their dimension; slices keep it with Python's clamping of the bounds."""
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
        slot = self.b.alloca(base.type)
        self.b.store(base, slot)
        arr = self.b.bitcast(slot, value_type(base_ty.items[0]).as_pointer())
        return self.b.load(self.b.gep(arr, [idx]))

    def array_operand(self, node):
        """The array struct of an indexed/attribute base, without taking a reference."""
        value = self.expr(node)
        if self.owned(node):
            # a temporary such as np.zeros(3)[0]: keep it alive until the function exits
            self.pin(value)
        return value

    def pin(self, value) -> None:
        """Hand a temporary array's reference to a hidden slot released on exit."""
        slot = self.b.function.entry_basic_block
        with self.b.goto_block(slot):
            self.b.position_at_start(slot)
            hidden = self.b.alloca(value.type)
            self.b.store(ir.Constant(value.type, None), hidden)
        old = self.b.extract_value(self.b.load(hidden), 0)
        self.b.store(value, hidden)
        self.decref(old)
        self.pins.append(hidden)

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
        for dim, p in enumerate(parts):
            idx = self.cast(self.expr(p), self.type_of(p), T.int64)
            length = self.b.extract_value(arr, [2, dim])
            idx = self.checked_index(node, p, dim, idx, length)
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

    def checked_index(self, node, index_node, dim, idx, length):
        """Wrap a negative index and check the range, unless facts prove it in range."""
        proof = self.facts.prove(node, index_node, dim)
        if proof == "in_range":
            return idx
        if proof != "nonnegative":
            wrapped = self.b.add(idx, length)
            idx = self.b.select(self.b.icmp_signed("<", idx, ir.Constant(i64, 0)), wrapped, idx)
        self.check(self.b.icmp_unsigned(">=", idx, length), "IndexError", "index out of bounds")
        return idx

    def expr_Call(self, node):
        kind, target = self.t.calls[node]
        if kind == "user":
            return self.call_user(node, target)
        from ..library.registry import LOWERERS
        return LOWERERS[target](self, node)

    def call_user(self, node, callee: Typed):
        fn = declare_kernel(self.unit, callee)
        args, temps = [], []
        for a, want in zip(node.args, callee.arg_types):
            value = self.cast(self.expr(a), self.type_of(a), want)
            if isinstance(want, T.Array) and self.owned(a):
                temps.append(value)
            args.append(value)
        out = self.alloca_entry(value_type(callee.return_type))
        status = self.b.call(fn, [out] + args)
        for value in temps:
            self.decref(self.b.extract_value(value, 0))
        self.check_status(status)
        return self.b.load(out)

    def alloca_entry(self, ty):
        with self.b.goto_block(self.fn.entry_basic_block):
            self.b.position_at_start(self.fn.entry_basic_block)
            return self.b.alloca(ty)

    # -- conversions --
    def cast(self, value, src, dst):
        return convert.cast(self.b, value, src, dst)

    def to_bool(self, value, ty):
        return convert.to_bool(self.b, value, ty)


def constant(ty, value):
    """An LLVM constant of language type `ty` for a Python value."""
    if isinstance(ty, T.Tuple):
        return ir.Constant.literal_struct([constant(t, v) for t, v in zip(ty.items, value)])
    if isinstance(ty, T.NoneType) or value is None:
        return ir.Constant(i8, 0)
    lt = value_type(ty)
    if ty.is_bool:
        return ir.Constant(i1, int(bool(value)))
    if ty.is_int:
        return ir.Constant(lt, int(value) & ((1 << ty.bits) - 1))
    if ty.is_float:
        return ir.Constant(lt, float(value))
    c = complex(value)
    return ir.Constant.literal_struct([ir.Constant(lt.elements[0], c.real), ir.Constant(lt.elements[1], c.imag)])


def lower_program(unit: Unit, program) -> ir.Function:
    """Lower every specialisation of a Program into `unit`; returns the entry function."""
    for typed in program.functions:
        declare_kernel(unit, typed)
    for typed in program.functions:
        FunctionLowering(unit, typed).lower()
    return unit.module.globals[program.entry.symbol]
