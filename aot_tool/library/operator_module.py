"""The operator module's functions numba compiles (`operator.mul(a, b)`,
`from operator import add`): each is the operator it names, typed and lowered by
library/operators.py, so `operator.floordiv(a, b)` is exactly `a // b`."""

from __future__ import annotations

import ast

from .containment import lower_contains
from .operators import arith, binop_type, compare, compare_check, unary, unary_type
from .registry import lowerer, typer

_BINARY = {"add": ast.Add, "sub": ast.Sub, "mul": ast.Mult, "truediv": ast.Div, "floordiv": ast.FloorDiv,
           "mod": ast.Mod, "pow": ast.Pow, "lshift": ast.LShift, "rshift": ast.RShift, "and_": ast.BitAnd,
           "or_": ast.BitOr, "xor": ast.BitXor}
_COMPARE = {"lt": ast.Lt, "le": ast.LtE, "eq": ast.Eq, "ne": ast.NotEq, "ge": ast.GtE, "gt": ast.Gt,
            "is_": ast.Is, "is_not": ast.IsNot}
_UNARY = {"neg": ast.USub, "pos": ast.UAdd, "invert": ast.Invert, "inv": ast.Invert, "not_": ast.Not}


def _count(inf, node, args, kws, name, n):
    if kws or len(args) != n:
        raise inf.error(node, f"operator.{name}() takes {n} positional argument(s)")


def _binop_node(node, op):
    return ast.copy_location(ast.BinOp(left=node.args[0], op=op(), right=node.args[1]), node)


def _binary(name, op):
    def rule(inf, node, args, kws):
        _count(inf, node, args, kws, name, 2)
        return binop_type(inf, _binop_node(node, op), args[0], args[1])

    def lower(lw, node):
        a, b = node.args
        return arith(lw, op, lw.expr(a), lw.type_of(a), lw.expr(b), lw.type_of(b), lw.type_of(node),
                     _binop_node(node, op))
    return rule, lower


def _comparison(name, op):
    def rule(inf, node, args, kws):
        from ..frontend import types as T
        _count(inf, node, args, kws, name, 2)
        compare_check(inf, node, op(), args[0], args[1])
        return T.boolean

    def lower(lw, node):
        a, b = node.args
        return compare(lw, op(), lw.expr(a), lw.type_of(a), lw.expr(b), lw.type_of(b))
    return rule, lower


def _unary(name, op):
    def rule(inf, node, args, kws):
        _count(inf, node, args, kws, name, 1)
        return unary_type(inf, node, op(), args[0])

    def lower(lw, node):
        a = node.args[0]
        return unary(lw, op(), lw.expr(a), lw.type_of(a), lw.type_of(node))
    return rule, lower


def _register(name, pair):
    rule, lower = pair
    typer(f"operator.{name}")(rule)
    lowerer(f"operator.{name}")(lower)


for _name, _op in _BINARY.items():
    _register(_name, _binary(_name, _op))
    _register("i" + _name.rstrip("_"), _binary("i" + _name.rstrip("_"), _op))   # iadd, iand: on numbers, a new value
for _name, _op in _COMPARE.items():
    _register(_name, _comparison(_name, _op))
for _name, _op in _UNARY.items():
    _register(_name, _unary(_name, _op))


@typer("operator.contains")
def _contains_type(inf, node, args, kws):
    from ..frontend import types as T
    _count(inf, node, args, kws, "contains", 2)
    compare_check(inf, node, ast.In(), args[1], args[0])
    return T.boolean


@lowerer("operator.contains")
def _contains(lw, node):
    c, x = node.args
    return lower_contains(lw, ast.In(), lw.expr(x), lw.type_of(x), lw.expr(c), lw.type_of(c))
