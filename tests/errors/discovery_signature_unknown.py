# expect-line: 12
# expect-phrase: cannot follow the signature
# expect-phrase: as a string
# expect-caret: sig)
from numba.pycc import CC


def build(sig):
    def twice(x):
        return 2.0 * x
    cc = CC('e_signature_unknown')
    cc.export('twice', sig)(twice)
    cc.compile()
