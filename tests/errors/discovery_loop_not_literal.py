# expect-line: 16
# expect-phrase: cannot follow this loop
# expect-phrase: literal tuple or list
# expect-caret: load_table()
import json
from numba.pycc import CC


def load_table():
    with open('exports.json') as f:
        return json.load(f)


def build():
    cc = CC('e_loop_not_literal')
    for name, sig in load_table():
        cc.export(name, sig)(scale)
    cc.compile()


def scale(x):
    return 2.0 * x
