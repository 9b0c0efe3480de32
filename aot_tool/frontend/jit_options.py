"""The options of numba's `@njit(...)`/`@jit(...)` that change what we build:
`nogil=True` (the wrapper releases the GIL around the kernel) and `parallel=True`
(`prange` loops run on the runtime's thread pool).  Read from the decorator's text,
never evaluated; other options (`cache`, `fastmath`, `error_model`, ...) are accepted
and ignored as before.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .errors import error_at
from .source import JIT_DECORATORS, _dotted, resolve_path

FLAGS = ("nogil", "parallel")


@dataclass(frozen=True)
class JitOptions:
    nogil: bool = False
    parallel: bool = False


def jit_options(source, func: ast.FunctionDef) -> JitOptions:
    """The flags of the function's @njit/@jit decorators (the last one written wins)."""
    found = {}
    for deco in func.decorator_list:
        if not isinstance(deco, ast.Call):
            continue
        if resolve_path(source, _dotted(deco.func)) not in JIT_DECORATORS:
            continue
        for kw in deco.keywords:
            if kw.arg in FLAGS:
                found[kw.arg] = flag_value(source, kw.value, kw.arg)
    return JitOptions(**found)


def flag_value(source, node, name: str) -> bool:
    """A flag written as True/False, or a module-level name bound to one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Name) and node.id in source.constants:
        value = source.constants[node.id][0]
        if isinstance(value, bool):
            return value
    raise error_at(source, node, f"cannot follow {name}={ast.unparse(node)}: write {name}=True or "
                                 f"{name}=False (or a module-level name bound to one); it is read from "
                                 "the source, never run")


def export_options(home, func: ast.FunctionDef, export, options=None) -> JitOptions:
    """The decorator's flags, with those `cc.export(..., nogil=True)` sets added, and
    the build's nogil option (Options.nogil: --nogil, AOT_NOGIL)."""
    own = jit_options(home, func)
    flags = {f: getattr(own, f) or bool(export.flags.get(f)) for f in FLAGS}
    flags["nogil"] = flags["nogil"] or bool(getattr(options, "nogil", False))
    return JitOptions(**flags)


def options_key(home, func: ast.FunctionDef, export) -> str:
    """For the export's build key ('' when no flag is set, so other keys stay as they were)."""
    opts = export_options(home, func, export)
    return ";".join(f for f in FLAGS if getattr(opts, f))


THREAD_CONTROLS = ("get_num_threads", "set_num_threads")


def thread_controls(source, exports: dict) -> list:
    """[(name, 1)] for the runtime's thread-count functions (runtime/aot_pool_shared.c) when an
    export is parallel and no export already has the name."""
    from .source import exported_function
    if not any(export_options(*exported_function(source, e), e).parallel
               for sigs in exports.values() for e in sigs):
        return []
    return [(name, 1) for name in THREAD_CONTROLS if name not in exports]
