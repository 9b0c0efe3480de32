/* Reshaping without a copy: the strides that let the memory of an array be read as a
   C-ordered array of another shape, when they exist (NumPy gives a view exactly then).
   Included by aot_runtime.c. */

/* Fills newstrides and returns 1 when an array with `nd` dimensions (dims, byte
   strides) can be seen with the C-order shape `newdims` (same total size) without
   copying; returns 0 when it cannot. */
HIDDEN int aot_rt_reshape_strides(int nd, const int64_t *dims, const int64_t *strides, int newnd,
                                  const int64_t *newdims, int64_t *newstrides, int64_t itemsize)
{
    int64_t kept_dims[32], kept_strides[32];
    int kept = 0;
    for (int i = 0; i < nd; i++) {
        if (dims[i] == 0) {                    /* empty: any strides do; give C strides */
            int64_t step = itemsize;
            for (int k = newnd - 1; k >= 0; k--) {
                newstrides[k] = step;
                step *= newdims[k] > 1 ? newdims[k] : 1;
            }
            return 1;
        }
        if (dims[i] != 1) {                     /* length-1 dimensions never move */
            kept_dims[kept] = dims[i];
            kept_strides[kept] = strides[i];
            kept++;
        }
    }
    int oi = 0, ni = 0;
    while (ni < newnd && oi < kept) {
        /* the smallest runs of old and new dimensions with equal products */
        int oj = oi + 1, nj = ni + 1;
        int64_t new_run = newdims[ni], old_run = kept_dims[oi];
        while (new_run != old_run) {
            if (new_run < old_run) {
                if (nj >= newnd)
                    return 0;
                new_run *= newdims[nj++];
            } else {
                if (oj >= kept)
                    return 0;
                old_run *= kept_dims[oj++];
            }
        }
        /* the old run must be one block of memory in C order */
        for (int k = oi; k < oj - 1; k++)
            if (kept_strides[k] != kept_dims[k + 1] * kept_strides[k + 1])
                return 0;
        newstrides[nj - 1] = kept_strides[oj - 1];
        for (int k = nj - 1; k > ni; k--)
            newstrides[k - 1] = newstrides[k] * newdims[k];
        ni = nj;
        oi = oj;
    }
    int64_t last = ni > 0 ? newstrides[ni - 1] : itemsize;
    for (int k = ni; k < newnd; k++)            /* trailing length-1 dimensions */
        newstrides[k] = last;
    return 1;
}
