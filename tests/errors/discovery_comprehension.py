# expect-line: 14
# expect-phrase: cannot follow exports registered inside a comprehension
# expect-phrase: for` loop over a literal tuple
# expect-caret: [cc.export
from numba.pycc import CC

cc = CC('e_comprehension')


def twice(x):
    return 2.0 * x


EXPORTED = [cc.export(name, 'f8(f8)')(twice) for name in ('a', 'b')]
