# expect-line: 8
# expect-phrase: is a generator
from numba.pycc import CC

cc = CC('e_generator_exported')

@cc.export('f', 'i8(i8)')
def f(n):
    for i in range(n):
        yield i
