# expect-line: 12
# expect-phrase: did you mean math.sqrt?
# expect-caret: math.sqrtt
# expect-message: math.sqrtt is not supported (did you mean math.sqrt?)
import math
from numba.pycc import CC

cc = CC('e_unsupported_math_close_match')

@cc.export('f', 'f8(f8)')
def f(x):
    return math.sqrtt(x)
