"""2-D prefix sums (summed-area table) and box sums read from it."""
import numpy as np
from numba.pycc import CC

cc = CC('k_integral_image')


@cc.export('integral', 'i8[:, :](i8[:, :])')
def integral(img):
    n, m = img.shape
    s = np.zeros((n + 1, m + 1), dtype=np.int64)
    for i in range(n):
        row = 0
        for j in range(m):
            row += img[i, j]
            s[i + 1, j + 1] = s[i, j + 1] + row
    return s


@cc.export('box_sum', 'i8(i8[:, :], i8, i8, i8, i8)')
def box_sum(img, r0, c0, r1, c1):
    s = integral(img)
    return s[r1, c1] - s[r0, c1] - s[r1, c0] + s[r0, c0]


TESTS = {
    'integral': '[n,m]-50:50 n=0:6 m=0:6',
    'box_sum': '[n,m]-50:50 0:2 0:2 2:4 2:4 n=4:6 m=4:6',
}
