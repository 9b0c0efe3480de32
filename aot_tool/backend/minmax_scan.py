"""Float min/max scans, vectorised and exact:

    lo = a[0]
    hi = a[0]
    for x in a:              # or: for i in range(...): ... a[i] ...
        if x < lo:
            lo = x
        if x > hi:
            hi = x

Python's comparisons keep the first of equal values and never take a NaN from the data;
as a compare and a select per element, the loop is one long dependency chain, which
LLVM does not vectorise without fast-math (numba does not use it, nor do we).
llvm.minimum and llvm.maximum are exact, associative and commutative (a NaN wins, -0
orders below +0), so LLVM vectorises a reduction of them as it is.  They agree with the
scan except where the result is a NaN (the scan skips a NaN in the data) or a zero (the
scan keeps the first zero it met, of either sign): so the loop runs first with
minimum/maximum, and where any result is a NaN or a zero, the variables get back their
values from before the loop and the loop runs again as written.

Only the AVX2 and AVX-512 clones (backend/isa_clones.py) take this way: SSE2 has no
blend, so the baseline's minimum/maximum take several instructions each, and the scan
ran 1.31x numba's generic code that way against 1.0 as written.

The shape is kept strict, so that running the loop twice changes nothing else: the body
is only such updates of float variables, each by the loop's own element (the target of
`for x in a`, or `a[i]` in `for i in range(...)`); the loop's iterable is an array
variable, or a range over names, constants and lengths, evaluated again for the second
run; there is no `else`.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from .index_terms import makes_closure

VECTOR_CLONES = (".v3", ".v4")   # the clones whose minimum/maximum are a few vector instructions

# (element on the left?, comparison) -> which scan: `x < lo` and `lo > x` keep a minimum
KINDS = {(True, ast.Lt): "minimum", (False, ast.Gt): "minimum",
         (True, ast.Gt): "maximum", (False, ast.Lt): "maximum"}


def scan_updates(lw, loop: ast.For):
    """{id(if statement): (variable, "minimum" | "maximum")} when `loop` has the shape
    above; else None."""
    if getattr(lw.unit, "clone_suffix", "") not in VECTOR_CLONES or makes_closure(lw.t.node):
        return None   # (a closure could read or rebind a variable between the two runs)
    element = _element(lw, loop)
    if element is None or loop.orelse or not loop.body:
        return None
    ty = lw.type_of(element)
    found, seen = {}, set()
    for s in loop.body:
        update = _update(s, element)
        if update is None:
            return None
        name, kind = update
        if name in seen or name == loop.target.id or name not in lw.slots or lw.t.var_types.get(name) != ty:
            return None
        seen.add(name)
        found[id(s)] = (name, kind)
    if _names(loop.iter) & (seen | {loop.target.id}):
        return None
    return found


def _element(lw, loop):
    """The loop's element expression (a node of its body's first test), or None."""
    if not isinstance(loop.target, ast.Name):
        return None
    first = loop.body[0] if loop.body else None
    if not (isinstance(first, ast.If) and isinstance(first.test, ast.Compare) and len(first.test.comparators) == 1):
        return None
    ity = lw.type_of(loop.iter)
    for side in (first.test.left, first.test.comparators[0]):
        if isinstance(ity, T.Array) and isinstance(loop.iter, ast.Name):
            if ity.ndim == 1 and ity.dtype.is_float and isinstance(side, ast.Name) and side.id == loop.target.id:
                return side
        elif isinstance(ity, T.RangeType) and all(_plain(a) for a in loop.iter.args):
            arr = side.value if isinstance(side, ast.Subscript) else None
            aty = lw.type_of(arr) if isinstance(arr, ast.Name) else None
            if (isinstance(aty, T.Array) and aty.ndim == 1 and aty.dtype.is_float
                    and isinstance(side.slice, ast.Name) and side.slice.id == loop.target.id):
                return side
    return None


def _update(s, element):
    """(variable, kind) for `if E < v: v = E` and its mirror images; else None."""
    if not (isinstance(s, ast.If) and not s.orelse and len(s.body) == 1 and isinstance(s.test, ast.Compare)
            and len(s.test.ops) == 1 and type(s.test.ops[0]) in (ast.Lt, ast.Gt)):
        return None
    left, right = s.test.left, s.test.comparators[0]
    same = ast.dump(element)
    if ast.dump(left) == same and isinstance(right, ast.Name):
        var, element_left = right.id, True
    elif ast.dump(right) == same and isinstance(left, ast.Name):
        var, element_left = left.id, False
    else:
        return None
    assign = s.body[0]
    if not (isinstance(assign, ast.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0], ast.Name)
            and assign.targets[0].id == var and ast.dump(assign.value) == same):
        return None
    return var, KINDS[(element_left, type(s.test.ops[0]))]


def _plain(node) -> bool:
    """A range argument that reads nothing but names, constants and lengths."""
    return all(isinstance(n, (ast.Name, ast.Constant, ast.BinOp, ast.UnaryOp, ast.Call, ast.Attribute,
                              ast.Subscript, ast.Load, ast.operator, ast.unaryop))
               and (not isinstance(n, ast.Call) or (isinstance(n.func, ast.Name) and n.func.id == "len"
                                                     and len(n.args) == 1 and isinstance(n.args[0], ast.Name)))
               and (not isinstance(n, ast.Attribute) or n.attr == "shape")
               for n in ast.walk(node))


def _names(node) -> set:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def lower_scan(lw, loop, updates, emit_loop) -> None:
    """`emit_loop()` with the updates as minimum/maximum, then, where a result is a NaN
    or a zero, again as written from the values before the loop."""
    b = lw.b
    names = sorted({name for name, _ in updates.values()})
    before = {name: b.load(lw.slots[name]) for name in names}
    lw.fast_scan = updates
    try:
        emit_loop()
    finally:
        del lw.fast_scan
    redo = ir.Constant(ir.IntType(1), 0)
    for name in names:
        value = b.load(lw.slots[name])
        redo = b.or_(redo, b.fcmp_unordered("==", value, ir.Constant(value.type, 0.0)))
    with b.if_then(redo, likely=False):
        for name in names:
            b.store(before[name], lw.slots[name])
        emit_loop()


def lower_update(lw, s) -> bool:
    """The update `s` of a scan being lowered fast: v = minimum(v, E); False for any
    other statement."""
    fast = lw.__dict__.get("fast_scan")
    if not fast or id(s) not in fast:
        return False
    name, kind = fast[id(s)]
    left, right = s.test.left, s.test.comparators[0]
    var_node, element = (left, right) if isinstance(left, ast.Name) and left.id == name else (right, left)
    current, value = lw.expr(var_node), lw.expr(element)    # reading v raises if it is unbound
    fn = lw.unit.intrinsic(f"llvm.{kind}", current.type, 2)
    lw.store_var(name, lw.b.call(fn, [current, value]), lw.t.var_types[name], False)
    return True
