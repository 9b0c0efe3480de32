"""The compiler pipeline in one place: every driver (SCons, cc.compile(), the CLI,
setuptools) calls these steps and nothing else.

    read_source(path)                      -> Source   (ast only, never executed)
    export_key(source, module, name, i)    -> str      (digest of all that makes the object)
    compile_export(source, module, name, i, options) -> object bytes (kernel + wrapper + doc)
    compile_init(module, exports, options) -> object bytes (method table, PyInit_<module>)
    compile_runtime(options)               -> object bytes (shared helpers: errors, arrays)
    link(object_paths, output_path, ...)   (drivers/link.py; SCons links with LoadableModule)

Each step is a plain function from inputs to bytes; the same inputs give the same
bytes in any directory.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys

from . import __version__
from .frontend.source import Source, read_source, read_source_text  # noqa: F401
from .frontend.reach import reached_digest
from .backend import emit
from .options import Options  # noqa: F401


@functools.lru_cache(maxsize=None)
def compiler_identity(options: "Options") -> str:
    """What besides the source decides object bytes: our version and the digest of our
    own files (an edited compiler rebuilds even at the same version number), LLVM's
    version, the target, and the CPython ABI the wrappers are written for."""
    return (f"aot_tool {__version__} files {_package_digest()}; llvm {emit.llvm_version()}; "
            f"target {emit.target_description(options)}; python {sys.implementation.cache_tag}")


@functools.lru_cache(maxsize=None)
def _package_digest() -> str:
    """sha256 over the compiler's sources (relative names and bytes); the build-system
    drivers (scons/, drivers/, remote/) do not change object bytes and are left out."""
    root = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", "scons", "drivers", "remote"))
        for name in sorted(filenames):
            if name.endswith((".py", ".c", ".h")):
                path = os.path.join(dirpath, name)
                h.update(os.path.relpath(path, root).replace(os.sep, "/").encode() + b"\0")
                with open(path, "rb") as f:
                    h.update(f.read() + b"\0")
    return h.hexdigest()[:16]


def export_key(source: Source, module: str, name: str, index: int, options: "Options") -> str:
    """Content key of one export object: signature, reached code, options, compiler."""
    from .frontend.jit_options import options_key
    from .frontend.source import exported_function
    export = source.modules[module].exports[name][index]
    flags = options_key(*exported_function(source, export), export)
    return export_key_of(export.signature_text, reached_digest(export.home or source, export.function), flags,
                         name, index, options)


def export_key_of(signature_text: str, reached: str, flags: str, name: str, index: int, options: "Options") -> str:
    """export_key from the three parts the source decides (the SCons read cache keeps them)."""
    h = hashlib.sha256()
    for part in (signature_text, reached, options.key() + (f";{flags}" if flags else ""), compiler_identity(options),
                 name, str(index)):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def compile_export(source: Source, module: str, name: str, index: int, options: "Options") -> bytes:
    """Object bytes for signature `index` of export `name`: kernel, wrapper, docstring."""
    from .backend.export_unit import build_export_unit
    from .backend.isa_clones import LEVELS, clone_levels, clone_unit
    from .backend.unit import Unit
    export = source.modules[module].exports[name][index]
    if options.clone_part in LEVELS[1:]:      # one clone as its own object (SCons)
        if options.clone_part not in clone_levels(source, export, index, options):
            return emit.object_bytes(Unit(f"{name}.{index}.{options.clone_part}").module, options)   # same as v3
        return emit.object_bytes(clone_unit(source, export, index, options.clone_part, options), options)
    ir_module = build_export_unit(source, export, index, options, clones_in_unit=options.clone_part != "main")
    return emit.object_bytes(ir_module, options)


def compile_init(module: str, exports: list[tuple[str, int]], options: "Options") -> bytes:
    """Object bytes of the module init: method table from (name, signature count) pairs."""
    from .backend.init_unit import build_init_unit
    from .backend.isa_clones import init_description
    return emit.object_bytes(build_init_unit(module, exports, isa=init_description(options)), options)


def compile_module(source: Source, module: str, options: "Options") -> bytes:
    """One object holding every export and the init: what a direct build links.

    The same code as the per-export objects the SCons rules make, optimised and
    emitted once instead of once per signature (a cold build is mostly LLVM's
    per-module overhead)."""
    from .backend.export_unit import build_export_unit
    from .backend.init_unit import build_init_unit
    from .backend.isa_clones import init_description
    from .backend.unit import Unit
    unit = Unit(module)
    for name, sigs in sorted(source.modules[module].exports.items()):
        for index, export in enumerate(sigs):
            build_export_unit(source, export, index, options, unit=unit)
    build_init_unit(module, init_exports(source, module), unit=unit, isa=init_description(options))
    return emit.object_bytes(unit.module, options)


def compile_runtime(options: "Options", compiler=None) -> bytes:
    """Object bytes of the small C runtime shared by every export of a module, made by
    `compiler` (an argv prefix such as ('gcc',); default $CC, else Python's compiler)."""
    from .backend.runtime_unit import build_runtime_object
    return build_runtime_object(compiler)


def runtime_identity(compiler=None) -> str:
    """What decides the runtime object's bytes (its sources, flags and compiler)."""
    from .backend.runtime_unit import runtime_key
    return runtime_key(compiler)


def init_exports(source: Source, module: str) -> list[tuple[str, int]]:
    """(name, number of signatures) for the init unit, in a stable order; a module with
    parallel exports also gets the runtime's get_num_threads/set_num_threads."""
    from .frontend.jit_options import thread_controls
    exports = source.modules[module].exports
    return sorted([(name, len(sigs)) for name, sigs in exports.items()] + thread_controls(source, exports))
