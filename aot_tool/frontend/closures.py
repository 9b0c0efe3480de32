"""Typing of lambdas, inner functions, generators and functions passed as arguments.

An inner `def` or a lambda bound to a name is a closure: a function specialised like
any helper, whose extra parameters are the enclosing variables it reads.  Using the
closure (calling it or passing it on) reads those variables at that moment, which is
what numba's inlining gives (`k = 2; f = lambda v: v * k; k = 10; f(1)` is 10).  Its
value is the tuple of captured values, so a closure handed to a helper carries them.

A generator function (one that yields) is typed like a helper whose return type is
the type it yields; a `for` over a call to it inlines its body (library/generators.py).
"""

from __future__ import annotations

import ast

from . import types as T


def _own_nodes(func):
    """The nodes of a function's body, not those of functions nested in it."""
    stack = list(func.body) if isinstance(func.body, list) else [func.body]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            stack.extend(d for d in node.args.defaults)
            continue
        stack.extend(ast.iter_child_nodes(node))


def is_generator(func) -> bool:
    return isinstance(func, ast.FunctionDef) and any(isinstance(n, (ast.Yield, ast.YieldFrom))
                                                     for n in _own_nodes(func))


def bindings(func) -> dict:
    """name -> the inner def, or the lambda assigned to it (`sq = lambda v: v * v`)."""
    out = {}
    for node in _own_nodes(func):
        if isinstance(node, ast.FunctionDef):
            out[node.name] = node
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Lambda):
            out[node.targets[0].id] = node.value
    return out


def _lambda_targets(func, lam):
    for node in _own_nodes(func):
        if isinstance(node, ast.Assign) and node.value is lam:
            yield from (t for t in node.targets if isinstance(t, ast.Name))


def _locals(func) -> set:
    names = {a.arg for a in func.args.args}
    for node in _own_nodes(func):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef):
            names.add(node.name)
    return names


def free_names(func) -> set:
    """Names a function or lambda reads that it does not bind itself."""
    loads = set()
    for node in _own_nodes(func):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            loads.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.Lambda)):
            loads |= free_names(node)
    return loads - _locals(func)


_LAMBDA_DEFS: dict = {}


def as_function(node) -> ast.FunctionDef:
    """A lambda as the one-statement function it is (made once per lambda)."""
    if isinstance(node, ast.FunctionDef):
        return node
    made = _LAMBDA_DEFS.get(node)
    if made is None:
        ret = ast.copy_location(ast.Return(value=node.body), node.body)
        made = ast.copy_location(ast.FunctionDef(name="<lambda>", args=node.args, body=[ret], decorator_list=[],
                                                 returns=None, type_comment=None, type_params=[]), node)
        made = _LAMBDA_DEFS.setdefault(node, made)
    return made


