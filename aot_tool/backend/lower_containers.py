"""Lowering of list, set and dict displays, comprehensions and f-strings: each makes a
new CPython object (one owned reference).  A mixin of `lower.FunctionLowering`."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from ..frontend.infer_containers import comprehension_loop
from ..library import objects as O
from .llvm_types import i32, i64, pyobj
from .stack import entry_alloca


class ContainerLowering:
    def new_object(self, kind: int):
        return O.check_obj(self, O.call(self, "aot_obj_new", ir.Constant(i32, kind)))

    def fill(self, obj, node, items, want, is_set):
        """Add each item (a tuple literal item by item) to a new list or set; on failure the
        half-built object is released before leaving."""
        for elt in items:
            status = O.call(self, "aot_obj_add_steal", obj, O.box_node(self, elt, want), ir.Constant(i32, is_set))
            self.release_on_failure(status, obj)

    def release_on_failure(self, status, obj):
        failed = self.b.icmp_signed("<", status, ir.Constant(status.type, 0))
        with self.b.if_then(failed, likely=False):
            self.decref(obj)
            self.b.branch(self.error_block)
            self.b.position_at_end(self.b.function.append_basic_block("dead"))

    def expr_List(self, node):
        obj = self.new_object(0)
        self.fill(obj, node, node.elts, self.type_of(node).item, 0)
        return obj

    def expr_Set(self, node):
        obj = self.new_object(2)
        self.fill(obj, node, node.elts, self.type_of(node).item, 1)
        return obj

    def expr_Dict(self, node):
        ty = self.type_of(node)
        obj = self.new_object(1)
        for k, v in zip(node.keys, node.values):
            key, value = O.box_node(self, k, ty.key), O.box_node(self, v, ty.value)
            status = O.call(self, "aot_obj_setitem_steal", obj, key, value, ir.Constant(i64, 0), ir.Constant(i32, 0))
            self.release_on_failure(status, obj)
        return obj

    def comprehension(self, node, kind):
        var, loop = comprehension_loop(self.t, node)
        self.store_var(var, self.new_object(kind), self.t.var_types[var], owned=True)
        self.stmt_For(loop)
        value = self.b.load(self.slots[var])
        self.incref(value)
        return value

    def expr_ListComp(self, node):
        return self.comprehension(node, 0)

    def expr_DictComp(self, node):
        return self.comprehension(node, 1)

    def expr_SetComp(self, node):
        return self.comprehension(node, 2)

    def stmt_Delete(self, s):
        from ..library.subscripts import lower_delete
        for target in s.targets:
            lower_delete(self, target)

    def expr_JoinedStr(self, node):
        parts = entry_alloca(self.b, pyobj, max(len(node.values), 1))
        for k, part in enumerate(node.values):
            if isinstance(part, ast.FormattedValue):
                spec = "" if part.format_spec is None else "".join(p.value for p in part.format_spec.values)
                spec_obj = O.str_literal(self, spec)
                piece = O.call(self, "aot_obj_format_steal", O.box_node(self, part.value), spec_obj)
                self.decref(spec_obj)
            else:
                piece = O.str_literal(self, part.value)
            self.b.store(piece, self.b.gep(parts, [ir.Constant(i64, k)]))
        out = O.call(self, "aot_str_concat_steal", ir.Constant(i32, len(node.values)), parts)
        return O.check_obj(self, out)
