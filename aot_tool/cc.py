"""numba.pycc-compatible `CC`: the object a source creates and decorates its exports with.

The live object only remembers where it was created; compiling always re-reads that
file with `ast`, so `cc.compile()`, the CLI, SCons and setuptools share one pipeline.
"""

from __future__ import annotations

import os
import sys
import sysconfig

from .options import Options


class CC:
    """`CC('my_module')`; `@cc.export(name, signature)`; `cc.compile()`."""

    def __init__(self, extension_name: str, source_module=None):
        if not isinstance(extension_name, str) or not (extension_name.isidentifier() and extension_name.isascii()):
            raise ValueError(f"extension name must be a Python identifier, not {extension_name!r}")
        self._name = extension_name
        caller = sys._getframe(1).f_globals
        path = caller.get("__file__")
        self._source_path = os.path.abspath(path) if path else None
        # numba.pycc's `source_module`: the module whose package the extension joins
        self._source_module = source_module if isinstance(source_module, str) else (
            getattr(source_module, "__name__", None) or caller.get("__name__"))
        self._output_dir = os.path.dirname(self._source_path) if self._source_path else os.getcwd()
        self._output_file = None
        self._exported = {}
        self.verbose = False
        self.target_cpu = None

    @property
    def name(self) -> str:
        return self._name

    @property
    def output_dir(self) -> str:
        return self._output_dir

    @output_dir.setter
    def output_dir(self, value: str) -> None:
        self._output_dir = os.fspath(value)

    @property
    def output_file(self) -> str:
        return self._output_file or self._name + sysconfig.get_config_var("EXT_SUFFIX")

    @output_file.setter
    def output_file(self, value: str) -> None:
        self._output_file = os.fspath(value)

    def export(self, exported_name: str, sig, *, nogil: bool = False, parallel: bool = False):
        """Record the export and hand the function back unchanged (it stays plain Python).
        `nogil`/`parallel` (our extension) act as @njit(nogil=True)/(parallel=True) would.

        Where the call was made is kept, so that compile() can point at an export that
        ran but that reading the source without running it did not find."""
        caller = sys._getframe(1)
        where = (caller.f_code.co_filename, caller.f_lineno)

        def decorator(func):
            self._exported.setdefault(exported_name, []).append((sig, where))
            return func
        return decorator

    def _options(self) -> Options:
        return Options(target_cpu=self.target_cpu)

    def compile(self) -> str:
        """Build the extension module next to the source (or in output_dir); returns its path."""
        from .drivers.build import build_module
        from .drivers.live_exports import check_live_exports
        from .frontend.errors import CompileError
        if self._source_path is None:
            raise RuntimeError("CC.compile() needs the defining module's __file__ (run it as a script)")
        from .cpu_names import TargetCPUError
        try:
            check_live_exports(self._source_path, self._name, self._exported)
            paths = build_module(self._source_path, self.output_dir, module=self._name, options=self._options(),
                                 output_file=self._output_file, verbose=self.verbose)
        except CompileError as e:
            # a located message, not a traceback through the compiler
            print(e.render(), file=sys.stderr)
            raise SystemExit(1) from None
        except TargetCPUError as e:
            print(f"aot_tool: error: cc.target_cpu: {e}", file=sys.stderr)
            raise SystemExit(1) from None
        except OSError as e:   # a read-only or full output directory, no C compiler
            print(f"aot_tool: error: {e}", file=sys.stderr)
            raise SystemExit(1) from None
        return paths[0]

    def distutils_extension(self, **kwargs):
        """A setuptools Extension that builds this module through the same pipeline."""
        from .drivers.setuptools_ext import make_extension
        return make_extension(self, **kwargs)
