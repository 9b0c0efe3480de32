"""Read a source at SConscript-read time, once per content, and pick its CC.

Every `scons` run re-reads every source (that is how an edited helper reaches the
export keys), so reading must be cheap: sources are parsed with `ast` only, and a
process-level cache keyed by path and content hash lets several AOTModule calls
over one file (other CCs, other options, variant builds) share one parse.
"""

from __future__ import annotations

import hashlib
import os

import SCons.Errors
import SCons.Warnings

from .. import pipeline

_parsed: dict = {}   # (absolute path, sha256 of content) -> pipeline.Source


def source_file(env, source):
    """The one File node AOTModule was given, seen from the source tree.

    Under a VariantDir the node lives in the build directory, where the file may
    not have been copied yet (or ever, with duplicate=0): read its srcnode().
    """
    nodes = env.arg2nodes(source, env.File)
    if len(nodes) != 1:
        raise SCons.Errors.UserError(f"AOTModule takes exactly one source file, got {len(nodes)}: "
                                     f"{[str(n) for n in nodes]}")
    node = nodes[0].srcnode()
    if not node.exists():
        node = node.rfile()   # a Repository() copy
    if not os.path.isfile(node.get_abspath()):
        raise SCons.Errors.UserError(f"AOTModule: source file {node.get_internal_path()} does not exist")
    return node


def read(node) -> pipeline.Source:
    """The parsed source of `node`, shared by every caller while its content is unchanged.

    Raises CompileError for a source that does not parse; the caller turns that
    into a failing node. Error messages name the file by its path relative to
    the top directory (never absolute: messages are part of what SCons signs).
    """
    path = node.get_abspath()
    with open(path, "rb") as f:
        data = f.read()
    key = (path, hashlib.sha256(data).hexdigest())
    cached = _parsed.get(key)
    if cached is None:
        from ..frontend.file_set import disk_files
        from ..frontend.source import decode_source
        # the tree is the SConstruct's directory: helper imports read nothing outside it
        files = disk_files(node.fs.Top.get_abspath())
        cached = pipeline.read_source_text(decode_source(data, display_path(node)), path, display_path(node),
                                           files=files)
        _parsed[key] = cached
    return cached


def display_path(node) -> str:
    """How messages name a source: relative to the SConstruct directory."""
    return node.get_internal_path()


class AOTNameWarning(SCons.Warnings.WarningOnByDefault):
    """A target named almost like the source's only CC."""


def choose_module(source: pipeline.Source, target_name: str, asked: str | None) -> str:
    """The CC to build: `module=` if given, else the one named like the target, else the only one."""
    names = sorted(source.modules)
    if asked is not None:
        if asked not in source.modules:
            raise SCons.Errors.UserError(f"{source.display_path}: no CC named {asked!r} (found: {names})")
        return asked
    if target_name in source.modules:
        return target_name
    if len(names) == 1:
        import difflib
        if difflib.get_close_matches(target_name, names, n=1, cutoff=0.8):
            SCons.Warnings.warn(AOTNameWarning,
                                f"AOTModule('{target_name}'): the only CC in {source.display_path} is named "
                                f"{names[0]!r}; building it as module {target_name!r} (a typo? pass "
                                f"module={names[0]!r} to say it is meant)")
        return names[0]
    if not names:
        raise SCons.Errors.UserError(f"{source.display_path}: no CC('...') object found; "
                                     "nothing to build")
    raise SCons.Errors.UserError(f"{source.display_path} defines several CCs {names} and none is named "
                                 f"{target_name!r}: name the target after one, or pass module='...'")
