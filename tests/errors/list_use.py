# expect-line: 9
# expect-phrase: list
from numba.pycc import CC

cc = CC('e_list_use')

@cc.export('f', 'f8(f8)')
def f(x):
    xs = [x, 2.0 * x]
    return xs[0]
