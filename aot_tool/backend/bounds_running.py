"""Index facts for a variable that remembers a loop's index, as argmax's

    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i

`best` is assigned more than once, so the single-value facts of bounds.py do not
cover it, and LLVM cannot hoist its check: its value depends on the data.  But every
value it can hold is a constant or a value the loop variable held, and those are in
range: `i < len(a)` by the loop, and `0 <= 1 <= i < len(a)` inside the loop's body.

The shape is kept strict so the facts need no data-flow analysis: each assignment is
`name = c` (a constant) or `name = i` in the body of `for i in range(...)`, and the
lengths bounding those loops are of parameters never assigned, so they hold at every
point of the function, whichever assignment ran last.
"""

from __future__ import annotations

import ast

from ..frontend import types as T
from .bounds_linear import nonnegative
from .index_terms import int_constant, makes_closure


def running_indices(facts) -> dict:
    """name -> (constants, [(lo, hi) of each loop whose target it takes]) for every int64
    local whose assignments all have the shape above."""
    func = facts.t.node
    if makes_closure(func):
        return {}   # a closure could assign it, or read it where the facts do not hold
    found: dict = {}
    spoiled = set(facts.t.params)
    for node in ast.walk(func):
        if not (isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load)):
            continue
        value = _source(facts, node)
        if value is None or facts.t.var_types.get(node.id) != T.int64:
            spoiled.add(node.id)
            continue
        constants, loops = found.setdefault(node.id, (set(), []))
        if isinstance(value, int):
            constants.add(value)
        else:
            loops.append(value)
    return {name: v for name, v in found.items() if name not in spoiled and v[1]}


def _source(facts, target: ast.Name):
    """The constant c of `target = c`, or the range fact of the loop whose target `target
    = i` copies; None for any other store."""
    stmt = facts.parent.get(target)
    if not (isinstance(stmt, ast.Assign) and stmt.targets == [target]):
        return None
    c = int_constant(stmt.value)
    if c is not None:
        return c
    if not isinstance(stmt.value, ast.Name):
        return None
    node = stmt
    while node is not None:
        holder = facts.parent.get(node)
        if (isinstance(holder, ast.For) and any(s is node for s in holder.body)
                and isinstance(holder.target, ast.Name) and holder.target.id == stmt.value.id):
            fact = facts._range_fact(holder)
            return fact if fact is not None and _fixed(facts, fact[1]) else None
        node = holder
    return None


def _fixed(facts, bound) -> bool:
    """A bound `len(p) + c` with p a parameter never assigned: the same everywhere."""
    return isinstance(bound[0], tuple) and bound[0][0] in facts.constant_params


def fact_inside(running, loop_fact):
    """(lo, hi) for a running index inside the body of a loop with `loop_fact`, or None.
    There the loop's first value is below its bound, so a constant no greater than the
    first value is too. (A read before any assignment raises UnboundLocalError before
    the subscript, so it needs no fact.)"""
    constants, loops = running
    first, bound = loop_fact
    if not all(nonnegative(lo[0]) for lo, _ in loops):
        return None   # a start such as len(a) - len(b) bounds nothing from below
    highs = {hi[0] for _, hi in loops}
    if len(highs) != 1:
        return None
    offsets = [hi[1] for _, hi in loops]
    lows = [lo[1] for lo, _ in loops]
    if constants:
        if first[0] is not None or not (0 <= max(constants) <= first[1]) or bound[0] not in highs:
            return None
        offsets.append(bound[1])
        lows.append(min(constants))
    return (None, min(lows)), (highs.pop(), max(offsets))
