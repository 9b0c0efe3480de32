"""Typing of lists, dicts, sets and str: literals, comprehensions, f-strings, numba's
typed containers (`typed.List`, `typed.Dict.empty(key_type=..., value_type=...)`, with
`types.int64`-style type objects read from the AST), subscripts, stores and iteration.
A mixin of `infer._Inferrer`; methods and builtins are typed in library/lists.py,
dicts.py and strings.py.

An empty `[]`, `{}` or `set()` has an undefined item type until an `append`/`add`/store
through its variable fixes it, as numba infers it.
"""

from __future__ import annotations

import ast

from . import types as T

TYPE_NAMES = {"unicode_type": T.unicode_type, "string": T.unicode_type, "intp": T.int64, "uintp": T.uint64,
              "float_": T.float64, "double": T.float64, "bool_": T.boolean, "boolean": T.boolean}


def _storable(inf, node, ty, what):
    if isinstance(ty, (T.Module, T.Function, T.DType, T.RangeType, T.TypeRef, T.NoneType)) or \
            (isinstance(ty, T.Tuple) and any(isinstance(i, T.Array) for i in ty.items)):
        raise inf.error(node, f"cannot put {ty.name} in a {what}")
    return ty


def _unify_all(inf, nodes, types, what):
    result = None
    for n, t in zip(nodes, types):
        _storable(inf, n, t, what)
        u = t if result is None else T.unify(result, t)
        if u is None:
            raise inf.error(n, f"cannot unify {result.name} and {t.name} in a {what} (its items have one type)")
        result = u
    return result


def _hashable(inf, node, ty):
    ok = ty is None or isinstance(ty, (T.Scalar, T.UnicodeType)) or \
        (isinstance(ty, T.Tuple) and all(isinstance(i, (T.Scalar, T.UnicodeType)) for i in ty.items))
    if not ok:
        raise inf.error(node, f"dict keys and set items must be numbers, str or tuples of them, not {ty.name}")


