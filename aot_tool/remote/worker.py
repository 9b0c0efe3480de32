"""What a Dask worker runs for one object: `compile_job(files, job)`.

A job is self-contained: the files it reads ({relative path: text or None}, each
text scattered once per build, see shipping.py), the path of the source among them, what to compile, the options and the client's
compiler identity. The worker recomputes its own identity and refuses a job whose
identity differs (another aot_tool, LLVM, target or Python ABI would give other
bytes). It answers `(status, payload, sha256)`:

    ('ok', object bytes, sha256 of them)
    ('error', the CompileError rendered as a local build prints it, '')
    ('refused', why, '')        ('unshipped', relative path, '')
    ('bug', traceback, '')      - the client compiles those three locally

Dask pickles this function by reference, so workers import it from their own
installed aot_tool.
"""

from __future__ import annotations

import hashlib
import os
import threading
import traceback
from dataclasses import dataclass

from ..options import Options

# Where shipped files are named on a worker: only relative paths reach symbols and messages.
TREE = os.path.join(os.sep, "aot-remote-tree")


@dataclass(frozen=True)
class Job:
    """One export signature (kind 'export') or a module's init unit (kind 'init')."""

    kind: str
    options: Options
    identity: str                 # the client's pipeline.compiler_identity(options)
    path: str = ""                # export: the source, relative to the file set's root
    display: str = ""             # export: how messages name it
    module: str = ""              # export: the CC; init: the extension module name
    name: str = ""
    index: int = 0
    exports: tuple = ()           # init: ((name, number of signatures), ...)


_sources: dict = {}               # (file set digest, path) -> parsed Source
_lock = threading.Lock()          # inference annotates shared ASTs: one compile at a time


def compile_job(files, job: Job) -> tuple:
    """Compile `job` reading only `files` ({relative path: text or None}, or a
    file_set.ShippedFiles; None for init jobs)."""
    from .. import pipeline
    from ..frontend.errors import CompileError
    from ..frontend.file_set import UnshippedFile
    with _lock:
        try:
            mine = pipeline.compiler_identity(job.options)
            if mine != job.identity:
                return "refused", f"this worker runs another compiler ({mine}; the client has {job.identity})", ""
            if job.kind == "init":
                data = pipeline.compile_init(job.module, list(job.exports), job.options)
            elif job.kind == "export":
                data = pipeline.compile_export(_source(files, job), job.module, job.name, job.index, job.options)
            else:
                return "bug", f"unknown job kind {job.kind!r}", ""
        except CompileError as err:
            return "error", err.render(), ""
        except UnshippedFile as missing:
            return "unshipped", str(missing), ""
        except Exception:  # noqa: BLE001 - our bug; the client compiles the object itself
            return "bug", traceback.format_exc().rstrip(), ""
    return "ok", data, hashlib.sha256(data).hexdigest()


def _source(files, job: Job):
    from .. import pipeline
    from ..frontend.file_set import ShippedFiles, UnshippedFile
    if not isinstance(files, ShippedFiles):
        files = ShippedFiles(TREE, files)
    key = (files.digest, job.path)
    if key not in _sources:
        tree = files.rebased(TREE)
        path = os.path.join(TREE, *job.path.split("/"))
        text = tree.lookup(path)
        if text is None or not isinstance(text, str):
            raise UnshippedFile(job.path)
        if len(_sources) > 4096:      # a long-lived worker serves many builds
            from ..frontend import source as frontend_source
            _sources.clear()
            frontend_source._HELPERS.clear()
        _sources[key] = pipeline.read_source_text(text, path, job.display, files=tree)
    return _sources[key]
