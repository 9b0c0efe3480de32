"""The builtin library: each entry keeps its typing rule and its lowering side by side.

Modules: operators (arithmetic, comparisons), iteration (for loops), attributes
(.shape, .real, ...), builtins (len, abs, min, ...), scalar_math (math, cmath and NumPy
scalar functions), constructors (np.empty and its family, np.arange, np.linspace,
a.copy()), array_literals (np.array, np.asarray), matrices (np.eye, np.diag, np.trace),
shapes (reshape, ravel, transpose, flip ...), casts (astype, view), joining
(np.concatenate, np.stack ..., np.tile, np.repeat), selection (np.nonzero, np.copyto,
np.roll, np.squeeze), reductions; array_helpers holds what the array tables share
(argument typing, allocation, views, index loops), array_messages the errors whose
messages hold run-time numbers.
"""
