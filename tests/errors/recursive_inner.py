# expect-line: 11
# expect-phrase: recursive inner functions are not supported
# expect-caret: fact(k - 1)
from numba.pycc import CC

cc = CC('e_recursive_inner')

@cc.export('f', 'i8(i8)')
def f(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
