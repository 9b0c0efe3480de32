"""Which array parameters a function may write into, so the CPython wrapper can refuse
read-only arrays for them (numba.pycc silently writes into them).

Writes count when they go straight into a parameter, through a local that may alias
one (a view, or any array not freshly allocated: then conservatively every array
parameter), or through a helper that writes into the parameter it is handed.
"""

from __future__ import annotations

import ast

from . import types as T
from .syntax import _holds_array

FRESH_ARRAYS = {"numpy.empty", "numpy.zeros", "numpy.ones", "numpy.full", "numpy.empty_like",
                "numpy.zeros_like", "numpy.ones_like", "numpy.full_like", "numpy.arange", "method.array.copy",
                "numpy.copy", "method.array.astype", "method.array.flatten", "numpy.array", "numpy.linspace",
                "numpy.eye", "numpy.identity", "numpy.concatenate", "numpy.stack", "numpy.hstack", "numpy.vstack",
                "numpy.column_stack", "numpy.tile", "numpy.repeat", "method.array.repeat", "numpy.roll"}


# Library calls that write into an argument: path -> which one (0 is a method's array).
IN_PLACE = {"method.array.fill": 0, "method.array.sort": 0, "numpy.copyto": 0, "numpy.random.shuffle": 0,
            "random.shuffle": 0, "method.array.partition": 0, "method.array.resize": 0,
            "method.array.put": 0, "numpy.put": 0, "numpy.place": 0, "numpy.fill_diagonal": 0,
            "method.array.setfield": 0, "method.array.itemset": 0}


def written_by_call(path: str, node: ast.Call):
    """The expressions whose memory the library call `node` (to `path`) writes into:
    its in-place operand and any `out=` array."""
    operands = ([node.func.value] + list(node.args)) if path.startswith("method.") else list(node.args)
    written = []
    k = IN_PLACE.get(path)
    if k is not None and k < len(operands):
        written.append(operands[k])
    written += [kw.value for kw in node.keywords if kw.arg == "out"]
    return written


def root_variable(node) -> str:
    """The variable a view expression reads its memory from (`a` of `a[1:].T`), or '*'."""
    while isinstance(node, (ast.Subscript, ast.Attribute)) or (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        node = node.value if not isinstance(node, ast.Call) else node.func.value
    return node.id if isinstance(node, ast.Name) else "*"


def written_params(typed, stored_vars: set) -> set:
    """Parameters whose memory a function may write: stored into directly, or through a
    local array that is not freshly allocated (a view or alias), conservatively all then."""
    params = typed.params
    array_params = {p for p, t in zip(params, typed.arg_types) if isinstance(t, T.Array) or _holds_array(t)}
    written = stored_vars & array_params
    for var in stored_vars - array_params:
        if var == "*" or not _only_fresh(typed, var):
            return set(array_params)
    return written


def _only_fresh(typed, var: str) -> bool:
    """Whether every assignment to `var` is `var = <new array>` (so it aliases nothing)."""
    stores = fresh = 0
    for node in ast.walk(typed.node):
        if isinstance(node, ast.Name) and node.id == var and isinstance(node.ctx, ast.Store):
            stores += 1
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id == var and isinstance(node.value, ast.Call):
            call = typed.calls.get(node.value)
            fresh += bool(call and call[0] == "builtin" and call[1] in FRESH_ARRAYS)
    return stores == fresh


def propagate_writes(functions) -> None:
    """A caller writes into a parameter it hands to a callee that writes into it (a
    closure's captured variables count as arguments it is handed)."""
    changed = True
    while changed:
        changed = False
        for typed in functions:
            params = set(typed.params)
            array_params = {p for p, t in zip(typed.params, typed.arg_types) if isinstance(t, T.Array)}
            for call, (kind, callee) in typed.calls.items():
                if kind not in ("user", "closure"):
                    continue
                if kind == "closure" and isinstance(call.func, ast.Name) and call.func.id in params \
                        and callee.stored_args & set(callee.extra_params) and call.func.id not in typed.stored_args:
                    typed.stored_args.add(call.func.id)    # a closure parameter that writes what it captured
                    changed = True
                for arg, cparam in _call_arguments(typed, call, kind, callee):
                    if cparam not in callee.stored_args:
                        continue
                    if isinstance(arg, ast.Name) and arg.id in params:
                        if arg.id not in typed.stored_args:
                            typed.stored_args.add(arg.id)
                            changed = True
                    elif isinstance(arg, ast.Name) and arg.id not in typed.closures and _only_fresh(typed, arg.id):
                        continue
                    elif array_params - typed.stored_args:
                        typed.stored_args |= array_params
                        changed = True


def _call_arguments(typed, call, kind, callee):
    """(argument node, callee parameter) pairs of a call; None where the argument is not
    known here (captured values of a closure this function was handed)."""
    pairs = list(zip(typed.call_args.get(call, call.args), callee.params))
    if kind == "closure":
        direct = isinstance(call.func, ast.Name) and call.func.id in typed.closures
        pairs += [(ast.Name(id=c, ctx=ast.Load()) if direct else None, c) for c in callee.extra_params]
    return pairs
