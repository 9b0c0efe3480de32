/* The pool's face to the process and to Python: one pool per process, shared by every
 * module through a capsule on `sys`, and the module functions get_num_threads() and
 * set_num_threads().  Included by aot_runtime.c after aot_pool.c, whose functions it
 * publishes. */

/* ---- one pool per process ----
   The first module that needs a pool publishes its entries in a capsule on `sys`; every
   later module (built separately, with its own copy of this runtime) uses that pool,
   its worker threads and its per-thread state, instead of starting another. */
typedef struct {
    int (*parallel_for)(aot_block_fn, void *, int64_t, int64_t);
    int (*gil_take)(void);
    void (*gil_drop)(int);
    int (*threads_now)(void);
    int (*pool_size)(void);
    void (*set_threads)(int);
} aot_pool_api;

#define AOT_POOL_CAPSULE "aot_tool.pool.v1"     /* a new layout gets a new name */
PyObject *PySys_GetObject(const char *);
int PySys_SetObject(const char *, PyObject *);
PyObject *PyCapsule_New(void *, const char *, void *);

static aot_pool_api aot_own_pool = {aot_parallel_for_own, aot_gil_take_own, aot_gil_drop_own, aot_threads_now,
                                    aot_pool_size, aot_set_threads_own};
static aot_pool_api *aot_shared_pool;

/* With the GIL held. */
static aot_pool_api *aot_process_pool(void)
{
    PyObject *cap;
    if (aot_shared_pool != NULL)
        return aot_shared_pool;
    cap = PySys_GetObject("_aot_tool_pool_v1");            /* borrowed */
    if (cap != NULL) {
        aot_shared_pool = PyCapsule_GetPointer(cap, AOT_POOL_CAPSULE);
        if (aot_shared_pool != NULL)
            return aot_shared_pool;
        PyErr_Clear();
    }
    aot_shared_pool = &aot_own_pool;
    cap = PyCapsule_New(&aot_own_pool, AOT_POOL_CAPSULE, NULL);
    if (cap == NULL || PySys_SetObject("_aot_tool_pool_v1", cap) < 0)
        PyErr_Clear();                                     /* then this module's pool is its own */
    Py_XDECREF(cap);
    return aot_shared_pool;
}

/* body(env, start, stop, block) for each of `nblocks` blocks of [0, n); 0 on success,
   1 with the exception of the lowest failing block set. */
HIDDEN int aot_rt_parallel_for(aot_block_fn body, void *env, int64_t n, int64_t nblocks)
{
    if (aot_shared_pool == NULL) {
        int g = PyGILState_Ensure();
        aot_process_pool();
        PyGILState_Release(g);
    }
    return aot_shared_pool->parallel_for(body, env, n, nblocks);
}

/* The GIL around one interpreter call: the process pool's, whose threads run the bodies. */
HIDDEN int aot_rt_gil_take(void)
{
    return aot_shared_pool ? aot_shared_pool->gil_take() : aot_gil_take_own();
}

HIDDEN void aot_rt_gil_drop(int state)
{
    if (aot_shared_pool)
        aot_shared_pool->gil_drop(state);
    else
        aot_gil_drop_own(state);
}

/* ---- get_num_threads() / set_num_threads(n), as numba's (per calling thread) ----
   Module functions of modules with parallel exports (pipeline.init_exports lists them),
   under the symbols the init unit gives an export's wrapper and docstring; weak, so an
   export of the same name replaces them. */
#define AOT_WEAK HIDDEN __attribute__((weak))
AOT_WEAK const char __aot_doc_get_num_threads_0[] =
    "get_num_threads()\n--\n\nThe number of threads prange loops started on this thread use.";
AOT_WEAK const char __aot_doc_set_num_threads_0[] =
    "set_num_threads(n)\n--\n\nUse n threads (1 to the pool size) for prange loops started on this thread.";

AOT_WEAK PyObject *__aot_wrap_get_num_threads_0(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                                PyObject *kwnames)
{
    if (nargs != 0 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "get_num_threads() takes no arguments");
        return NULL;
    }
    return PyLong_FromLong(aot_process_pool()->threads_now());
}

AOT_WEAK PyObject *__aot_wrap_set_num_threads_0(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                                PyObject *kwnames)
{
    int overflow = 0;
    long long n;
    if (nargs != 1 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "set_num_threads() takes exactly one positional argument (n)");
        return NULL;
    }
    n = PyLong_AsLongLongAndOverflow(args[0], &overflow);
    if (n == -1 && !overflow && PyErr_Occurred())
        return NULL;
    aot_pool_api *pool = aot_process_pool();
    if (overflow || n < 1 || n > pool->pool_size()) {
        PyErr_Format(PyExc_ValueError, "The number of threads must be between 1 and %d", pool->pool_size());
        return NULL;
    }
    pool->set_threads((int)n);
    Py_RETURN_NONE;
}
