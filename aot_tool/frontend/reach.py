"""A digest of a function and everything it reaches (helpers, constants, imported
helper files), from the AST without positions: what decides an export's object.

Comments, blank lines, decorators and code the function never reaches do not count,
so editing them rebuilds nothing.
"""

from __future__ import annotations

import ast
import functools
import hashlib

from .errors import CompileError


@functools.lru_cache(maxsize=4096)
def _function_text(func: ast.FunctionDef) -> str:
    bare = ast.FunctionDef(name=func.name, args=func.args, body=func.body, decorator_list=[],
                           returns=None, type_comment=None, type_params=[])
    return ast.dump(bare, include_attributes=False)


@functools.lru_cache(maxsize=4096)
def _globals_used(func: ast.FunctionDef):
    local = {a.arg for a in func.args.args}
    local |= {n.id for n in ast.walk(func) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return tuple(sorted({n.id for n in ast.walk(func) if isinstance(n, ast.Name)
                         and isinstance(n.ctx, ast.Load) and n.id not in local}))


def reached_digest(source, function_name: str) -> str:
    h = hashlib.sha256()
    seen = set()
    stack = [(source, "function", function_name)]
    while stack:
        src, kind, name = stack.pop()
        key = (src.path, kind, name)
        if key in seen:
            continue
        seen.add(key)
        h.update(f"{kind}:{name}\0".encode())
        if kind == "constant":
            h.update(repr(src.constants[name][0]).encode())
            continue
        func = src.functions[name]
        h.update(_function_text(func).encode())
        for g in _globals_used(func):
            if g in src.functions:
                stack.append((src, "function", g))
            elif g in src.constants:
                stack.append((src, "constant", g))
            elif g in src.aliases:
                h.update(f"alias:{g}={src.aliases[g]}\0".encode())
            elif g in src.from_imports:
                try:
                    helper, orig = src.resolve_import(g)
                except CompileError as e:
                    h.update(f"unresolved:{g}:{e.message}\0".encode())
                    continue
                kind2 = "function" if orig in helper.functions else "constant"
                stack.append((helper, kind2, orig))
    return h.hexdigest()
