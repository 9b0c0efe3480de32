# expect-line: 14
# expect-phrase: cannot follow
# expect-phrase: while
from numba.pycc import CC

cc = CC('e_while_loop')


def twice(x):
    return 2.0 * x


n = 0
while n < 2:
    cc.export(f'twice{n}', 'f8(f8)')(twice)
    n += 1
