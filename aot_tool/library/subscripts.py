"""Subscripts and loops over lists, dicts, sets and str: `lst[i]` and `s[i]` (negative
indices, IndexError), slices (a new list or str), `d[k]` (KeyError), stores, and `for x
in <object>` through CPython's iterator protocol (so a list that grows while looped over
behaves as in Python)."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i32, i64, pyobj
from ..frontend import types as T
from . import objects as O

_MAKERS = (ast.List, ast.ListComp, ast.SetComp, ast.DictComp, ast.Dict, ast.Set, ast.JoinedStr)


def owns_object(lw, node) -> bool:
    """Whether an expression of an object type (or a tuple holding them) hands over a new reference."""
    if isinstance(node, _MAKERS) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp):
        return T.is_object(lw.type_of(node))
    if isinstance(node, ast.Subscript):
        return T.is_object(lw.type_of(node.value)) and T.holds_refs(lw.type_of(node))
    return False


def _index(lw, node):
    return lw.cast(lw.expr(node), lw.type_of(node), T.int64)


def lower_subscript(lw, node):
    base_ty = lw.type_of(node.value)
    base = O.operand(lw, node.value)
    ty = lw.type_of(node)
    if isinstance(base_ty, T.DictType):
        return O.unbox_steal(lw, O.call(lw, "aot_obj_getkey_steal", base, O.box_node(lw, node.slice, base_ty.key)), ty)
    idx = node.slice
    if isinstance(idx, ast.Slice):
        values, present = [], 0
        for k, bound in enumerate((idx.lower, idx.upper, idx.step)):
            if bound is None:
                values.append(ir.Constant(i64, 0))
            else:
                values.append(_index(lw, bound))
                present |= 1 << k
        return O.check_obj(lw, O.call(lw, "aot_obj_slice", base, *values, ir.Constant(i32, present)))
    return O.unbox_steal(lw, O.call(lw, "aot_obj_getitem", base, _index(lw, idx)), ty)


def lower_store(lw, target, value, ty, owned):
    """lst[i] = v (IndexError when out of range), lst[a:b] = other_list or d[k] = v."""
    base_ty = lw.type_of(target.value)
    base = O.operand(lw, target.value)
    if isinstance(target.slice, ast.Slice):   # CPython's list slice assignment (ValueError for a step's size)
        values, present = [], 0
        for k, bound in enumerate((target.slice.lower, target.slice.upper, target.slice.step)):
            values.append(ir.Constant(i64, 0) if bound is None else _index(lw, bound))
            present |= (bound is not None) << k
        key = O.call(lw, "aot_obj_slice_object", *values, ir.Constant(i32, present))
        boxed = O.box(lw, value, ty, owned)
        O.check_int(lw, O.call(lw, "aot_obj_setitem_steal", base, key, boxed, ir.Constant(i64, 0), ir.Constant(i32, 2)))
        return
    if isinstance(owned, list):   # a tuple literal: its items' own references
        for (k, item_ty), item_owned in zip(enumerate(ty.items), owned):
            if T.holds_refs(item_ty) and not item_owned:
                for ref in lw.refs(lw.b.extract_value(value, k), item_ty):
                    lw.incref(ref)
        owned = True
    want = base_ty.item if isinstance(base_ty, T.ListType) else base_ty.value
    boxed = O.box(lw, lw.cast(value, ty, want), want, owned)
    if isinstance(base_ty, T.ListType):
        key, index, by_index = ir.Constant(pyobj, None), _index(lw, target.slice), 1
    else:
        key, index, by_index = O.box_node(lw, target.slice, base_ty.key), ir.Constant(i64, 0), 0
    O.check_int(lw, O.call(lw, "aot_obj_setitem_steal", base, key, boxed, index, ir.Constant(i32, by_index)))


def lower_object_for(lw, loop: ast.For) -> None:
    """for x in <list, dict, set or str>: next(iterator) until it is exhausted."""
    ity = lw.type_of(loop.iter)
    item_ty = {T.DictType: lambda: ity.key, T.UnicodeType: lambda: ity}.get(type(ity), lambda: ity.item)()
    iterable = O.operand(lw, loop.iter)
    it = O.check_obj(lw, O.call(lw, "aot_obj_iter", iterable))
    lw.pin(it, T.unicode_type)   # held until the loop ends (or the function exits inside it)
    slot = lw.pins[-1][0]
    failed = lw.alloca_entry(i32)
    head = lw.fn.append_basic_block("objfor.next")
    body = lw.fn.append_basic_block("objfor.body")
    done = lw.fn.append_basic_block("objfor.done")
    end = lw.fn.append_basic_block("objfor.end")
    lw.b.branch(head)
    lw.b.position_at_end(head)
    item = O.call(lw, "aot_obj_next", it, failed)
    lw.b.cbranch(lw.b.icmp_unsigned("==", item, ir.Constant(pyobj, None)), done, body)
    lw.b.position_at_end(body)
    value = O.unbox_steal(lw, item, item_ty)
    lw.loops.append((head, end))
    lw.assign(loop.target, value, item_ty, True)
    lw.block(loop.body)
    lw.loops.pop()
    if not lw.b.block.is_terminated:
        lw.b.branch(head)
    lw.b.position_at_end(done)
    lw.check_status(lw.b.load(failed))
    lw.b.branch(end)
    lw.b.position_at_end(end)
    lw.decref(lw.b.load(slot))
    lw.b.store(ir.Constant(pyobj, None), slot)


def object_sequence(lw, node, ty):
    """(length, item) of a list or str for zip()/enumerate(): the length taken once up
    front; each item borrowed (an object item is pinned until the next one replaces it)."""
    return object_sequence_of(lw, O.operand(lw, node), ty)


def object_sequence_of(lw, seq, ty):
    """object_sequence of a borrowed list or str value."""
    length = O.check_int(lw, O.call(lw, "aot_obj_len", seq))
    item_ty = ty if isinstance(ty, T.UnicodeType) else ty.item

    def item(k):
        value = O.unbox_steal(lw, O.call(lw, "aot_obj_getitem", seq, k), item_ty)
        if T.holds_refs(item_ty):
            lw.pin(value, item_ty)
        return value
    return length, item


def lower_delete(lw, target):
    """del lst[i] / del lst[a:b] / del d[k]."""
    base_ty = lw.type_of(target.value)
    base = O.operand(lw, target.value)
    idx = target.slice
    none = ir.Constant(pyobj, None)
    if isinstance(base_ty, T.DictType):
        args = (O.box_node(lw, idx, base_ty.key), ir.Constant(i64, 0), ir.Constant(i32, 0))
    elif isinstance(idx, ast.Slice):
        values, present = [], 0
        for k, bound in enumerate((idx.lower, idx.upper, idx.step)):
            values.append(ir.Constant(i64, 0) if bound is None else _index(lw, bound))
            present |= (bound is not None) << k
        args = (O.call(lw, "aot_obj_slice_object", *values, ir.Constant(i32, present)), ir.Constant(i64, 0),
                ir.Constant(i32, 0))
    else:
        args = (none, _index(lw, idx), ir.Constant(i32, 1))
    O.check_int(lw, O.call(lw, "aot_obj_delitem_steal", base, *args))
