"""Signal kernels: re-exported from the extension module aotdemo.signal._filters.

Lazy (PEP 562 `__getattr__`) because setup.py imports `aotdemo.signal._filters_src`
to find its `cc`, which runs this file before `_filters` has been built.
"""

import importlib

__all__ = ["centdiff_1d", "moving_average"]


def __getattr__(name):
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("._filters", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
