"""Dicts and sets with numba's typed semantics: methods, `typed.Dict.empty(key_type=...,
value_type=...)`, `typed.Dict()`, `dict()`, `set()`/`set(iterable)`.  Keys are boxed
into a CPython dict, so hashing and equality of int, float and str keys are Python's.
`d.keys()`, `d.values()` and `d.items()` give lists (numba gives views)."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from . import objects as O
from .registry import lowerer, typer

DICT_METHODS = {
    "get": (("key", "value"), "value"), "pop": (("key", "value?"), "value"),
    "setdefault": (("key", "value"), "value"), "keys": ((), "keys"), "values": ((), "values"),
    "items": ((), "items"), "clear": ((), "none"), "copy": ((), "self"), "update": (("same",), "none"),
    "popitem": ((), "pair"),
}
SET_METHODS = {
    "add": (("item!",), "none"), "discard": (("item",), "none"), "remove": (("item",), "none"),
    "pop": ((), "item"), "clear": ((), "none"), "copy": ((), "self"), "union": (("same",), "self"),
    "intersection": (("same",), "self"), "difference": (("same",), "self"),
    "symmetric_difference": (("same",), "self"), "issubset": (("same",), "bool"),
    "issuperset": (("same",), "bool"), "isdisjoint": (("same",), "bool"), "update": (("same",), "none"),
    "difference_update": (("same",), "none"), "intersection_update": (("same",), "none"),
}
O.register_methods("dict", DICT_METHODS, special=("get",))
O.register_methods("set", SET_METHODS, special=("add", "discard"))


@lowerer("method.dict.get")
def _get(lw, node):
    ty = lw.type_of(node.func.value)
    base = O.operand(lw, node.func.value)
    obj = O.call(lw, "aot_obj_getdefault_steal", base, O.box_node(lw, node.args[0], ty.key),
                 O.box_node(lw, node.args[1], ty.value))
    return O.unbox_steal(lw, obj, lw.type_of(node))


@lowerer("method.set.add")
def _add(lw, node):
    base = O.operand(lw, node.func.value)
    item = O.box_node(lw, node.args[0], lw.type_of(node.func.value).item)
    O.check_int(lw, O.call(lw, "aot_obj_add_steal", base, item, ir.Constant(ir.IntType(32), 1)))
    return ir.Constant(ir.IntType(8), 0)


@lowerer("method.set.discard")
def _discard(lw, node):
    base = O.operand(lw, node.func.value)
    item = O.box_node(lw, node.args[0], lw.type_of(node.func.value).item)
    O.check_int(lw, O.call(lw, "aot_set_discard_steal", base, item))
    return ir.Constant(ir.IntType(8), 0)


@typer("numba.typed.Dict.empty")
def _dict_empty_type(inf, node, args, kws):
    given = dict(zip(("key_type", "value_type"), args))
    given.update(kws)
    if set(given) != {"key_type", "value_type"} or not all(isinstance(t, T.TypeRef) for t in given.values()):
        raise inf.error(node, "typed.Dict.empty() takes key_type= and value_type=, types such as types.int64")
    return T.DictType(given["key_type"].type, given["value_type"].type)


@typer("numba.typed.Dict", "builtins.dict")
def _dict_type(inf, node, args, kws):
    if args or kws:
        raise inf.error(node, "dict() / typed.Dict() take no arguments here; use a literal or d[k] = v")
    return T.DictType(None, None)


@lowerer("numba.typed.Dict.empty", "numba.typed.Dict", "builtins.dict")
def _new_dict(lw, node):
    return lw.new_object(1)


@typer("builtins.set")
def _set_type(inf, node, args, kws):
    if kws or len(args) > 1:
        raise inf.error(node, "set() takes at most one argument")
    if not args:
        return T.SetType(None)
    a = args[0]
    if isinstance(a, (T.ListType, T.SetType)):
        return T.SetType(a.item)
    if isinstance(a, T.DictType):
        return T.SetType(a.key)
    if isinstance(a, T.UnicodeType):
        return T.SetType(a)
    raise inf.error(node, f"set() of {a.name} is not supported")


@lowerer("builtins.set")
def _new_set(lw, node):
    if node.args:
        return O.check_obj(lw, O.call(lw, "aot_obj_set_from", O.operand(lw, node.args[0])))
    return lw.new_object(2)


# -- numba's type constructors, for typed.Dict.empty(value_type=types.ListType(types.int64)) --

def _typeref_args(inf, node, args, kws, n, name):
    if kws or len(args) != n or not all(isinstance(a, T.TypeRef) for a in args):
        raise inf.error(node, f"types.{name}() takes {n} type(s) such as types.int64")
    return [a.type for a in args]


@typer("numba.types.ListType")
def _list_typeref(inf, node, args, kws):
    return T.TypeRef(T.ListType(*_typeref_args(inf, node, args, kws, 1, "ListType")))


@typer("numba.types.DictType")
def _dict_typeref(inf, node, args, kws):
    return T.TypeRef(T.DictType(*_typeref_args(inf, node, args, kws, 2, "DictType")))


@typer("numba.types.UniTuple")
def _unituple_typeref(inf, node, args, kws):
    if kws or len(args) != 2 or not isinstance(args[0], T.TypeRef) or not isinstance(node.args[1], ast.Constant):
        raise inf.error(node, "types.UniTuple() takes a type and a literal count")
    return T.TypeRef(T.Tuple((args[0].type,) * int(node.args[1].value)))


@lowerer("numba.types.ListType", "numba.types.DictType", "numba.types.UniTuple")
def _typeref_value(lw, node):
    return ir.Constant(ir.IntType(8), 0)   # types exist at compile time only
