"""What the read phase needs of a source, without parsing it when read_cache.py knows it.

AOTModule needs, per source: its CC names and `cc.` settings, and per exported
signature the signature text and the reach digest of the function (the two parts of
the export key that come from the source). A `Summary` holds exactly that, made
either from the parsed source (once per content, one reach digest per exported
function, not per signature) or from the read cache. The parsed `Source` itself is
only needed to compile or to write a stub; `Summary.source()` parses it then.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading

from ..frontend.errors import CompileError
from ..frontend.reach import reached_digest
from . import read_cache, sources

_summaries: dict = {}   # (absolute path, sha256) -> Summary


class ModuleSummary:
    """One CC: `settings` (the `cc.` assignments), `exports` {name: [(signature text, reach
    digest, jit flags, whether the function has a loop)]} and `init` (pipeline.init_exports: the method table's entries)."""

    def __init__(self, name: str, settings: dict, exports: dict, init: list) -> None:
        self.name, self.settings, self.exports, self.init = name, settings, exports, init


class Summary:
    """A source as the read phase sees it: `display_path`, `modules` {CC name: ModuleSummary}."""

    def __init__(self, node, digest: str, modules: dict, errors: dict | None = None) -> None:
        self.node, self.digest, self.modules = node, digest, modules
        self.display_path = sources.display_path(node)
        self.errors = errors or {}     # (CC, export, index) -> CompileError of its key
        self._source = None
        self._lock = threading.Lock()

    def source(self):
        """The parsed source (for compiling and stubs), read once (from any build thread)."""
        with self._lock:
            if self._source is None:
                self._source = sources.read(self.node)
            return self._source

    def key_parts(self, module: str, name: str, index: int):
        """(signature text, reach digest, jit flags, whether its function has a loop) of one
        signature; raises its CompileError."""
        err = self.errors.get((module, name, index))
        if err is not None:
            raise err
        return self.modules[module].exports[name][index]

    def init_exports(self, module: str) -> list:
        """(name, number of signatures), sorted: what pipeline.init_exports gives."""
        return list(self.modules[module].init)


def summary(env, node) -> Summary:
    """The Summary of `node`'s current bytes; raises CompileError for a source that does not parse."""
    path = node.get_abspath()
    with open(path, "rb") as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    found = _summaries.get((path, digest))
    if found is not None:
        return found
    cache = read_cache.for_env(env)
    rel = cache.relative(path) if cache is not None else None
    entry = cache.lookup(rel, digest) if rel is not None else None
    if entry is not None:
        found = _from_entry(node, digest, entry)
    else:
        found, entry = _from_source(node, digest, sources.read(node), cache)
        if entry is not None and rel is not None:
            cache.store(rel, entry)
    _summaries[(path, digest)] = found
    return found


def _from_entry(node, digest: str, entry: dict) -> Summary:
    modules = {name: ModuleSummary(name, m["settings"],
                                   {export: [tuple(sig) for sig in sigs] for export, sigs in m["exports"].items()},
                                   [tuple(item) for item in m["init"]])
               for name, m in entry["modules"].items()}
    return Summary(node, digest, modules)


def _from_source(node, digest: str, src, cache):
    """(Summary, its cache entry or None when it must not be kept)."""
    from .. import pipeline
    from ..frontend.jit_options import options_key
    from ..frontend.source import exported_function
    from ..frontend.syntax import has_loop
    modules, errors, reached = {}, {}, {}
    for cc, spec in src.modules.items():
        exports = {}
        for name, sigs in spec.exports.items():
            parts = []
            for index, export in enumerate(sigs):
                home = export.home or src
                try:
                    key = (id(home), export.function)
                    if key not in reached:
                        reached[key] = reached_digest(home, export.function)
                    home_and_func = exported_function(src, export)
                    flags = options_key(*home_and_func, export)
                    parts.append((export.signature_text, reached[key], flags, has_loop(home_and_func[1])))
                except CompileError as err:
                    errors[(cc, name, index)] = err
                    parts.append(None)
            exports[name] = parts
        modules[cc] = ModuleSummary(cc, dict(spec.settings), exports, pipeline.init_exports(src, cc))
    found = Summary(node, digest, modules, errors)
    found._source = src
    if cache is None or errors:
        return found, None
    found_files = _helper_files(src, cache)
    if found_files is None or not _plain(src.modules):
        return found, None
    helpers, absent = found_files
    entry = {"sha256": digest, "helpers": helpers, "absent": absent,
             "modules": {cc: {"settings": m.settings, "init": [list(item) for item in m.init],
                              "exports": {n: [list(p) for p in s] for n, s in m.exports.items()}}
                         for cc, m in modules.items()}}
    return found, entry


def _helper_files(src, cache):
    """({relative path: sha256} of every helper file `src` reached, [relative paths looked
    for first and absent]), or None when a helper is outside the top directory or an
    import does not resolve (not kept: the missing file may appear). A file appearing
    at an absent path would shadow the helper found after it."""
    from ..frontend.source import _candidate_files
    digests, absent, stack, seen = {}, set(), [src], set()
    while stack:
        s = stack.pop()
        if id(s) in seen:
            continue
        seen.add(id(s))
        for local in list(s.from_imports):
            try:
                s.resolve_import(local)
            except CompileError:
                return None
        for (module_text, level), helper in list(s._helpers.items()):
            rel = cache.relative(helper.path)
            digest = cache.file_digest(rel) if rel is not None else None
            if digest is None:
                return None
            digests[rel] = digest
            for candidate in _candidate_files(s, module_text, level, None):
                if os.path.abspath(candidate) == os.path.abspath(helper.path):
                    break
                looked = cache.relative(candidate)
                if looked is None:
                    return None
                absent.add(looked)
            stack.append(helper)
    return digests, sorted(absent)


def _plain(modules: dict) -> bool:
    """Whether every CC's settings survive JSON unchanged (they are literals in practice)."""
    try:
        return all(json.loads(json.dumps(spec.settings)) == spec.settings for spec in modules.values())
    except (TypeError, ValueError):
        return False
