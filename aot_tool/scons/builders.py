"""The `AOTModule` pseudo-builder: the node graph of one extension module.

    <dir>/<module>.aot/<export>.<i>.os   one per exported signature  <- Value(its key)
    <dir>/<module>.aot/<export>.<i>.v3.os  its x86-64-v3 clone, .v4 for x86-64-v4 (loop kernels)
    <dir>/<module>.aot/init.os           method table                <- Value(names, counts)
    $AOT_RUNTIME_DIR/aot_runtime-<options>.os   shared (default: <dir>) <- Value(compiler identity)
    <dir>/<module><EXT_SUFFIX>           LoadableModule of all of the above
    <dir>/<module>.pyi                   stub (stubs.py), after the export objects

Each object's only source is a Value holding what decides its bytes (see jobs.py),
so SCons rebuilds exactly the objects whose key changed and `--debug=explain` names
the export. Nothing here holds an absolute path, so CacheDir entries are shared
between checkouts at different places.
"""

from __future__ import annotations

import os
import shlex
import sys
import types
import re

import SCons.Builder
import SCons.Errors

from .. import pipeline
from ..backend import isa_clones
from ..frontend.errors import CompileError
from . import actions, recorded, settings, sources, stubs, summaries
from .jobs import ExportJob, InitJob, RuntimeJob

# the target scanner rebuilds objects a killed run left behind (recorded.py, issue 17)
_OBJECT = SCons.Builder.Builder(action=actions.COMPILE, single_source=True, target_scanner=recorded.SCANNER)
_FAILURE = SCons.Builder.Builder(action=actions.ERROR, single_source=True)

_runtimes: dict = {}   # runtime object path -> its node, one per directory and options


def AOTModule(env, target, source, **keywords):
    """Build extension module `target` (named after a CC in `source`) from `source`.

    Returns the module's node list, like any builder. Keyword options: see
    settings.KEYWORDS and docs/scons.md; upper-case keywords override
    construction variables for this module only.
    """
    try:
        return _aot_module(env, target, source, **keywords)
    except SCons.Errors.UserError as err:
        raise _at_callers_line(err) from None


def _at_callers_line(err):
    """The error with a traceback ending in the SConstruct/SConscript line that called
    AOTModule: SCons reports a UserError at the deepest frame outside SCons' own files,
    which would otherwise be a line of aot_tool."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    frame = sys._getframe(1)
    while frame is not None and (os.path.abspath(frame.f_code.co_filename).startswith(here)
                                 or f"{os.sep}SCons{os.sep}" in frame.f_code.co_filename):
        frame = frame.f_back
    if frame is None:
        return err
    return err.with_traceback(types.TracebackType(None, frame, frame.f_lasti, frame.f_lineno))


def _aot_module(env, target, source, **keywords):
    asked, overrides = settings.split_keywords(keywords)
    if overrides:
        env = env.Override(overrides)
    directory, name = _split_target(env, target)
    if not (name.isidentifier() and name.isascii()):
        raise SCons.Errors.UserError(f"AOTModule: {name!r} is not a valid Python module name")
    module_path = os.path.join(directory, name + env.subst("$AOT_EXT_SUFFIX"))
    node = sources.source_file(env, source)
    try:
        src = summaries.summary(env, node)   # parsed only when the read cache does not know it
    except CompileError as err:
        return _failing(env, module_path, err)
    cc = sources.choose_module(src, name, asked)
    options = settings.compile_options(env, src.modules[cc].settings)
    objdir = os.path.join(directory, name + ".aot")
    suffix = env.subst("$AOT_OBJSUFFIX")

    objects = [_runtime(env, directory, options, suffix)]
    exports = tuple(src.init_exports(cc))
    init = _object(env, os.path.join(objdir, "init" + suffix), InitJob(name, exports, options))
    objects += init
    jobs, readable = [], True
    for export_name, count in exports:
        if export_name not in src.modules[cc].exports:
            continue      # get_num_threads/set_num_threads: the runtime's, no object of their own
        for index in range(count):
            path = os.path.join(objdir, f"{export_name}.{index}{suffix}")
            try:
                text, _, _, has_loop = src.key_parts(cc, export_name, index)
                for part, part_options in isa_clones.object_parts(text, has_loop, options):
                    job = ExportJob(src, cc, export_name, index, part_options)
                    objects += _object(env, os.path.join(objdir, f"{export_name}.{index}{part}{suffix}"), job)
                    if not part:   # the export itself; per-ISA clones are their own objects
                        jobs.append(job)
            except CompileError as err:   # e.g. an imported helper that cannot be found
                objects += _failing(env, path, err)
                readable = False

    linkflags = ["$AOT_LDMODULEFLAGS", "$AOT_LINKFLAGS"]
    module = env.LoadableModule(module_path, objects,
                                LDMODULE="$AOT_LINK", LDMODULEPREFIX="", LDMODULESUFFIX="$AOT_EXT_SUFFIX",
                                SHLIBPREFIX="", SHLIBSUFFIX="$AOT_EXT_SUFFIX",
                                LDMODULEFLAGS=linkflags, LDMODULEVERSION="", SHLIBVERSION="",
                                LDMODULECOMSTR="$AOT_LINKCOMSTR", SHLINKCOMSTR="$AOT_LINKCOMSTR")
    if readable:
        env.Depends(module, stubs.stub_node(env, directory, name, src, cc, jobs, objects))
    env.Clean(module, objdir)
    init[0].attributes.aot_linked = module[0]   # its scan checks the module too (recorded.py)
    return module


def _split_target(env, target):
    """(directory, module name) of the target, relative to the current SConscript."""
    if isinstance(target, (list, tuple)):
        if len(target) != 1:
            raise SCons.Errors.UserError(f"AOTModule builds one module per call, got targets {target}")
        target = target[0]
    path = str(target) if not isinstance(target, str) else target
    suffix = env.subst("$AOT_EXT_SUFFIX")
    if path.endswith(suffix):
        path = path[: -len(suffix)]
    directory, name = os.path.split(path)
    return directory, name


def _object(env, path, job):
    """One object node whose only dependency is Value(job.signature())."""
    nodes = _OBJECT(env, path if isinstance(path, list) else [path], [env.Value(job.signature())])
    for node in nodes:
        node.attributes.aot_job = job
        node.attributes.shared = 1   # position-independent: fit for a LoadableModule
    return nodes


def _runtime(env, directory, options, suffix):
    """The runtime object for `options` in $AOT_RUNTIME_DIR (else `directory`), made by its first user."""
    tag = re.sub(r"[^A-Za-z0-9]+", "-", options.key()).strip("-")
    name = f"aot_runtime-{tag}{suffix}"
    shared = env.subst("$AOT_RUNTIME_DIR")
    node = env.Dir(shared).File(name) if shared else env.File(os.path.join(directory, name))
    key = node.get_abspath()
    if key not in _runtimes:
        compiler = tuple(shlex.split(env.subst("$CC")))   # every word: `ccache gcc`, `gcc -m32`
        _runtimes[key] = _object(env, [node], RuntimeJob(options, compiler))[0]
    return _runtimes[key]


def _failing(env, path, err: CompileError):
    """A node that prints `err` and fails when built, so `-k` builds everything else."""
    nodes = _FAILURE(env, [path], [env.Value(err.render())])
    for node in nodes:
        node.attributes.shared = 1
    return nodes
