/* The NumPy call bridge: compiled code calls a NumPy function (np.linalg.solve, np.sort,
 * a.sort ...) through its Python API, with the GIL held, and gets the result back as
 * native values.  Included by aot_runtime.c (it uses that file's NumPy table).
 *
 * A call site is a constant descriptor "PATH|ARGS|RESULTS":
 *   PATH     a dotted name ("numpy.linalg.solve"), looked up once and cached in the call
 *            site's own slot, or ".name": that method of the first argument
 *   ARGS     comma-separated, each optionally "keyword=" and then
 *              a<L><ndim><code>  an array value (aot_array*), passed as an ndarray sharing memory
 *              <code>            a scalar (f8 f4 i8 i4 i2 i1 u8 u4 u2 u1 b1 c16 c8), as a Python number
 *              T<n><code>        a tuple of n scalars of one type (a pointer to them)
 *              'text             a constant string (takes no value pointer)
 *              ~                 None (takes no value pointer)
 *   RESULTS  '-' (ignored), or comma-separated codes: one for the result itself, several
 *            when NumPy returns a tuple; arrays are converted to the stated dtype and
 *            layout when NumPy returned another (as numba's static result types need);
 *            O keeps the returned object itself (a list); R<array code> takes the real
 *            part of a complex array, raising ValueError if any imaginary part is not 0.
 * Values are passed by pointer: args[k] for each ARG that takes one, results[k] for each RESULT.
 */

PyObject *PyObject_Call(PyObject *, PyObject *, PyObject *);
PyObject *PyObject_CallMethod(PyObject *, const char *, const char *, ...);
PyObject *PyDict_New(void);
int PyDict_SetItemString(PyObject *, const char *, PyObject *);
PyObject *PyFloat_FromDouble(double);
PyObject *PyLong_FromLongLong(long long);
PyObject *PyLong_FromUnsignedLongLong(unsigned long long);
PyObject *PyComplex_FromDoubles(double, double);
PyObject *PyTuple_GetItem(PyObject *, Py_ssize_t);
Py_ssize_t PyTuple_Size(PyObject *);
long long PyLong_AsLongLong(PyObject *);
PyObject *PyUnicode_FromStringAndSize(const char *, Py_ssize_t);
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define PyTuple_Check(o) ((PyType_GetFlags(Py_TYPE(o)) & Py_TPFLAGS_TUPLE_SUBCLASS) != 0)

typedef PyObject *(*from_any_fn)(PyObject *, aot_descr *, int, int, int, PyObject *);
#define FROM_ANY ((from_any_fn)numpy_api[69])
enum { NPY_FORCECAST = 0x10 };

/* The callable named by a dotted path: the longest importable module prefix, then attributes. */
static PyObject *lookup_path(const char *path, size_t len)
{
    char buf[128];
    if (len >= sizeof buf) {
        PyErr_SetString(PyExc_RuntimeError, "aot_tool: NumPy function path too long");
        return NULL;
    }
    memcpy(buf, path, len);
    buf[len] = 0;
    char *dot = strchr(buf, '.');
    if (dot == NULL)
        return PyImport_ImportModule(buf);
    *dot = 0;
    PyObject *obj = PyImport_ImportModule(buf);
    char *name = dot + 1;
    while (obj != NULL && name != NULL) {
        char *next = strchr(name, '.');
        if (next)
            *next++ = 0;
        PyObject *attr = PyObject_GetAttrString(obj, name);
        if (attr == NULL && next != NULL) {
            /* a submodule that its package does not import itself (numpy.linalg is imported) */
            PyErr_Clear();
            name[-1] = '.';
            attr = PyImport_ImportModule(buf);
            name[-1] = 0;
        }
        Py_DECREF(obj);
        obj = attr;
        name = next;
    }
    return obj;
}

static int typenum_of(const char *code, size_t n)
{
    char buf[4] = {0};
    if (n > 3)
        return -1;
    memcpy(buf, code, n);
    return scalar_typenum(buf);
}

