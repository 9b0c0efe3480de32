# expect-line: 9
# expect-phrase: needs an integer on the left
from numba.pycc import CC

cc = CC('e_in_range_float')

@cc.export('f', 'b1(f8, i8)')
def f(x, n):
    return x in range(n)
