"""Lowering of expressions other than subscripts and calls: constants, names,
operators (through library/operators.py), boolean operators and conditionals.
A mixin of `lower.FunctionLowering`."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from .llvm_types import i1, i8, value_type


class ExpressionLowering:
    # -- expressions --
    def expr(self, node):
        env = self.elem_env
        if env is not None:
            if node in env.values:
                return env.values[node]
        elif node in self.t.elem_types:
            from .array_expr import lower_elementwise
            return lower_elementwise(self, node)
        elif node in self.t.ufunc_outs:
            from .array_store import store_ufunc_out
            return store_ufunc_out(self, node)
        value = getattr(self, "expr_" + type(node).__name__)(node)
        if node in self.t.unwrapped:
            value = self.unwrap_optional(value, self.t.expr_types[node])
        return value

    def unwrap_optional(self, value, ty):
        """The value of an optional used where a value is due; TypeError if it is None (numba's)."""
        self.check(self.b.not_(self.b.extract_value(value, 0)), "TypeError", f"expected {ty.inner.name}, got None")
        return self.b.extract_value(value, 1)

    def owned(self, node) -> bool:
        """Whether an array-valued expression hands over a new reference (calls and
        materialised elementwise expressions do)."""
        if isinstance(node, ast.Call) or node in self.t.elem_types:
            return True
        if isinstance(node, ast.Subscript) and not T.is_object(self.type_of(node.value)):
            from ..library.fancy_index import copies
            return copies(self, node)    # a[mask], a[idx]: a new array
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult) and isinstance(self.type_of(node), T.Array):
            return True   # a @ b: a new array
        if isinstance(node, ast.IfExp):
            if node in self.t.pruned:
                return self.owned(node.body if self.t.pruned[node] else node.orelse)
            return self.owned(node.body) or self.owned(node.orelse)
        from ..library.subscripts import owns_object
        return owns_object(self, node)

    def truth(self, node):
        ty = self.type_of(node)
        if T.is_object(ty):
            from ..library.objects import object_truth
            return object_truth(self, node)
        value = self.expr(node)
        return self.to_bool(value, ty)

    def branch_on(self, node, then, other) -> None:
        """Branch to `then` where the condition `node` holds, else to `other`, with `and`,
        `or` and `not` of scalars as jumps, the way numba's short-circuit bytecode reads,
        rather than as an i1 merged by a phi.  LLVM folds that phi itself (insertion
        sort's code did not change with this alone: its loss was where the `while` test
        sat, see stmt_While), but a test emitted twice, before a loop and at its end,
        then starts as the plain branches it ends as."""
        if isinstance(node, ast.BoolOp) and all(T.is_number(self.type_of(v)) for v in node.values):
            is_and = isinstance(node.op, ast.And)
            for v in node.values[:-1]:
                nxt = self.fn.append_basic_block("cond.next")
                if is_and:
                    self.branch_on(v, nxt, other)
                else:
                    self.branch_on(v, then, nxt)
                self.b.position_at_end(nxt)
            self.branch_on(node.values[-1], then, other)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not) and T.is_number(self.type_of(node.operand)):
            self.branch_on(node.operand, other, then)
        else:
            self.b.cbranch(self.truth(node), then, other)

    def expr_Constant(self, node):
        ty = self.type_of(node)
        if isinstance(node.value, str):
            from ..library.objects import str_literal
            return str_literal(self, node.value)
        return constant(ty, node.value)

    def expr_Name(self, node):
        name = node.id
        if name in self.slots:
            self.check_assigned(node)
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
        if node in self.t.pruned:
            sub = node.body if self.t.pruned[node] else node.orelse
            return self.cast(self.expr(sub), self.type_of(sub), ty)
        then = self.fn.append_basic_block("ifexp.then")
        other = self.fn.append_basic_block("ifexp.else")
        end = self.fn.append_basic_block("ifexp.end")
        self.branch_on(node.test, then, other)
        incoming = []
        for block, sub in ((then, node.body), (other, node.orelse)):
            self.b.position_at_end(block)
            value = self.cast(self.expr(sub), self.type_of(sub), ty)
            if T.holds_refs(ty) and self.owned(node) and not self.owned(sub):
                for ref in self.refs(value, ty):
                    self.incref(ref)  # one arm owns: make both own
            incoming.append((value, self.b.block))
            self.b.branch(end)
        return self.join(end, ty, incoming)


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
