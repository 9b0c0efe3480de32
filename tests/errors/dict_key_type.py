# expect-line: 10
# expect-phrase: a key of dict(unicode_type, int64) must be unicode_type, not int64
from numba.pycc import CC

cc = CC('e_dict_key_type')

@cc.export('f', 'i8(i8)')
def f(k):
    d = {'a': 1}
    return d[k]
