"""Float min/max scans, vectorised and exact (also `lo = min(lo, x)`, `lo = x if x < lo else lo`, `<=`):

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

# which way a comparison `E op v` (the element on the left) keeps: `x < lo` a minimum
KEEPS = {ast.Lt: "minimum", ast.LtE: "minimum", ast.Gt: "maximum", ast.GtE: "maximum"}
MIRROR = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE}
BUILTIN_CALLS = ((("builtin", "builtins.min"), "minimum"), (("builtin", "builtins.max"), "maximum"))


def scan_updates(lw, loop: ast.For):
    """{id(update statement): (variable, "minimum" | "maximum")} when `loop` has the
    shape above; else None."""
    if not vector_clone(lw) or makes_closure(lw.t.node):
        return None   # (a closure could read or rebind a variable between the two runs)
    found = _element(lw, loop)
    if found is None or loop.orelse or not loop.body:
        return None
    element, ty = found
    updates, seen = {}, set()
    for s in loop.body:
        update = _update(lw, s, element)
        if update is None:
            return None
        name, kind = update
        if name in seen or name == loop.target.id or name not in lw.slots or lw.t.var_types.get(name) != ty:
            return None
        seen.add(name)
        updates[id(s)] = (name, kind)
    if _names(loop.iter) & (seen | {loop.target.id}):
        return None
    return updates


def _element(lw, loop):
    """(the loop's element as a node to compare with, its type), or None: the target of
    `for x in a` over a 1-d float array variable, or the first `a[i]` of the body of
    `for i in range(...)`."""
    if not isinstance(loop.target, ast.Name) or not loop.body:
        return None
    ity = lw.type_of(loop.iter)
    if isinstance(ity, T.Array):
        if isinstance(loop.iter, ast.Name) and ity.ndim == 1 and ity.dtype.is_float:
            return ast.Name(id=loop.target.id, ctx=ast.Load()), ity.dtype
        return None
    if not (isinstance(ity, T.RangeType) and all(_plain(a) for a in loop.iter.args)):
        return None
    if loop.body[0] in lw.t.pruned:
        return None   # (a branch the types removed has no types to read)
    for node in ast.walk(loop.body[0]):
        if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                and isinstance(node.slice, ast.Name) and node.slice.id == loop.target.id):
            aty = lw.t.var_types.get(node.value.id)
            if isinstance(aty, T.Array) and aty.ndim == 1 and aty.dtype.is_float:
                return node, aty.dtype
            return None
    return None


def _update(lw, s, element):
    """(variable, kind) for an update of v by the element E, in any of these forms (and
    their mirror images), else None:
        if E < v: v = E        (<, <=, >, >=)
        v = min(v, E)          (min, max: the builtins)
        v = E if E < v else v
    Without a NaN met and away from zeros each keeps the least (greatest) value seen,
    whichever of equal values it keeps; a NaN or a zero result runs the loop as written."""
    same = ast.dump(element)
    if isinstance(s, ast.If):
        if s.orelse or len(s.body) != 1 or not _assigns(s.body[0], same):
            return None
        return _compared(s.test, same, s.body[0].targets[0].id)
    if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)):
        return None
    var, value = s.targets[0].id, s.value
    if isinstance(value, ast.Call) and len(value.args) == 2 and not value.keywords:
        call = lw.t.calls.get(value)   # compared, not hashed: a user function's entry holds its Typed
        kind = next((k for builtin, k in BUILTIN_CALLS if call == builtin), None)
        dumps = sorted(ast.dump(a) for a in value.args)
        if kind and dumps == sorted([same, ast.dump(ast.Name(id=var, ctx=ast.Load()))]):
            return var, kind
        return None
    if isinstance(value, ast.IfExp):
        picked = {ast.dump(value.body), ast.dump(value.orelse)}
        if picked != {same, ast.dump(ast.Name(id=var, ctx=ast.Load()))}:
            return None
        kind = _compared(value.test, same, var)
        if kind is None:
            return None
        if ast.dump(value.body) != same:    # `v if E < v else E` keeps the other way
            kind = (var, "maximum" if kind[1] == "minimum" else "minimum")
        return kind
    return None


def _assigns(stmt, same) -> bool:
    return (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
            and ast.dump(stmt.value) == same)


def _compared(test, same, var):
    """(var, kind) for `E op var` or `var op E`, op one of < <= > >=; else None."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in KEEPS):
        return None
    left, right, op = test.left, test.comparators[0], type(test.ops[0])
    if ast.dump(left) == same and isinstance(right, ast.Name) and right.id == var:
        return var, KEEPS[op]
    if ast.dump(right) == same and isinstance(left, ast.Name) and left.id == var:
        return var, KEEPS[MIRROR[op]]
    return None


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


def vector_clone(lw) -> bool:
    """Whether `lw` lowers for an AVX2 or AVX-512 clone."""
    return getattr(lw.unit, "clone_suffix", "") in VECTOR_CLONES


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
    operands = _operands(s)
    # in source order, as Python evaluates them: `a[i] < m` raises IndexError before
    # an unbound m raises UnboundLocalError
    values = [lw.expr(n) for n in operands]
    mine = next(k for k, n in enumerate(operands) if isinstance(n, ast.Name) and n.id == name)
    current, value = values[mine], values[1 - mine]
    fn = lw.unit.intrinsic(f"llvm.{kind}", current.type, 2)
    lw.store_var(name, lw.b.call(fn, [current, value]), lw.t.var_types[name], False)
    return True


def _operands(s) -> list:
    """The two operands of an update's comparison, or of its min/max call, in order."""
    node = s.test if isinstance(s, ast.If) else s.value
    if isinstance(node, ast.IfExp):
        node = node.test
    return list(node.args) if isinstance(node, ast.Call) else [node.left, node.comparators[0]]
