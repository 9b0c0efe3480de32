# expect-line: 9
# expect-phrase: dict keys
from numba.pycc import CC

cc = CC('e_dict_use')

@cc.export('f', 'i8(i8)')
def f(k):
    d = {[k]: 1}
    return len(d)
