# expect-line: 9
# expect-phrase: str has no supported attribute .reverse
from numba.pycc import CC

cc = CC('e_str_use')

@cc.export('f', 'i8(i8)')
def f(k):
    s = 'abc'.reverse()
    return k + len(s)
