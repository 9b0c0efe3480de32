"""Which files a remote job needs, and sending each file to the cluster once per build.

`needed_files(source)` is {path relative to the tree: text, or None for a path that
was looked at and does not exist}: the source, every helper file its imports (and
its helpers' imports) name, and each path the resolver tries before the one it
finds (a worker must see the same misses to resolve the same file). Imports the
front end reaches in other ways are not foreseen: the worker answers 'unshipped'
and the object compiles locally.

Texts are scattered to the cluster by content, once per build each, so a helper
that 500 modules import travels once; a job carries {relative path: future or None}.
"""

from __future__ import annotations

import hashlib
import threading

from ..frontend.errors import CompileError
from ..frontend.file_set import OUTSIDE, DiskFiles, relative
from ..frontend.source import LIBRARY_ROOTS, _candidate_files


def needed_files(source) -> dict | None:
    """The files compiling an export of `source` reads, or None when one lies outside its tree."""
    files = source.files
    if not isinstance(files, DiskFiles):
        return None
    root = files.root
    rel = relative(source.path, root)
    if rel is None:
        return None
    found, stack, seen = {rel: source.text}, [source], set()
    while stack:
        src = stack.pop()
        if id(src) in seen:
            continue
        seen.add(id(src))
        for module_text, level in sorted(_imports(src)):
            try:
                candidates = list(_candidate_files(src, module_text, level, None))
            except CompileError:       # a relative import out of the tree: the same error remotely
                continue
            for candidate in candidates:
                rel = relative(candidate, root)
                text = files.lookup(candidate)
                if rel is None or text is OUTSIDE:
                    return None
                found[rel] = text
                if text is not None:
                    try:
                        stack.append(src.helper(module_text, level, None))
                    except CompileError:   # a helper that does not parse fails alike remotely
                        pass
                    break
    return found


def _imports(src) -> set:
    """(module text, level) of every project module `src` may read."""
    names = set()
    for module_text, level, name, _node in src.from_imports.values():
        names.add((module_text, level))
        names.add((f"{module_text}.{name}" if module_text else name, level))   # `from . import kernels`
    for path in src.aliases.values():
        parts = path.split(".")
        if parts[0] not in LIBRARY_ROOTS:
            names.update((".".join(parts[:i]), 0) for i in range(1, len(parts) + 1))
    return names


class Shipper:
    """Scatters file texts to one client's cluster, each distinct text once."""

    def __init__(self, client) -> None:
        self.client = client
        self._futures: dict = {}     # sha256 of a text -> its future on the cluster
        self._needed: dict = {}      # id(source) -> (source, needed_files(source))
        self._lock = threading.Lock()

    def files_for(self, source):
        """{relative path: future or None} for a job of `source`, or None: build it locally."""
        with self._lock:
            held = self._needed.get(id(source))
        if held is None or held[0] is not source:
            held = (source, needed_files(source))
            with self._lock:
                self._needed[id(source)] = held
        needed = held[1]
        if needed is None:
            return None
        new = {}
        with self._lock:
            for text in needed.values():
                if text is not None:
                    digest = hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
                    if digest not in self._futures and digest not in new:
                        new[digest] = text
        if new:
            futures = self.client.scatter(list(new.values()), hash=False, broadcast=True)
            with self._lock:
                self._futures.update(zip(new, futures))
        with self._lock:
            return {rel: None if text is None else
                    self._futures[hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()]
                    for rel, text in needed.items()}

    def forget(self) -> None:
        """Scatter again from now on (a dead worker may have held the last copy)."""
        with self._lock:
            self._futures.clear()
