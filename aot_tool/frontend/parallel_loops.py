"""What a `prange` loop of a parallel function may do, by numba's rules, read from its
AST: which variables are reductions (privatised per block, combined after the loop),
which are private to an iteration, and what is a race we refuse with a located error.

    for i in prange(n):        # start/stop, step 1 only (numba's rule)
        t = x[i] * 2           # private: assigned before it is read in the iteration
        out[i] = t             # array stores need no synchronisation
        s += t                 # a reduction: `s op= e`, `s = s op e`, `s = min(s, e)`

Refused: a private variable read before it is assigned in the iteration (a value
carried between iterations) or read after the loop (its value there is undefined:
numba's "may be written to simultaneously"), a reduction variable read in the body
or updated with two operators, mutating a list/dict/set the loop does not own.
A body with `return` or a `break` of its own runs serially, as numba runs it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from . import types as T
from .definite import maybe_unassigned_reads
from .errors import error_at
from .static_values import MUTATORS

_AUG = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.BitOr: "|", ast.BitAnd: "&"}
_COMMUTES = {"+", "*", "|", "&"}
_MINMAX = {("builtin", "builtins.min"): "min", ("builtin", "builtins.max"): "max"}
_SCOPES = (ast.Lambda, ast.FunctionDef, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


@dataclass
class LoopPlan:
    target: str
    reductions: list = field(default_factory=list)   # [(name, op)], sorted by name
    private: set = field(default_factory=set)


def is_prange(typed, loop: ast.For) -> bool:
    return typed.calls.get(loop.iter) == ("builtin", "numba.prange")


def plan_loop(typed, loop: ast.For) -> LoopPlan | None:
    """The loop's plan, or None where numba too runs it serially."""
    src = typed.source
    if not isinstance(loop.target, ast.Name):
        raise error_at(src, loop.target, "a prange loop's target must be one name (for i in prange(n))")
    args = loop.iter.args
    if len(args) == 3 and not (isinstance(args[2], ast.Constant) and args[2].value == 1
                               and type(args[2].value) is int):
        raise error_at(src, args[2], "only a constant step of 1 is supported for prange (as in numba); "
                                     "loop over prange(count) and compute the index from it")
    nodes = list(_own_nodes(loop.body))
    for n in nodes:
        if isinstance(n, (ast.Lambda, ast.FunctionDef)):
            raise error_at(src, n, "functions and lambdas defined inside a prange loop are not supported: "
                                   "define them before the loop")
    if any(isinstance(n, (ast.Return, ast.Yield, ast.YieldFrom)) for n in nodes) or _breaks(loop.body):
        return None
    target = loop.target.id
    stores = {}
    for n in nodes:
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and n.id != target:
            stores.setdefault(n.id, []).append(n)
    statements = [n for n in nodes if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign))]
    plan = LoopPlan(target)
    for name in sorted(stores):
        op = _reduction_op(typed, name, stores[name], statements)
        if op is None:
            plan.private.add(name)
            continue
        ty = typed.var_types.get(name)
        if not (isinstance(ty, T.Scalar) and (ty.is_int or ty.is_bool or ty.is_float)):
            raise error_at(src, stores[name][0], f"`{name}` is a reduction of type {ty.name if ty else '?'}: "
                                                 "prange reductions are over integer, boolean and float "
                                                 "scalars (array reductions are not supported yet)")
        if op in ("|", "&") and ty.is_float:
            raise error_at(src, stores[name][0], f"`{name} {op}= ...` needs an integer or boolean variable")
        plan.reductions.append((name, op))
    _check_reductions_start_assigned(typed, plan, nodes)
    _check_private(typed, loop, plan)
    _check_shared_objects(typed, nodes, plan)
    return plan


def _check_reductions_start_assigned(typed, plan, nodes) -> None:
    """A reduction starts from the variable's value before the loop: one that may be
    unassigned there is refused (its blocks would start from a made-up zero; CPython
    raises UnboundLocalError, numba refuses the loop)."""
    if not plan.reductions:
        return
    names = {name for name, _ in plan.reductions}
    flagged = maybe_unassigned_reads(typed.node)
    for n in nodes:
        target = n.target if isinstance(n, ast.AugAssign) else n
        if n in flagged and isinstance(target, ast.Name) and target.id in names:
            raise error_at(typed.source, target, f"the reduction variable '{target.id}' may be used before it is "
                                                 "assigned: give it its starting value before the prange loop")


