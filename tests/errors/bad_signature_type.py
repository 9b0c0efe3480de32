# expect-line: 7
# expect-phrase: float65
from numba.pycc import CC

cc = CC('e_bad_signature_type')

@cc.export('f', 'f8(float65)')
def f(a):
    return a
