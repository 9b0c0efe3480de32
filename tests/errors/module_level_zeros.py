# expect-line: 16
# expect-phrase: module-level arrays are not supported
# expect-caret: TABLE
# expect-message: module-level 'TABLE' (line 11) is not a compile-time constant: module-level arrays
# ... are not supported; build the array inside the function that uses it
# ... (`TABLE = numpy.zeros(4)`) or pass it as an argument
import numpy
from numba.pycc import CC

cc = CC('e_module_level_zeros')
TABLE = numpy.zeros(4)


@cc.export('get', 'f8(i8)')
def get(i):
    return TABLE[i]
