"""Index facts for a variable that scans down under a guard, as insertion sort's

    j = i - 1
    while j >= 0 and a[j] > key:
        a[j + 1] = a[j]
        j -= 1
    a[j + 1] = key

Inside the loop, j is at least the guard's bound (the guard is tested first) and at
most its first value, since the loop only lowers it; after the loop it is at least the
smaller of its first value and the guard's bound minus the step.  LLVM cannot hoist
these checks itself: the loop is not a counted `range` and its exit is data-dependent.

The shape is kept strict so the facts are sound without a data-flow analysis: the
variable has exactly two assignments, its first value set earlier in the same block
as the `while`, and `j -= c` (c a positive constant) as the body's last statement, so
every use in the test after the guard and in the body sees a value the guard admitted.
"""

from __future__ import annotations

import ast

from ..frontend import types as T
from .bounds_linear import never_wraps_down, never_wraps_up, nonnegative
from .index_terms import int_constant, makes_closure, split_index


INT64_MIN = -(1 << 63)


def descending_scan(facts, stmts: list, k: int, active: dict):
    """For the `while` at stmts[k]: (name, fact inside the loop, fact after it), each fact
    (lo, hi) with lo <= name < hi as the index proofs read them; else None."""
    loop = stmts[k]
    if loop.orelse or makes_closure(loop):
        return None   # a closure made in the loop may run after it, where j is lower
    guard = _guard(loop.test)
    step = _decrement(loop.body[-1]) if loop.body else None
    if guard is None or step is None or guard[0] != step[0]:
        return None
    name, least = guard
    if facts.stores[name] != 2 or facts.t.var_types.get(name) != T.int64 or least - step[1] < INT64_MIN:
        return None   # a narrower or unsigned j, or one stepping past INT64_MIN, could wrap
    first = _first_value(facts, name, stmts[:k], active)
    if first is None:
        return None
    first_lo, hi = first
    return name, ((None, least), hi), ((None, min(first_lo, least - step[1])), hi)


def _guard(test):
    """(name, least value) for a test that begins with `name >= c`, `name > c`,
    `c <= name` or `c < name`."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        test = test.values[0]
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(left, ast.Name) and int_constant(right) is not None:
        c = int_constant(right)
        return {ast.GtE: (left.id, c), ast.Gt: (left.id, c + 1)}.get(type(op))
    if isinstance(right, ast.Name) and int_constant(left) is not None:
        c = int_constant(left)
        return {ast.LtE: (right.id, c), ast.Lt: (right.id, c + 1)}.get(type(op))
    return None


def _decrement(stmt):
    """(name, c) for `name -= c` or `name = name - c` with c a positive constant."""
    if isinstance(stmt, ast.AugAssign) and isinstance(stmt.op, ast.Sub) and isinstance(stmt.target, ast.Name):
        name, value = stmt.target.id, stmt.value
    elif (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
          and isinstance(stmt.value, ast.BinOp) and isinstance(stmt.value.op, ast.Sub)
          and isinstance(stmt.value.left, ast.Name) and stmt.value.left.id == stmt.targets[0].id):
        name, value = stmt.targets[0].id, stmt.value.right
    else:
        return None
    c = int_constant(value)
    return (name, c) if c is not None and c > 0 else None


def _first_value(facts, name: str, before: list, active: dict):
    """(least value, exclusive upper bound) of the value `name = ...` gives it in `before`:
    a loop variable plus a constant, or an expression the proofs follow."""
    for stmt in reversed(before):
        if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == name):
            break
    else:
        return None
    var, offset = split_index(stmt.value)
    if var is not None and var in active and offset is not None:
        (lo_base, lo), (hi_base, hi) = active[var]   # lengths are never negative: lo bounds below
        return (lo + offset, (hi_base, hi + offset)) if nonnegative(lo_base) else None
    sym = facts.symbolic(stmt.value)
    if sym is None or not (nonnegative(sym[0]) and never_wraps_down(sym, facts.longest)
                            and never_wraps_up(sym, facts.longest)):
        return None
    return sym[1], (sym[0], sym[1] + 1)
