# expect-line: 9
# expect-phrase: str | string
from numba.pycc import CC

cc = CC('e_str_use')

@cc.export('f', 'i8(i8)')
def f(k):
    s = 'abc'
    return k + len(s)
