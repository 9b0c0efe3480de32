"""aotdemo: statistics and signal kernels, compiled ahead of time by aot_tool.

The functions live in the extension modules `aotdemo._stats` and
`aotdemo.signal._filters`; this file re-exports them.  The re-export is lazy
(PEP 562 `__getattr__`) because setup.py imports `aotdemo._stats_src` to find
its `cc`, which runs this file before any extension module has been built.
"""

import importlib

_EXPORTS = {
    "mean": "._stats",
    "variance": "._stats",
    "count_between": "._stats",
    "moving_average": ".signal",
    "centdiff_1d": ".signal",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