class ClosureTyping:
    """A mixin of `infer._Inferrer`, ahead of the statement and expression typing."""

    def closure_bindings(self) -> dict:
        if getattr(self, "_bindings_found", False):
            return self.t.closures
        self._bindings_found = True       # once per pass over the function (most have none)
        if not self.t.closures:
            found = bindings(self.t.node)
            for node in _own_nodes(self.t.node):
                if isinstance(node, ast.FunctionDef) and found[node.name] is not node or \
                        isinstance(node, ast.Lambda) and any(n.id in found and found[n.id] is not node
                                                              for n in _lambda_targets(self.t.node, node)):
                    raise self.error(node, "an inner function's name can be bound only once")
            for name, node in sorted(found.items()):
                if name in self.t.params:     # its reads would still see the argument
                    raise self.error(node, f"'{name}' is a parameter; an inner function or lambda needs a "
                                           "name of its own")
            self.t.closures.update(found)
        return self.t.closures

    def closure_type(self, node, name, seen=()):
        """The Closure type of an inner def or lambda here, or None while a variable it
        reads has no type yet."""
        bound = self.closure_bindings()
        outer = set(self.t.params) | _locals(self.t.node) | set(bound)
        captured = []
        for c in sorted(free_names(node) & outer):
            if c in bound:
                if bound[c] in seen + (node,):
                    use = next(n for n in ast.walk(node) if isinstance(n, ast.Name) and n.id == c)
                    raise self.error(use, "recursive inner functions are not supported; "
                                          "make it a module-level function")
                ty = self.closure_type(bound[c], c, seen + (node,))
            else:
                ty = self.t.var_types.get(c)
            if ty is None:
                return None
            if isinstance(ty, T.Iterator):
                use = next(n for n in ast.walk(node) if isinstance(n, ast.Name) and n.id == c)
                raise self.error(use, "an inner function cannot use an iterator of the enclosing function")
            captured.append((c, ty))
        from .infer import file_tag
        self.registry[("file", file_tag(self.src))] = self.src   # its body reads its own file's globals
        return T.Closure(node=node, key=f"{self.t.qualname or self.t.node.name}.{name}", captured=tuple(captured),
                         home=file_tag(self.src))

    def _lambda_name(self, node) -> str:
        lambdas = [n for n in _own_nodes(self.t.node) if isinstance(n, ast.Lambda)]
        return f"lambda{sorted(lambdas, key=lambda n: (n.lineno, n.col_offset)).index(node)}"

    # -- statements --
    def stmt_FunctionDef(self, s) -> None:
        from .infer import _check_function_shape
        _check_function_shape(self.src, s)

    def stmt_Assign(self, s) -> None:
        if isinstance(s.value, ast.Lambda) and isinstance(s.targets[0], ast.Name) \
                and self.closure_bindings().get(s.targets[0].id) is s.value:
            return      # a binding: the closure is made where it is used
        if isinstance(s.value, ast.Name) and isinstance(self.t.var_types.get(s.value.id), T.Iterator):
            raise self.error(s.value, "an iterator cannot be copied into another variable; keep using "
                                      f"'{s.value.id}'")
        for target in s.targets:
            if isinstance(target, ast.Name) and target.id in self.closure_bindings():
                raise self.error(target, f"'{target.id}' names an inner function; it cannot be assigned again")
        super().stmt_Assign(s)

    def stmt_Expr(self, s) -> None:
        if isinstance(s.value, ast.Yield):
            if not self.t.is_generator:
                raise self.error(s.value, "yield outside a generator")
            if s.value.value is None:
                raise self.error(s.value, "a bare `yield` is not supported; yield a value")
            ty = self.expr(s.value.value)
            if ty is not None:
                if not isinstance(ty, (T.Scalar, T.Tuple, T.Array)):
                    raise self.error(s.value, f"cannot yield {ty.name}")
                self.returns.append((ty, s))
            self.note(s.value, ty)
            return
        if isinstance(s.value, ast.Call):
            if isinstance(self.expr(s.value), T.Generator):
                raise self.error(s.value, "generator objects can only be iterated over directly "
                                          "(`for x in gen(...)`)")
            return
        super().stmt_Expr(s)

    def stmt_Return(self, s) -> None:
        if self.t.is_generator:
            if s.value is not None:
                raise self.error(s, "a generator can only `return` without a value")
            return
        if s.value is not None:
            ty = self.expr_keep(s.value)   # a returned optional stays one
            if isinstance(ty, (T.Closure, T.Function)):
                raise self.error(s.value, "functions cannot be returned; call them here or pass them on")
            if isinstance(ty, T.ONLY_ITERATED):
                raise self.error(s.value, f"{ty.name.split('(')[0]} objects can only be iterated over directly, "
                                          "not returned")
        super().stmt_Return(s)

    def finish_generator(self) -> None:
        result = None
        for ty, node in self.returns:
            u = ty if result is None else T.unify(result, ty)
            if u is None:
                raise self.error(node, f"cannot unify the yielded types {result.name} and {ty.name} "
                                       f"of {self.t.node.name}()")
            result = u
        if result is None and self.strict:
            raise self.error(self.t.node, f"generator {self.t.node.name}() never yields")
        self.t.return_type = result

    # -- expressions --
    def expr_Name(self, node):
        if node.id in self.closure_bindings() and node.id not in self.t.var_types:
            bound = self.closure_bindings()[node.id]
            return self.closure_type(bound, node.id)
        return super().expr_Name(node)

    def expr_Lambda(self, node):
        return self.closure_type(node, self._lambda_name(node))

    def expr_Yield(self, node):
        raise self.error(node, "yield is only supported as a statement (`yield value`)")

    def expr_Call(self, node):
        if isinstance(node.func, (ast.Name, ast.Lambda)):
            fty = self.expr(node.func)
            if isinstance(fty, T.Closure):
                return self.call_closure(node, fty)
        return super().expr_Call(node)

    def call_closure(self, node, cty):
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error(node, "inner functions take positional arguments only")
        args = [self.expr_keep(a) for a in node.args]
        if any(a is None for a in args):
            return None
        func = as_function(cty.node)
        if len(func.args.args) != len(args):
            raise self.error(node, f"{cty.key.split('.')[-1]}() takes {len(func.args.args)} argument(s) "
                                   f"but {len(args)} were given")
        self._check_passable(node.args, args)
        callee = self._specialise_closure(cty, func, tuple(args))
        self.t.calls[node] = ("closure", callee)
        self.t.call_args[node] = list(node.args)
        return self._result_of(callee)

    def call_user(self, node, path):
        ty = super().call_user(node, path)
        bound = self.t.call_args.get(node, [])
        self._check_passable(bound, [self.t.expr_types.get(a) for a in bound])
        callee = self.t.calls[node][1] if node in self.t.calls else None
        return self._result_of(callee) if callee is not None and callee.is_generator else ty

    def _result_of(self, callee):
        if callee.return_type is None:
            return None
        if callee.is_generator:
            return T.Generator(typed=callee, key=callee.symbol)
        return callee.return_type

    def _check_passable(self, nodes, args):
        for a, n in zip(args, nodes):
            if isinstance(a, T.Iterator):
                raise self.error(n, "iterators cannot be passed to other functions (numba's would share "
                                    "their position); pass the array or range")
            if isinstance(a, T.Function) and a.path.startswith("method."):
                raise self.error(n, "a bound method cannot be passed as an argument; wrap it in a lambda")

    def _specialise_closure(self, cty, func, args):
        from .infer import Typed, _Inferrer, _check_function_shape, _mangle
        arg_types = args + tuple(t for _, t in cty.captured)
        key = ("closure", id(cty.node), arg_types)
        if key in self.registry:
            return self.registry[key]
        home = self.registry[("file", cty.home)]
        symbol = f"aotfn.{cty.home}.{cty.key}." + "_".join(_mangle(t) for t in arg_types)
        typed = Typed(source=home, node=func, arg_types=arg_types, symbol=symbol,
                      extra_params=tuple(c for c, _ in cty.captured), qualname=cty.key,
                      is_generator=is_generator(func))
        self.registry[key] = typed
        self.order.append(typed)
        _check_function_shape(home, func)
        _Inferrer(typed, self.registry, self.order).run()
        typed.done = True
        return typed
