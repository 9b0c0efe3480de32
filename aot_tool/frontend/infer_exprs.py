"""Typing of expressions: names and globals, attributes, operators, subscripts and
calls (builtins through the library tables, user functions by specialisation).
A mixin of `infer._Inferrer`."""

from __future__ import annotations

import ast

from ..library.registry import LIST_ARGUMENTS
from . import types as T
from .calls import bind
from .writes import root_variable, written_by_call
from .syntax import (BUILTIN_NAMES, MODULE_CONSTANTS, NUMPY_DTYPES, UNSUPPORTED, _const_int,
                     _constant_type, _describe, _holds_array)


class ExpressionTyping:
    # -- expressions --
    def truth(self, node):
        ty = self.expr(node)
        if ty is not None and not isinstance(ty, (T.Scalar, T.NoneType)) and not T.is_object(ty):
            raise self.error(node, f"the truth value of {ty.name} is ambiguous here; compare it explicitly")
        return ty

    def expr(self, node):
        """The type of a node whose value is used: an optional is unwrapped (checked at run time)."""
        ty = self.expr_keep(node)
        if isinstance(ty, T.Optional):
            self.t.unwrapped.add(node)
            return ty.inner
        return ty

    def expr_keep(self, node):
        """The type of a node as it is: where an optional stays one (assignments, returns,
        `is None`, arguments of compiled functions)."""
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            message = UNSUPPORTED.get(type(node).__name__,
                                      f"{_describe(node)} is not supported in compiled functions")
            raise self.error(node, message)
        ty = method(node)
        if ty is None and self.strict:
            raise self.error(node, "cannot infer the type of this expression (a recursion with no "
                                   "non-recursive return?)")
        return self.note(node, ty)

    def expr_Constant(self, node):
        v = node.value
        if isinstance(v, bool):
            return T.boolean
        if isinstance(v, int):
            if not -(2**63) <= v < 2**64:
                raise self.error(node, "integer literal does not fit in 64 bits")
            return T.int64 if v < 2**63 else T.uint64
        if isinstance(v, float):
            return T.float64
        if isinstance(v, complex):
            return T.complex128
        if v is None:
            return T.none
        if isinstance(v, str):
            return T.unicode_type
        raise self.error(node, f"{type(v).__name__} literals are not supported (only numbers, booleans and None)")

    def expr_Name(self, node):
        name = node.id
        if name in self.t.var_types:
            return self.t.var_types[name]
        if name in self.assigned:
            if self.strict:
                raise self.error(node, f"variable '{name}' may be used before it is assigned")
            return None
        return self.global_type(node, name)

    def constant_type(self, node, name, value):
        """A module-level constant's type; an integer in it must fit int64 (it would be
        silently truncated to 64 bits otherwise)."""
        items = [value]
        while items:
            v = items.pop()
            if isinstance(v, tuple):
                items.extend(v)
            elif isinstance(v, int) and not isinstance(v, bool) and not -(2**63) <= v < 2**63:
                raise self.error(node, f"module constant '{name}' holds the integer {v}, which does "
                                       "not fit in int64; a module constant must (a literal in the "
                                       "function may be up to 2**64 - 1, as uint64)")
        return _constant_type(value)

    def global_type(self, node, name):
        src = self.src
        if name in src.constants:
            return self.constant_type(node, name, src.constants[name][0])
        if name in src.functions:
            return self.function_value(src, name)
        if name in src.aliases:
            path = src.aliases[name]
            return self.path_type(node, path)
        if name in src.from_imports:
            helper, orig = src.resolve_import(name)
            if orig in helper.constants:
                return self.constant_type(node, name, helper.constants[orig][0])
            if orig in helper.non_constants and orig not in helper.functions:
                from .globals_message import non_constant_global
                raise self.error(node, non_constant_global(helper, orig, imported_as=name))
            return self.function_value(helper, orig)
        if name in BUILTIN_NAMES:
            return T.Function(f"builtins.{name}")
        alias = self.type_alias(name)
        if alias is not None:
            return alias
        if name in src.non_constants:
            from .globals_message import non_constant_global
            raise self.error(node, non_constant_global(src, name))
        raise self.error(node, f"name '{name}' is not defined")

    def function_value(self, home, name):
        """A user function as a value names its defining file, so it still means that
        function when passed into a helper of another file."""
        from .infer import file_tag
        tag = file_tag(home)
        self.registry[("file", tag)] = home
        return T.Function(f"user:{name}@{tag}")

    def path_type(self, node, path):
        from ..library.registry import LIBRARY_MODULES, TYPERS
        if path in ("numpy", "math", "cmath", "numba", "numba.types", "operator", "random") or path in LIBRARY_MODULES:
            return T.Module(path)
        obj = self.object_path_type(path)
        if obj is not None:
            return obj
        if path in MODULE_CONSTANTS:
            return T.float64
        if path == "numpy.newaxis":
            return T.none      # only meaningful in an index (library/fancy_index.py)
        if path.startswith("numpy.") and path[6:] in NUMPY_DTYPES:
            return T.DType(NUMPY_DTYPES[path[6:]])
        if path in TYPERS:
            return T.Function(path)
        raise self.error(node, f"{path.replace('numpy.', 'np.')} is not supported{_close_match(path)}")

    def expr_Attribute(self, node):
        base = self.expr(node.value)
        if base is None:
            return None
        attr = node.attr
        if isinstance(base, T.Module):
            return self.path_type(node, f"{base.path}.{attr}")
        if T.is_object(base) or isinstance(base, T.Function):
            return self.object_attribute(node, base)
        if isinstance(base, T.Array):
            if attr == "shape" or attr == "strides":
                return T.Tuple((T.int64,) * base.ndim)
            if attr in ("size", "ndim", "itemsize", "nbytes"):
                return T.int64
            if attr == "dtype":
                return T.DType(base.dtype)
            from ..library.registry import TYPERS
            if f"method.array.{attr}" in TYPERS:
                return T.Function(f"method.array.{attr}")
            if attr == "T":
                return T.Array(base.dtype, base.ndim, {"C": "F", "F": "C"}.get(base.layout, "A"))
            raise self.error(node, f"array attribute .{attr} is not supported")
        if isinstance(base, T.Scalar):
            if attr in ("real", "imag"):
                # complex: its float part; a real number is its own real part, with imag 0
                return T.Scalar("f", base.bits // 2) if base.is_complex else base
            if attr == "conjugate":
                return T.Function("method.scalar.conjugate")
        raise self.error(node, f"{base.name} has no supported attribute .{attr}")

    def expr_Tuple(self, node):
        items = [self.expr(e) for e in node.elts]
        if any(i is None for i in items):
            return None
        for e, i in zip(node.elts, items):
            if isinstance(i, (T.Module, T.Function) + T.ONLY_ITERATED):
                raise self.error(e, f"cannot put {i.name} in a tuple")
        return T.Tuple(tuple(items))

    def expr_BinOp(self, node):
        from ..library.operators import binop_type
        a, b = self.expr(node.left), self.expr(node.right)
        if a is None or b is None:
            return None
        if isinstance(a, T.Array) or isinstance(b, T.Array):
            from ..library.elementwise import binop_array_type
            return binop_array_type(self, node, a, b)
        return binop_type(self, node, a, b)

    def expr_UnaryOp(self, node):
        from ..library.operators import unary_type
        ty = self.expr(node.operand)
        if ty is None:
            return None
        if isinstance(ty, T.Array):
            from ..library.elementwise import unary_array_type
            return unary_array_type(self, node, ty)
        if (isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
                and type(node.operand.value) is int and node.operand.value == 2 ** 63):
            # -9223372036854775808 is the smallest int64, not the negation of a uint64
            self.note(node.operand, T.int64)
            return T.int64
        return unary_type(self, node, node.op, ty)

    def expr_Compare(self, node):
        from ..library.operators import compare_check
        # `x is None` looks at an optional itself; every other comparison at its value
        typing = self.expr_keep if all(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops) else self.expr
        left = typing(node.left)
        rights = [typing(c) for c in node.comparators]
        if left is None or any(r is None for r in rights):
            return None
        membership = any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)  # library/containment.py
        if any(isinstance(t, T.Array) for t in [left] + rights) and not membership:
            from ..library.elementwise import compare_array_type
            return compare_array_type(self, node, [left] + rights)
        for op, a, b in zip(node.ops, [left] + rights, rights):
            compare_check(self, node, op, a, b)
        return T.boolean

    def expr_BoolOp(self, node):
        types = [self.expr(v) for v in node.values]
        if any(t is None for t in types):
            return None
        result = types[0]
        for v, t in zip(node.values[1:], types[1:]):
            u = T.unify(result, t)
            if u is None or not isinstance(u, T.Scalar):
                raise self.error(v, f"cannot unify {result.name} and {t.name} in a boolean operator")
            result = u
        return result

    def expr_IfExp(self, node):
        live = self.none_test(node.test)
        if live is not None:   # `x if arg is None else ...`: pruned as an if statement is
            self.t.pruned[node] = live
            return self.expr_keep(node.body if live else node.orelse)
        self.truth(node.test)
        a, b = self.expr_keep(node.body), self.expr_keep(node.orelse)
        if a is None or b is None:
            return a or b
        u = T.unify(a, b)
        if u is None:
            raise self.error(node, f"cannot unify {a.name} and {b.name} in a conditional expression")
        return u

    def expr_Subscript(self, node):
        base = self.expr(node.value)
        if base is None:
            self.expr_index_parts(node)
            return None
        if isinstance(base, T.Tuple):
            idx = node.slice
            value = _const_int(idx)
            if value is None:
                if len(set(base.items)) == 1:
                    ity = self.expr(idx)
                    if ity is not None and not (isinstance(ity, T.Scalar) and (ity.is_int or ity.is_bool)):
                        raise self.error(idx, "tuple indices must be integers")
                    return base.items[0]
                raise self.error(idx, "tuples of mixed types can only be indexed with a constant")
            if not -len(base.items) <= value < len(base.items):
                raise self.error(idx, f"tuple index {value} out of range for {base.name}")
            return base.items[value]
        if isinstance(base, T.Array):
            return self.index(node, base)
        if T.is_object(base):
            return self.object_subscript(node, base)
        raise self.error(node, f"{base.name} cannot be indexed")

    def expr_index_parts(self, node):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        for p in parts:
            if not isinstance(p, ast.Slice):
                self.expr(p)

    def index(self, node, base: T.Array):
        from ..library.fancy_index import fancy_index_type
        fancy = fancy_index_type(self, node, base)   # None, ... or an array index
        if fancy is not NotImplemented:
            return fancy
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(parts) > base.ndim:
            raise self.error(node, f"too many indices for a {base.ndim}-d array")
        sliced = 0
        for p in parts:
            bounds = [p.lower, p.upper, p.step] if isinstance(p, ast.Slice) else [p]
            sliced += isinstance(p, ast.Slice)
            for bound in bounds:
                if bound is None:
                    continue
                ty = self.expr(bound)
                if ty is None:
                    return None
                if not (isinstance(ty, T.Scalar) and ty.is_int):
                    what = "slice bounds" if isinstance(p, ast.Slice) else "array indices"
                    raise self.error(bound, f"{what} must be integers, not {ty.name}")
        if len(parts) == base.ndim and not sliced:
            return base.dtype
        ndim = base.ndim - len(parts) + sliced
        # a[i] of a C array stays C; anything sliced may have any strides
        return T.Array(base.dtype, ndim, "C" if base.layout == "C" and not sliced else "A")

    def expr_Call(self, node):
        from ..library.registry import TYPERS
        fty = self.expr(node.func)
        if isinstance(fty, T.Function) and fty.path.startswith("user:"):
            return self.call_user(node, fty.path)
        for kw in node.keywords:
            if kw.arg is None:
                raise self.error(kw, "**kwargs in calls is not supported")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error(node, "*args in calls is not supported")
        takes_lists = isinstance(fty, T.Function) and fty.path in LIST_ARGUMENTS
        library = isinstance(fty, T.Function) and not fty.path.startswith(
            ("user:", "builtins.", "method.list.", "method.dict.", "method.set.", "method.str.",
             "numba.typed."))   # these take str values, not options
        args = [self.list_literal(a) if takes_lists and isinstance(a, (ast.List, ast.Tuple)) else
                self.call_arg(a, library) for a in node.args]
        kws = {kw.arg: self.call_arg(kw.value, library) for kw in node.keywords}
        if fty is None or any(a is None for a in args) or any(v is None for v in kws.values()):
            return None
        if isinstance(fty, T.DType):
            if kws or len(args) != 1 or not isinstance(args[0], T.Scalar):
                raise self.error(node, f"np.{fty.dtype.name}() takes one number")
            if args[0].is_complex and not fty.dtype.is_complex:
                raise self.error(node, f"cannot convert complex to {fty.dtype.name}")
            self.t.calls[node] = ("builtin", "dtype.call")
            return fty.dtype
        if not isinstance(fty, T.Function):
            raise self.error(node.func, f"{fty.name} is not callable")
        path = fty.path
        for written in written_by_call(path, node):
            self.stored_vars.add(root_variable(written))   # a.fill(0), a[1:].sort(), out=a
        if path.startswith("method."):
            self.t.calls[node] = ("builtin", path)
            base_ty = self.t.expr_types[node.func.value]
            return TYPERS[path](self, node, [base_ty] + args, kws)
        typer = TYPERS.get(path)
        if typer is None:
            raise self.error(node.func, f"{path.replace('numpy.', 'np.').replace('builtins.', '')}() is not supported")
        self.t.calls[node] = ("builtin", path)
        from ..library.elementwise import call_array_type, is_elementwise_call
        if is_elementwise_call(path):
            array_type = call_array_type(self, node, path, args, kws)
            if array_type is not None:
                return array_type
        return typer(self, node, args, kws)

    def list_literal(self, node):
        """A list (or tuple) literal handed to np.array(): typed as the tuple of its items."""
        items = [self.list_literal(e) if isinstance(e, (ast.List, ast.Tuple)) else self.expr(e) for e in node.elts]
        if any(i is None for i in items):
            return None
        return self.note(node, T.Tuple(tuple(items)))

    def call_arg(self, node, library: bool):
        """An argument's type; string literals are options (T.StrConst) to library functions."""
        if library and _is_str(node):
            return self.note(node, T.StrConst(node.value))
        return self.expr(node)

    def call_user(self, node, path):
        fname, tag = path.split(":", 1)[1].split("@")
        source = self.registry[("file", tag)]
        func = source.functions[fname]
        for kw in node.keywords:
            if kw.arg is None:
                raise self.error(kw, "**kwargs in calls is not supported")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error(node, "*args in calls is not supported")
        bound = bind(fname, func, node.args, [(kw.arg, kw.value) for kw in node.keywords])
        if isinstance(bound, str):
            raise self.error(node, bound)
        self.t.call_args[node] = bound
        args = tuple(self.expr_keep(a) for a in bound)
        if any(a is None for a in args):
            return None
        for a in args:
            if isinstance(a, (T.Module, T.DType) + T.ONLY_ITERATED):
                raise self.error(node, f"cannot pass {a.name} to {fname}()")
        from .infer import _specialise  # the driver, which owns the registry of specialisations
        callee = _specialise(source, func, args, self.registry, self.order)
        self.t.calls[node] = ("user", callee)
        if callee.return_type is None:
            # a recursive call still being inferred: use what its returns say so far
            if not callee.done and callee is not self.t:
                return None
            partial = None
            for ty, _ in self.returns:
                partial = ty if partial is None else (T.unify(partial, ty) or partial)
            return partial
        return callee.return_type


def _is_str(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _close_match(path: str) -> str:
    """' (did you mean np.sqrt?)' for a misspelt library name, else ''."""
    import difflib
    from ..library.registry import TYPERS
    module, _, name = path.rpartition(".")
    names = [p.rpartition(".")[2] for p in TYPERS if p.rpartition(".")[0] == module]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.8)
    if not close:
        return ""
    return f" (did you mean {module.replace('numpy', 'np')}.{close[0]}?)"
