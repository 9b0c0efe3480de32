# expect-line: 22
# expect-phrase: already has a signature
# expect-phrase: both branches of the `if` on line 19
# expect-caret: cc.export
import sys
from numba.pycc import CC

cc = CC('e_undecided_if_twice')


def twice(x):
    return 2.0 * x


def thrice(x):
    return 3.0 * x


if sys.platform == 'win32':
    cc.export('scale', 'f8(f8)')(twice)
else:
    cc.export('scale', 'f8(f8)')(thrice)