/* A Python object for one argument (new reference). */
static PyObject *box_arg(const char *code, size_t n, void *value);
static PyObject *box_arg(const char *code, size_t n, void *value)
{
    if (code[0] == '\'')
        return PyUnicode_FromStringAndSize(code + 1, (Py_ssize_t)(n - 1));
    if (code[0] == '~')
        Py_RETURN_NONE;
    if (code[0] == 'O') {   /* a list, dict, set or str: the object itself (borrowed) */
        PyObject *o = *(PyObject **)value;
        Py_INCREF(o);
        return o;
    }
    if (code[0] == 'T') {   /* T<n><code>: a tuple of n scalars laid out one after another */
        char *end;
        long count = strtol(code + 1, &end, 10);
        size_t item = end[0] == 'c' ? (end[1] == '8' ? 8 : 16) : (size_t)(end[1] - '0');
        PyObject *tuple = PyTuple_New(count);
        for (long i = 0; tuple && i < count; i++) {
            PyObject *o = box_arg(end, n - (size_t)(end - code), (char *)value + i * item);
            if (o == NULL) {
                Py_DECREF(tuple);
                return NULL;
            }
            PyTuple_SetItem(tuple, i, o);
        }
        return tuple;
    }
    if (code[0] == 'a') {
        char *end;
        long ndim = strtol(code + 2, &end, 10);
        aot_array *arr = (aot_array *)value;
        int tn = typenum_of(end, n - (size_t)(end - code));
        Py_XINCREF(arr->owner);   /* aot_rt_box_array steals a reference: give it one */
        return aot_rt_box_array(arr, (int)ndim, tn);
    }
    switch (typenum_of(code, n)) {
    case 0: return PyBool_FromLong(*(uint8_t *)value & 1);
    case 1: return PyLong_FromLongLong(*(int8_t *)value);
    case 2: return PyLong_FromLongLong(*(uint8_t *)value);
    case 3: return PyLong_FromLongLong(*(int16_t *)value);
    case 4: return PyLong_FromLongLong(*(uint16_t *)value);
    case 5: return PyLong_FromLongLong(*(int32_t *)value);
    case 6: return PyLong_FromLongLong(*(uint32_t *)value);
    case 7: return PyLong_FromLongLong(*(int64_t *)value);
    case 8: return PyLong_FromUnsignedLongLong(*(uint64_t *)value);
    case 11: return PyFloat_FromDouble(*(float *)value);
    case 12: return PyFloat_FromDouble(*(double *)value);
    case 14: return PyComplex_FromDoubles(((float *)value)[0], ((float *)value)[1]);
    case 15: return PyComplex_FromDoubles(((double *)value)[0], ((double *)value)[1]);
    }
    PyErr_SetString(PyExc_RuntimeError, "aot_tool: bad NumPy call descriptor");
    return NULL;
}

/* Store `o` as the native value described by `code` into `out`; 0 or -1. */
static int unbox_result(PyObject *o, const char *code, size_t n, void *out)
{
    if (code[0] == 'O') {   /* an object value (a list): the object itself */
        Py_INCREF(o);
        *(PyObject **)out = o;
        return 0;
    }
    if (code[0] == 'R') {   /* R<array code>: a real array from a possibly complex one (numba's eig) */
        PyObject *imag = PyObject_GetAttrString(o, "imag");
        PyObject *any = imag ? PyObject_CallMethod(imag, "any", NULL) : NULL;
        int complex_values = any ? PyObject_IsTrue(any) : -1;
        Py_XDECREF(imag);
        Py_XDECREF(any);
        if (complex_values < 0)
            return -1;
        if (complex_values) {
            PyErr_SetString(PyExc_ValueError, "eig() argument must not cause a domain change.");
            return -1;
        }
        PyObject *real = PyObject_GetAttrString(o, "real");
        if (real == NULL)
            return -1;
        int status = unbox_result(real, code + 1, n - 1, out);
        Py_DECREF(real);
        return status;
    }
    if (code[0] == 'a') {
        char *end;
        long ndim = strtol(code + 2, &end, 10);
        int tn = typenum_of(end, n - (size_t)(end - code));
        int flags = NPY_ALIGNED | NPY_WRITEABLE | NPY_FORCECAST |
                    (code[1] == 'C' ? NPY_C_CONTIGUOUS : code[1] == 'F' ? NPY_F_CONTIGUOUS : 0);
        aot_descr *descr = DESCR_FROM_TYPE(tn);
        if (descr == NULL)
            return -1;
        PyObject *arr = FROM_ANY(o, descr, (int)ndim, (int)ndim, flags, NULL);
        if (arr == NULL)
            return -1;
        fill_from((aot_array *)out, arr, (int)ndim);
        return 0;
    }
    int tn = typenum_of(code, n);
    if (tn == 14 || tn == 15) {
        Py_complex c = PyComplex_AsCComplex(o);
        if (c.real == -1.0 && PyErr_Occurred())
            return -1;
        if (tn == 14) {
            ((float *)out)[0] = (float)c.real;
            ((float *)out)[1] = (float)c.imag;
        } else {
            ((double *)out)[0] = c.real;
            ((double *)out)[1] = c.imag;
        }
        return 0;
    }
    if (tn == 11 || tn == 12) {
        double v = PyFloat_AsDouble(o);
        if (v == -1.0 && PyErr_Occurred())
            return -1;
        if (tn == 11)
            *(float *)out = (float)v;
        else
            *(double *)out = v;
        return 0;
    }
    if (tn == 0) {
        int t = PyObject_IsTrue(o);
        if (t < 0)
            return -1;
        *(uint8_t *)out = (uint8_t)t;
        return 0;
    }
    PyObject *index = PyNumber_Index(o);
    if (index == NULL)
        return -1;
    long long v = tn == 8 ? (long long)PyLong_AsUnsignedLongLong(index) : PyLong_AsLongLong(index);
    Py_DECREF(index);
    if (v == -1 && PyErr_Occurred())
        return -1;
    switch (tn) {
    case 1: case 2: *(int8_t *)out = (int8_t)v; break;
    case 3: case 4: *(int16_t *)out = (int16_t)v; break;
    case 5: case 6: *(int32_t *)out = (int32_t)v; break;
    default: *(int64_t *)out = (int64_t)v; break;
    }
    return 0;
}

