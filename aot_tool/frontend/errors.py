"""One CompileError that carries its location, rendered in one place.

Any other exception inside the compiler is our bug; drivers report it as such.
"""

from __future__ import annotations


class CompileError(Exception):
    """A problem in the user's source: file, 1-based line, 0-based column, message."""

    def __init__(self, message: str, path: str = "<source>", line: int = 0, col: int = 0,
                 source_line: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.source_line = source_line

    def render(self) -> str:
        """`file:line:col: error: message`, the source line and a caret under the column."""
        head = f"{self.path}:{self.line}:{self.col + 1}: error: {self.message}"
        if not self.source_line:
            return head
        text = self.source_line.rstrip("\n").expandtabs(1)
        return f"{head}\n    {text}\n    {' ' * self.col}^"

    def __str__(self) -> str:
        return self.render()


def error_at(source, node, message: str) -> CompileError:
    """A CompileError located at an ast node of `source` (a Source or a (path, lines) pair)."""
    line = getattr(node, "lineno", 0)
    col = getattr(node, "col_offset", 0)
    return CompileError(message, source.display_path, line, col, source.line_text(line))
