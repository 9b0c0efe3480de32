"""Image masks: count and average the pixels above a threshold, clip negative pixels
in place, and the fraction of bright pixels per row."""
import numpy as np
from numba.pycc import CC

cc = CC('k_idx_image_masks')


@cc.export('bright_count', 'i8(f8[:, :], f8)')
def bright_count(img, t):
    return np.count_nonzero(img > t)


@cc.export('bright_mean', 'f8(f8[:], f8)')
def bright_mean(pixels, t):
    sel = pixels[pixels > t]
    if len(sel) == 0:
        return 0.0
    return sel.mean()


@cc.export('clip_negative', 'void(f8[:])')
def clip_negative(pixels):
    pixels[pixels < 0.0] = 0.0


@cc.export('bright_fraction', 'f8[:](f8[:, :], f8)')
def bright_fraction(img, t):
    out = np.zeros(img.shape[0])
    k = 0
    for row in img:
        if len(row):
            out[k] = len(row[row > t]) / len(row)
        k += 1
    return out


TESTS = {
    'bright_count': '[n,m]0:255 0:255 n=0:6 m=0:6',
    'bright_mean': '[n]0:255 0:255 n=0:30',
    'clip_negative': '[n]-10:10 n=0:30',
    'bright_fraction': '[n,m]0:255 0:255 n=0:6 m=0:6',
}
