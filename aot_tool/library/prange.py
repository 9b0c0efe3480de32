"""`numba.prange(...)`: typed as range(...); a `for` over it in a parallel function runs on
the runtime's thread pool (backend/parallel_outline.py), elsewhere serially, as in numba."""

from __future__ import annotations

from .builtins import _range_type, _range_value
from .registry import lowerer, typer


@typer("numba.prange")
def _prange_type(inf, node, args, kws):
    return _range_type(inf, node, args, kws)


@lowerer("numba.prange")
def _prange_value(lw, node):
    return _range_value(lw, node)
