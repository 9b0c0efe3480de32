"""Shared lowering helpers for values held as CPython objects (lists, dicts, sets, str):
calls into runtime/aot_containers.c, boxing items into objects and unboxing them back,
borrowing operands, and the table-driven typing and lowering of their methods.

Reference rules (as for arrays' owners, docs/dev-intro.md): a variable holds one
reference; expressions that make an object hand over a new one (`FunctionLowering.owned`);
an operand that is such a temporary is pinned in a hidden slot released on exit, so every
exit path, errors included, releases it.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import f64, i1, i8, i8p, i32, i64, pyobj, value_type
from ..backend.stack import entry_alloca
from ..frontend import types as T

_P = pyobj
DECLS = {
    "aot_obj_str_literal": (_P, [_P.as_pointer(), i8p, i64]),
    "aot_obj_unbox_steal": (i32, [_P, i32, i8p]),
    "aot_obj_tuple_item": (_P, [_P, i64]),
    "aot_obj_len": (i64, [_P]),
    "aot_obj_truth": (i32, [_P]),
    "aot_obj_compare": (i32, [_P, _P, i32]),
    "aot_obj_contains_steal": (i32, [_P, _P]),
    "aot_obj_binop_steal": (_P, [_P, _P, i32]),
    "aot_obj_binop": (_P, [_P, _P, i32]),
    "aot_obj_getitem": (_P, [_P, i64]),
    "aot_obj_getkey_steal": (_P, [_P, _P]),
    "aot_obj_getdefault_steal": (_P, [_P, _P, _P]),
    "aot_obj_setitem_steal": (i32, [_P, _P, _P, i64, i32]),
    "aot_obj_slice": (_P, [_P, i64, i64, i64, i32]),
    "aot_obj_slice_object": (_P, [i64, i64, i64, i32]),
    "aot_obj_delitem_steal": (i32, [_P, _P, i64, i32]),
    "aot_obj_iter": (_P, [_P]),
    "aot_obj_next": (_P, [_P, i32.as_pointer()]),
    "aot_obj_call_method": (_P, [_P, i8p, i32, _P.as_pointer()]),
    "aot_obj_new": (_P, [i32]),
    "aot_obj_set_from": (_P, [_P]),
    "aot_obj_add_steal": (i32, [_P, _P, i32]),
    "aot_list_insert_steal": (i32, [_P, i64, _P]),
    "aot_set_discard_steal": (i32, [_P, _P]),
    "aot_list_pop": (_P, [_P, i64]),
    "aot_list_extend": (i32, [_P, _P]),
    "aot_list_inplace": (i32, [_P, i32]),
    "aot_obj_to_list": (_P, [_P, i32]),
    "aot_list_sort_reverse": (i32, [_P]),
    "aot_obj_sum": (i32, [_P, i32, i8p]),
    "aot_obj_minmax": (_P, [_P, i32]),
    "aot_obj_hash": (i64, [_P]),
    "aot_str_ord": (i64, [_P]),
    "aot_str_chr": (_P, [i64]),
    "aot_obj_convert_steal": (_P, [_P, i32]),
    "aot_obj_format_steal": (_P, [_P, _P]),
    "aot_str_concat_steal": (_P, [i32, _P.as_pointer()]),
    "aot_obj_check_list": (i32, [_P, i32, i8p, i32, i8p, i8p]),
    "aot_obj_check_str": (i32, [_P, i8p, i32, i8p, i8p]),
}
KIND = {T.ListType: "list", T.DictType: "dict", T.SetType: "set", T.UnicodeType: "str"}


def call(lw, name, *args):
    ret, types = DECLS[name]
    return lw.b.call(lw.unit.decl(name, ret, types), list(args))


def check_obj(lw, obj):
    """Leave through the error exit when a runtime call returned NULL."""
    lw.check_status(lw.b.zext(lw.b.icmp_unsigned("==", obj, ir.Constant(pyobj, None)), i32))
    return obj


def check_int(lw, status):
    """Leave through the error exit when a runtime call returned a negative status."""
    lw.check_status(lw.b.zext(lw.b.icmp_signed("<", status, ir.Constant(status.type, 0)), i32))
    return status


def item_code(ty) -> int:
    return ord("b" if ty.is_bool else "c" if ty.is_complex else "f" if ty.is_float else ty.kind)


# -- operands, boxing, unboxing --

def operand(lw, node):
    """An object-valued operand, borrowed: a temporary is pinned until the function exits."""
    value = lw.expr(node)
    if lw.owned(node):
        lw.pin(value, lw.type_of(node))
    return value


def box(lw, value, ty, owned=False):
    """A new reference to the object for `value` (NULL passes failures on)."""
    from ..backend.wrappers import box as box_value
    if T.holds_refs(ty) and not owned:
        for ref in lw.refs(value, ty):
            lw.incref(ref)
    return box_value(lw.unit, lw.b, value, ty)


def box_node(lw, node, want=None):
    """Box the value of expression `node`, cast to `want` first; tuple literals item by item."""
    ty = lw.type_of(node)
    want = ty if want is None else want
    if isinstance(node, ast.Tuple) and isinstance(want, T.Tuple):
        items = entry_alloca(lw.b, pyobj, len(node.elts))
        for k, (elt, item_ty) in enumerate(zip(node.elts, want.items)):
            lw.b.store(box_node(lw, elt, item_ty), lw.b.gep(items, [ir.Constant(i64, k)]))
        return lw.b.call(lw.unit.decl("aot_rt_pack_tuple"), [ir.Constant(i32, len(node.elts)), items])
    return box(lw, lw.cast(lw.expr(node), ty, want), want, lw.owned(node))


def unbox_steal(lw, obj, ty):
    """The value of type `ty` that the new reference `obj` holds; objects hand their
    reference over, scalars and tuples release it.  Checks `obj` for NULL."""
    if T.is_object(ty):
        return check_obj(lw, obj)
    if isinstance(ty, T.NoneType):
        check_obj(lw, obj)
        lw.decref(obj)
        return ir.Constant(i8, 0)
    if isinstance(ty, T.Tuple):
        check_obj(lw, obj)
        out = ir.Constant(value_type(ty), ir.Undefined)
        for k, item_ty in enumerate(ty.items):
            item = call(lw, "aot_obj_tuple_item", obj, ir.Constant(i64, k))
            out = lw.b.insert_value(out, unbox_steal(lw, item, item_ty), k)
        lw.decref(obj)
        return out
    if isinstance(ty, T.Array):
        return _unbox_array(lw, obj, ty)
    if not isinstance(ty, T.Scalar):
        raise ValueError(f"cannot unbox {ty}")
    wide = T.Scalar("f", 64) if ty.is_float else T.complex128 if ty.is_complex else \
        T.boolean if ty.is_bool else T.Scalar(ty.kind, 64)
    slot = lw.alloca_entry(ir.ArrayType(f64, 2))
    check_int(lw, call(lw, "aot_obj_unbox_steal", obj, ir.Constant(i32, item_code(ty)), lw.b.bitcast(slot, i8p)))
    raw = lw.b.bitcast(slot, (i8 if ty.is_bool else value_type(wide)).as_pointer())
    value = lw.b.load(raw)
    if ty.is_bool:
        return lw.b.trunc(value, i1)
    return lw.cast(value, wide, ty)


def _unbox_array(lw, obj, ty):
    """An array item of a list or dict: the array value takes over the item's reference."""
    from ..backend.llvm_types import typenum
    from ..backend.unboxing import LAYOUT_CODE, expected_text
    check_obj(lw, obj)
    slot = lw.alloca_entry(value_type(ty))
    where = lw.unit.cstring_constant("an item")
    status = lw.b.call(lw.unit.decl("aot_rt_unbox_array"),
                       [obj, lw.b.bitcast(slot, i8p), ir.Constant(i32, ty.ndim), ir.Constant(i32, typenum(ty.dtype)),
                        ir.Constant(i8, LAYOUT_CODE[ty.layout]), ir.Constant(i32, 0), where, ir.Constant(i32, 0),
                        where, lw.unit.cstring_constant(expected_text(ty))])
    failed = lw.b.icmp_unsigned("!=", status, ir.Constant(i32, 0))
    with lw.b.if_then(failed, likely=False):
        lw.decref(obj)
        lw.b.branch(lw.error_block)
        lw.b.position_at_end(lw.fn.append_basic_block("dead"))
    return lw.b.load(slot)


