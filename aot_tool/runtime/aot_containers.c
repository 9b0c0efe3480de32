/* Lists, dicts, sets and str for compiled code: each is a CPython object held through
 * the stable ABI (included into aot_runtime.c).  Every function that returns a
 * PyObject* returns a new reference, or NULL with an exception set; functions whose
 * name ends in _steal take over the reference of their item arguments, also when
 * those are NULL (an earlier failure passed through), so generated code checks once. */

extern PyObject *PyExc_KeyError;
extern PyTypeObject PyList_Type;
PyObject *PyList_New(Py_ssize_t);
PyObject *PyLong_FromLongLong(long long);
int PyList_Append(PyObject *, PyObject *);
int PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
int PyList_SetItem(PyObject *, Py_ssize_t, PyObject *);
int PyList_Sort(PyObject *);
int PyList_Reverse(PyObject *);
Py_ssize_t PyList_Size(PyObject *);
PyObject *PyDict_New(void);
int PyDict_SetItem(PyObject *, PyObject *, PyObject *);
PyObject *PyDict_GetItemWithError(PyObject *, PyObject *);
PyObject *PySet_New(PyObject *);
int PySet_Add(PyObject *, PyObject *);
int PySet_Discard(PyObject *, PyObject *);
PyObject *PySequence_GetItem(PyObject *, Py_ssize_t);
int PySequence_SetItem(PyObject *, Py_ssize_t, PyObject *);
int PyObject_SetItem(PyObject *, PyObject *, PyObject *);
int PySequence_DelItem(PyObject *, Py_ssize_t);
int PySequence_Contains(PyObject *, PyObject *);
PyObject *PySequence_List(PyObject *);
PyObject *PySequence_InPlaceConcat(PyObject *, PyObject *);
Py_ssize_t PyObject_Size(PyObject *);
PyObject *PyObject_GetItem(PyObject *, PyObject *);
PyObject *PyObject_GetIter(PyObject *);
PyObject *PyIter_Next(PyObject *);
PyObject *PyObject_RichCompare(PyObject *, PyObject *, int);
PyObject *PyObject_Call(PyObject *, PyObject *, PyObject *);
PyObject *PySlice_New(PyObject *, PyObject *, PyObject *);
PyObject *PyNumber_Add(PyObject *, PyObject *);
PyObject *PyNumber_Subtract(PyObject *, PyObject *);
PyObject *PyNumber_Multiply(PyObject *, PyObject *);
PyObject *PyNumber_And(PyObject *, PyObject *);
PyObject *PyNumber_Or(PyObject *, PyObject *);
PyObject *PyNumber_Xor(PyObject *, PyObject *);
unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *);
void PyErr_SetObject(PyObject *, PyObject *);

/* ---- unboxing items (of objects compiled code made, or checked at the boundary) ---- */
/* code: 'f' double, 'i' int64, 'u' uint64, 'b' int8 bool, 'c' two doubles. Steals o. */
HIDDEN int aot_obj_unbox_steal(PyObject *o, int code, void *out)
{
    if (!o)
        return -1;
    int status = 0;
    if (code == 'f') {
        double v = PyFloat_AsDouble(o);
        status = (v == -1.0 && PyErr_Occurred()) ? -1 : 0;
        *(double *)out = v;
    } else if (code == 'i' || code == 'u') {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow)
            v = (long long)PyLong_AsUnsignedLongLongMask(o);
        status = (v == -1 && PyErr_Occurred()) ? -1 : 0;
        *(int64_t *)out = v;
    } else if (code == 'b') {
        int v = PyObject_IsTrue(o);
        status = v < 0 ? -1 : 0;
        *(int8_t *)out = (int8_t)(v > 0);
    } else {
        Py_complex c = PyComplex_AsCComplex(o);
        status = (c.real == -1.0 && PyErr_Occurred()) ? -1 : 0;
        ((double *)out)[0] = c.real;
        ((double *)out)[1] = c.imag;
    }
    Py_DECREF(o);
    return status;
}

HIDDEN PyObject *aot_obj_tuple_item(PyObject *t, int64_t i)
{
    return PySequence_GetItem(t, (Py_ssize_t)i);
}

/* ---- generic operations ---- */
HIDDEN int64_t aot_obj_len(PyObject *o)
{
    return PyObject_Size(o);   /* -1 with an exception set on failure */
}

HIDDEN int aot_obj_truth(PyObject *o)
{
    return PyObject_IsTrue(o);
}

/* 0 < == <= ... as Py_LT..Py_GE; -1 on error */
HIDDEN int aot_obj_compare(PyObject *a, PyObject *b, int op)
{
    PyObject *r = PyObject_RichCompare(a, b, op);
    if (!r)
        return -1;
    int v = PyObject_IsTrue(r);
    Py_DECREF(r);
    return v;
}

HIDDEN int aot_obj_contains_steal(PyObject *seq, PyObject *item)
{
    if (!item)
        return -1;
    int r = PySequence_Contains(seq, item);
    Py_DECREF(item);
    return r;
}

