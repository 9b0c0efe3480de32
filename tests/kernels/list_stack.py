"""A stack with append/pop: matching brackets in a code sequence, and an RPN-style fold."""
from numba.pycc import CC

cc = CC('list_stack')


@cc.export('balanced', 'b1(i8[:])')
def balanced(codes):
    # 0 1 2 open ( [ {, 3 4 5 close them
    stack = [0]
    stack.pop()
    for c in codes:
        if c < 3:
            stack.append(c)
        else:
            if len(stack) == 0 or stack.pop() != c - 3:
                return False
    return len(stack) == 0


@cc.export('fold', 'f8(f8[:])')
def fold(xs):
    st = []
    for x in xs:
        st.append(x)
        if len(st) >= 3:
            a = st.pop()
            b = st.pop()
            st.append(a * 0.5 + b)
    total = 0.0
    while st:
        total += st.pop()
    return total


@cc.export('pop_empty', 'i8(i8)')
def pop_empty(n):
    st = [1, 2]
    for i in range(n):
        st.pop()
    return len(st)


TESTS = {
    'balanced': '[n]0:5 n=0:12',
    'fold': '[n]-10:10 n=0:20',
    'pop_empty': '0:4',
}
