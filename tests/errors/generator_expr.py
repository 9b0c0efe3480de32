# expect-line: 10
# expect-phrase: generator
# expect-phrase: not supported | unsupported
from numba.pycc import CC

cc = CC('e_generator_expr')

@cc.export('f', 'f8(f8[:])')
def f(a):
    return sum(x * x for x in a)
