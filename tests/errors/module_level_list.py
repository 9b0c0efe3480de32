# expect-line: 15
# expect-phrase: not a compile-time constant
# expect-caret: WEIGHTS
# expect-message: module-level 'WEIGHTS' (line 10) is not a compile-time constant: module-level
# ... values other than numbers, booleans, None, str and tuples of them are not supported;
# ... compute it inside the function that uses it or pass it as an argument
from numba.pycc import CC

cc = CC('e_module_level_list')
WEIGHTS = [1.0, 2.0, 3.0]


@cc.export('first', 'f8()')
def first():
    return WEIGHTS[0]
