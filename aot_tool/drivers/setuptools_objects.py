"""The objects of one AOT extension in setuptools' build_temp, rebuilt only when their key changes.

setuptools keeps `build_temp` between runs (`pip install -e .`, `pip wheel .`
from the same tree) and decides staleness by timestamps of `sources` and
`depends`, which misses helper files a source imports and a changed compiler.
Here every object has a key file beside it holding the same signature the SCons
rules use (signature, digest of the reached code, options, compiler identity);
an object is reused when its key file matches.  Keys and objects are written
atomically, the object first, so an interrupted build never leaves a key that
vouches for a missing or partial object.

Exports compile on a thread pool when setuptools is asked for `--parallel`
(`-j`); the runtime, a C compile in a subprocess, always overlaps them and is
shared by all extensions built with the same options.
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor

from .. import pipeline
from ..scons.jobs import ExportJob, InitJob, RuntimeJob


class ObjectCache:
    """Objects of one module under `directory`; `build()` returns their paths in link order."""

    def __init__(self, directory: str, announce=None):
        self.directory = directory
        self._announce = announce or (lambda message: None)

    def build(self, source_path: str, module: str, options, force: bool = False, workers=None):
        """(object paths, whether any object was (re)compiled); raises CompileError."""
        from .build import _display_path, modules_to_build
        source = pipeline.read_source(source_path, display_path=_display_path(source_path))
        modules_to_build(source, module)   # a located error if the CC is missing
        exports = tuple(pipeline.init_exports(source, module))
        if not exports:
            from ..frontend.errors import CompileError
            raise CompileError(f"CC('{module}') exports nothing", source.display_path, 1, 0,
                               source.line_text(1))
        jobs = [(f"{name}.{index}.o", ExportJob(source, module, name, index, options))
                for name, count in exports for index in range(count)]
        jobs.append(("init.o", InitJob(module, exports, options)))
        # One runtime object per options, shared by the extensions of this build_temp.
        tag = re.sub(r"[^A-Za-z0-9]+", "-", options.key()).strip("-")
        runtime = (os.path.join(os.pardir, f"aot_runtime-{tag}.o"), RuntimeJob(options))
        os.makedirs(self.directory, exist_ok=True)

        threads = workers if isinstance(workers, int) and workers > 1 else 1
        with ThreadPoolExecutor(max_workers=threads + 1) as pool:
            runtime_future = pool.submit(self._ensure, *runtime, force)
            if threads > 1:
                changed = list(pool.map(lambda job: self._ensure(*job, force), jobs))
            else:
                changed = [self._ensure(name, job, force) for name, job in jobs]
            changed.append(runtime_future.result())
        paths = [os.path.normpath(os.path.join(self.directory, name)) for name, _ in jobs + [runtime]]
        return paths, any(changed)

    def _ensure(self, filename: str, job, force: bool) -> bool:
        """Compile `job` into `filename` unless its key file matches; True if compiled."""
        path = os.path.join(self.directory, filename)
        key_path = path + ".key"
        signature = job.signature()
        if not force and os.path.exists(path) and _read(key_path) == signature:
            return False
        self._announce(f"aot_tool: compiling {job.describe()}")
        write_atomically(path, job.compile())
        write_atomically(key_path, signature.encode())
        return True


def write_atomically(path: str, data: bytes) -> None:
    """Write via a temporary sibling and os.replace, so `path` is whole or absent."""
    tmp = f"{path}.tmp-{os.getpid()}-{threading.get_ident()}"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None
