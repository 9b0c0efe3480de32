"""Lowering of closures (frontend/closures.py): a closure's value is the struct of the
variables it captures, read where the closure is used; calling it passes them after
the arguments.  Inner defs and lambda bindings emit nothing where they stand.
A mixin of `lower.FunctionLowering`, ahead of the statement and expression lowering."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from .llvm_types import value_type


class ClosureLowering:
    def stmt_FunctionDef(self, s) -> None:
        pass

    def stmt_Assign(self, s) -> None:
        if isinstance(s.value, ast.Lambda) and isinstance(s.targets[0], ast.Name) \
                and self.t.closures.get(s.targets[0].id) is s.value:
            return
        super().stmt_Assign(s)

    def expr_Name(self, node):
        if node.id in self.t.closures and node.id not in self.slots:
            return self.closure_value(self.type_of(node))
        return super().expr_Name(node)

    def expr_Lambda(self, node):
        return self.closure_value(self.type_of(node))

    def closure_value(self, cty):
        """The captured variables' current values."""
        out = ir.Constant(value_type(cty), ir.Undefined)
        for i, (name, ty) in enumerate(cty.captured):
            if name in self.slots:
                value = self.b.load(self.slots[name])
            else:
                value = self.closure_value(ty)
            out = self.b.insert_value(out, value, i)
        return out

    def captured_values(self, func_node, callee):
        closure = self.expr(func_node)
        return [self.b.extract_value(closure, i) for i in range(len(callee.extra_params))]
