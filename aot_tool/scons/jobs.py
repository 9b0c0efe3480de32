"""What one object node compiles: an export signature, a module's init, or the runtime.

A job is attached to its target node at read time and run by the node's action at
build time, so the action needs no arguments beyond the node. Its `signature()`
is the text of the node's Value source: everything that decides the object's
bytes and nothing else (no paths, no line numbers), which is what makes the
rebuilds exact and the CacheDir shareable between checkouts.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .. import pipeline
from ..options import Options


@lru_cache(maxsize=None)
def identity(options: Options) -> str:
    """Compiler identity for `options` (pipeline.compiler_identity covers our own files,
    LLVM, the target and the CPython ABI), computed once per build."""
    return pipeline.compiler_identity(options)


@dataclass(frozen=True)
class ExportJob:
    """Signature `index` of export `name` of CC `module` in a source (summaries.Summary:
    what the read phase knows of it; the source is parsed only to compile)."""

    summary: object
    module: str
    name: str
    index: int
    options: Options

    @property
    def source(self) -> pipeline.Source:
        return self.summary.source()

    @cached_property
    def _signature(self) -> str:
        text, reached, flags, _ = self.summary.key_parts(self.module, self.name, self.index)
        key = pipeline.export_key_of(text, reached, flags, self.name, self.index, self.options)
        return f"aot export {self.module}.{self.name}[{self.index}] {text}: {_combine(key, identity(self.options))}"

    def signature(self) -> str:
        """The text of the object's Value source (asked for by the object and by the stub)."""
        return self._signature

    def describe(self) -> str:
        text = self.summary.key_parts(self.module, self.name, self.index)[0]
        part = self.options.clone_part
        return f"{self.module}.{self.name} {text}" + (f" for {part}" if part[:1] == "x" else "")

    def spec(self) -> tuple:
        """This job for a worker process (worker.py), which re-parses the same text."""
        src = self.source
        return ("export", src.text, src.path, src.display_path, src.root, self.module, self.name, self.index,
                self.options)

    def remote(self):
        """(remote.worker.Job, the parsed source whose files to ship) for a Dask worker, or
        None to build here (`target_cpu='host'` names this machine's CPU)."""
        from ..frontend.file_set import relative
        if self.options.target_cpu == "host":
            return None
        src = self.source
        rel = relative(src.path, src.files.root)
        if rel is None:
            return None
        from ..remote.worker import Job
        return Job("export", self.options, identity(self.options), rel, src.display_path,
                   self.module, self.name, self.index), src

    def compile(self) -> bytes:
        with _source_lock(self.source):
            return pipeline.compile_export(self.source, self.module, self.name, self.index, self.options)


@dataclass(frozen=True)
class InitJob:
    """The init unit of extension `module_name`: method table from names and signature counts."""

    module_name: str
    exports: tuple       # ((name, number of signatures), ...)
    options: Options

    def signature(self) -> str:
        table = ",".join(f"{n}/{k}" for n, k in self.exports)
        return f"aot init {self.module_name}({table}): {_combine(identity(self.options))}"

    def describe(self) -> str:
        return f"{self.module_name} init ({len(self.exports)} export{'s' if len(self.exports) != 1 else ''})"

    def spec(self) -> tuple:
        return ("init", self.module_name, self.exports, self.options)

    def remote(self):
        """(remote.worker.Job, None) for a Dask worker, or None for `target_cpu='host'`."""
        if self.options.target_cpu == "host":
            return None
        from ..remote.worker import Job
        return Job("init", self.options, identity(self.options), module=self.module_name,
                   exports=tuple(self.exports)), None

    def compile(self) -> bytes:
        return pipeline.compile_init(self.module_name, list(self.exports), self.options)


@dataclass(frozen=True)
class RuntimeJob:
    """The runtime shared by the modules of one directory built with the same options."""

    options: Options
    compiler: tuple = ()          # from the construction environment's $CC

    def signature(self) -> str:
        runtime = pipeline.runtime_identity(self.compiler or None)
        return f"aot runtime {self.options.key()}: {_combine(identity(self.options), runtime)}"

    def describe(self) -> str:
        return f"runtime ({self.options.key()})"

    def spec(self) -> tuple:
        return ("runtime", self.options, self.compiler or None)

    def remote(self):
        """None: the runtime is C made by this machine's $CC, always built here."""
        return None

    def compile(self) -> bytes:
        return pipeline.compile_runtime(self.options, self.compiler or None)


_locks: dict = {}
_locks_guard = threading.Lock()


def _source_lock(source) -> threading.Lock:
    """One lock per parsed source: exports of one source compile one at a time.

    Under `-j` SCons runs actions on threads, and type inference records results
    on the shared AST of a source and its helpers (an AugAssign's synthetic
    BinOp), so two exports reaching one helper must not be typed at once.
    Exports of different sources still compile in parallel.
    """
    with _locks_guard:
        return _locks.setdefault(id(source), threading.Lock())


def _combine(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() + b"\0")
    return h.hexdigest()

