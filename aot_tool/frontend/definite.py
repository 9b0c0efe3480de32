"""Definite assignment: which reads of a local variable may happen before any
assignment to it on some path.

`if x > 0: y = 1.0` then `return y` reads `y` unassigned when x <= 0; so does
`return last` after `for i in range(n): last = i` when n == 0. CPython raises
UnboundLocalError there; compiled code must not make up a value (a zero, or a
NULL array that a proven-in-range index then writes through). Lowering keeps an
"assigned" flag only for variables with such reads and checks it only at them, so
code whose variables are always assigned first pays nothing.

A must-analysis over the structured AST: the state is the set of names assigned
on every path so far (None: no path reaches here). A loop body may run zero
times, so nothing it assigns is definite after it (but `while True:` ends only
through its breaks).
"""

from __future__ import annotations

import ast

# Scopes of their own: their names are not the function's locals.
_OWN_SCOPES = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.FunctionDef)


def maybe_unassigned_reads(func: ast.FunctionDef) -> set:
    """Name-load nodes (and AugAssign statements on a name) of `func` that may read a
    local before it is assigned."""
    analysis = _Analysis(func)
    params = {a.arg for a in func.args.args + func.args.posonlyargs + func.args.kwonlyargs}
    analysis.block(func.body, frozenset(params))
    return analysis.flagged


def _stored_names(func: ast.FunctionDef) -> set:
    names, stack = set(), list(func.body)
    while stack:
        node = stack.pop()
        if isinstance(node, _OWN_SCOPES):
            if isinstance(node, ast.FunctionDef):
                names.add(node.name)
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        stack.extend(ast.iter_child_nodes(node))
    return names


class _Analysis:
    def __init__(self, func):
        self.locals = _stored_names(func)
        self.flagged: set = set()
        self.breaks: list = []      # per enclosing loop: the states at its breaks

    # -- expressions: every read is checked against the state --
    def reads(self, node, state) -> None:
        if node is None or state is None:
            return
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, _OWN_SCOPES):
                self._scope_reads(n, state)
                continue
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
                if n.id in self.locals and n.id not in state:
                    self.flagged.add(n)
            stack.extend(ast.iter_child_nodes(n))

    def _scope_reads(self, scope, state) -> None:
        """Free names of a lambda, comprehension or inner function read the enclosing
        locals (when it runs; taken as now, as numba inlines them)."""
        own = set()
        for n in ast.walk(scope):
            if isinstance(n, ast.arg):
                own.add(n.arg)
            elif isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                own.add(n.id)
        for n in ast.walk(scope):
            if (isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in own
                    and n.id in self.locals and n.id not in state):
                self.flagged.add(n)

    # -- statements: state in, state out --
    def block(self, stmts, state):
        for s in stmts:
            if state is None:
                return None
            state = self.stmt(s, state)
        return state

    def stmt(self, s, state):
        if isinstance(s, ast.Assign):
            self.reads(s.value, state)
            for t in s.targets:
                state = self.target(t, state)
            return state
        if isinstance(s, ast.AnnAssign):
            if s.value is None:
                return state
            self.reads(s.value, state)
            return self.target(s.target, state)
        if isinstance(s, ast.AugAssign):
            self.reads(s.value, state)
            if isinstance(s.target, ast.Name):
                if s.target.id in self.locals and s.target.id not in state:
                    self.flagged.add(s)   # `y += 1` reads y through the statement itself
            else:
                self.reads(s.target, state)
            return self.target(s.target, state)
        if isinstance(s, ast.If):
            self.reads(s.test, state)
            return _meet(self.block(s.body, state), self.block(s.orelse, state))
        if isinstance(s, ast.While):
            self.reads(s.test, state)
            self.breaks.append([])
            self.block(s.body, state)
            breaks = self.breaks.pop()
            self.block(s.orelse, state)
            if isinstance(s.test, ast.Constant) and s.test.value is True:
                out = None
                for b in breaks:
                    out = _meet(out, b)
                return out
            return state
        if isinstance(s, ast.For):
            self.reads(s.iter, state)
            self.breaks.append([])
            self.block(s.body, self.target(s.target, state))
            self.breaks.pop()
            self.block(s.orelse, state)
            return state
        if isinstance(s, (ast.Return, ast.Raise)):
            for child in ast.iter_child_nodes(s):
                self.reads(child, state)
            return None
        if isinstance(s, ast.Break):
            if self.breaks:
                self.breaks[-1].append(state)
            return None
        if isinstance(s, ast.Continue):
            return None
        if isinstance(s, ast.FunctionDef):
            self._scope_reads(s, state)
            return state | {s.name}
        for child in ast.iter_child_nodes(s):
            self.reads(child, state)
        return state

    def target(self, t, state):
        if state is None:
            return None
        if isinstance(t, ast.Name):
            return state | {t.id}
        if isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                state = self.target(e, state)
            return state
        if isinstance(t, ast.Starred):
            return self.target(t.value, state)
        self.reads(t, state)   # a[i] = v reads a and i
        return state


def _meet(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return a & b
