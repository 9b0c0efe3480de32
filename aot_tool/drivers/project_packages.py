"""Import a project's packages for setup.py even when their `__init__` needs what is not built yet.

numba's packaging route has setup.py run `from pkg.kernels import cc`, which first runs
`pkg/__init__.py`. A package that re-exports its compiled functions there
(`from .heat import step`) fails with ModuleNotFoundError: the extension module is what
the build is about to make. While `tolerate_unbuilt_packages()` is active, a package
under the project directory whose `__init__` raises ImportError is kept as an empty
package (its `__path__` intact, so `pkg.kernels` still imports and yields `cc`), and a
note says so on stderr. Any other error in `__init__`, and every package outside the
project, behave as usual. The build backend and `provide_numba_pycc()` activate it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys

__all__ = ["tolerate_unbuilt_packages"]

_KEEP = ("__name__", "__doc__", "__package__", "__loader__", "__spec__", "__path__", "__file__",
         "__cached__", "__builtins__")


class _Loader(importlib.abc.Loader):
    """The package's own loader, except that an ImportError leaves the package empty."""

    def __init__(self, inner):
        self._inner = inner

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        try:
            self._inner.exec_module(module)
        except ImportError as err:
            for key in [k for k in vars(module) if k not in _KEEP]:
                delattr(module, key)
            module.__aot_tool_unbuilt__ = f"{type(err).__name__}: {err}"
            sys.stderr.write(f"aot_tool: {module.__name__}/__init__.py did not run to the end before the "
                             f"build ({type(err).__name__}: {err}); setup.py sees the package empty, "
                             "its submodules (the sources defining `cc`) import as usual\n")

    def __getattr__(self, name):   # get_resource_reader, is_package, ... of the real loader
        return getattr(self._inner, name)


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, root: str):
        self.root = os.path.join(os.path.normcase(os.path.abspath(root)), "")

    def find_spec(self, fullname, path=None, target=None):
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.submodule_search_locations is None or not spec.origin:
            return None
        origin = os.path.normcase(os.path.abspath(spec.origin))
        if not origin.startswith(self.root) or os.path.basename(origin) != "__init__.py":
            return None
        spec.loader = _Loader(spec.loader)
        return spec


class tolerate_unbuilt_packages:
    """Active until exit/restore: packages under `root` (default: the working directory,
    setup.py's) import even when their `__init__` raises ImportError."""

    def __init__(self, root: str | None = None):
        self._finder = _Finder(root or os.getcwd())
        sys.meta_path.insert(0, self._finder)

    def restore(self) -> None:
        if self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.restore()
