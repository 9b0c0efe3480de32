# expect-line: 11
# expect-phrase: not defined
# expect-phrase: 'foo'
# expect-caret: foo
from numba.pycc import CC

cc = CC('e_undefined_name')

@cc.export('f', 'f8(f8)')
def f(x):
    return x + foo
