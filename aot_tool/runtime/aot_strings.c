/* str for compiled code (included into aot_runtime.c after aot_containers.c): literals,
 * hash, conversions, formatting, concatenation, ord/chr, and the checks of str and list
 * arguments at an export's boundary.  Same conventions as aot_containers.c. */

PyObject *PyUnicode_DecodeUTF8(const char *, Py_ssize_t, const char *);
PyObject *PyUnicode_Join(PyObject *, PyObject *);
PyObject *PyObject_Format(PyObject *, PyObject *);
Py_ssize_t PyObject_Hash(PyObject *);
PyObject *PyNumber_Long(PyObject *);
PyObject *PyNumber_Float(PyObject *);

/* A string literal, made once and kept (the cache is a global of the generated code). */
HIDDEN PyObject *aot_obj_str_literal(PyObject **cache, const char *utf8, Py_ssize_t n)
{
    if (!*cache)
        *cache = PyUnicode_DecodeUTF8(utf8, n, NULL);
    Py_XINCREF(*cache);
    return *cache;
}

/* ---- strings ---- */
HIDDEN int64_t aot_obj_hash(PyObject *o)
{
    return PyObject_Hash(o);
}

/* what: 0 str(x), 1 int(x), 2 float(x); steals x */
HIDDEN PyObject *aot_obj_convert_steal(PyObject *x, int what)
{
    if (!x)
        return NULL;
    PyObject *r = what == 0 ? PyObject_Str(x) : what == 1 ? PyNumber_Long(x) : PyNumber_Float(x);
    Py_DECREF(x);
    return r;
}

PyObject *PyUnicode_FromOrdinal(int);
int PyUnicode_ReadChar(PyObject *, Py_ssize_t);

/* ord(s): the code point of a one-character str */
HIDDEN int64_t aot_str_ord(PyObject *s)
{
    Py_ssize_t n = PyObject_Size(s);
    if (n != 1) {
        if (n >= 0)
            PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length %zd found", n);
        return -1;
    }
    return PyUnicode_ReadChar(s, 0);
}

HIDDEN PyObject *aot_str_chr(int64_t code)
{
    if (code < 0 || code > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)code);
}

/* format(x, spec); steals x */
HIDDEN PyObject *aot_obj_format_steal(PyObject *x, PyObject *spec)
{
    if (!x)
        return NULL;
    PyObject *r = PyObject_Format(x, spec);
    Py_DECREF(x);
    return r;
}

/* "".join(parts) of n pieces, stealing them */
HIDDEN PyObject *aot_str_concat_steal(int n, PyObject **parts)
{
    PyObject *tuple = aot_rt_pack_tuple(n, parts);
    if (!tuple)
        return NULL;
    PyObject *empty = PyUnicode_FromString("");
    PyObject *r = empty ? PyUnicode_Join(empty, tuple) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(tuple);
    return r;
}

/* Exported list arguments: a list whose items are all of the declared kind
 * ('f' float, 'i'/'u' int, 'b' bool, 'c' complex, 's' str) */
HIDDEN int aot_obj_check_list(PyObject *o, int code, const char *fname, int index, const char *argname,
                              const char *expected)
{
    if (Py_TYPE(o) != &PyList_Type)
        return wrong_type(o, fname, index, argname, expected);
    Py_ssize_t n = PyList_Size(o);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *item = PySequence_GetItem(o, k);
        int ok;
        if (code == 'f')
            ok = PyFloat_Check(item) || (PyLong_Check(item) && !PyBool_Check(item));
        else if (code == 'i' || code == 'u') {
            int overflow = 0;
            ok = PyLong_Check(item);
            if (ok && code == 'i')
                PyLong_AsLongLongAndOverflow(item, &overflow);
            if (ok && code == 'u')
                overflow = PyLong_AsUnsignedLongLong(item) == (unsigned long long)-1 && PyErr_Occurred();
            if (overflow) {
                PyErr_Clear();
                PyErr_Format(PyExc_OverflowError, "%s() argument %d ('%s'): item %zd, %R, is out of range for %s",
                             fname, index, argname, k, item, expected);
                Py_DECREF(item);
                return -1;
            }
        }
        else if (code == 'b')
            ok = PyBool_Check(item);
        else if (code == 'c')
            ok = PyComplex_Check(item) || PyFloat_Check(item) || PyLong_Check(item);
        else
            ok = PyUnicode_Check(item);
        if (!ok) {
            PyErr_Format(PyExc_TypeError, "%s() argument %d ('%s') must be %s, but item %zd is %R", fname, index,
                         argname, expected, k, item);
            Py_DECREF(item);
            return -1;
        }
        Py_DECREF(item);
    }
    return 0;
}

HIDDEN int aot_obj_check_str(PyObject *o, const char *fname, int index, const char *argname, const char *expected)
{
    return PyUnicode_Check(o) ? 0 : wrong_type(o, fname, index, argname, expected);
}
