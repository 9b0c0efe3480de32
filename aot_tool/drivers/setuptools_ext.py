"""setuptools integration: `cc.distutils_extension()` and the `build_ext` that builds it.

numba.pycc users write `setup(ext_modules=[cc.distutils_extension()])` and nothing
else, so the Extension must find its way to our build on its own:

- `make_extension(cc)` returns an `AOTExtension`: a setuptools Extension that
  remembers the source file, the CC name and the options.  Making it compiles
  nothing and imports nothing heavy; the source is read again (with `ast`) at
  build time, like every other driver does.
- `finalize_distribution_options` is registered as a
  `setuptools.finalize_distribution_options` entry point: whenever setuptools
  sets up a distribution that has an AOTExtension, it puts our `build_ext`
  in front of whatever `build_ext` the project uses.  Distributions without one
  are left alone.  Where aot_tool is importable but not installed (no entry
  points), pass `cmdclass={'build_ext': build_ext}` yourself.
- `build_ext` compiles each object with the pipeline into `build_temp`, reusing
  an object whose key (signature, reached code, options, compiler identity) is
  unchanged, and links with setuptools' own compiler object, so the platform's
  link flags (`-shared`, macOS' `-bundle`), `$CC`/`$LDSHARED` and the in-place
  and wheel output paths are setuptools' business as for any C extension.

A CompileError fails the build through setuptools' own error path (`error: ...`
and exit status 1, no traceback) with the located message intact; any other
exception in the compiler is reported as a bug in aot_tool.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback

from setuptools import Extension
from setuptools.command.build_ext import build_ext as _setuptools_build_ext
from setuptools.errors import CompileError as _SetuptoolsCompileError

from .link import ELF_SIZE_FLAGS
from .numba_shim import provide_numba_pycc

# Progress goes through `logging`, which setuptools configures (and routes distutils'
# own log through since setuptools 66); Command.announce drops INFO in older versions.
_log = logging.getLogger("aot_tool")

__all__ = ["AOTExtension", "make_extension", "build_ext", "provide_numba_pycc",
           "finalize_distribution_options"]

# Extension keywords that only concern C sources; accepted (numba.pycc takes them) but unused.
_C_ONLY = ("macros", "define_macros", "undef_macros", "include_dirs", "extra_compile_args", "swig_opts")


class AOTExtension(Extension):
    """An extension module compiled from a numba.pycc-style source by aot_tool.

    `sources` lists the Python source (relative to setup.py's directory when it is
    inside it) so that sdists carry it; `aot_source` is its absolute path.
    """

    def __init__(self, name: str, aot_source: str, aot_module: str, cc=None, **kwargs):
        sources = kwargs.pop("sources", None) or [_setup_relative(aot_source)]
        kwargs.setdefault("language", "c")
        super().__init__(name, sources, **kwargs)
        self.aot_source = aot_source
        self.aot_module = aot_module
        self._aot_cc = cc

    def aot_options(self):
        """Compile options from the CC object (`cc.target_cpu`), read at build time."""
        from ..options import Options
        if self._aot_cc is not None:
            return self._aot_cc._options()
        return Options()


def make_extension(cc, **kwargs) -> AOTExtension:
    """The Extension for `cc`, named like numba.pycc names it: the package of the
    module that created `cc`, then `cc.name` (`mypkg.sub._kernels` -> `mypkg.sub.<name>`).

    `name=` overrides the dotted name (its last part must stay `cc.name`, the
    module's PyInit symbol).  Link keywords (`extra_link_args`, `libraries`,
    `library_dirs`, ...) reach the link; C-only keywords are accepted and unused.
    """
    if cc._source_path is None:
        raise ValueError("cc.distutils_extension() needs the file that created CC(...) "
                         "(CC was created where __file__ is not set)")
    name = kwargs.pop("name", None) or _package_of(cc) + cc.name
    if name.rpartition(".")[2] != cc.name:
        raise ValueError(f"extension name {name!r} must end in the CC name {cc.name!r} "
                         f"(the module's init function is PyInit_{cc.name})")
    for key in _C_ONLY:
        kwargs.pop(key, None)
    kwargs["depends"] = list(kwargs.get("depends", [])) + [_setup_relative(cc._source_path)]
    return AOTExtension(name, cc._source_path, cc.name, cc=cc, **kwargs)


def _package_of(cc) -> str:
    """'pkg.sub.' for a CC created in module pkg.sub.mod, '' for a top-level module.

    Uses `cc._source_module` when the CC recorded its creator's __name__; else finds
    the loaded module whose __file__ is the source (setup.py just imported it).
    """
    module_name = cc._source_module
    if module_name in (None, "__main__"):
        target = os.path.normcase(cc._source_path)
        for name, module in list(sys.modules.items()):
            path = getattr(module, "__file__", None)
            if path and os.path.normcase(os.path.abspath(path)) == target:
                module_name = name
                break
    if not module_name or module_name == "__main__" or "." not in module_name:
        return ""
    return module_name.rpartition(".")[0] + "."


def _setup_relative(path: str) -> str:
    """`path` relative to the current directory (setup.py's) when inside it, '/'-separated."""
    rel = os.path.relpath(path)
    if rel.startswith(os.pardir):
        return path
    return rel.replace(os.sep, "/")


class AOTBuildMixin:
    """`build_extension` for AOTExtensions; any other extension goes to the next class."""

    def build_extension(self, ext):
        if not isinstance(ext, AOTExtension):
            return super().build_extension(ext)
        from .setuptools_objects import ObjectCache
        from ..cpu_names import TargetCPUError
        from ..frontend.errors import CompileError
        ext_path = self.get_ext_fullpath(ext.name)
        try:
            if ext._aot_cc is not None:   # exports that ran in setup.py are the ones we build
                from .live_exports import check_live_exports
                check_live_exports(ext.aot_source, ext.aot_module, ext._aot_cc._exported)
            cache = ObjectCache(os.path.join(self.build_temp, "aot", ext.name), announce=_log.info)
            objects, changed = cache.build(ext.aot_source, ext.aot_module, ext.aot_options(),
                                           force=self.force, workers=self.parallel)
            _write_stub(ext, ext_path)
        except CompileError as err:
            raise _SetuptoolsCompileError(f"aot_tool could not compile extension '{ext.name}':\n"
                                          f"{err.render()}") from None
        except TargetCPUError as err:
            raise _SetuptoolsCompileError(f"aot_tool could not compile extension '{ext.name}': {err}") from None
        except Exception:  # noqa: BLE001 - anything else is our bug and says so
            raise _SetuptoolsCompileError(
                f"aot_tool: internal error while compiling extension '{ext.name}' "
                f"(a bug in aot_tool, please report it):\n{traceback.format_exc().rstrip()}") from None
        if not changed and os.path.exists(ext_path) and not self.force:
            _log.info(f"aot_tool: skipping '{ext.name}' (objects unchanged)")
            return
        self._aot_link(ext, objects, ext_path)

    def copy_extensions_to_source(self):
        """`--inplace` / editable copies, always made (as setuptools' comment there intends).

        setuptools copies with `update=not force`, which compares whole-second mtimes:
        a module relinked within the second of the previous build stayed stale in place.
        """
        force, self.force = self.force, True
        try:
            super().copy_extensions_to_source()
        finally:
            self.force = force
        build_py = self.get_finalized_command("build_py")
        for ext in self.extensions:
            if isinstance(ext, AOTExtension):   # the stub travels with its module
                inplace_file, regular_file = self._get_inplace_equivalent(build_py, ext)
                stub = _stub_path(regular_file, ext)
                if os.path.exists(stub):
                    self.copy_file(stub, _stub_path(inplace_file, ext), level=self.verbose)

    def _aot_link(self, ext, objects, ext_path):
        """Link with setuptools' compiler, as build_ext links a C extension, stripped on ELF."""
        _log.info(f"aot_tool: linking {ext_path}")
        strip = ELF_SIZE_FLAGS if sys.platform.startswith(("linux", "freebsd")) else []
        os.makedirs(os.path.dirname(os.path.abspath(ext_path)), exist_ok=True)
        # We decided to link; the compiler's own check compares whole-second mtimes and
        # would keep a module linked within the same second as the objects changed.
        if os.path.exists(ext_path):
            os.unlink(ext_path)
        self.compiler.link_shared_object(
            objects, ext_path,
            libraries=self.get_libraries(ext) + (["m"] if os.name == "posix" else []),
            library_dirs=ext.library_dirs, runtime_library_dirs=ext.runtime_library_dirs,
            extra_postargs=strip + list(ext.extra_link_args or []),
            export_symbols=self.get_export_symbols(ext), debug=False,
            build_temp=self.build_temp, target_lang="c")


def _stub_path(ext_path: str, ext) -> str:
    return os.path.join(os.path.dirname(ext_path), ext.name.rpartition(".")[2] + ".pyi")


def _write_stub(ext, ext_path: str) -> None:
    """`<module>.pyi` beside the module in build_lib, so wheels and installs carry it."""
    from .. import pipeline
    from .build import display_path
    from .files import write_atomically
    from .stubs import stub_text
    source = pipeline.read_source(ext.aot_source, display_path=display_path(ext.aot_source))
    os.makedirs(os.path.dirname(os.path.abspath(ext_path)), exist_ok=True)
    write_atomically(_stub_path(ext_path, ext), stub_text(source, ext.aot_module).encode())


class build_ext(AOTBuildMixin, _setuptools_build_ext):
    """setuptools' build_ext that also builds AOTExtensions (`cmdclass={'build_ext': build_ext}`)."""


def with_aot(command_class):
    """`command_class` (a build_ext subclass) extended to build AOTExtensions."""
    if issubclass(command_class, AOTBuildMixin):
        return command_class
    return type(command_class.__name__, (AOTBuildMixin, command_class), {"__module__": __name__})


def finalize_distribution_options(dist) -> None:
    """setuptools hook: route AOTExtensions to our build_ext, keeping a project's own."""
    if not any(isinstance(ext, AOTExtension) for ext in (dist.ext_modules or ())):
        return
    dist.cmdclass["build_ext"] = with_aot(dist.cmdclass.get("build_ext", _setuptools_build_ext))


# After setuptools' own hooks (order 0), so a cmdclass they set up is the one we extend.
finalize_distribution_options.order = 100
