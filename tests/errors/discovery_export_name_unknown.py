# expect-line: 14
# expect-phrase: cannot follow the exported name
# expect-caret: name
from numba.pycc import CC

cc = CC('e_export_name_unknown')


def twice(x):
    return 2.0 * x


def register(name):
    cc.export(name, 'f8(f8)')(twice)
