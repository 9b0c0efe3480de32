"""The objects of one AOT extension in setuptools' build_temp, rebuilt only when their key changes.

setuptools keeps `build_temp` between runs (`pip install -e .`, `pip wheel .`
from the same tree) and decides staleness by timestamps of `sources` and
`depends`, which misses helper files a source imports and a changed compiler.
Here every object has a key file beside it holding what decides its bytes, from
the pipeline (export: `pipeline.export_key`, i.e. signature, digest of the reached
code, options, compiler identity; init: export names and counts; runtime: the
compiler identity and the C compiler); an object is reused when its key file
matches.  Keys and objects are written
atomically, the object first, so an interrupted build never leaves a key that
vouches for a missing or partial object.

Exports compile on a thread pool when setuptools is asked for `--parallel`
(`-j`); the runtime, a C compile in a subprocess, always overlaps them and is
shared by all extensions built with the same options.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from .. import pipeline
from .files import write_atomically


@dataclass(frozen=True)
class _Job:
    """One object: its file name, the key that decides its bytes, what to print, how to make it."""

    filename: str
    key: str
    description: str
    compile: Callable[[], bytes]


def _jobs(source, module: str, exports, options) -> list:
    """Every export signature, then the init unit, in link order."""
    identity = pipeline.compiler_identity(options)
    jobs = []
    for name, count in exports:
        for index in range(count):
            export = source.modules[module].exports[name][index]
            jobs.append(_Job(f"{name}.{index}.o", pipeline.export_key(source, module, name, index, options),
                             f"{module}.{name} {export.signature_text}",
                             lambda name=name, index=index: pipeline.compile_export(source, module, name,
                                                                                    index, options)))
    table = ",".join(f"{name}/{count}" for name, count in exports)
    jobs.append(_Job("init.o", f"init {module}({table}); {options.key()}; {identity}",
                     f"{module} init ({len(exports)} export{'s' if len(exports) != 1 else ''})",
                     lambda: pipeline.compile_init(module, list(exports), options)))
    return jobs


def _runtime_job(options) -> _Job:
    """The runtime, one per options, shared by the extensions of a build_temp."""
    from ..backend.runtime_unit import c_compiler
    tag = re.sub(r"[^A-Za-z0-9]+", "-", options.key()).strip("-")
    key = f"runtime; {options.key()}; {pipeline.runtime_identity(c_compiler())}"
    return _Job(os.path.join(os.pardir, f"aot_runtime-{tag}.o"), key, f"runtime ({options.key()})",
                lambda: pipeline.compile_runtime(options))


class ObjectCache:
    """Objects of one module under `directory`; `build()` returns their paths in link order."""

    def __init__(self, directory: str, announce=None):
        self.directory = directory
        self._announce = announce or (lambda message: None)

    def build(self, source_path: str, module: str, options, force: bool = False, workers=None):
        """(object paths, whether any object was (re)compiled); raises CompileError."""
        from .build import display_path, modules_to_build
        source = pipeline.read_source(source_path, display_path=display_path(source_path))
        modules_to_build(source, module)   # a located error if the CC is missing
        exports = tuple(pipeline.init_exports(source, module))
        if not exports:
            from ..frontend.errors import CompileError
            raise CompileError(f"CC('{module}') exports nothing", source.display_path, 1, 0,
                               source.line_text(1))
        jobs = _jobs(source, module, exports, options)
        runtime = _runtime_job(options)
        os.makedirs(self.directory, exist_ok=True)

        threads = workers if isinstance(workers, int) and workers > 1 else 1
        with ThreadPoolExecutor(max_workers=threads + 1) as pool:
            runtime_future = pool.submit(self._ensure, runtime, force)
            if threads > 1:
                changed = list(pool.map(lambda job: self._ensure(job, force), jobs))
            else:
                changed = [self._ensure(job, force) for job in jobs]
            changed.append(runtime_future.result())
        paths = [os.path.normpath(os.path.join(self.directory, job.filename)) for job in jobs + [runtime]]
        return paths, any(changed)

    def _ensure(self, job: _Job, force: bool) -> bool:
        """Compile `job` unless its key file matches; True if compiled."""
        path = os.path.join(self.directory, job.filename)
        key_path = path + ".key"
        if not force and os.path.exists(path) and _read(key_path) == job.key:
            return False
        self._announce(f"aot_tool: compiling {job.description}")
        write_atomically(path, job.compile())
        write_atomically(key_path, job.key.encode())
        return True


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None
