# expect-line: 11
# expect-phrase: reads `scale`, a variable of build()
# expect-phrase: module level
from numba.pycc import CC


def build():
    scale = 3.0
    cc = CC('e_inner_capture')

    @cc.export('f', 'f8(f8)')
    def f(x):
        return scale * x
    cc.compile()
