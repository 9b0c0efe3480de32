"""Counters: int64 variables that only start from small literals and count up by a small
step (`d = 2` ... `d += 1`, `count = count + 1`). Their increments are emitted `add nsw`.

To overflow, such a counter must run its increment more than 2**61 times (about 70
years at one a nanosecond), so the flag states what every run of the program does. It
lets LLVM know the counter stays at least its smallest start: `k % d` of a trial
divisor then needs no zero check and becomes an unsigned remainder without Python's
sign fix-up, as in numba, which flags every integer add (prime_count in
bench/kernels.py was 1.07-1.20x numba with a plain add). An add that can wrap in
practice (a hash's `h = h * 31 + c`, a counter started from a parameter) keeps the
plain, wrapping add.
"""

from __future__ import annotations

import ast

from ..frontend import types as T
from .index_terms import int_constant, makes_closure

START_LIMIT = 2 ** 32       # |start| below this
STEP_LIMIT = 4              # 1 <= step <= this


def counters(typed) -> frozenset:
    """The counters of one function (an empty set when it makes a closure, which could
    rebind a variable with `nonlocal`)."""
    fn = typed.node
    if makes_closure(fn):
        return frozenset()
    good: set = set()
    bad: set = {a.arg for a in fn.args.args + fn.args.kwonlyargs + fn.args.posonlyargs}
    for node in ast.walk(fn):
        for name, ok in _bindings(node):
            (good if ok else bad).add(name)
    return frozenset(name for name in good - bad if typed.var_types.get(name) == T.int64)


def increment(node):
    """(name, step) for `name += c`, `name = name + c` or `name = c + name` with c an
    integer literal in 1..STEP_LIMIT; else None."""
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and isinstance(node.op, ast.Add):
        name, step = node.target.id, int_constant(node.value)
    elif (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
          and isinstance(node.value, ast.BinOp) and isinstance(node.value.op, ast.Add)):
        name, left, right = node.targets[0].id, node.value.left, node.value.right
        if isinstance(left, ast.Name) and left.id == name:
            step = int_constant(right)
        elif isinstance(right, ast.Name) and right.id == name:
            step = int_constant(left)
        else:
            return None
    else:
        return None
    return (name, step) if step is not None and 1 <= step <= STEP_LIMIT else None


def _bindings(node):
    """(name, whether this binding keeps it a counter) for each name `node` binds."""
    counted = increment(node)
    if counted is not None:
        yield counted[0], True
        return
    if isinstance(node, ast.AugAssign):
        if isinstance(node.target, ast.Name):
            yield node.target.id, False
        return
    if isinstance(node, ast.Assign):
        start = int_constant(node.value)
        ok = len(node.targets) == 1 and start is not None and abs(start) < START_LIMIT
        for target in node.targets:
            for name in _names(target):
                yield name, ok and isinstance(target, ast.Name)
        return
    targets = []
    if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
        targets = [node.target]
    elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    elif isinstance(node, ast.Delete):
        targets = node.targets
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name, False
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        for name in node.names:
            yield name, False
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            yield (alias.asname or alias.name).split(".")[0], False
    elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
        yield node.name, False
    elif isinstance(node, ast.MatchMapping) and node.rest:
        yield node.rest, False
    for target in targets:
        for name in _names(target):
            yield name, False


def _names(target):
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
