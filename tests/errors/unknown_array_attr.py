# expect-line: 10
# expect-phrase: foo
from numba.pycc import CC

cc = CC('e_unknown_array_attr')

@cc.export('f', 'f8(f8[:])')
def f(a):
    s = 0.0
    return s + a.foo
