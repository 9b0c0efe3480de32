# expect-line: 9
# expect-phrase: try
from numba.pycc import CC

cc = CC('e_try_except')

@cc.export('f', 'f8(f8)')
def f(x):
    try:
        return 1.0 / x
    except ZeroDivisionError:
        return 0.0
