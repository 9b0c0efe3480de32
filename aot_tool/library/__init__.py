"""The builtin library: each entry keeps its typing rule and its lowering side by side.

Modules: operators (arithmetic, comparisons), iteration (for loops), attributes
(.shape, .real, ...), builtins (len, abs, min, ...), scalar_math (math, cmath and NumPy
scalar functions), arrays (NumPy constructors and array methods).
"""
