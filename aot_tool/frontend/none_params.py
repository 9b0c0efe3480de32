"""Parameters passed None whose value is replaced before it is read, as in

    def f(a, out=None):
        if out is None:
            out = np.empty_like(a)

numba types `out` after the branch by what is assigned (its SSA form prunes the test
and never reads the None).  Here a variable has one type, so such a parameter simply
starts untyped: the pruned test is true and the live branch assigns it first.
"""

from __future__ import annotations

import ast

from . import types as T


def _mentions(node, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


def _is_none_test(test, name: str) -> bool:
    return (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is)
            and isinstance(test.left, ast.Name) and test.left.id == name
            and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None)


def first_none_tests(func: ast.FunctionDef, params) -> dict:
    """Parameters whose first mention is the test of a top-level `if p is None:`: name -> test.
    The parameter still holds the caller's value there, so its type decides the test."""
    out = {}
    for name in params:
        first = next((s for s in func.body if _mentions(s, name)), None)
        if isinstance(first, ast.If) and _is_none_test(first.test, name):
            out[name] = first
    return out


def replaced_none_params(func: ast.FunctionDef, params, arg_types) -> set:
    """Parameters of type none that `if p is None: p = <value without p>` replaces before any
    other mention (numba never reads such a None: it starts untyped here)."""
    tests = first_none_tests(func, params)
    out = set()
    for name, ty in zip(params, arg_types):
        if name not in tests or not isinstance(ty, T.NoneType):
            continue
        assign = next((s for s in tests[name].body if _mentions(s, name)), None)
        if (isinstance(assign, ast.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0], ast.Name)
                and assign.targets[0].id == name and not _mentions(assign.value, name)):
            out.add(name)
    return out