/* op: 0 +, 1 -, 2 *, 3 &, 4 |, 5 ^ */
HIDDEN PyObject *aot_obj_binop(PyObject *a, PyObject *b, int op)
{
    switch (op) {
    case 0: return PyNumber_Add(a, b);
    case 1: return PyNumber_Subtract(a, b);
    case 2: return PyNumber_Multiply(a, b);
    case 3: return PyNumber_And(a, b);
    case 4: return PyNumber_Or(a, b);
    default: return PyNumber_Xor(a, b);
    }
}

HIDDEN PyObject *aot_obj_binop_steal(PyObject *a, PyObject *b, int op)
{
    PyObject *r = (a && b) ? aot_obj_binop(a, b, op) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return r;
}

/* seq[i] with Python's negative indices and IndexError */
HIDDEN PyObject *aot_obj_getitem(PyObject *seq, int64_t i)
{
    return PySequence_GetItem(seq, (Py_ssize_t)i);
}

/* seq[key] for dicts: KeyError(key) when missing */
HIDDEN PyObject *aot_obj_getkey_steal(PyObject *d, PyObject *key)
{
    if (!key)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(d, key);
    if (v)
        Py_INCREF(v);
    else if (!PyErr_Occurred())
        PyErr_SetObject(PyExc_KeyError, key);
    Py_DECREF(key);
    return v;
}

/* d.get(key, default) */
HIDDEN PyObject *aot_obj_getdefault_steal(PyObject *d, PyObject *key, PyObject *dflt)
{
    PyObject *v = NULL;
    if (key && dflt) {
        v = PyDict_GetItemWithError(d, key);
        if (v)
            Py_INCREF(v);
        else if (!PyErr_Occurred())
            v = (Py_INCREF(dflt), dflt);
    }
    Py_XDECREF(key);
    Py_XDECREF(dflt);
    return v;
}

/* seq[i] = item (lists, with IndexError; by_index 1), lst[slice] = other (by_index 2) or
   d[key] = value (dicts; 0); steals key and value */
HIDDEN int aot_obj_setitem_steal(PyObject *o, PyObject *key, PyObject *value, int64_t index, int by_index)
{
    int r = -1;
    if (value && (key || by_index == 1))
        r = by_index == 1 ? PySequence_SetItem(o, (Py_ssize_t)index, value) :
            by_index == 2 ? PyObject_SetItem(o, key, value) : PyDict_SetItem(o, key, value);
    Py_XDECREF(key);
    Py_XDECREF(value);
    return r;
}

int PyObject_DelItem(PyObject *, PyObject *);

/* del seq[i] (by_index) or del o[key], stealing key */
HIDDEN int aot_obj_delitem_steal(PyObject *o, PyObject *key, int64_t index, int by_index)
{
    if (by_index)
        return PySequence_DelItem(o, (Py_ssize_t)index);
    if (!key)
        return -1;
    int r = PyObject_DelItem(o, key);
    Py_DECREF(key);
    return r;
}

/* o[lo:hi:step], each bound a boxed int or NULL for None */
HIDDEN PyObject *aot_obj_slice_object(int64_t lo, int64_t hi, int64_t step, int present)
{
    PyObject *b[3] = {NULL, NULL, NULL};
    int64_t v[3] = {lo, hi, step};
    for (int k = 0; k < 3; k++)
        if (present & (1 << k))
            b[k] = PyLong_FromLongLong(v[k]);
    PyObject *slice = PySlice_New(b[0], b[1], b[2]);
    for (int k = 0; k < 3; k++)
        Py_XDECREF(b[k]);
    return slice;
}

HIDDEN PyObject *aot_obj_slice(PyObject *o, int64_t lo, int64_t hi, int64_t step, int present)
{
    PyObject *b[3] = {NULL, NULL, NULL};
    int64_t v[3] = {lo, hi, step};
    for (int k = 0; k < 3; k++)
        if (present & (1 << k))
            b[k] = PyLong_FromLongLong(v[k]);
    PyObject *slice = PySlice_New(b[0], b[1], b[2]);
    for (int k = 0; k < 3; k++)
        Py_XDECREF(b[k]);
    if (!slice)
        return NULL;
    PyObject *r = PyObject_GetItem(o, slice);
    Py_DECREF(slice);
    return r;
}

HIDDEN PyObject *aot_obj_iter(PyObject *o)
{
    return PyObject_GetIter(o);
}

/* the next item (new reference), NULL at the end; *failed says whether NULL is an error */
HIDDEN PyObject *aot_obj_next(PyObject *it, int *failed)
{
    PyObject *r = PyIter_Next(it);
    *failed = (r == NULL && PyErr_Occurred() != NULL);
    return r;
}

