"""PEP 517 build backend: setuptools, with `numba.pycc` provided while setup.py runs.

    [build-system]
    requires = ["setuptools>=64", "wheel", "aot_tool"]
    build-backend = "aot_tool.build_meta"

With it, the setup.py numba's documentation shows works unchanged on a machine
without numba:

    from mypkg._kernels import cc            # a `from numba.pycc import CC` source
    setup(..., ext_modules=[cc.distutils_extension()])

Every hook is setuptools' legacy backend (`setuptools.build_meta:__legacy__`,
which puts setup.py's directory on sys.path, so `import source_module` finds
it as it did under `python setup.py`), run inside
`aot_tool.drivers.numba_shim.provide_numba_pycc()`.  The backend runs in its own
process (pip, `python -m build`), so the stand-in never outlives the build.
`cc.distutils_extension()` itself finds aot_tool's build_ext through a setuptools
entry point (see aot_tool.drivers.setuptools_ext); sources that say
`from aot_tool import CC` need none of this and build with plain
`setuptools.build_meta` too.
"""

from __future__ import annotations

import functools

from setuptools.build_meta import __legacy__ as _setuptools

from .drivers.numba_shim import provide_numba_pycc

_HOOKS = ("get_requires_for_build_wheel", "get_requires_for_build_sdist", "prepare_metadata_for_build_wheel",
          "build_wheel", "build_sdist", "get_requires_for_build_editable",
          "prepare_metadata_for_build_editable", "build_editable")

__all__ = [name for name in _HOOKS if hasattr(_setuptools, name)]


def _with_numba_pycc(hook):
    @functools.wraps(hook)
    def run(*args, **kwargs):
        with provide_numba_pycc():
            return hook(*args, **kwargs)
    return run


for _name in __all__:
    globals()[_name] = _with_numba_pycc(getattr(_setuptools, _name))
del _name
