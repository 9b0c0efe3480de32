# expect-line: 9
# expect-phrase: cannot put range in a list
from numba.pycc import CC

cc = CC('e_list_use')

@cc.export('f', 'f8(f8)')
def f(x):
    xs = [range(3), range(4)]
    return x
