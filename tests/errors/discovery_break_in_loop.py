# expect-line: 16
# expect-phrase: break
# expect-caret: break
from numba.pycc import CC

cc = CC('e_break_in_loop')


def twice(x):
    return 2.0 * x


for sig in ('f8(f8)', 'f4(f4)'):
    cc.export('twice', sig)(twice)
    if sig == 'f4(f4)':
        break
