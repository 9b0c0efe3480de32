# expect-line: 14
# expect-phrase: malformed signature 'f8(f8'
# expect-caret: SIG
from numba.pycc import CC

SIG = 'f8(f8'

cc = CC('e_bad_signature_constant')


def twice(x):
    return 2.0 * x

cc.export('twice', SIG)(twice)
