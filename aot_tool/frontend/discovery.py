"""Finding a source's CC objects and exports by walking its statements with `ast`.

Real numba.pycc build scripts create their CC at module level, inside
`if __name__ == "__main__":` or inside a function (called from there, from module
level, or not at all), and register exports with decorators or with calls
(`cc.export('f', SIG)(f)`, in a loop over a literal tuple of signatures, for a
function imported from another project file).  The walk follows the statements as
Python would run them as a script, but only as far as it can know without running
anything (frontend/static_values.py): a build script is read, never executed.
Functions are entered only when they may create a CC or register an export.

Where a source registers exports in a way the walk cannot follow (a module name
computed at run time, a loop over something that is not a literal), it raises a
located CompileError saying what to write instead: an export the source registers
is never silently missing.
"""

from __future__ import annotations

import ast

from . import static_values as V
from .cc_exports import Registry
from .project_files import ProjectFiles
from .registration_scan import COMPREHENSIONS, RegistrationScan
from .errors import error_at
from .source import CC_CLASSES, CC_SETTINGS, JIT_DECORATORS, LIBRARY_ROOTS, Source

MAX_CALL_DEPTH = 16


class _Return(Exception):
    def __init__(self, value):
        self.value = value


class _Scope:
    """Names bound while walking a module or one call of a function."""

    def __init__(self, parent=None, func=None):
        self.names: dict = {}
        self.parent = parent
        self.func = func              # the Function whose call this is (None: the module)
        self.declared_global: set = set()
        self.maybe_return = None      # what a `return` under an `if` we could not decide gave


def discover(source: Source) -> None:
    """Fill source.modules (and source.functions for exported inner functions)."""
    if "CC" in source.text:      # no CC anywhere: a helper or kernel file, nothing to walk
        _Walker(source).run()


