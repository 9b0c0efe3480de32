# expect-line: 9
# expect-phrase: cannot unify int64 and unicode_type in a list
from numba.pycc import CC

cc = CC('e_list_item_type')

@cc.export('f', 'i8(i8)')
def f(k):
    xs = [k, 'a']
    return len(xs)
