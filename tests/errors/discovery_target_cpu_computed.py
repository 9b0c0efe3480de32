# expect-line: 10
# expect-phrase: cannot follow cc.target_cpu
# expect-phrase: string literal
# expect-caret: os.environ
import os
from numba.pycc import CC

if __name__ == '__main__':
    cc = CC('e_target_cpu_computed')
    cc.target_cpu = os.environ.get('CPU', 'host')

    @cc.export('twice', 'f8(f8)')
    def twice(x):
        return 2.0 * x
    cc.compile()
