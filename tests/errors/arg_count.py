# expect-line: 7 8
# expect-phrase: argument
from numba.pycc import CC

cc = CC('e_arg_count')

@cc.export('f', 'f8(f8, f8)')
def f(a):
    return a * 2.0
