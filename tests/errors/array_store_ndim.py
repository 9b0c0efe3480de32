# expect-line: 10
# expect-phrase: cannot store a 2-d array into a 1-d view
# expect-caret: b
from numba.pycc import CC

cc = CC('e_array_store_ndim')

@cc.export('f', 'void(f8[:], f8[:, :])')
def f(a, b):
    a[:] = b
