# expect-line: 16
# expect-phrase: cannot follow which function
# expect-phrase: imported by name
# expect-caret: make_kernel(2.0)
from numba.pycc import CC

cc = CC('e_export_target_unknown')


def make_kernel(k):
    def kernel(x):
        return k * x
    return kernel


cc.export('scale', 'f8(f8)')(make_kernel(2.0))