static size_t field(const char *p, char stop)
{
    size_t n = 0;
    while (p[n] && p[n] != stop && p[n] != '|')
        n++;
    return n;
}

/* Call the function `desc` names; 0 on success, 1 with a Python exception set. */
HIDDEN int aot_rt_numpy_call(PyObject **cache, const char *desc, void **args, void **results)
{
    size_t path_len = field(desc, '|');
    const char *p = desc + path_len + (desc[path_len] == '|');
    int method = desc[0] == '.';
    PyObject *fn = NULL;
    if (!method) {
        if (*cache == NULL && (*cache = lookup_path(desc, path_len)) == NULL)
            return 1;
        fn = *cache;
    }
    PyObject *positional[16];
    int npos = 0, status = 1;
    PyObject *kwargs = NULL, *result = NULL, *target = NULL, *tuple = NULL;
    while (*p && *p != '|') {
        size_t n = field(p, ',');
        const char *eq = memchr(p, '=', n);
        const char *code = eq ? eq + 1 : p;
        size_t code_len = n - (size_t)(code - p);
        void *value = (code[0] == '\'' || code[0] == '~') ? NULL : *args++;
        PyObject *obj = box_arg(code, code_len, value);
        if (obj == NULL)
            goto done;
        if (eq) {
            char key[32];
            size_t klen = (size_t)(eq - p) < sizeof key - 1 ? (size_t)(eq - p) : sizeof key - 1;
            memcpy(key, p, klen);
            key[klen] = 0;
            if (kwargs == NULL && (kwargs = PyDict_New()) == NULL) {
                Py_DECREF(obj);
                goto done;
            }
            int bad = PyDict_SetItemString(kwargs, key, obj);
            Py_DECREF(obj);
            if (bad)
                goto done;
        } else if (npos < 16) {
            positional[npos++] = obj;
        } else {
            Py_DECREF(obj);
            PyErr_SetString(PyExc_RuntimeError, "aot_tool: too many arguments in a NumPy call");
            goto done;
        }
        p += n + (p[n] == ',');
    }
    if (method) {
        char name[32];
        size_t len = path_len - 1 < sizeof name - 1 ? path_len - 1 : sizeof name - 1;
        memcpy(name, desc + 1, len);
        name[len] = 0;
        if (npos == 0 || (target = PyObject_GetAttrString(positional[0], name)) == NULL)
            goto done;
    }
    int first = method ? 1 : 0;
    if ((tuple = PyTuple_New(npos - first)) == NULL)
        goto done;
    for (int i = first; i < npos; i++) {
        Py_INCREF(positional[i]);
        PyTuple_SetItem(tuple, i - first, positional[i]);
    }
    result = PyObject_Call(method ? target : fn, tuple, kwargs);
    if (result == NULL)
        goto done;
    p += (*p == '|');
    if (*p == '-' || *p == 0) {
        status = 0;
        goto done;
    }
    int count = 1;
    for (const char *q = p; *q; q++)
        count += *q == ',';
    if (count > 1 && !(PyTuple_Check(result) && PyTuple_Size(result) == count)) {
        PyErr_Format(PyExc_TypeError, "aot_tool: %.*s returned %R, expected a tuple of %d",
                     (int)path_len, desc, result, count);
        goto done;
    }
    /* unbox every item; on failure release the arrays already taken */
    int k = 0;
    for (; k < count; k++) {
        size_t n = field(p, ',');
        PyObject *item = count > 1 ? PyTuple_GetItem(result, k) : result;
        if (unbox_result(item, p, n, results[k]) < 0)
            break;
        p += n + (p[n] == ',');
    }
    if (k < count) {
        const char *q = desc + path_len + 1;
        q += field(q, '|') + 1;
        for (int j = 0; j < k; j++) {
            size_t n = field(q, ',');
            if (q[0] == 'a' || q[0] == 'R')
                Py_DECREF(((aot_array *)results[j])->owner);
            else if (q[0] == 'O')
                Py_DECREF(*(PyObject **)results[j]);
            q += n + 1;
        }
        goto done;
    }
    status = 0;
done:
    for (int i = 0; i < npos; i++)
        Py_DECREF(positional[i]);
    Py_XDECREF(kwargs);
    Py_XDECREF(tuple);
    Py_XDECREF(target);
    Py_XDECREF(result);
    return status;
}