class ContainerTyping:
    def expr_List(self, node):
        types = [self.expr(e) for e in node.elts]
        if any(t is None for t in types):
            return None
        return T.ListType(_unify_all(self, node.elts, types, "list"))

    def expr_Set(self, node):
        types = [self.expr(e) for e in node.elts]
        if any(t is None for t in types):
            return None
        item = _unify_all(self, node.elts, types, "set")
        _hashable(self, node.elts[0], item)
        return T.SetType(item)

    def expr_Dict(self, node):
        if any(k is None for k in node.keys):
            raise self.error(node, "** in dict literals is not supported")
        keys = [self.expr(k) for k in node.keys]
        values = [self.expr(v) for v in node.values]
        if any(t is None for t in keys + values):
            return None
        key = _unify_all(self, node.keys, keys, "dict's keys")
        _hashable(self, node.keys[0] if node.keys else node, key)
        return T.DictType(key,
                          _unify_all(self, node.values, values, "dict's values"))

    def expr_ListComp(self, node):
        return self.comprehension(node, T.ListType(None))

    def expr_SetComp(self, node):
        return self.comprehension(node, T.SetType(None))

    def expr_DictComp(self, node):
        return self.comprehension(node, T.DictType(None, None))

    def comprehension(self, node, empty):
        """Typed as the loop it stands for: `for ... if ...: comp.append(elt)`."""
        var, loop = comprehension_loop(self.t, node)
        if var not in self.t.var_types:
            self.set_var(var, empty, node)
        self.stmt(loop)
        return self.t.var_types[var]

    def expr_JoinedStr(self, node):
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                if part.conversion != -1:
                    raise self.error(part, "!r, !s and !a in f-strings are not supported")
                if part.format_spec is not None and not all(
                        isinstance(p, ast.Constant) for p in part.format_spec.values):
                    raise self.error(part.format_spec, "f-string format specs must be constant")
                ty = self.expr(part.value)
                if ty is None:
                    return None
                if not (isinstance(ty, T.Scalar) or isinstance(ty, T.UnicodeType)):
                    raise self.error(part.value, f"f-strings can format numbers and str, not {ty.name}")
        return T.unicode_type

    def stmt_Delete(self, s):
        """`del lst[i]`, `del lst[a:b]`, `del d[k]` (IndexError, KeyError)."""
        for target in s.targets:
            base = self.expr(target.value) if isinstance(target, ast.Subscript) else None
            if not (isinstance(target, ast.Subscript) and isinstance(base, (T.ListType, T.DictType))):
                if isinstance(target, ast.Subscript) and base is None:
                    continue
                raise self.error(target, "del is only supported on list items and slices and dict keys")
            self.object_subscript(target, base)

    def type_alias(self, name):
        """A module-level numba type, as numba's docs write them outside compiled code
        (`int_list = types.ListType(types.int64)`): read with the signature grammar."""
        from .signatures import SignatureError, parse_type
        for stmt in self.src.tree.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                    isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == name:
                try:
                    return T.TypeRef(parse_type(ast.unparse(stmt.value)))
                except SignatureError:
                    return None
        return None

    # -- hooks called from infer_exprs / infer_stmts --
    def object_path_type(self, path):
        """numba's typed containers and type objects, or None for other paths."""
        path = path.replace("numba.core.types", "numba.types").replace("numba.typed.typedlist", "numba.typed") \
            .replace("numba.typed.typeddict", "numba.typed")
        if path == "numba.typed":
            return T.Module(path)
        if path.startswith("numba.types."):
            name = path[len("numba.types."):]
            if name in TYPE_NAMES:
                return T.TypeRef(TYPE_NAMES[name])
            if name in T.SCALARS and name not in ("float", "int", "complex", "bool"):
                return T.TypeRef(T.SCALARS[name])
        return None

    def object_attribute(self, node, base):
        from ..library.objects import KIND
        from ..library.registry import TYPERS
        if isinstance(base, T.Function):
            path = f"{base.path}.{node.attr}"
            if path in TYPERS:
                return T.Function(path)
            raise self.error(node, f"{path} is not supported")
        path = f"method.{KIND[type(base)]}.{node.attr}"
        if path not in TYPERS:
            raise self.error(node, f"{KIND[type(base)]} has no supported attribute .{node.attr}")
        return T.Function(path)

    def object_subscript(self, node, base):
        idx = node.slice
        if isinstance(base, T.DictType):
            kty = self.expr(idx)
            if kty is None:
                return None
            if base.key is not None and not T.can_convert(kty, base.key):
                raise self.error(idx, f"a key of {base.name} must be {base.key.name}, not {kty.name}")
            if base.value is None:
                return None
            return base.value
        if isinstance(base, T.SetType):
            raise self.error(node, "sets cannot be indexed")
        if isinstance(idx, ast.Slice):
            for bound in (idx.lower, idx.upper, idx.step):
                if bound is not None:
                    bty = self.expr(bound)
                    if bty is not None and not (isinstance(bty, T.Scalar) and (bty.is_int or bty.is_bool)):
                        raise self.error(bound, f"slice indices must be integers, not {bty.name}")
            return base
        ity = self.expr(idx)
        if ity is None:
            return None
        if not (isinstance(ity, T.Scalar) and (ity.is_int or ity.is_bool)):
            raise self.error(idx, f"{'list' if isinstance(base, T.ListType) else 'string'} indices must be "
                                  f"integers, not {ity.name}")
        if isinstance(base, T.UnicodeType):
            return base
        if base.item is None and not self.strict:
            return None
        if base.item is None:
            raise self.error(node, "cannot index an empty list whose item type is not known yet")
        return base.item

    def object_store(self, target, base, ty, value_node):
        """`lst[i] = v` and `d[k] = v` (which fixes an empty dict's types)."""
        if isinstance(base, T.UnicodeType):
            raise self.error(target, "'str' object does not support item assignment")
        if isinstance(base, T.SetType):
            raise self.error(target, "sets do not support item assignment")
        if isinstance(base, T.ListType):
            self.object_subscript(target, base)
            if isinstance(target.slice, ast.Slice):     # lst[a:b] = other_list, as numba
                if ty is not None and not (isinstance(ty, T.ListType) and ty.item in (base.item, None)):
                    raise self.error(value_node, f"a slice of {base.name} takes a {base.name}, not {ty.name}")
                return
            if ty is not None and not T.can_convert(ty, base.item):
                raise self.error(value_node, f"cannot store {ty.name} into {base.name}")
            return
        kty = self.expr(target.slice)
        if kty is None or ty is None:
            return
        _storable(self, value_node, ty, "dict")
        _hashable(self, target.slice, kty)
        new = T.DictType(kty if base.key is None else base.key, ty if base.value is None else base.value)
        if new != base:
            if not isinstance(target.value, ast.Name):
                raise self.error(target, f"the types of this empty dict are not known yet")
            self.set_var(target.value.id, T.unify(base, new) or new, target)
            base = self.t.var_types[target.value.id]
        if not T.can_convert(kty, base.key):
            raise self.error(target.slice, f"a key of {base.name} must be {base.key.name}, not {kty.name}")
        if not T.can_convert(ty, base.value):
            raise self.error(value_node, f"cannot store {ty.name} into {base.name}")

    def object_item(self, node, ity):
        """The loop variable's type of `for x in <object>`."""
        item = object_item_type(ity)
        if item is None and not self.strict:
            return None   # wait for an append to say
        if item is None:
            raise self.error(node, f"cannot iterate over an empty {ity.name.split('(')[0]} whose item type "
                                   "is not known yet")
        return item


def object_item_type(ity):
    """What iterating over a list, set, dict (its keys) or str gives; None while undefined."""
    return {T.ListType: lambda: ity.item, T.SetType: lambda: ity.item, T.DictType: lambda: ity.key,
            T.UnicodeType: lambda: ity}[type(ity)]()


def comprehension_loop(typed, node):
    """The (hidden variable, made-up loop) a comprehension stands for, made once per
    specialisation and kept in `typed.notes` (never on the shared AST)."""
    key = ("comprehension", node)
    if key in typed.notes:
        return typed.notes[key]
    var = f"comp.{node.lineno}.{node.col_offset}"
    load = ast.Name(id=var, ctx=ast.Load())
    if isinstance(node, ast.DictComp):
        target = ast.Subscript(value=load, slice=node.key, ctx=ast.Store())
        body = ast.Assign(targets=[target], value=node.value)
    else:
        method = "append" if isinstance(node, ast.ListComp) else "add"
        body = ast.Expr(ast.Call(func=ast.Attribute(value=load, attr=method, ctx=ast.Load()), args=[node.elt],
                                 keywords=[]))
    for gen in reversed(node.generators):
        if gen.is_async:
            raise ValueError("async comprehension")
        for cond in reversed(gen.ifs):
            body = ast.If(test=cond, body=[body], orelse=[])
        body = ast.For(target=gen.target, iter=gen.iter, body=[body], orelse=[])
    for n in ast.walk(body):
        if not hasattr(n, "lineno"):
            ast.copy_location(n, node)
    ast.copy_location(body, node)
    _fill_locations(body, node)
    typed.notes[key] = (var, body)
    return var, body


def _fill_locations(tree, node):
    for n in ast.walk(tree):
        for attr in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if getattr(n, attr, None) is None and attr in getattr(n, "_attributes", ()):
                setattr(n, attr, getattr(node, attr))
