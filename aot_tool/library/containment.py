"""`x in c` and `x not in c`: one table from the container's type class to its typing
check and its lowering, so each kind of container (tuples and ranges here; arrays,
lists, strings elsewhere) is one entry:

    @contains(T.Tuple)
    def _(lw, x, x_ty, container, container_ty) -> i1
    CONTAINS_CHECKS[T.Tuple] = check(inf, node, x_ty, container_ty)   # raises inf.error
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i1, i64
from ..frontend import types as T

CONTAINS_CHECKS: dict = {}
CONTAINS_LOWERERS: dict = {}


def contains(type_class, check):
    def register(fn):
        CONTAINS_CHECKS[type_class] = check
        CONTAINS_LOWERERS[type_class] = fn
        return fn
    return register


def contains_check(inf, node, x_ty, c_ty) -> None:
    check = CONTAINS_CHECKS.get(type(c_ty))
    if check is None:
        raise inf.error(node, f"`in` is not supported for {c_ty.name}")
    check(inf, node, x_ty, c_ty)


def lower_contains(lw, op, x, x_ty, c, c_ty):
    found = CONTAINS_LOWERERS[type(c_ty)](lw, x, x_ty, c, c_ty)
    return lw.b.not_(found) if isinstance(op, ast.NotIn) else found


def _tuple_check(inf, node, x_ty, c_ty):
    from .operators import compare_check
    for item in c_ty.items:
        compare_check(inf, node, ast.Eq(), x_ty, item)


@contains(T.Tuple, _tuple_check)
def _in_tuple(lw, x, x_ty, tup, tup_ty):
    from .operators import compare
    found = ir.Constant(i1, 0)
    for i, item_ty in enumerate(tup_ty.items):
        found = lw.b.or_(found, compare(lw, ast.Eq(), x, x_ty, lw.b.extract_value(tup, i), item_ty))
    return found


def _range_check(inf, node, x_ty, c_ty):
    if not (isinstance(x_ty, T.Scalar) and (x_ty.is_int or x_ty.is_bool)):
        raise inf.error(node, f"`in range(...)` needs an integer on the left, not {x_ty.name}")


@contains(T.RangeType, _range_check)
def _in_range(lw, x, x_ty, r, r_ty):
    """start <= x < stop (or stop < x <= start) and on the step's grid; a uint64 beyond
    int64 is in no range."""
    b = lw.b
    start, stop, step = (b.extract_value(r, i) for i in range(3))
    v = lw.cast(x, x_ty, T.int64)
    zero = ir.Constant(i64, 0)
    up = b.icmp_signed(">", step, zero)
    inside = b.select(up, b.and_(b.icmp_signed("<=", start, v), b.icmp_signed("<", v, stop)),
                      b.and_(b.icmp_signed("<", stop, v), b.icmp_signed("<=", v, start)))
    # v - start and step have the same sign inside the range; urem of magnitudes avoids overflow
    offset = b.select(up, b.sub(v, start), b.sub(start, v))
    magnitude = b.select(up, step, b.sub(zero, step))
    safe = b.select(inside, magnitude, ir.Constant(i64, 1))
    on_grid = b.icmp_unsigned("==", b.urem(offset, safe), zero)
    found = b.and_(inside, on_grid)
    if x_ty.kind == "u" and x_ty.bits == 64:
        found = b.and_(found, b.icmp_signed(">=", v, zero))
    return found