def str_literal(lw, text: str):
    """A new reference to the str `text` (made once per module, then shared)."""
    data = text.encode("utf-8")
    name = f".aotstr.{len(lw.unit.module.globals)}"
    cache = ir.GlobalVariable(lw.unit.module, pyobj, name=name)
    cache.linkage = "internal"
    cache.initializer = ir.Constant(pyobj, None)
    return call(lw, "aot_obj_str_literal", cache, lw.unit.cstring_constant(text), ir.Constant(i64, len(data)))


def none_obj(lw):
    return lw.b.call(lw.unit.decl("aot_rt_box_none"), [])


# -- method tables --
# A method is (argument roles, result role).  Roles of arguments: 'item' (cast to the
# container's item type; 'item!' may also fix an undefined one), 'key', 'value', 'int',
# 'str', 'same' (a container of the same type), 'strs' (a list of str); a trailing '?'
# makes the argument optional.  Roles of results name a type derived from the base.

def role_type(base, role):
    r = role.rstrip("?!")
    if r == "item":
        return base.item if not isinstance(base, T.DictType) else base.key
    if r == "key":
        return base.key
    if r == "value":
        return base.value
    if r == "int":
        return T.int64
    if r == "bool":
        return T.boolean
    if r == "str":
        return T.unicode_type
    if r == "none":
        return T.none
    if r in ("same", "self"):
        return base
    if r in ("strs", "liststr"):
        return T.ListType(T.unicode_type)
    if r == "keys":
        return T.ListType(base.key)
    if r == "values":
        return T.ListType(base.value)
    if r == "items":
        return T.ListType(T.Tuple((base.key, base.value)))
    if r == "pair":
        return T.Tuple((base.key, base.value))
    raise KeyError(role)


