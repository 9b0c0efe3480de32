# expect-line: 12
# expect-phrase: not supported
# expect-caret: isinstance
# expect-message: isinstance() is not supported
from numba.pycc import CC

cc = CC('e_isinstance_call')


@cc.export('f', 'f8(f8)')
def f(x):
    if isinstance(x, float):
        return x
    return 0.0
