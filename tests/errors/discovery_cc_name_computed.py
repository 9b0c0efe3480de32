# expect-line: 14
# expect-phrase: cannot follow the module name
# expect-phrase: string literal
# expect-caret: module_name()
import sys
from numba.pycc import CC


def module_name():
    return 'm_' + sys.platform


if __name__ == '__main__':
    cc = CC(module_name())
    cc.compile()