def register_methods(kind: str, table: dict, special=()) -> None:
    from .registry import LOWERERS, TYPERS
    for name, (roles, result) in table.items():
        path = f"method.{kind}.{name}"
        TYPERS[path] = _method_typer(name, roles, result)
        if name not in special:
            LOWERERS[path] = _method_lowerer(name, roles, result)


def refine(inf, node, new_type) -> None:
    """Fix the undefined item types of the container variable `node` names."""
    if isinstance(node, ast.Name):
        inf.set_var(node.id, new_type, node)


def _method_typer(name, roles, result):
    def rule(inf, node, types, kws):
        base, args = types[0], types[1:]
        what = f"{KIND[type(base)]}.{name}()"
        if kws:
            raise inf.error(node, f"{what} takes no keyword arguments")
        need = sum(1 for r in roles if not r.endswith("?"))
        if not need <= len(args) <= len(roles):
            raise inf.error(node, f"{what} takes {need}" + (f" to {len(roles)}" if need != len(roles) else "") +
                            f" argument(s), not {len(args)}")
        for arg, role, arg_node in zip(args, roles, node.args):
            want = role_type(base, role)
            widened = None if want is None else T.unify(want, arg)
            bare = role.rstrip("?!")
            if want is None and bare in ("item", "key", "value") and isinstance(node.func.value, ast.Name) or \
                    role.rstrip("?").endswith("!") and isinstance(want, T.Scalar) and widened not in (None, want):
                base = _with(base, bare, arg if want is None else widened)
                refine(inf, node.func.value, base)
                continue
            if want is None:
                if not inf.strict:
                    return None
                raise inf.error(node, f"{what}: the item type of this empty container is not known yet; "
                                      "add an item first or use typed.List.empty_list/typed.Dict.empty")
            if isinstance(want, T.ListType) and isinstance(arg, T.ListType) and arg.item is None:
                continue
            if not T.can_convert(arg, want):
                raise inf.error(arg_node, f"{what} expects {want.name} here, not {arg.name}")
        out = role_type(base, result)
        if out is None or (isinstance(out, T.Tuple) and None in out.items) or \
                (isinstance(out, T.ListType) and out.item is None and result != "self"):
            if not inf.strict:
                return None
            raise inf.error(node, f"{what}: the item type of this empty container is not known yet")
        return out
    return rule


def _with(base, role, item):
    """`base` with its item (or key, or value) type set to `item`."""
    if isinstance(base, T.ListType):
        return T.ListType(item)
    if isinstance(base, T.SetType):
        return T.SetType(item)
    if role == "key" or (role == "item" and isinstance(base, T.DictType)):
        return T.DictType(item, base.value)
    return T.DictType(base.key, item)


def _method_lowerer(name, roles, result):
    def lower(lw, node):
        base_node = node.func.value
        base_ty = lw.type_of(base_node)
        base = operand(lw, base_node)
        n = len(node.args)
        argv = lw.alloca_entry(ir.ArrayType(pyobj, max(n, 1)))
        argv = lw.b.bitcast(argv, pyobj.as_pointer())
        boxed = []
        for k, (arg, role) in enumerate(zip(node.args, roles)):
            obj = box_node(lw, arg, role_type(base_ty, role))
            lw.b.store(obj, lw.b.gep(argv, [ir.Constant(i64, k)]))
            boxed.append(obj)
        res = call(lw, "aot_obj_call_method", base, lw.unit.cstring_constant(name), ir.Constant(i32, n), argv)
        for obj in boxed:
            lw.decref(obj)
        out_ty = lw.type_of(node)
        if result in ("keys", "values", "items"):
            res = _listed(lw, res)
        return unbox_steal(lw, res, out_ty)
    return lower


def _listed(lw, view):
    """list(view) of a dict view, releasing the view."""
    check_obj(lw, view)
    out = call(lw, "aot_obj_to_list", view, ir.Constant(i32, 0))
    lw.decref(view)
    return out


# -- builtins that also take objects: chained in front of the numeric entries --

def chain(path: str, applies):
    """Register typer/lowerer for `path` used when `applies(arg_types)`; other calls go
    to the entry already there (the scalar and array builtins)."""
    def register(pair):
        from .registry import LOWERERS, TYPERS
        typer_fn, lower_fn = pair
        old_typer, old_lower = TYPERS.get(path), LOWERERS.get(path)

        def typer_(inf, node, args, kws):
            if applies(args) or old_typer is None:
                return typer_fn(inf, node, args, kws)
            return old_typer(inf, node, args, kws)

        def lower_(lw, node):
            if applies([lw.type_of(a) for a in node.args]) or old_lower is None:
                return lower_fn(lw, node)
            return old_lower(lw, node)
        TYPERS[path], LOWERERS[path] = typer_, lower_
        return pair
    return register


def any_object(args) -> bool:
    return any(T.is_object(a) for a in args)


def object_truth(lw, node):
    """`if items:` / `while stack:`: a container or str is true when not empty."""
    value = operand(lw, node)
    return lw.b.icmp_signed("!=", check_int(lw, call(lw, "aot_obj_len", value)), ir.Constant(i64, 0))
