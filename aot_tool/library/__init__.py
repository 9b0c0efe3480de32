"""The builtin library: each entry keeps its typing rule and its lowering side by side.

Modules: operators (arithmetic, comparisons), iteration (for loops), attributes
(.shape, .real, ...), builtins (len, abs, min, ...), scalar_math (math, cmath and NumPy
scalar functions), constructors (np.empty and its family, np.arange, a.copy()),
arrays (whole-array reductions); array_helpers holds what the array tables share
(argument typing, allocation, views, index loops, formatted errors).
"""
