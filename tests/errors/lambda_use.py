# expect-line: 10
# expect-phrase: lambda
# expect-caret: lambda
from numba.pycc import CC

cc = CC('e_lambda_use')

@cc.export('f', 'f8(f8)')
def f(x):
    g = lambda y: y + 1.0
    return g(x)
