"""What reading a source found, kept across SCons runs so that a no-op run parses nothing.

Every run re-reads every AOTModule source, because an edited source or helper must
reach the export keys. Parsing (ast, discovery) and the reach digests of the exported
functions are most of that cost, and both are pure functions of the bytes of the
source and of the helper files it reaches, given the front end's code. This file
keeps them, one entry per source (by its path relative to the top directory):

    {"compiler": <digest of aot_tool's compiler files>,
     "sources": {"pkg/src.py": {"sha256": ..., "helpers": {"helpers/stats.py": sha256},
                                "absent": ["pkg/helpers/stats.py", ...],
                                "modules": {cc name: {"settings": {...}, "init": [[name, count], ...],
                                                      "exports": {name: [[signature text, reach digest,
                                                                          jit flags], ...]}}}}}}

An entry is used only while the source's bytes, every helper's bytes and the compiler
digest are unchanged, and no file has appeared where a helper import looked before it
found its file (`absent`: such a file would shadow the helper); anything else reads the source afresh and replaces the entry.
Sources that do not compile, or import a helper that cannot be found, are never kept.
The file (default `#.aot-read-cache.json`, $AOT_READ_CACHE; '' turns it off) is
written once at exit, through a temporary file and a rename, and only when it changed.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import threading

from ..drivers.files import write_atomically

_caches: dict = {}   # absolute path of the file -> ReadCache


def for_env(env):
    """The ReadCache that $AOT_READ_CACHE names, or None when it is ''."""
    name = env.subst("$AOT_READ_CACHE") if "AOT_READ_CACHE" in env else ""
    if not name:
        return None
    path = env.File(name).get_abspath()
    cache = _caches.get(path)
    if cache is None:
        cache = _caches[path] = ReadCache(path, env.Dir("#").get_abspath())
        atexit.register(cache.save)
    return cache


def _compiler_digest() -> str:
    from .. import pipeline
    return pipeline._package_digest()


class ReadCache:
    """The entries of one file; `lookup()` validates, `store()` replaces, `save()` writes."""

    def __init__(self, path: str, top: str) -> None:
        self.path, self.top = path, top
        self.compiler = _compiler_digest()
        self.entries: dict = {}
        self.changed = False
        self._digests: dict = {}   # helper path -> sha256 for this run (shared helpers hashed once)
        self._exists: dict = {}    # path looked for before a helper -> whether it exists now
        self._lock = threading.Lock()
        try:
            with open(path, "rb") as f:
                data = json.load(f)
            if data.get("compiler") == self.compiler and isinstance(data.get("sources"), dict):
                self.entries = data["sources"]
            else:
                self.changed = True
        except (OSError, ValueError, AttributeError):
            self.changed = os.path.exists(path)

    def lookup(self, rel: str, digest: str):
        """The entry of source `rel` with bytes `digest`, if it and its helpers are unchanged."""
        entry = self.entries.get(rel)
        if not isinstance(entry, dict) or entry.get("sha256") != digest:
            return None
        for helper, helper_digest in entry.get("helpers", {}).items():
            if self.file_digest(helper) != helper_digest:
                return None
        for looked in entry.get("absent", ()):
            if self.exists(looked):
                return None   # a new file that would shadow a helper
        return entry

    def exists(self, rel: str) -> bool:
        found = self._exists.get(rel)
        if found is None:
            found = self._exists[rel] = os.path.exists(os.path.join(self.top, rel))
        return found

    def store(self, rel: str, entry: dict) -> None:
        with self._lock:
            if self.entries.get(rel) != entry:
                self.entries[rel] = entry
                self.changed = True

    def file_digest(self, rel: str) -> str | None:
        """sha256 of the file at `rel` (relative to the top), once per run; None if unreadable."""
        found = self._digests.get(rel, False)
        if found is False:
            try:
                with open(os.path.join(self.top, rel), "rb") as f:
                    found = hashlib.sha256(f.read()).hexdigest()
            except OSError:
                found = None
            self._digests[rel] = found
        return found

    def relative(self, path: str) -> str | None:
        """`path` relative to the top with `/`, or None outside it (such a file is not kept)."""
        rel = os.path.relpath(os.path.abspath(path), self.top)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
            return None
        return rel.replace(os.sep, "/")

    def save(self) -> None:
        if not self.changed:
            return
        data = {"compiler": self.compiler, "sources": self.entries}
        try:
            write_atomically(self.path, json.dumps(data, sort_keys=True, separators=(",", ":")).encode())
        except OSError:
            pass   # a read-only tree: the next run parses again, nothing else is lost
        self.changed = False
