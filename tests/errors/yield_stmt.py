# expect-line: 10
# expect-phrase: yield | generator
from numba.pycc import CC

cc = CC('e_yield_stmt')

@cc.export('f', 'i8(i8)')
def f(n):
    for i in range(n):
        yield i
