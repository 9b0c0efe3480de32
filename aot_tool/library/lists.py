"""Lists with numba's typed-list semantics: methods, `typed.List()` /
`typed.List.empty_list(types.int64)`, `list(...)`, `sorted`, `len`, `sum`/`min`/`max`.

Items are boxed into a CPython list; `append` refines the item type of an empty list.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i32, i64
from ..frontend import types as T
from . import objects as O
from .registry import lowerer, typer

LIST_METHODS = {
    "append": (("item!",), "none"), "insert": (("int", "item!"), "none"), "extend": (("same",), "none"),
    "pop": (("int?",), "item"), "remove": (("item",), "none"), "index": (("item",), "int"),
    "count": (("item",), "int"), "sort": ((), "none"), "reverse": ((), "none"), "copy": ((), "self"),
    "clear": ((), "none"),
}
O.register_methods("list", LIST_METHODS, special=("append", "pop", "insert", "sort"))


def _reverse_flag(inf, node, kws, name):
    """The constant of `reverse=`, numba's only sort keyword here (key= is not supported)."""
    for kw in node.keywords:
        if kw.arg != "reverse":
            raise inf.error(kw, f"{name}() takes only reverse= here (key= is not supported)")
        if not (isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, bool)):
            raise inf.error(kw.value, "reverse= must be True or False")
        return kw.value.value
    return False


def _sort_in_place(lw, obj, node):
    reverse = any(kw.value.value for kw in node.keywords if kw.arg == "reverse")
    if reverse:
        O.check_int(lw, O.call(lw, "aot_list_sort_reverse", obj))
    else:
        O.check_int(lw, O.call(lw, "aot_list_inplace", obj, ir.Constant(i32, 0)))


@typer("method.list.sort")
def _sort_type(inf, node, types, kws):
    if len(types) != 1:
        raise inf.error(node, "list.sort() takes no positional arguments")
    _reverse_flag(inf, node, kws, "list.sort")
    return T.none


@lowerer("method.list.sort")
def _sort(lw, node):
    _sort_in_place(lw, O.operand(lw, node.func.value), node)
    return ir.Constant(ir.IntType(8), 0)


@lowerer("method.list.append")
def _append(lw, node):
    base = O.operand(lw, node.func.value)
    item = O.box_node(lw, node.args[0], lw.type_of(node.func.value).item)
    O.check_int(lw, O.call(lw, "aot_obj_add_steal", base, item, ir.Constant(i32, 0)))
    return ir.Constant(ir.IntType(8), 0)


@lowerer("method.list.insert")
def _insert(lw, node):
    base = O.operand(lw, node.func.value)
    idx = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), T.int64)
    item = O.box_node(lw, node.args[1], lw.type_of(node.func.value).item)
    O.check_int(lw, O.call(lw, "aot_list_insert_steal", base, idx, item))
    return ir.Constant(ir.IntType(8), 0)


@lowerer("method.list.pop")
def _pop(lw, node):
    base = O.operand(lw, node.func.value)
    idx = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), T.int64) if node.args else ir.Constant(i64, -1)
    return O.unbox_steal(lw, O.call(lw, "aot_list_pop", base, idx), lw.type_of(node))


# -- numba.typed.List --

@typer("numba.typed.List")
def _typed_list_type(inf, node, args, kws):
    if kws or len(args) > 1:
        raise inf.error(node, "typed.List() takes no arguments or one list")
    if args:
        if not isinstance(args[0], (T.ListType, T.SetType)):
            raise inf.error(node, f"typed.List() of {args[0].name} is not supported")
        return T.ListType(args[0].item)
    return T.ListType(None)


@typer("numba.typed.List.empty_list")
def _empty_list_type(inf, node, args, kws):
    item = list(args) + list(kws.values())
    if len(item) != 1 or not isinstance(item[0], T.TypeRef):
        raise inf.error(node, "typed.List.empty_list() takes one item type such as types.float64")
    return T.ListType(item[0].type)


