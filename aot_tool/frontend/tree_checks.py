"""Checks on a parsed source before anything else reads it: what CPython's compiler
rejects but `ast.parse` lets through (`break` outside a loop), and aot_tool's size
limits, so a hostile or generated source gets a located error in a moment instead of
an internal error or a build that exhausts time and memory.

One iterative walk over the tree (no recursion, so no depth can break the walk).
"""

from __future__ import annotations

import ast
import io
import tokenize

from .errors import CompileError, error_at

MAX_SOURCE_BYTES = 1 << 20      # a source file (1 MiB)
MAX_NESTING = 200               # nodes nested in each other: expressions and blocks
MAX_ITEMS = 10_000              # elements of one tuple, list, set or dict display

_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_DISPLAYS = (ast.Tuple, ast.List, ast.Set)


def check_size(text: str, display: str) -> None:
    """Refuse a source too large to parse quickly, before parsing it."""
    size = len(text.encode("utf-8", "surrogateescape"))
    if size > MAX_SOURCE_BYTES:
        first = text.split("\n", 1)[0]
        raise CompileError(f"the source is {size:,} bytes; aot_tool reads sources of at most "
                           f"{MAX_SOURCE_BYTES:,} bytes (split it into helper files)", display, 1, 0, first)


def nested_too_deeply(text: str, display: str) -> CompileError:
    """The error for a source whose parse ran out of recursion, located at the logical
    line with the most tokens (the nesting is there: ast.parse cannot say where)."""
    best, count, start = (0, (1, 0)), 0, None
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if start is None and tok.type not in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT,
                                                  tokenize.DEDENT, tokenize.NEWLINE):
                start, count = tok.start, 0
            count += 1
            if tok.type == tokenize.NEWLINE and start is not None:
                if count > best[0]:
                    best = (count, start)
                start = None
    except (tokenize.TokenError, SyntaxError):
        pass
    line, col = best[1]
    lines = text.splitlines()
    shown = lines[line - 1] if 0 < line <= len(lines) else None
    if shown is not None and len(shown) > 200:
        shown = shown[:200] + " ..."
    return CompileError(f"expression nested too deeply to parse (aot_tool's limit is {MAX_NESTING} "
                        "levels): split it into several statements", display, line, col, shown)


def check_tree(source) -> None:
    """`break`/`continue` outside a loop, nesting deeper than MAX_NESTING inside a
    function, displays of more than MAX_ITEMS elements: each a located error."""
    stack = [(source.tree, 0, False, False)]
    while stack:
        node, depth, in_loop, in_function = stack.pop()
        # module-level code is only scanned (discovery skips what nests too deeply)
        if depth > MAX_NESTING and in_function:
            raise error_at(source, node, f"this expression or block is nested more than {MAX_NESTING} levels "
                                         "deep (aot_tool's limit): split it into several statements")
        if isinstance(node, ast.Break) and not in_loop:
            raise error_at(source, node, "invalid syntax: 'break' outside loop")
        if isinstance(node, ast.Continue) and not in_loop:
            raise error_at(source, node, "invalid syntax: 'continue' not properly in loop")
        items = len(node.elts) if isinstance(node, _DISPLAYS) else \
            len(node.keys) if isinstance(node, ast.Dict) else 0
        if items > MAX_ITEMS:
            raise error_at(source, node, f"this display has {items:,} elements; aot_tool's limit is "
                                         f"{MAX_ITEMS:,} (use an array built at run time)")
        for field, value in reversed(list(ast.iter_fields(node))):   # popped in source order
            children = value if isinstance(value, list) else [value]
            inner = False if isinstance(node, _SCOPES) else \
                True if isinstance(node, _LOOPS) and field == "body" else in_loop
            compiled = in_function or isinstance(node, _SCOPES)
            for child in reversed(children):
                if isinstance(child, ast.AST) and not isinstance(child, (ast.expr_context, ast.operator,
                                                                          ast.unaryop, ast.cmpop, ast.boolop)):
                    stack.append((child, depth + 1, inner, compiled))
