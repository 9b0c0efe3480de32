"""Direct build without a build system: parse, compile every export, link.

Used by `cc.compile()` and `python -m aot_tool build`; the same steps as the SCons
rules, run in one process.  Output appears atomically or not at all.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time

from .. import pipeline
from ..backend import runtime_unit
from ..frontend.errors import CompileError
from ..options import Options
from .files import write_atomically
from .link import extension_suffix, link
from .stubs import stub_text


def display_path(path: str) -> str:
    """The path as error messages show it: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def modules_to_build(source, module=None) -> list:
    if module is not None:
        if module not in source.modules:
            names = ", ".join(repr(n) for n in sorted(source.modules)) or "none"
            raise CompileError(f"no CC('{module}') in this file; its CCs are named {names}", source.display_path, 1, 0)
        return [module]
    if not source.modules:
        raise CompileError("no CC('name') object with exports found (expected `cc = CC('my_module')` "
                           "from numba.pycc or aot_tool)", source.display_path, 1, 0, source.line_text(1))
    return sorted(source.modules)


def build_module(source_path, output_dir=None, module=None, options=None, output_file=None,
                 verbose=False, root=None) -> list:
    """Build the module(s) of one source; returns the paths written. Helper imports read
    files only under `root` (default: the source's directory, or its top package's)."""
    options = options or Options()
    source = pipeline.read_source(source_path, display_path=display_path(source_path), root=root)
    output_dir = output_dir or os.path.dirname(os.path.abspath(source_path))
    built = []
    for name in modules_to_build(source, module):
        target = os.path.join(output_dir, output_file if (output_file and module) else name + extension_suffix())
        settings = source.modules[name].settings
        opts = options
        if options.target_cpu is None and settings.get("target_cpu"):
            opts = dataclasses.replace(options, target_cpu=settings["target_cpu"])
        built.append(_build_one(source, name, target, opts, verbose or bool(settings.get("verbose"))))
    return built


def _log(verbose, message):
    if verbose:
        print(f"aot_tool: {message}", file=sys.stderr)


def _build_one(source, name, target, options, verbose) -> str:
    spec = source.modules[name]
    if not spec.exports:
        raise CompileError(f"CC('{name}') exports nothing (decorate a function with @{spec.variable}.export"
                           "(name, signature))", source.display_path, 1, 0, source.line_text(1))
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="aot_tool-") as tmp:
        runtime = runtime_unit.RuntimeObject(tmp)
        try:
            objects = [os.path.join(tmp, f"{name}.o")]
            with open(objects[0], "wb") as f:
                f.write(pipeline.compile_module(source, name, options))
            for export_name, sigs in sorted(spec.exports.items()):
                for export in sigs:
                    _log(verbose, f"compiled {export_name} [{export.signature_text}]")
        finally:
            runtime_obj = runtime.finish()
        link(objects + [runtime_obj], target)
    stub = os.path.join(os.path.dirname(os.path.abspath(target)), name + ".pyi")
    write_atomically(stub, stub_text(source, name).encode())
    _log(verbose, f"wrote {target} in {time.perf_counter() - start:.3f} s")
    return target