@lowerer("numba.typed.List", "numba.typed.List.empty_list", "builtins.list")
def _new_list(lw, node):
    if node.args and not isinstance(lw.type_of(node.args[0]), T.TypeRef):
        arg = O.operand(lw, node.args[0])
        return O.check_obj(lw, O.call(lw, "aot_obj_to_list", arg, ir.Constant(i32, 0)))
    return lw.new_object(0)


@typer("builtins.list")
def _list_type(inf, node, args, kws):
    if kws or len(args) > 1:
        raise inf.error(node, "list() takes at most one argument")
    if not args:
        return T.ListType(None)
    a = args[0]
    if isinstance(a, (T.ListType, T.SetType)):
        return T.ListType(a.item)
    if isinstance(a, T.DictType):
        return T.ListType(a.key)
    if isinstance(a, T.UnicodeType):
        return T.ListType(a)
    raise inf.error(node, f"list() of {a.name} is not supported")


# -- builtins on containers, in front of the scalar and array entries --

def _one_object(inf, node, args, kws, name):
    if kws or len(args) != 1:
        raise inf.error(node, f"{name}() takes one argument here")
    return args[0]


def _items_of(inf, node, a, name):
    item = a.key if isinstance(a, T.DictType) else a if isinstance(a, T.UnicodeType) else a.item
    if item is None:
        raise inf.error(node, f"{name}() of an empty container whose item type is not known yet")
    return item


def _len_type(inf, node, args, kws):
    _one_object(inf, node, args, kws, "len")
    return T.int64


def _len(lw, node):
    return O.check_int(lw, O.call(lw, "aot_obj_len", O.operand(lw, node.args[0])))


O.chain("builtins.len", O.any_object)((_len_type, _len))


def _sorted_type(inf, node, args, kws):
    _reverse_flag(inf, node, kws, "sorted")
    a = _one_object(inf, node, args, {}, "sorted")
    return T.ListType(_items_of(inf, node, a, "sorted"))


def _sorted(lw, node):
    arg = O.operand(lw, node.args[0])
    out = O.check_obj(lw, O.call(lw, "aot_obj_to_list", arg, ir.Constant(i32, 0)))
    lw.pin(out, T.unicode_type)          # released on exit if the sort fails
    _sort_in_place(lw, out, node)
    lw.incref(out)
    return out


O.chain("builtins.sorted", O.any_object)((_sorted_type, _sorted))


def _sum_type(inf, node, args, kws):
    a = _one_object(inf, node, args, kws, "sum")
    item = _items_of(inf, node, a, "sum")
    if not isinstance(item, T.Scalar) or item.is_complex:
        raise inf.error(node, f"sum() of {a.name} is not supported")
    if item.is_float:
        return T.float64
    return T.uint64 if item.kind == "u" else T.int64


def _sum(lw, node):
    ty = lw.type_of(node)
    slot = lw.alloca_entry(i64)
    code = ord("f") if ty.is_float else ord("i")
    O.check_int(lw, O.call(lw, "aot_obj_sum", O.operand(lw, node.args[0]), ir.Constant(i32, code),
                           lw.b.bitcast(slot, ir.IntType(8).as_pointer())))
    raw = lw.b.load(lw.b.bitcast(slot, ir.DoubleType().as_pointer())) if ty.is_float else lw.b.load(slot)
    return raw


O.chain("builtins.sum", O.any_object)((_sum_type, _sum))


def _minmax_of(name):
    def type_(inf, node, args, kws):
        a = _one_object(inf, node, args, kws, name)
        return _items_of(inf, node, a, name)

    def lower(lw, node):
        obj = O.call(lw, "aot_obj_minmax", O.operand(lw, node.args[0]), ir.Constant(i32, int(name == "max")))
        return O.unbox_steal(lw, obj, lw.type_of(node))
    return type_, lower


def _single_object(args) -> bool:
    return len(args) == 1 and T.is_object(args[0])


O.chain("builtins.min", _single_object)(_minmax_of("min"))
O.chain("builtins.max", _single_object)(_minmax_of("max"))
