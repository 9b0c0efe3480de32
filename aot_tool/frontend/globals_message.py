"""What to say when a function reads a module-level name that is not a compile-time constant.

numba freezes module-level numbers, tuples and arrays as constants; aot_tool compiles
numbers, booleans, None, str and tuples of them, and reads everything else (an array, a
list, a call result) as an unsupported global, with what to write instead, rather than
the misleading "name is not defined".
"""

from __future__ import annotations

import ast

_ARRAY_MAKERS = {"array", "asarray", "zeros", "ones", "empty", "full", "arange", "linspace", "eye",
                 "identity", "zeros_like", "ones_like", "empty_like", "full_like"}


def non_constant_global(source, name: str, imported_as: str | None = None) -> str:
    """The message for reading module-level `name` of `source` from compiled code."""
    stmt = source.non_constants[name]
    where = f"'{imported_as}' (module-level '{name}' of {source.display_path}:{stmt.lineno})" \
        if imported_as else f"module-level '{name}' (line {stmt.lineno})"
    if _is_array_maker(stmt.value):
        what = "module-level arrays are not supported"
        fix = f"build the array inside the function that uses it (`{name} = {_short(stmt.value)}`) " \
              "or pass it as an argument"
    else:
        what = "module-level values other than numbers, booleans, None, str and tuples of them are not supported"
        fix = "compute it inside the function that uses it or pass it as an argument"
    return f"{where} is not a compile-time constant: {what}; {fix}"


def _is_array_maker(value) -> bool:
    """np.array([...]), numpy.zeros(n), ... (any call whose last name makes an array)."""
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return last in _ARRAY_MAKERS


def _short(value) -> str:
    text = ast.unparse(value)
    return text if len(text) <= 40 else text[:37] + "..."
