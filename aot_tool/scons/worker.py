"""A compile worker process: reads pickled job specs on stdin, answers on stdout.

Under `scons -j N` the object actions hand their jobs to N of these (workers.py),
so compiles use N cores: building IR in Python holds the GIL, and only LLVM's
part would run in parallel on SCons' own threads. A worker is started once per
build, not once per object, so the interpreter start-up is paid N times in all.

A job spec is a tuple: ('export', text, path, display_path, module, name, index,
options), ('init', module_name, exports, options) or ('runtime', options). The
answer is ('ok', bytes), ('error', rendered CompileError) or ('bug', traceback).
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import traceback

_sources: dict = {}   # (path, sha256 of text) -> Source, for the life of the worker


def run(spec):
    from .. import pipeline
    from ..frontend.errors import CompileError
    try:
        kind, *args = spec
        if kind == "export":
            text, path, display, root, module, name, index, options = args
            key = (path, root, hashlib.sha256(text.encode()).hexdigest())
            if key not in _sources:
                _sources[key] = pipeline.read_source_text(text, path, display, root=root)
            return "ok", pipeline.compile_export(_sources[key], module, name, index, options)
        if kind == "init":
            module_name, exports, options = args
            return "ok", pipeline.compile_init(module_name, list(exports), options)
        if kind == "runtime":
            return "ok", pipeline.compile_runtime(*args)
        return "bug", f"unknown job kind {kind!r}"
    except CompileError as err:
        return "error", err.render()
    except Exception:  # noqa: BLE001 - reported to the build as our bug
        return "bug", traceback.format_exc().rstrip()


def main() -> None:
    """Serve jobs until stdin closes. Anything the compiler prints goes to stderr."""
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    while True:
        try:
            spec = pickle.load(requests)
        except EOFError:
            return
        pickle.dump(run(spec), replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.flush()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:   # Ctrl-C reaches the whole process group; SCons reports it
        pass