def light_body(typed, loop: ast.For) -> bool:
    """A body of scalar work only: no inner loop, no call to a user function, no value
    that is an array (an array expression or row copy is a loop).  Each iteration then
    costs nanoseconds, so the loop's blocks can be large (backend/parallel_outline.py)."""
    for n in _own_nodes(loop.body):
        if isinstance(n, (ast.For, ast.While) + _SCOPES):
            return False
        if isinstance(n, ast.Call) and (typed.calls.get(n, ("",))[0] != "builtin" or n.keywords
                                        or not all(_scalar(typed, a) for a in n.args)):
            return False
        if isinstance(n, (ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Call, ast.IfExp)) or (
                isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load)):
            if not _scalar(typed, n):
                return False
        if isinstance(n, (ast.Assign, ast.AugAssign)) and not _scalar(typed, n.value):
            return False
    return True


def _scalar(typed, node) -> bool:
    return isinstance(typed.expr_types.get(node), T.Scalar)


def _own_nodes(body):
    """The nodes of `body`, not descending into nested scopes (which are yielded)."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, _SCOPES):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _breaks(body) -> bool:
    """A `break` that leaves this loop (not one of a nested loop)."""
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Break):
            return True
        if isinstance(node, (ast.For, ast.While)):
            stack.extend(node.orelse)
            continue
        if isinstance(node, _SCOPES):
            continue
        stack.extend(n for n in ast.iter_child_nodes(node) if isinstance(n, ast.stmt))
    return False


def _reduction_op(typed, name: str, stores: list, statements: list):
    """The operator when every assignment of `name` is a reduction update and the body reads
    it nowhere else; None for an ordinary (private) variable."""
    ops, operands = set(), set()
    for st in statements:
        targets = [st.target] if not isinstance(st, ast.Assign) else st.targets
        if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
            continue
        found = _update(typed, name, st)
        if found is None:
            return None          # assigned plainly somewhere: a private variable
        op, own_read = found
        ops.add(op)
        if own_read is not None:
            operands.add(own_read)
    if len(ops) > 1:
        raise error_at(typed.source, stores[0], f"`{name}` is updated with different reduction operators "
                                                f"({', '.join(sorted(ops))}) in one prange loop (numba refuses "
                                                "this too)")
    return ops.pop() if ops else None


def _update(typed, name, st):
    """(op, the Name node reading `name` on the right or None) if `st` updates `name` as a
    reduction, else None."""
    def is_var(n):
        return isinstance(n, ast.Name) and n.id == name
    if isinstance(st, ast.AugAssign) and type(st.op) in _AUG and not _reads(st.value, name):
        return _AUG[type(st.op)], None
    if not (isinstance(st, ast.Assign) and len(st.targets) == 1):
        return None
    v = st.value
    if isinstance(v, ast.BinOp) and type(v.op) in _AUG:
        op = _AUG[type(v.op)]
        if is_var(v.left) and not _reads(v.right, name):
            return op, v.left
        if op in _COMMUTES and is_var(v.right) and not _reads(v.left, name):
            return op, v.right
    if isinstance(v, ast.Call) and typed.calls.get(v) in _MINMAX and len(v.args) == 2 and not v.keywords:
        a, b = v.args
        if is_var(a) and not _reads(b, name):
            return _MINMAX[typed.calls[v]], a
        if is_var(b) and not _reads(a, name):
            return _MINMAX[typed.calls[v]], b
    return None


def _reads(node, name) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) for n in ast.walk(node))


def _check_private(typed, loop, plan) -> None:
    src = typed.source
    reduction_names = {n for n, _ in plan.reductions}
    # a reduction variable read anywhere but its own updates
    allowed = set()
    for st in _own_nodes(loop.body):
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                and st.targets[0].id in reduction_names:
            found = _update(typed, st.targets[0].id, st)
            if found and found[1] is not None:
                allowed.add(found[1])
    for n in _own_nodes(loop.body):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id in reduction_names \
                and n not in allowed:
            raise error_at(src, n, f"`{n.id}` is a reduction variable of this prange loop: it may only be "
                                   f"updated (`{n.id} += ...`, `{n.id} = min({n.id}, ...)`), not read inside "
                                   "the loop, where each thread sees only its partial value")
    # a private variable carried from one iteration to the next
    body_fn = _function(loop.body, [plan.target])
    for read in sorted(maybe_unassigned_reads(body_fn), key=_position):
        name = _read_name(read)
        if name in plan.private:
            raise error_at(src, read, f"`{name}` is read before this iteration assigns it: in a prange "
                                      "loop each iteration must assign its variables first (a value carried "
                                      "between iterations is a race)")
    # a private variable whose value after the loop is read
    # (assigned at the end, so that they are locals of the made-up function)
    marks = [ast.Assign(targets=[ast.Name(name, ast.Store())], value=ast.Constant(0))
             for name in sorted(plan.private)]
    after = _function(_statements_after(typed.node, loop) + marks, [])
    for read in sorted(maybe_unassigned_reads(after), key=_position):
        name = _read_name(read)
        if name in plan.private:
            raise error_at(src, read, f"`{name}` is assigned inside the prange loop on line {loop.lineno} "
                                      "and read after it: its value after a parallel loop is undefined "
                                      "(numba calls this a race); store what you need in an array, or use "
                                      "another name inside the loop")


def _check_shared_objects(typed, nodes, plan) -> None:
    """Lists, dicts and sets the loop does not own are read-only inside it."""
    def shared_object(n):
        return (isinstance(n, ast.Name) and n.id not in plan.private and n.id != plan.target
                and T.is_object(typed.var_types.get(n.id)))
    for n in nodes:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in MUTATORS \
                and shared_object(n.func.value):
            raise error_at(typed.source, n, f"`{n.func.value.id}.{n.func.attr}(...)` changes a "
                                            f"{typed.var_types[n.func.value.id].name} shared by the threads of "
                                            "a prange loop (a race): collect results in an array indexed by "
                                            "the loop variable")
        if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) and shared_object(n.value):
            raise error_at(typed.source, n, f"storing into `{n.value.id}`, a "
                                            f"{typed.var_types[n.value.id].name} shared by the threads of a "
                                            "prange loop, is a race: use an array indexed by the loop variable")


def _function(body, params) -> ast.FunctionDef:
    return ast.FunctionDef(name="_", args=ast.arguments(posonlyargs=[], args=[ast.arg(p) for p in params],
                                                        kwonlyargs=[], kw_defaults=[], defaults=[]),
                           body=list(body) or [ast.Pass()], decorator_list=[], returns=None)


def _statements_after(func: ast.FunctionDef, loop: ast.For) -> list:
    """What may run after `loop` ends: the rest of each enclosing block, innermost first,
    and each enclosing loop again (its next iteration)."""
    path = _path(func.body, loop, None)
    out = []
    for block, index, owner in reversed(path or []):
        out += block[index + 1:]
        if isinstance(owner, (ast.For, ast.While)):
            out.append(owner)
    return out


def _path(block, target, owner):
    """[(block, index, the statement owning block)] from the function body to `target`."""
    for i, st in enumerate(block):
        if st is target:
            return [(block, i, owner)]
        for sub in _blocks(st):
            found = _path(sub, target, st)
            if found:
                return [(block, i, owner)] + found
    return None


def _blocks(st):
    if isinstance(st, (ast.For, ast.While, ast.If)):
        return [st.body, st.orelse]
    if isinstance(st, ast.With):
        return [st.body]
    if isinstance(st, ast.Try):
        return [st.body, st.orelse, st.finalbody] + [h.body for h in st.handlers]
    return []


def _read_name(node) -> str:
    return node.id if isinstance(node, ast.Name) else node.target.id


def _position(node):
    return (node.lineno, node.col_offset)
