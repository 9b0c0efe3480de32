# expect-line: 14
# expect-phrase: cannot follow which CC
# expect-phrase: the name the CC was assigned to
# expect-caret: registry.lookup
import registry
from numba.pycc import CC

cc = CC('e_unknown_cc')


def twice(x):
    return 2.0 * x

registry.lookup('cc').export('twice', 'f8(f8)')(twice)
