"""Lowering of statements: assignments, returns, if/while/for and the counted loops
the library's iteration uses, assert and raise.  A mixin of `lower.FunctionLowering`."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from .llvm_types import i1, i8, i64


class StatementLowering:
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
        ty = self.type_of(node)
        if T.holds_refs(ty) and self.owned(node):
            for ref in self.refs(value, ty):
                self.decref(ref)

    def stmt_Return(self, s) -> None:
        rty = self.t.return_type
        if s.value is None:
            value, ty = ir.Constant(i8, 0), T.none
        else:
            value, ty = self.expr(s.value), self.type_of(s.value)
        if T.holds_refs(rty) and not isinstance(s.value, ast.Tuple) and not self.owned(s.value):
            for ref in self.refs(value, ty):
                self.incref(ref)
        if isinstance(rty, T.Tuple) and isinstance(s.value, ast.Tuple):
            # the caller owns the arrays and objects of a returned tuple: take those this one borrows
            for k, (elt, item_ty) in enumerate(zip(s.value.elts, ty.items)):
                if T.holds_refs(item_ty) and not self.owned(elt):
                    for ref in self.refs(self.b.extract_value(value, k), item_ty):
                        self.incref(ref)
        if isinstance(rty, T.NoneType):
            value = ir.Constant(i8, 0)
        else:
            value = self.cast(value, ty, rty)
        self.b.store(value, self.out)
        self.b.branch(self.exit_block)

    def stmt_Assign(self, s) -> None:
        if "fast_scan" in self.__dict__ and self.scan_update(s):   # v = min(v, x): minmax_scan.py
            return
        from ..library.fancy_index import is_fancy_target, store_fancy
        from .array_store import is_view_target, store_assign
        if len(s.targets) == 1 and is_fancy_target(self, s.targets[0]):
            store_fancy(self, s.targets[0], self.expr(s.value), self.type_of(s.value), self.owned(s.value))
            return
        if any(is_view_target(self, t) for t in s.targets):
            store_assign(self, s.targets, s.value)
            return
        if self.counts_up(s):
            counter = s.value.left if isinstance(s.value.left, ast.Name) else s.value.right
            self.store_var(s.targets[0].id, self.counter_step(s, counter), T.int64, False)
            return
        value = self.expr(s.value)
        ty = self.type_of(s.value)
        owned = self.owned(s.value)
        if isinstance(s.value, ast.Tuple):
            owned = [self.owned(e) for e in s.value.elts]   # `a, b = np.zeros(3), b`: per item
        for i, target in enumerate(s.targets):
            self.assign(target, value, ty, owned if i == 0 else False)

    def stmt_AnnAssign(self, s) -> None:
        if s.value is not None:
            self.assign(s.target, self.expr(s.value), self.type_of(s.value), self.owned(s.value))

    def stmt_AugAssign(self, s) -> None:
        self.check_assigned(s)
        fake = self.t.aug_binops[s]
        from ..library.fancy_index import is_fancy_target, store_fancy
        if is_fancy_target(self, s.target):     # a[mask] += v: a[mask] = a[mask] + v
            store_fancy(self, s.target, self.expr(fake), self.type_of(fake), self.owned(fake))
            return
        if fake in self.t.elem_types:
            from .array_store import store_augmented
            store_augmented(self, s)
            return
        if isinstance(s.target, ast.Subscript) and isinstance(self.type_of(s.target.value), T.Array) \
                and not isinstance(self.type_of(fake.left), T.Array):
            # `a[f()] += x`: the index is evaluated once, as in Python and numba
            from ..library.operators import arith
            ptr, ety = self.element_pointer(s.target)
            old = self.b.load(ptr)
            old = self.b.trunc(old, i1) if ety.is_bool else old
            ty = self.type_of(fake)
            new = arith(self, type(s.op), old, ety, self.expr(s.value), self.type_of(s.value), ty, fake)
            new = self.cast(new, ty, ety)
            self.b.store(self.b.zext(new, i8) if ety.is_bool else new, ptr)
            return
        value = self.counter_step(s, fake.left) if self.counts_up(s) else self.expr(fake)
        self.assign(s.target, value, self.type_of(fake), False)

    def counts_up(self, s) -> bool:
        """Whether `s` is the increment of a counter (backend/counters.py)."""
        from .counters import counters, increment
        found = self.__dict__.get("counter_names")
        if found is None:
            found = self.__dict__["counter_names"] = counters(self.t)
        counted = increment(s)
        return counted is not None and counted[0] in found

    def counter_step(self, s, counter):
        """A counter's increment, reading it through `counter` (its Name node in `s`):
        `add nsw` of its step (counters.py says why it cannot wrap)."""
        from .counters import increment
        return self.b.add(self.expr(counter), ir.Constant(i64, increment(s)[1]), flags=["nsw"])

    def assign(self, target, value, ty, owned) -> None:
        if isinstance(target, ast.Name):
            self.store_var(target.id, value, ty, owned)
        elif isinstance(target, ast.Tuple):
            items = [self.b.extract_value(value, i) for i in range(len(target.elts))]
            # take every array reference before any store can release one (`u, v = v, u`)
            each = owned if isinstance(owned, list) else [owned] * len(items)
            for item, item_ty, item_owned in zip(items, ty.items, each):
                if T.holds_refs(item_ty) and not item_owned:
                    for ref in self.refs(item, item_ty):
                        self.incref(ref)
            for elt, item, item_ty in zip(target.elts, items, ty.items):
                self.assign(elt, item, item_ty, True)
        elif isinstance(target, ast.Subscript) and T.is_object(self.type_of(target.value)):
            from ..library.subscripts import lower_store
            lower_store(self, target, value, ty, owned)
        elif isinstance(target, ast.Subscript):
            ptr, ety = self.element_pointer(target)
            value = self.cast(value, ty, ety)
            if ety.is_bool:
                value = self.b.zext(value, i8)
            self.b.store(value, ptr)

    def stmt_If(self, s) -> None:
        if "fast_scan" in self.__dict__ and self.scan_update(s):   # if x < v: v = x
            return
        if s in self.t.pruned:
            self.block(s.body if self.t.pruned[s] else s.orelse)
            return
        then = self.fn.append_basic_block("if.then")
        other = self.fn.append_basic_block("if.else")
        end = self.fn.append_basic_block("if.end")
        self.branch_on(s.test, then, other)
        for block, body in ((then, s.body), (other, s.orelse)):
            self.b.position_at_end(block)
            self.block(body)
            if not self.b.block.is_terminated:
                self.b.branch(end)
        self.b.position_at_end(end)

    def scan_update(self, s) -> bool:
        """An update of a min/max scan lowered fast (backend/minmax_scan.py), if `s` is one."""
        from .minmax_scan import lower_update
        return lower_update(self, s)

    def stmt_While(self, s) -> None:
        """`while test: body` as `if test: do body while test`, the test before the loop
        and again at its end, as CPython's bytecode has it and numba reads it."""
        body = self.fn.append_basic_block("while.body")
        latch = self.fn.append_basic_block("while.cond")
        end = self.fn.append_basic_block("while.end")
        self.branch_on(s.test, body, end)
        self.b.position_at_end(body)
        self.loops.append((latch, end))
        self.block(s.body)
        self.loops.pop()
        if not self.b.block.is_terminated:
            self.b.branch(latch)
        self.b.position_at_end(latch)
        self.branch_on(s.test, body, end)
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
