"""Binding the arguments of a call to a compiled function: positional, keyword and
default values, with Python's messages for a call that does not fit.

Defaults are compile-time constants read from the AST (numba accepts literal
defaults only), so an omitted argument is its default's own literal node: the caller
types and lowers it like any other argument expression.
"""

from __future__ import annotations

import ast


def is_literal(node, top: bool = True) -> bool:
    """A default numba can compile: a number, a boolean, None, -number, a str, or a tuple
    of numbers, booleans and None."""
    if isinstance(node, ast.Constant):
        return node.value is None or type(node.value) in (bool, int, float, complex) or \
            (top and type(node.value) is str)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return isinstance(node.operand, ast.Constant) and type(node.operand.value) in (int, float, complex)
    if isinstance(node, ast.Tuple):
        return all(is_literal(e, top=False) for e in node.elts)
    return False


def literal_value(node):
    """The Python value of a node accepted by is_literal."""
    return ast.literal_eval(node)


def defaults_of(func: ast.FunctionDef) -> dict:
    """Parameter name -> its default's AST node."""
    params = func.args.args
    return {p.arg: d for p, d in zip(params[len(params) - len(func.args.defaults):], func.args.defaults)}


def _names(names) -> str:
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def bind(fname: str, func: ast.FunctionDef, positional: list, keywords: list):
    """The argument node for each parameter, in order, or an error message (Python's).

    positional: argument nodes; keywords: (name, node) pairs in call order."""
    a = func.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:   # before a binding error that would mislead
        return f"{fname}(): *args, **kwargs, keyword-only and positional-only arguments are not supported"
    params = [p.arg for p in func.args.args]
    defaults = defaults_of(func)
    bound = dict(zip(params, positional))
    for name, node in keywords:
        if name not in params:
            return f"{fname}() got an unexpected keyword argument '{name}'"
        if name in bound:
            return f"{fname}() got multiple values for argument '{name}'"
        bound[name] = node
    if len(positional) > len(params):
        given = len(positional)
        if defaults:
            takes = f"from {len(params) - len(defaults)} to {len(params)} positional arguments"
        else:
            takes = f"{len(params)} positional argument{'s' if len(params) != 1 else ''}"
        return f"{fname}() takes {takes} but {given} {'was' if given == 1 else 'were'} given"
    missing = [p for p in params if p not in bound and p not in defaults]
    if missing:
        return (f"{fname}() missing {len(missing)} required positional argument{'s' if len(missing) > 1 else ''}: "
                f"{_names(missing)}")
    return [bound.get(p, defaults.get(p)) for p in params]
