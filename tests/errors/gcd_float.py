# expect-line: 11
# expect-phrase: math.gcd() needs integers
# expect-caret: x
import math
from numba.pycc import CC

cc = CC('e_gcd_float')

@cc.export('f', 'i8(f8, i8)')
def f(x, n):
    return math.gcd(x, n)
