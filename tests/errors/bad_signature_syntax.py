# expect-line: 7
# expect-phrase: signature
from numba.pycc import CC

cc = CC('e_bad_signature_syntax')

@cc.export('f', 'f8(f8[:]')
def f(a):
    return a[0]
