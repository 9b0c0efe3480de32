# expect-line: 9
# expect-phrase: class
from numba.pycc import CC

cc = CC('e_class_def')

@cc.export('f', 'f8(f8)')
def f(x):
    class Point:
        pass
    return x
