"""Helpers imported from a plain-Python file in the source tree (`from ._x import f`
and `from _x import f`), module-level code no export reaches, CC settings and the
`if __name__ == "__main__": cc.compile()` guard of numba.pycc scripts."""
import os
import sys
import numpy as np
from numba.pycc import CC

from ._shapes_helpers import tri_area
from _shapes_helpers import poly_area

cc = CC('k_shapes_import')
cc.verbose = False

UNUSED_TABLE = {'never': 'read'}          # not reached by any export: ignored
print_me = sys.version_info >= (3, 0)


@cc.export('heron', 'f8(f8, f8, f8)')
def heron(a, b, c):
    return tri_area(a, b, c)


@cc.export('shoelace', 'f8(f8[:], f8[:])')
def shoelace(xs, ys):
    return poly_area(xs, ys)


TESTS = {
    'heron': '0:10 0:10 0:10',
    'shoelace': '[n] [n] n=1:12',
}

if __name__ == "__main__":
    cc.compile()