/* self.name(*args): args borrowed; n <= 4 */
HIDDEN PyObject *aot_obj_call_method(PyObject *self, const char *name, int n, PyObject **args)
{
    for (int k = 0; k < n; k++)
        if (!args[k])
            return NULL;
    PyObject *meth = PyObject_GetAttrString(self, name);
    if (!meth)
        return NULL;
    PyObject *tuple = PyTuple_New(n);
    if (!tuple) {
        Py_DECREF(meth);
        return NULL;
    }
    for (int k = 0; k < n; k++) {
        Py_INCREF(args[k]);
        PyTuple_SetItem(tuple, k, args[k]);
    }
    PyObject *r = PyObject_Call(meth, tuple, NULL);
    Py_DECREF(tuple);
    Py_DECREF(meth);
    return r;
}

/* ---- constructors and in-place updates ---- */
HIDDEN PyObject *aot_obj_new(int kind)   /* 0 list, 1 dict, 2 set */
{
    return kind == 0 ? PyList_New(0) : kind == 1 ? PyDict_New() : PySet_New(NULL);
}

HIDDEN PyObject *aot_obj_set_from(PyObject *iterable)
{
    return PySet_New(iterable);
}

/* list.append / set.add; steals item */
HIDDEN int aot_obj_add_steal(PyObject *o, PyObject *item, int is_set)
{
    if (!item)
        return -1;
    int r = is_set ? PySet_Add(o, item) : PyList_Append(o, item);
    Py_DECREF(item);
    return r;
}

HIDDEN int aot_list_insert_steal(PyObject *l, int64_t i, PyObject *item)
{
    if (!item)
        return -1;
    int r = PyList_Insert(l, (Py_ssize_t)i, item);
    Py_DECREF(item);
    return r;
}

HIDDEN int aot_set_discard_steal(PyObject *s, PyObject *item)
{
    if (!item)
        return -1;
    int r = PySet_Discard(s, item);
    Py_DECREF(item);
    return r < 0 ? -1 : 0;
}

/* list.pop(i), with CPython's messages */
HIDDEN PyObject *aot_list_pop(PyObject *l, int64_t i)
{
    Py_ssize_t n = PyList_Size(l);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    PyObject *item = PySequence_GetItem(l, (Py_ssize_t)i);
    if (item && PySequence_DelItem(l, (Py_ssize_t)i) < 0) {
        Py_DECREF(item);
        return NULL;
    }
    return item;
}

HIDDEN int aot_list_extend(PyObject *l, PyObject *other)
{
    PyObject *r = PySequence_InPlaceConcat(l, other);
    if (!r)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* what=0 l.sort(), 1 l.reverse() */
HIDDEN int aot_list_inplace(PyObject *l, int what)
{
    return what == 0 ? PyList_Sort(l) : PyList_Reverse(l);
}

PyObject *PyDict_New(void);
int PyDict_SetItemString(PyObject *, const char *, PyObject *);

/* l.sort(reverse=True), Python's stable descending sort */
HIDDEN int aot_list_sort_reverse(PyObject *l)
{
    PyObject *meth = PyObject_GetAttrString(l, "sort");
    PyObject *args = PyTuple_New(0), *kwargs = PyDict_New(), *r = NULL;
    if (meth && args && kwargs && PyDict_SetItemString(kwargs, "reverse", Py_True) == 0)
        r = PyObject_Call(meth, args, kwargs);
    Py_XDECREF(meth);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    if (!r)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* sorted(o) / list(o) */
HIDDEN PyObject *aot_obj_to_list(PyObject *o, int sort)
{
    PyObject *l = PySequence_List(o);
    if (l && sort && PyList_Sort(l) < 0) {
        Py_DECREF(l);
        return NULL;
    }
    return l;
}

/* sum of a list of numbers in numba's arithmetic: float64 or wrapping 64-bit ints */
HIDDEN int aot_obj_sum(PyObject *o, int code, void *out)
{
    PyObject *it = PyObject_GetIter(o), *item;
    if (!it)
        return -1;
    double f = 0.0;
    uint64_t u = 0;
    while ((item = PyIter_Next(it))) {
        if (code == 'f') {
            f += PyFloat_AsDouble(item);
        } else {
            int64_t v;
            Py_INCREF(item);
            aot_obj_unbox_steal(item, 'i', &v);
            u += (uint64_t)v;
        }
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    if (code == 'f')
        *(double *)out = f;
    else
        *(uint64_t *)out = u;
    return 0;
}

/* min(o) / max(o) with Python's comparisons; ValueError when empty */
HIDDEN PyObject *aot_obj_minmax(PyObject *o, int is_max)
{
    PyObject *it = PyObject_GetIter(o), *item, *best = NULL;
    if (!it)
        return NULL;
    while ((item = PyIter_Next(it))) {
        if (!best) {
            best = item;
            continue;
        }
        int better = aot_obj_compare(item, best, is_max ? 4 : 0);
        if (better < 0) {
            Py_DECREF(item);
            break;
        }
        if (better) {
            Py_DECREF(best);
            best = item;
        } else {
            Py_DECREF(item);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_XDECREF(best);
        return NULL;
    }
    if (!best)
        PyErr_Format(PyExc_ValueError, "%s() arg is an empty sequence", is_max ? "max" : "min");
    return best;
}
