/* Native sorting of short 1-d arrays (np.sort, a.sort(), stable np.argsort), the case
 * inner loops hit, where calling NumPy would cost more than the sort.  A stable merge
 * sort of indices by key (insertion sort below 16 items): for values the result is the
 * one NumPy gives; for argsort it is the stable order NumPy's kind='stable' gives.
 * NaNs sort last, as in NumPy.  Longer arrays go to NumPy (library/sorting.py).
 * Included by aot_runtime.c.
 */

#define AOT_SORT_MAX 512

#define DEFINE_SORT(NAME, TYPE, LESS)                                                        \
    static void sort_##NAME(const char *src, int64_t n, int64_t stride, char *dst, int64_t dstride, \
                            int64_t *index)                                                \
    {                                                                                      \
        TYPE key[AOT_SORT_MAX];                                                            \
        int64_t idx[AOT_SORT_MAX], tmp[AOT_SORT_MAX];                                      \
        for (int64_t i = 0; i < n; i++) {                                                  \
            memcpy(&key[i], src + i * stride, sizeof(TYPE));                               \
            idx[i] = i;                                                                    \
        }                                                                                  \
        for (int64_t lo = 0; lo < n; lo += 16) { /* insertion sort runs of 16 */           \
            int64_t hi = lo + 16 < n ? lo + 16 : n;                                        \
            for (int64_t i = lo + 1; i < hi; i++) {                                        \
                int64_t v = idx[i], j = i;                                                 \
                while (j > lo && LESS(key[v], key[idx[j - 1]])) {                          \
                    idx[j] = idx[j - 1];                                                   \
                    j--;                                                                   \
                }                                                                          \
                idx[j] = v;                                                                \
            }                                                                              \
        }                                                                                  \
        int64_t *from = idx, *to = tmp;                                                    \
        for (int64_t width = 16; width < n; width *= 2) { /* merge runs, stably */         \
            for (int64_t lo = 0; lo < n; lo += 2 * width) {                                \
                int64_t mid = lo + width < n ? lo + width : n;                             \
                int64_t hi = lo + 2 * width < n ? lo + 2 * width : n;                      \
                int64_t a = lo, b = mid, k = lo;                                           \
                while (a < mid && b < hi)                                                  \
                    to[k++] = LESS(key[from[b]], key[from[a]]) ? from[b++] : from[a++];    \
                while (a < mid)                                                            \
                    to[k++] = from[a++];                                                   \
                while (b < hi)                                                             \
                    to[k++] = from[b++];                                                   \
            }                                                                              \
            int64_t *t = from;                                                             \
            from = to;                                                                     \
            to = t;                                                                        \
        }                                                                                  \
        for (int64_t i = 0; i < n; i++) {                                                  \
            if (index)                                                                     \
                index[i] = from[i];                                                        \
            else                                                                           \
                memcpy(dst + i * dstride, &key[from[i]], sizeof(TYPE));                    \
        }                                                                                  \
    }

#define PLAIN_LESS(a, b) ((a) < (b))
#define FLOAT_LESS(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))

DEFINE_SORT(i8, int8_t, PLAIN_LESS)
DEFINE_SORT(u8, uint8_t, PLAIN_LESS)
DEFINE_SORT(i16, int16_t, PLAIN_LESS)
DEFINE_SORT(u16, uint16_t, PLAIN_LESS)
DEFINE_SORT(i32, int32_t, PLAIN_LESS)
DEFINE_SORT(u32, uint32_t, PLAIN_LESS)
DEFINE_SORT(i64, int64_t, PLAIN_LESS)
DEFINE_SORT(u64, uint64_t, PLAIN_LESS)
DEFINE_SORT(f32, float, FLOAT_LESS)
DEFINE_SORT(f64, double, FLOAT_LESS)

/* Sort n (<= AOT_SORT_MAX) items of NumPy type `typenum` read from src with a byte
 * stride: into dst (with its stride; dst may be src) or, with `index`, their stable
 * argsort into index. */
HIDDEN void aot_rt_sort_small(int typenum, const char *src, int64_t n, int64_t stride, char *dst,
                              int64_t dstride, int64_t *index)
{
    switch (typenum) {
    case 0: case 2: sort_u8(src, n, stride, dst, dstride, index); break;
    case 1: sort_i8(src, n, stride, dst, dstride, index); break;
    case 3: sort_i16(src, n, stride, dst, dstride, index); break;
    case 4: sort_u16(src, n, stride, dst, dstride, index); break;
    case 5: sort_i32(src, n, stride, dst, dstride, index); break;
    case 6: sort_u32(src, n, stride, dst, dstride, index); break;
    case 7: sort_i64(src, n, stride, dst, dstride, index); break;
    case 8: sort_u64(src, n, stride, dst, dstride, index); break;
    case 11: sort_f32(src, n, stride, dst, dstride, index); break;
    case 12: sort_f64(src, n, stride, dst, dstride, index); break;
    }
}
