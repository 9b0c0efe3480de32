"""Tables from a callable's qualified path ('math.sqrt', 'numpy.empty', 'builtins.len',
'method.array.copy') to its typing rule and its lowering.

    @typer('math.sqrt')      def _(inferrer, node, arg_types, kw_types) -> type
    @lowerer('math.sqrt')    def _(lowering, node) -> llvm value
"""

TYPERS: dict = {}
# Calls whose list-literal arguments (np.array([[1, 2], [3, 4]])) their typer reads: such
# a list is typed as the tuple of its items and lowered by the call itself.
LIST_ARGUMENTS = {"numpy.array", "numpy.asarray"}
# modules that hold library functions besides numpy, math and cmath ('numpy.linalg', 'random')
LIBRARY_MODULES: set = set()
LOWERERS: dict = {}


def typer(*paths):
    def register(fn):
        for p in paths:
            TYPERS[p] = fn
        return fn
    return register


def lowerer(*paths):
    def register(fn):
        for p in paths:
            LOWERERS[p] = fn
        return fn
    return register


def load_all() -> None:
    """Import every table module so its entries register themselves."""
    from . import (array_literals, axes, builtins, casts, constructors, cumulative, joining,  # noqa: F401
                   matrices, reductions, scalar_math, selection, shapes, ufuncs)  # (ufuncs overrides np.power)
    from . import array_contains, fancy_index, statistics  # noqa: F401
    from . import any_all, hashing, iterables, iterators, operator_module, printing, python_math  # noqa: F401
    from . import linalg, nprandom, nprandom_more, sorting  # noqa: F401
    from . import dicts, lists, strings  # noqa: F401  (after builtins: they extend its entries)
    from . import prange  # noqa: F401


load_all()
