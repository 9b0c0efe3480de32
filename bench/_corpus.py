"""Kernels the benchmarks time, read from the test corpus (tests/kernels/), so that each
kernel has one copy: the one its differential tests check."""

from __future__ import annotations

import ast
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "kernels"


def kernel(file: str, name: str, export: str | None = None, signature: str | None = None,
           decorators: tuple[str, ...] | None = None) -> str:
    """The source of function `name` in tests/kernels/`file`, re-decorated for a bench
    module: `@cc.export(export, signature)` when `export` is given (else the corpus's own
    first `cc.export`, or none for a helper), then `decorators` (else the corpus's other
    decorators, such as `@njit(parallel=True)`), then the def and its body."""
    text = (CORPUS / file).read_text()
    node = next(n for n in ast.parse(text).body if isinstance(n, ast.FunctionDef) and n.name == name)
    exports = [d for d in node.decorator_list if _is_export(d)]
    others = [ast.get_source_segment(text, d) for d in node.decorator_list if not _is_export(d)]
    head = []
    if export is not None:
        head.append(f"@cc.export({export!r}, {signature!r})")
    elif exports:
        head.append("@" + ast.get_source_segment(text, exports[-1]))
    head += ["@" + d for d in others] if decorators is None else list(decorators)
    body = text.splitlines()[node.lineno - 1:node.end_lineno]
    return "\n".join(head + body) + "\n\n"


def _is_export(decorator: ast.expr) -> bool:
    return (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "export")
