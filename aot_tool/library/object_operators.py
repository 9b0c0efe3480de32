"""Operators on lists, dicts, sets and str: `+` (concatenation; `+=` on a list extends
it in place, as in Python), `*` by an int, `| & - ^` on sets, comparisons with Python's
meaning (str and lists order lexicographically, `<=` on sets is inclusion) and `in`."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, i32
from ..frontend import types as T
from . import objects as O

_BINOPS = {ast.Add: 0, ast.Sub: 1, ast.Mult: 2, ast.BitAnd: 3, ast.BitOr: 4, ast.BitXor: 5}
_CMP = {ast.Lt: 0, ast.LtE: 1, ast.Eq: 2, ast.NotEq: 3, ast.Gt: 4, ast.GtE: 5}
_SYM = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^"}


def _is_int(t) -> bool:
    return isinstance(t, T.Scalar) and (t.is_int or t.is_bool)


def object_binop_type(inf, node, a, b):
    op = type(node.op)
    seq = (T.ListType, T.UnicodeType)
    if op is ast.Add and isinstance(a, seq) and type(a) is type(b):
        u = T.unify(a, b)
        if u is not None:
            return u
    if op is ast.Mult and isinstance(a, seq) and _is_int(b):
        return a
    if op is ast.Mult and isinstance(b, seq) and _is_int(a):
        return b
    if op in (ast.Sub, ast.BitAnd, ast.BitOr, ast.BitXor) and isinstance(a, T.SetType) and a == b:
        return a
    raise inf.error(node, f"unsupported operand types for {_SYM.get(op, op.__name__)}: {a.name} and {b.name}")


def object_compare_check(inf, node, op, a, b) -> None:
    if isinstance(op, (ast.In, ast.NotIn)):
        if isinstance(b, T.UnicodeType) and isinstance(a, T.UnicodeType):
            return
        if isinstance(b, (T.ListType, T.SetType, T.DictType)):
            item = b.key if isinstance(b, T.DictType) else b.item
            if item is None or T.can_convert(a, item) or T.unify(a, item) is not None:
                return
        raise inf.error(node, f"cannot test whether {a.name} is in {b.name}")
    if isinstance(op, (ast.Is, ast.IsNot)):
        raise inf.error(node, "`is` is only supported against None")
    if type(a) is type(b) and (isinstance(op, (ast.Eq, ast.NotEq)) or not isinstance(a, T.DictType)):
        return
    raise inf.error(node, f"cannot compare {a.name} and {b.name}")


def lower_object_binop(lw, node):
    op = type(node.op)
    ty = lw.type_of(node)
    a_ty, b_ty = lw.type_of(node.left), lw.type_of(node.right)
    a = O.operand(lw, node.left) if T.is_object(a_ty) else None
    b = O.operand(lw, node.right) if T.is_object(b_ty) else None
    if a is None:
        a = O.box(lw, lw.expr(node.left), a_ty)
        lw.pin(a, T.unicode_type)
    if b is None:
        b = O.box(lw, lw.expr(node.right), b_ty)
        lw.pin(b, T.unicode_type)
    if isinstance(ty, T.ListType) and op is ast.Add and node in lw.t.aug_binops.values():
        O.check_int(lw, O.call(lw, "aot_list_extend", a, b))   # `lst += other` extends lst itself
        lw.incref(a)
        return a
    return O.check_obj(lw, O.call(lw, "aot_obj_binop", a, b, ir.Constant(i32, _BINOPS[op])))


def _compare_one(lw, op, left_node, left, right_node, right):
    if isinstance(op, (ast.In, ast.NotIn)):
        container = lw.type_of(right_node)
        want = container if isinstance(container, T.UnicodeType) else \
            container.key if isinstance(container, T.DictType) else container.item
        left_ty = lw.type_of(left_node)
        if isinstance(want, T.Scalar) and isinstance(left_ty, T.Scalar) and T.unify(left_ty, want) != want:
            want = left_ty    # `1.5 in [1, 2]` is False, as numba's 1.5 == 1 (a cast to int64 would truncate)
        item = O.box_node(lw, left_node, want or lw.type_of(left_node)) if left is None else O.box(lw, lw.cast(left, lw.type_of(left_node), want), want)
        found = O.check_int(lw, O.call(lw, "aot_obj_contains_steal", right, item))
        found = lw.b.icmp_signed(">", found, ir.Constant(i32, 0))
        return found if isinstance(op, ast.In) else lw.b.not_(found)
    result = O.check_int(lw, O.call(lw, "aot_obj_compare", left, right, ir.Constant(i32, _CMP[type(op)])))
    return lw.b.icmp_signed(">", result, ir.Constant(i32, 0))


def lower_object_compare(lw, node):
    """Every operand is evaluated once (objects borrowed); the results are and-ed."""
    nodes = [node.left] + node.comparators
    values = []
    for k, n in enumerate(nodes):
        ty = lw.type_of(n)
        if T.is_object(ty):
            values.append(O.operand(lw, n))
        elif k == 0 and isinstance(node.ops[0], (ast.In, ast.NotIn)) and len(nodes) == 2:
            values.append(None)   # boxed straight from its node
        else:
            values.append(lw.expr(n))
    result = ir.Constant(i1, 1)
    for k, op in enumerate(node.ops):
        result = lw.b.and_(result, _compare_one(lw, op, nodes[k], values[k], nodes[k + 1], values[k + 1]))
    return result