class _Walker:
    def __init__(self, source: Source):
        self.src = source
        self.reg = Registry(source)
        self.project = ProjectFiles(source)
        self.module = _Scope()
        self.module.names["__name__"] = "__main__"   # a build script is run as one
        self.active: list = []        # FunctionDefs being walked (a call never recurses)
        self.ran: set = set()         # FunctionDefs walked at least once
        self.defined: list = []       # every Function whose `def` the walk passed
        self.scan = RegistrationScan(source, lambda name: self.lookup(name, self.module))

    def run(self) -> None:
        self.exec_block(self.src.tree.body, self.module)
        # `def build(): cc = CC('m'); ...` that nothing calls: numba users run it by hand.
        # Those no other such function calls go first, so `def main(): build('m')` gives
        # build() its argument
        pending = [f for f in self.defined if f.node not in self.ran and self.scan.registers(f.node)]
        called = {name for f in pending for name in self.scan.called_names(f.node)}
        for func in sorted(pending, key=lambda f: f.node.name in called):
            if func.node not in self.ran:
                self.call_function(func, func.node, [], {})
        for spec in self.src.modules.values():
            spec.variable = spec.variable or "cc"

    # ---- statements -------------------------------------------------------------

    def exec_block(self, body, scope: _Scope) -> None:
        for stmt in body:
            try:
                self.exec_stmt(stmt, scope)
            except RecursionError:
                # an expression nested deeper than Python's stack (`'a' + 'b' + ...` a thousand
                # times): fine to skip unless it may create a CC or register an export
                if self.scan.mentions_cc(stmt):
                    raise error_at(self.src, stmt, "cannot follow this statement: its expressions nest too "
                                                   "deeply to read; split it into several statements") from None
                self.forget_stores(stmt, scope)

    def exec_stmt(self, stmt, scope: _Scope) -> None:
        if isinstance(stmt, ast.Expr):
            self.eval(stmt.value, scope)
        elif isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value, scope)
            for target in stmt.targets:
                self.assign(target, value, scope, stmt)
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self.assign(stmt.target, self.eval(stmt.value, scope), scope, stmt)
        elif isinstance(stmt, ast.AugAssign):
            value = self.eval(stmt.value, scope)
            if isinstance(stmt.target, ast.Name):
                self.bind(stmt.target.id, V.fold_binop(stmt.op, self.eval(stmt.target, scope), value), scope)
        elif isinstance(stmt, ast.If):
            self.exec_if(stmt, scope)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            self.exec_for(stmt, scope)
        elif isinstance(stmt, (ast.While, ast.Match, ast.ClassDef)):
            self.not_followed(stmt, scope)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                self.eval(item.context_expr, scope)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, V.UNKNOWN, scope, stmt)
            self.exec_block(stmt.body, scope)
        elif isinstance(stmt, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            # handlers first, so `try: from numba.pycc import CC / except ImportError: CC = None`
            # leaves the name the try body binds
            for handler in stmt.handlers:
                if handler.name:
                    self.bind(handler.name, V.UNKNOWN, scope)
                self.exec_block(handler.body, scope)
            for block in (stmt.body, stmt.orelse, stmt.finalbody):
                self.exec_block(block, scope)
        elif isinstance(stmt, ast.FunctionDef):
            self.define(stmt, scope)
        elif isinstance(stmt, ast.Return):
            raise _Return(self.eval(stmt.value, scope) if stmt.value is not None else None)
        elif isinstance(stmt, ast.Import):
            for a in stmt.names:
                if a.asname:
                    self.bind(a.asname, V.Alias(a.name), scope)
                else:
                    self.bind(a.name.split(".")[0], V.Alias(a.name.split(".")[0]), scope)
        elif isinstance(stmt, ast.ImportFrom):
            mod = stmt.module or ""
            for a in stmt.names:
                if stmt.level == 0 and mod.split(".")[0] in LIBRARY_ROOTS:
                    value = V.Alias(f"{mod}.{a.name}")
                else:
                    value = V.Imported(mod, stmt.level, a.name, stmt)
                self.bind(a.asname or a.name, value, scope)
        elif isinstance(stmt, ast.Global):
            scope.declared_global.update(stmt.names)

    def exec_if(self, stmt: ast.If, scope: _Scope) -> None:
        known = V.truth(self.eval(stmt.test, scope))
        if known is True:
            self.exec_block(stmt.body, scope)
        elif known is False:
            self.exec_block(stmt.orelse, scope)
        else:
            # a condition only the running source could decide: read both branches, so
            # an export registered under `if has_blas:` is built, never dropped
            self.reg.undecided.append(stmt)
            for block in (stmt.body, stmt.orelse):
                try:
                    self.exec_block(block, scope)
                except _Return as r:
                    scope.maybe_return = r.value
            self.reg.undecided.pop()

    def exec_for(self, stmt, scope: _Scope) -> None:
        if not self.scan.registers(stmt):
            self.forget_stores(stmt, scope)
            return
        items = self.eval(stmt.iter, scope)
        if isinstance(items, dict):
            items = tuple(items)
        if not isinstance(items, (tuple, list, str)):
            raise error_at(self.src, stmt.iter, f"cannot follow this loop: it registers exports, but "
                           f"`{V.describe(stmt.iter)}` is only known when the source runs; loop over a "
                           "literal tuple or list (`for sig in ('f8(f8)', 'f4(f4)'):`) or a name bound to "
                           "one, or write each cc.export(...) out")
        jump = next((n for n in ast.walk(stmt) if isinstance(n, (ast.Break, ast.Continue))), None)
        if jump is not None:
            raise error_at(self.src, jump, "cannot follow `break` or `continue` in a loop that registers "
                                           "exports; write the exports out or loop over only the ones wanted")
        for item in list(items):
            self.assign(stmt.target, item, scope, stmt)
            self.exec_block(stmt.body, scope)
        self.exec_block(stmt.orelse, scope)

    def not_followed(self, stmt, scope: _Scope) -> None:
        """`while`, `match`, `class`: fine unless they create a CC or register an export."""
        if self.scan.registers(stmt):
            what = {ast.While: "a `while` loop", ast.Match: "a `match` statement",
                    ast.ClassDef: "a class body"}[type(stmt)]
            raise error_at(self.src, stmt, f"cannot follow CC objects or exports inside {what}: "
                                           "create the CC and register its exports at module level, in an "
                                           "`if` block, a `for` loop over a literal tuple, or a function")
        if isinstance(stmt, ast.ClassDef):
            self.bind(stmt.name, V.UNKNOWN, scope)
        self.forget_stores(stmt, scope)

    def forget_stores(self, stmt, scope: _Scope) -> None:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                self.bind(node.id, V.UNKNOWN, scope)

    def define(self, stmt: ast.FunctionDef, scope: _Scope) -> None:
        if scope.func is not None:
            key = f"{scope.func.key}.<locals>.{stmt.name}"
        elif self.src.functions.get(stmt.name, stmt) is stmt:
            key = stmt.name     # a module-level def, also one under `if`/`with`
            self.src.functions[key] = stmt
        else:
            key = f"{stmt.name}@{stmt.lineno}"   # defined again under an `if`: keep both
        func = V.Function(key, stmt, scope)
        self.defined.append(func)
        decorators = [self.eval(d, scope) for d in stmt.decorator_list]
        for deco, value in zip(reversed(stmt.decorator_list), reversed(decorators)):
            if isinstance(value, V.Exporter):
                self.reg.add_export(value, None, func, deco)
        self.bind(stmt.name, func, scope)

    # ---- names ------------------------------------------------------------------

    def bind(self, name: str, value, scope: _Scope) -> None:
        if scope.func is not None and name in scope.declared_global:
            scope = self.module
        scope.names[name] = value
        if isinstance(value, V.CCObject) and value.spec.variable is None:
            value.spec.variable = name

    def lookup(self, name: str, scope: _Scope):
        if scope.func is not None and name in scope.declared_global:
            scope = self.module
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        src = self.src
        if name in src.functions:
            return V.Function(name, src.functions[name], self.module)
        if name in src.from_imports:
            mod, level, orig, node = src.from_imports[name]
            return V.Imported(mod, level, orig, node)
        if name in src.aliases:
            return V.Alias(src.aliases[name])
        if name in src.constants:
            return src.constants[name][0]
        return V.UNBOUND

    def assign(self, target, value, scope: _Scope, stmt) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, value, scope)
        elif isinstance(target, (ast.Tuple, ast.List)):
            starred = any(isinstance(e, ast.Starred) for e in target.elts)
            ok = isinstance(value, (tuple, list)) and len(value) == len(target.elts) and not starred
            for i, elt in enumerate(target.elts):
                self.assign(elt.value if isinstance(elt, ast.Starred) else elt,
                            value[i] if ok else V.UNKNOWN, scope, stmt)
        elif isinstance(target, ast.Attribute):
            base = self.eval(target.value, scope)
            if isinstance(base, V.CCObject) and target.attr in CC_SETTINGS:
                self.reg.setting(base.spec, target.attr, value, stmt)
        elif isinstance(target, ast.Subscript):
            base = self.eval(target.value, scope)
            if isinstance(target.value, ast.Name) and isinstance(base, (list, dict)):
                self.bind(target.value.id, V.UNKNOWN, scope)   # changed in a way we do not track

    # ---- expressions ------------------------------------------------------------

    def eval(self, node, scope: _Scope):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            value = self.lookup(node.id, scope)
            return V.UNKNOWN if value is V.UNBOUND else self.project.value(value)
        if isinstance(node, ast.Attribute):
            return self.project.value(self.attribute(self.eval(node.value, scope), node.attr, node))
        if isinstance(node, ast.Call):
            return self.eval_call(node, scope)
        if isinstance(node, ast.NamedExpr):
            value = self.eval(node.value, scope)
            self.bind(node.target.id, value, scope)
            return value
        if isinstance(node, COMPREHENSIONS) and self.scan.registers(node):
            raise error_at(self.src, node, "cannot follow exports registered inside a comprehension or "
                                           "lambda; write a `for` loop over a literal tuple, or each "
                                           "cc.export(...) out")
        return V.fold_expression(node, lambda n: self.eval(n, scope))

    def attribute(self, base, attr: str, node):
        if attr == "__name__" and isinstance(base, (V.Function, V.Imported)):
            return base.node.name if isinstance(base, V.Function) else base.name   # cc.export(f.__name__, sig)
        if attr == "py_func" and isinstance(base, (V.Function, V.Imported)):
            return base      # a dispatcher's Python function: the same source
        if isinstance(base, V.Alias):
            return V.Alias(f"{base.path}.{attr}")
        if isinstance(base, V.Imported):
            module = f"{base.module}.{base.name}" if base.module else base.name
            return V.Imported(module, base.level, attr, base.node)
        if isinstance(base, V.CCObject):
            if attr == "name":
                return base.spec.name
            if attr in CC_SETTINGS:
                return base.spec.settings.get(attr, V.UNKNOWN)
            return V.Method(base, attr)
        return V.UNKNOWN

    def eval_call(self, node: ast.Call, scope: _Scope):
        base = V.UNBOUND
        if isinstance(node.func, ast.Attribute):
            base = self.eval(node.func.value, scope)   # once: `make_cc().compile()` makes one CC
            func = self.attribute(base, node.func.attr, node.func)
        else:
            func = self.eval(node.func, scope)
        args = []
        for a in node.args:
            if isinstance(a, ast.Starred):
                inner = self.eval(a.value, scope)
                args.extend(inner if isinstance(inner, (tuple, list)) else [V.UNKNOWN])
            else:
                args.append(self.eval(a, scope))
        kwargs = {k.arg: self.eval(k.value, scope) for k in node.keywords if k.arg is not None}
        if isinstance(func, V.Alias) and func.path in CC_CLASSES:
            return self.reg.create_cc(node, args, kwargs)
        if isinstance(func, V.Alias) and func.path in JIT_DECORATORS or isinstance(func, V.JitFactory):
            if len(node.args) == 1 and isinstance(args[0], (V.Function, V.Imported)):
                return args[0]       # njit(f): the function, still compiled from its source
            return V.JitFactory(getattr(func, "path", ""))
        if func is V.UNKNOWN and base is V.UNKNOWN and getattr(node.func, "attr", None) == "export":
            self.reg.check_unknown_exporter(node, args)
        if isinstance(func, V.Method):
            if func.name == "export":
                return self.reg.make_exporter(node, func.cc, args, kwargs, lambda name: self.lookup(name, scope))
            return V.UNKNOWN
        if isinstance(func, V.Exporter):
            return self.reg.register(func, node, args)
        if isinstance(func, V.Function):
            return self.call_function(func, node, args, kwargs)
        if any(isinstance(a, V.CCObject) for a in [*args, *kwargs.values()]) and self.project.is_function(func):
            raise error_at(self.src, node, f"cannot follow `{V.describe(node)}`: a function from another file "
                                           "gets the CC object and may register exports on it; register "
                                           "them in this file (from mypkg.kernels import f; "
                                           "cc.export('f', 'f8(f8)')(f))")
        if isinstance(node.func, ast.Attribute):
            return self.method_of_value(node, base, args, scope)
        if isinstance(node.func, ast.Name) and self.lookup(node.func.id, scope) is V.UNBOUND:
            if node.func.id == "getattr" and len(args) >= 2 and isinstance(args[1], str):
                return self.attribute(args[0], args[1], node)
            return V.fold_builtin(node.func.id, args, kwargs)
        return V.UNKNOWN

    def method_of_value(self, node: ast.Call, base, args: list, scope: _Scope):
        """`SIGS.append('f4(f4)')` is followed; other changes to a list make it unknown."""
        attr = node.func.attr
        if isinstance(base, list) and attr in ("append", "extend") and len(args) == 1 \
                and (attr == "append" or isinstance(args[0], (tuple, list))):
            base.append(args[0]) if attr == "append" else base.extend(args[0])
            return None
        if isinstance(node.func.value, ast.Name) and isinstance(base, (list, dict)) and attr in V.MUTATORS:
            self.bind(node.func.value.id, V.UNKNOWN, scope)
            return V.UNKNOWN
        return V.fold_method(base, attr, args)

    def call_function(self, func: V.Function, node, args: list, kwargs: dict):
        """Walk the body of a function that may create a CC or register exports."""
        if func.node in self.active or len(self.active) >= MAX_CALL_DEPTH or not self.scan.registers(func.node):
            return V.UNKNOWN
        scope = _Scope(parent=func.scope, func=func)
        spec = func.node.args
        params = [*spec.posonlyargs, *spec.args]
        defaults = [None] * (len(params) - len(spec.defaults)) + list(spec.defaults)
        for i, (param, default) in enumerate(zip(params, defaults)):
            if i < len(args):
                value = args[i]
            elif param.arg in kwargs:
                value = kwargs[param.arg]
            elif default is not None:
                value = self.eval(default, func.scope)
            else:
                value = V.UNKNOWN
            scope.names[param.arg] = value
        for param, default in zip(spec.kwonlyargs, spec.kw_defaults):
            scope.names[param.arg] = kwargs.get(param.arg, V.UNKNOWN if default is None
                                                else self.eval(default, func.scope))
        for extra in (spec.vararg, spec.kwarg):
            if extra is not None:
                scope.names[extra.arg] = V.UNKNOWN
        self.active.append(func.node)
        self.ran.add(func.node)
        try:
            self.exec_block(func.node.body, scope)
        except _Return as r:
            return r.value
        finally:
            self.active.pop()
        return scope.maybe_return
