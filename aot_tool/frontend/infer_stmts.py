"""Typing of statements: assignments (names, tuples, array items), control flow,
assert and raise.  A mixin of `infer._Inferrer`."""

from __future__ import annotations

import ast

from . import types as T
from .syntax import RAISABLE, _as_load, _describe, _holds_array, _may_fall_through


class StatementTyping:
    # -- statements --
    def block(self, stmts) -> None:
        for s in stmts:
            self.stmt(s)
            live = self.t.pruned.get(s)
            if live is not None and not _may_fall_through(s.body if live else s.orelse):
                return  # the rest is dead code once the pruned branch returns

    def stmt(self, s) -> None:
        method = getattr(self, "stmt_" + type(s).__name__, None)
        if method is None:
            raise self.error(s, f"{_describe(s)} is not supported in compiled functions")
        method(s)

    def stmt_Pass(self, s) -> None:
        pass

    def stmt_Break(self, s) -> None:
        pass

    def stmt_Continue(self, s) -> None:
        pass

    def stmt_Expr(self, s) -> None:
        if isinstance(s.value, ast.Constant) and isinstance(s.value.value, str):
            return  # docstring
        self.expr(s.value)

    def stmt_Return(self, s) -> None:
        ty = T.none if s.value is None else self.expr_keep(s.value)
        if ty is not None:
            self.returns.append((ty, s))

    def stmt_Assign(self, s) -> None:
        ty = self.expr_keep(s.value) if all(isinstance(t, ast.Name) for t in s.targets) else self.expr(s.value)
        for target in s.targets:
            self.assign(target, ty, s.value)

    def stmt_AnnAssign(self, s) -> None:
        if s.value is None:
            return
        typing = self.expr_keep if isinstance(s.target, ast.Name) else self.expr
        self.assign(s.target, typing(s.value), s.value)

    def stmt_AugAssign(self, s) -> None:
        # `a[i] += x` is typed and lowered as `a[i] = a[i] + x`; the made-up BinOp lives in
        # this specialisation, never on the shared AST (exports compile on several threads)
        fake = self.t.aug_binops.get(s)
        if fake is None:
            fake = ast.copy_location(ast.BinOp(left=_as_load(s.target), op=s.op, right=s.value), s)
            self.t.aug_binops[s] = fake
        ty = self.expr(fake)
        if isinstance(s.target, ast.Name) and isinstance(ty, T.Array):
            from ..library.elementwise import check_view_store
            target_ty = self.expr(_as_load(s.target))   # an array variable keeps its identity
            check_view_store(self, s.target, target_ty, ty, s.value, True)
            self.stored_vars.add(s.target.id)
            self.note(s.target, target_ty)
            return
        self.assign(s.target, ty, s.value, augmented=True)

    def assign(self, target, ty, value_node, augmented=False) -> None:
        if isinstance(target, ast.Name):
            if ty is None:
                return
            if isinstance(ty, (T.Module, T.Function, T.DType)):
                raise self.error(target, f"cannot store {ty.name} in a variable")
            if isinstance(ty, T.ONLY_ITERATED):
                raise self.error(value_node, f"{ty.name.split('(')[0]} objects can only be iterated over directly")
            if _holds_array(ty):
                raise self.error(target, "a tuple holding arrays can only be returned or unpacked "
                                         "(`a, b = ...`), not stored in a variable")
            self.set_var(target.id, ty, target)
            self.note(target, self.t.var_types[target.id])
        elif isinstance(target, ast.Tuple):
            if ty is None:
                return
            if isinstance(ty, T.Tuple):
                items = ty.items
            elif isinstance(ty, T.Array) and ty.ndim == 1 and len(target.elts) > 0:
                raise self.error(target, "unpacking an array is not supported; index it instead")
            else:
                raise self.error(target, f"cannot unpack {ty.name}")
            if len(items) != len(target.elts):
                raise self.error(target, f"cannot unpack {len(items)} values into {len(target.elts)} names")
            for elt, item in zip(target.elts, items):
                self.assign(elt, item, value_node)
        elif isinstance(target, ast.Subscript):
            base = self.expr(target.value)
            if base is None:
                return
            if T.is_object(base):
                return self.object_store(target, base, ty, value_node)
            if not isinstance(base, T.Array):
                raise self.error(target, f"cannot assign to an item of {base.name}")
            if isinstance(target.value, ast.Name):
                self.stored_vars.add(target.value.id)
            else:
                self.stored_vars.add("*")
            from ..library.fancy_index import check_fancy_store
            if ty is not None and check_fancy_store(self, target, base, ty, value_node):
                return
            itype = self.index(target, base)
            if ty is not None and itype is not None:
                if isinstance(itype, T.Array):
                    from ..library.elementwise import check_view_store
                    check_view_store(self, target, itype, ty, value_node, augmented)
                    self.note(target, itype)
                    return
                if not T.can_convert(ty, itype):
                    raise self.error(value_node, f"cannot store {ty.name} into an array of {itype.name}")
        else:
            raise self.error(target, f"cannot assign to {_describe(target)}")

    def stmt_If(self, s) -> None:
        live = self.none_test(s.test)
        if live is not None:
            # numba prunes `if arg is None` where arg's type decides it: the dead branch is never typed
            self.t.pruned[s] = live
            self.block(s.body if live else s.orelse)
            return
        self.truth(s.test)
        self.block(s.body)
        self.block(s.orelse)

    def none_test(self, test):
        """For `param is None` / `param is not None` where the parameter's type decides it (none,
        or not optional) and it still holds the caller's value (never reassigned, or this is
        its first mention, see none_params.py): whether the test is true; else None."""
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Is, ast.IsNot))):
            return None
        left, right = test.left, test.comparators[0]
        if isinstance(left, ast.Constant) and left.value is None:
            left, right = right, left
        if not (isinstance(right, ast.Constant) and right.value is None and isinstance(left, ast.Name)):
            return None
        params = [a.arg for a in self.t.node.args.args]
        if left.id not in params:
            return None
        first = self.t.first_tests.get(left.id)
        if (first is None or first.test is not test) and left.id in self.assigned:
            return None   # reassigned before this test: its type no longer says what it holds
        ty = self.t.arg_types[params.index(left.id)]
        if isinstance(ty, T.Optional):
            return None
        is_none = isinstance(ty, T.NoneType)
        return is_none if isinstance(test.ops[0], ast.Is) else not is_none

    def stmt_While(self, s) -> None:
        if s.orelse:
            raise self.error(s, "while ... else is not supported")
        self.truth(s.test)
        self.block(s.body)

    def stmt_For(self, s) -> None:
        if s.orelse:
            raise self.error(s, "for ... else is not supported")
        ity = self.expr(s.iter)
        if ity is None:
            self.block(s.body)
            return
        from ..library.iterables import element_type
        elem = element_type(self, s.iter, ity)
        if elem is None:        # a generator still being typed
            self.block(s.body)
            return
        if not isinstance(s.target, (ast.Name, ast.Tuple)):
            raise self.error(s.target, "loop targets must be names")
        self.assign(s.target, elem, s.iter)
        self.block(s.body)

    def stmt_Assert(self, s) -> None:
        self.truth(s.test)
        if s.msg is not None and not (isinstance(s.msg, ast.Constant) and isinstance(s.msg.value, str)):
            raise self.error(s.msg, "assert messages must be string literals")

    def stmt_Raise(self, s) -> None:
        exc = s.exc
        if exc is None or s.cause is not None:
            raise self.error(s, "only `raise SomeError('message')` is supported")
        call = exc if isinstance(exc, ast.Call) else None
        name = call.func if call else exc
        if not (isinstance(name, ast.Name) and name.id in RAISABLE):
            raise self.error(exc, f"only these exceptions can be raised: {', '.join(sorted(RAISABLE))}")
        if call and (call.keywords or len(call.args) > 1 or
                     (call.args and not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)))):
            raise self.error(exc, "exception arguments must be one string literal")
