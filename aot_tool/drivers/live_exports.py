"""`cc.compile()`'s check that the exports which ran are the ones the build will compile.

The build reads the source with `ast` and never runs it; `cc.compile()` is the one
driver that has also seen the source run.  An export that ran but that reading did
not find (registered by a function in another file, say) would silently be missing
from the module: this makes it a located error instead.
"""

from __future__ import annotations

import os

from .. import pipeline
from ..frontend.errors import CompileError
from .build import display_path


def check_live_exports(source_path: str, module: str, live: dict) -> None:
    """Raise CompileError for the first export in `live` ({name: [(sig, (file, line))]})
    that the static reading of `source_path` lacks."""
    source = pipeline.read_source(source_path, display_path=display_path(source_path))
    spec = source.modules.get(module)
    if spec is None:
        return    # the build's own error names the CCs the file does define
    found = spec.exports
    for name, calls in sorted(live.items()):
        if len(found.get(name, ())) >= len(calls):
            continue
        sig, (filename, line) = calls[len(found.get(name, ()))]
        text = _line(filename, line)
        at = text.find(".export(") if text else -1
        col = at + 1 if at >= 0 else 0
        where = f"CC({module!r})"
        raise CompileError(f"cc.export({name!r}, {sig!r}) ran here, but reading {source.display_path} "
                           f"without running it finds no such export on {where}: register exports in "
                           "the file that creates the CC, with names, signatures and functions written "
                           "out or held in string constants", display_path(filename), line, col, text)


def _line(filename: str, line: int):
    if not os.path.isfile(filename):
        return None
    with open(filename, encoding="utf-8") as f:
        lines = f.read().splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else None
