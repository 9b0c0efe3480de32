"""The files a front end may read: a source tree bounded to one directory.

Helper imports (`from mypkg.util import f`) are resolved only through a FileSet,
never by walking the disk freely:

- `DiskFiles(root)` reads files inside `root` (a link leading out of it is refused);
- `ShippedFiles(root, {relative path: text or None})` is such a record on a
  machine that has no checkout (a remote compile worker). A lookup the record
  does not cover raises `UnshippedFile`, which is not a CompileError: the job
  goes back to the client, which compiles it locally.

Paths inside a set are relative to its root with `/` separators; `root` itself
only names files (error messages use display paths, symbols use relative paths),
so the same set read under another root gives the same objects.
"""

from __future__ import annotations

import hashlib
import os
import threading


class _Outside:
    def __repr__(self) -> str:
        return "OUTSIDE"


OUTSIDE = _Outside()   # what lookup() returns for a path or link that leads out of the tree


class UnshippedFile(Exception):
    """A remote job needed a file its client did not ship (compile it locally)."""


def relative(path: str, root: str) -> str | None:
    """`path` relative to `root` with `/` separators, or None when it is outside."""
    path, root = os.path.abspath(path), os.path.abspath(root)
    if path != root and not path.startswith(root.rstrip(os.sep) + os.sep):
        return None
    return os.path.relpath(path, root).replace(os.sep, "/")


class FileSet:
    """Base of both kinds: `lookup(path)` gives the text, None (no such file) or OUTSIDE."""

    root: str
    cache_key: tuple   # sets with equal keys give equal answers (parsed helpers are shared)

    def lookup(self, path: str):
        raise NotImplementedError


class DiskFiles(FileSet):
    """Files under `root` on this machine, read fresh at every lookup (an edited helper is seen)."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self.cache_key = ("disk", self.root)

    def lookup(self, path: str):
        if relative(path, self.root) is None:
            return OUTSIDE
        if not os.path.isfile(path):
            return None
        if relative(os.path.realpath(path), os.path.realpath(self.root)) is None:
            return OUTSIDE   # a link out of the tree: never read it, never ship it
        from .source import read_text
        return read_text(path)


class ShippedFiles(FileSet):
    """A recorded file set: {relative path: text, or None for a file that does not exist}."""

    def __init__(self, root: str, files: dict) -> None:
        self.root = root
        self.files = files
        h = hashlib.sha256()
        for rel in sorted(files):
            text = files[rel]
            h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
            h.update(b"-" if text is None else b"+" + text.encode("utf-8", "surrogateescape"))
            h.update(b"\0")
        self.digest = h.hexdigest()
        self.cache_key = ("shipped", self.digest)

    def lookup(self, path: str):
        rel = relative(path, self.root)
        if rel is None:
            return OUTSIDE
        if rel not in self.files:
            raise UnshippedFile(rel)
        return self.files[rel]

    def rebased(self, root: str) -> "ShippedFiles":
        """The same files named under another root (a worker's own placeholder)."""
        copy = ShippedFiles.__new__(ShippedFiles)
        copy.root, copy.files, copy.digest, copy.cache_key = root, self.files, self.digest, self.cache_key
        return copy

    def __reduce__(self):
        return (ShippedFiles, (self.root, self.files))


_disk: dict = {}   # root -> its DiskFiles, one per tree for the life of the process
_disk_lock = threading.Lock()


def disk_files(root: str) -> DiskFiles:
    """The shared DiskFiles of the tree at `root`."""
    root = os.path.abspath(root)
    with _disk_lock:
        files = _disk.get(root)
        if files is None:
            files = _disk[root] = DiskFiles(root)
        return files
