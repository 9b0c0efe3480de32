/* The small runtime linked into every aot_tool module: argument unboxing slow paths,
 * array unboxing/boxing/allocation through NumPy's C API table, error raising and
 * multi-signature dispatch.  Compiled generated code calls these; fast paths (an exact
 * float argument, a float result) are inlined by the code generator instead.  Argument
 * binding (keywords, defaults) and dispatch live in aot_args.h, included at the end.
 *
 * NumPy is reached through its `_ARRAY_API` capsule and CPython through its stable ABI
 * (cpython_abi.h), so no Python or NumPy headers are needed at build time; only the
 * long-stable fields of NumPy's array and descriptor structs are used.
 * Every symbol is hidden: nothing but PyInit_<module> leaves the shared object.
 */
#include "cpython_abi.h"
#include <stdlib.h>
#include <string.h>

#define HIDDEN __attribute__((visibility("hidden")))

/* ---- NumPy: the stable subset of its ABI (unchanged from 1.x to 2.x) ---- */
typedef struct {
    PyObject_HEAD
    PyTypeObject *typeobj;
    char kind, type, byteorder, _flags;
    int type_num;
} aot_descr;

typedef struct {
    PyObject_HEAD
    char *data;
    int nd;
    Py_ssize_t *dimensions;
    Py_ssize_t *strides;
    PyObject *base;
    aot_descr *descr;
    int flags;
} aot_ndarray;

enum { NPY_C_CONTIGUOUS = 0x1, NPY_F_CONTIGUOUS = 0x2, NPY_ALIGNED = 0x100, NPY_WRITEABLE = 0x400 };

/* What generated code passes around for an array: owner, data, shape[ndim], strides[ndim]. */
typedef struct {
    PyObject *owner;
    char *data;
    int64_t dims[];   /* shape then strides */
} aot_array;

static void **numpy_api = NULL;
#define ARRAY_TYPE ((PyTypeObject *)numpy_api[2])
typedef aot_descr *(*descr_from_type_fn)(int);
typedef PyObject *(*new_from_descr_fn)(PyTypeObject *, aot_descr *, int, const Py_ssize_t *,
                                       const Py_ssize_t *, void *, int, PyObject *);
typedef PyObject *(*empty_fn)(int, const Py_ssize_t *, aot_descr *, int);
typedef int (*set_base_fn)(PyObject *, PyObject *);
#define DESCR_FROM_TYPE ((descr_from_type_fn)numpy_api[45])
#define NEW_FROM_DESCR ((new_from_descr_fn)numpy_api[94])
#define ZEROS ((empty_fn)numpy_api[183])
#define EMPTY ((empty_fn)numpy_api[184])
#define SET_BASE ((set_base_fn)numpy_api[282])

static int import_numpy(void)
{
    const char *names[] = {"numpy._core._multiarray_umath", "numpy.core._multiarray_umath"};
    for (int i = 0; i < 2 && numpy_api == NULL; i++) {
        PyObject *mod = PyImport_ImportModule(names[i]);
        if (mod == NULL) {
            PyErr_Clear();
            continue;
        }
        PyObject *capsule = PyObject_GetAttrString(mod, "_ARRAY_API");
        Py_DECREF(mod);
        if (capsule == NULL)
            return -1;
        numpy_api = (void **)PyCapsule_GetPointer(capsule, NULL);
        Py_DECREF(capsule);
        if (numpy_api == NULL)
            return -1;
    }
    if (numpy_api == NULL) {
        PyErr_SetString(PyExc_ImportError, "this aot_tool module needs NumPy, which cannot be imported");
        return -1;
    }
    return 0;
}

/* ---- module creation ---- */
/* The def is never freed; give it the immortal count CPython 3.12+ gives static defs. */
static PyModuleDef module_def = {{{0x3FFFFFFF, NULL}, NULL, 0, NULL}};

HIDDEN PyObject *aot_rt_create_module(const char *name, PyMethodDef *methods, const char *doc)
{
    if (import_numpy() < 0)
        return NULL;
    module_def.m_name = name;
    module_def.m_doc = doc;
    module_def.m_size = -1;
    module_def.m_methods = methods;
    return PyModule_Create(&module_def);
}

/* ---- errors ---- */
/* The exception classes by name, in backend/unit.py EXC_KINDS' order, looked up in
   builtins at the first raise of each: a table of PyExc_* pointers would import all
   eleven into every module (a dynamic symbol, relocation and GOT slot each, ~0.7 KB).
   The last, AxisError, is NumPy's (numpy.exceptions since 1.25, numpy before). */
HIDDEN void aot_rt_raise(int kind, const char *message)
{
    static const char names[][18] = {"ZeroDivisionError", "IndexError", "ValueError", "MemoryError",
        "OverflowError", "AssertionError", "TypeError", "RuntimeError", "UnboundLocalError", "RecursionError",
        "StopIteration", "AxisError"};
    static PyObject *types[sizeof names / sizeof names[0]];
    enum { AXIS_ERROR = sizeof names / sizeof names[0] - 1 };
    if (!types[kind]) {
        PyObject *home = PyImport_ImportModule(kind == AXIS_ERROR ? "numpy.exceptions" : "builtins");
        if (!home && kind == AXIS_ERROR) {
            PyErr_Clear();
            home = PyImport_ImportModule("numpy");
        }
        if (!home)
            return;
        types[kind] = PyObject_GetAttrString(home, names[kind]);   /* kept: the classes outlive modules */
        Py_DecRef(home);
        if (!types[kind])
            return;
    }
    PyErr_SetString(types[kind], message);
}

/* Appends "(3,4)" or "(3,)" for a shape, as NumPy prints shapes in messages. */
static size_t put_shape(char *buf, size_t n, size_t cap, const int64_t *dims, int64_t ndim)
{
    char digits[24];
    if (n < cap) buf[n++] = '(';
    for (int64_t d = 0; d < ndim; d++) {
        uint64_t v = dims[d] < 0 ? 0 : (uint64_t)dims[d];
        int k = 0;
        do { digits[k++] = (char)('0' + v % 10); v /= 10; } while (v);
        while (k && n < cap) buf[n++] = digits[--k];
        if ((d + 1 < ndim || ndim == 1) && n < cap) buf[n++] = ',';
    }
    if (n < cap) buf[n++] = ')';
    return n;
}

/* ValueError for shapes that do not broadcast.  `shapes` holds, per operand, its
   ndim then its dimensions.  into = 0: the operands of an expression (NumPy's
   "operands could not be broadcast together with shapes (3,) (4,) "); into = 1:
   operand 0 stored into the view operand 1 ("could not broadcast input array from
   shape (4,) into shape (3,)"). */
HIDDEN void aot_rt_raise_broadcast(int nops, const int64_t *shapes, int into)
{
    char buf[1200];
    size_t n = 0, cap = sizeof buf - 1;
    const char *head = into ? "could not broadcast input array from shape "
                            : "operands could not be broadcast together with shapes ";
    while (*head && n < cap) buf[n++] = *head++;
    for (int i = 0; i < nops; i++) {
        int64_t ndim = *shapes++;
        if (into && i == 1) {
            const char *mid = " into shape ";
            while (*mid && n < cap) buf[n++] = *mid++;
        }
        n = put_shape(buf, n, cap, shapes, ndim);
        shapes += ndim;
        if (!into && n < cap) buf[n++] = ' ';
    }
    buf[n] = 0;
    PyErr_SetString(PyExc_ValueError, buf);
}

/* NumPy's message for an index out of range, and the compiled function it happened in. */
HIDDEN void aot_rt_index_error(int64_t index, int axis, int64_t size, const char *where)
{
    PyErr_Format(PyExc_IndexError, "index %lld is out of bounds for axis %d with size %lld (in %s)",
                 (long long)index, axis, (long long)size, where);
}

/* A RuntimeWarning as NumPy gives one (an empty mean); nonzero if the filter made it an error. */
HIDDEN int aot_rt_runtime_warning(const char *message)
{
    return PyErr_WarnEx(PyExc_RuntimeWarning, message, 1) < 0;
}

/* The type's __name__ as a new reference (a str), for messages.  Read as an attribute:
   PyType_GetName is only in the stable ABI from Python 3.11 and modules must load on 3.10. */
static PyObject *type_name(PyObject *o)
{
    PyObject *name = PyObject_GetAttrString((PyObject *)Py_TYPE(o), "__name__");
    if (name == NULL) {
        PyErr_Clear();
        name = PyUnicode_FromString("?");
    }
    return name;
}

static int wrong_type(PyObject *o, const char *fname, int index, const char *argname, const char *expected)
{
    PyObject *name = type_name(o);
    PyErr_Format(PyExc_TypeError, "%s() argument %d ('%s') must be %s, not %U", fname, index, argname,
                 expected, name);
    Py_XDECREF(name);
    return -1;
}

static int has_slot(PyObject *o, int slot)
{
    return PyType_GetSlot(Py_TYPE(o), slot) != NULL;
}

/* ---- scalar unboxing slow paths (the generated code inlines exact floats) ---- */
static int is_str_like(PyObject *o)
{
    return PyUnicode_Check(o) || PyBytes_Check(o) || PyByteArray_Check(o);
}

HIDDEN int aot_rt_unbox_float(PyObject *o, double *out, const char *fname, int index, const char *argname,
                              const char *expected)
{
    if (PyComplex_Check(o) || is_str_like(o) || (!has_slot(o, Py_nb_float) && !has_slot(o, Py_nb_index)))
        return wrong_type(o, fname, index, argname, expected);
    double v = PyFloat_AsDouble(o);
    if (PyErr_Occurred()) {   /* not `v == -1.0 &&`: that constant would keep all of .rodata.cst8 */
        if (PyErr_ExceptionMatches(PyExc_TypeError))
            return PyErr_Clear(), wrong_type(o, fname, index, argname, expected);
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            /* name the argument, as every other boundary error does */
            PyErr_Clear();
            PyErr_Format(PyExc_OverflowError, "%s() argument %d ('%s'): int too large to convert to %s", fname,
                         index, argname, expected);
        }
        return -1;
    }
    *out = v;
    return 0;
}

HIDDEN int aot_rt_unbox_int(PyObject *o, int64_t *out, int bits, int is_unsigned, const char *fname, int index,
                            const char *argname, const char *expected)
{
    PyObject *number;
    if (PyLong_Check(o)) {
        number = o;
        Py_INCREF(number);
    } else {
        if (PyFloat_Check(o) || !has_slot(o, Py_nb_index))
            return wrong_type(o, fname, index, argname, expected);
        number = PyNumber_Index(o);
        if (number == NULL)
            return -1;
    }
    int overflow = 0;
    int64_t v = 0;
    if (is_unsigned) {
        PyObject *zero = PyLong_FromLong(0);
        int negative = zero ? PyObject_RichCompareBool(number, zero, 0 /* Py_LT */) : -1;
        Py_XDECREF(zero);
        if (negative < 0) {
            Py_DECREF(number);
            return -1;
        }
        if (negative) {
            overflow = 1;
        } else {
            unsigned long long u = PyLong_AsUnsignedLongLong(number);
            if (u == (unsigned long long)-1 && PyErr_Occurred()) {
                PyErr_Clear();
                overflow = 1;
            } else if (bits < 64 && u >> bits) {
                overflow = 1;
            }
            v = (int64_t)u;
        }
    } else {
        long long s = PyLong_AsLongLongAndOverflow(number, &overflow);
        if (s == -1 && PyErr_Occurred()) {
            Py_DECREF(number);
            return -1;
        }
        if (!overflow && bits < 64) {
            long long lo = -(1LL << (bits - 1)), hi = (1LL << (bits - 1)) - 1;
            overflow = s < lo || s > hi;
        }
        v = s;
    }
    if (overflow) {
        PyErr_Format(PyExc_OverflowError, "%s() argument %d ('%s'): %R is out of range for %s", fname, index,
                     argname, number, expected);
        Py_DECREF(number);
        return -1;
    }
    Py_DECREF(number);
    *out = v;
    return 0;
}

HIDDEN int aot_rt_unbox_bool(PyObject *o, int8_t *out, const char *fname, int index, const char *argname,
                             const char *expected)
{
    if (o == Py_True || o == Py_False) {
        *out = o == Py_True;
        return 0;
    }
    PyObject *name = type_name(o);
    const char *text = name ? PyUnicode_AsUTF8(name) : NULL;
    int numpy_bool = text && (strcmp(text, "bool") == 0 || strcmp(text, "bool_") == 0);
    Py_XDECREF(name);
    PyErr_Clear();
    if (!numpy_bool && !(PyLong_Check(o) || (has_slot(o, Py_nb_index) && !PyFloat_Check(o))))
        return wrong_type(o, fname, index, argname, expected);
    int truth = PyObject_IsTrue(o);
    if (truth < 0)
        return -1;
    *out = (int8_t)truth;
    return 0;
}

HIDDEN int aot_rt_unbox_complex(PyObject *o, double *re, double *im, const char *fname, int index,
                                const char *argname, const char *expected)
{
    if (is_str_like(o) || (!PyComplex_Check(o) && !has_slot(o, Py_nb_float) && !has_slot(o, Py_nb_index)))
        return wrong_type(o, fname, index, argname, expected);
    Py_complex c = PyComplex_AsCComplex(o);
    if (c.real == -1.0 && PyErr_Occurred())
        return -1;
    *re = c.real;
    *im = c.imag;
    return 0;
}

/* ---- arrays ---- */
static int same_kind(int have, int want)
{
    /* C long and long long are both 64 bit here: NumPy may tag int64 data as either. */
    if (have == want)
        return 1;
    if (sizeof(long) == 8) {
        if ((have == 7 && want == 9) || (have == 9 && want == 7))
            return 1;
        if ((have == 8 && want == 10) || (have == 10 && want == 8))
            return 1;
    }
    return 0;
}

HIDDEN int aot_rt_unbox_array(PyObject *o, aot_array *out, int ndim, int typenum, char layout, int writable,
                              const char *fname, int index, const char *argname, const char *expected)
{
    if (!PyObject_TypeCheck(o, ARRAY_TYPE))
        return wrong_type(o, fname, index, argname, expected);
    aot_ndarray *a = (aot_ndarray *)o;
    const char *problem = NULL;
    if (!same_kind(a->descr->type_num, typenum) || a->descr->byteorder == '>')
        problem = "dtype";
    else if (a->nd != ndim)
        problem = "number of dimensions";
    else if (layout == 'C' && !(a->flags & NPY_C_CONTIGUOUS))
        problem = "layout";
    else if (layout == 'F' && !(a->flags & NPY_F_CONTIGUOUS))
        problem = "layout";
    else if (!(a->flags & NPY_ALIGNED))
        problem = "alignment";
    else if (writable && !(a->flags & NPY_WRITEABLE))
        problem = "writeability (it is read-only and this function writes into it)";
    if (problem) {
        PyObject *dtype = PyObject_GetAttrString(o, "dtype");
        PyObject *text = dtype ? PyObject_Str(dtype) : NULL;
        Py_XDECREF(dtype);
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s() argument %d ('%s') must be %s, not a %d-d %s array%s (wrong %s)",
                     fname, index, argname, expected, a->nd, text ? PyUnicode_AsUTF8(text) : "?",
                     (a->flags & NPY_C_CONTIGUOUS) ? "" : (a->flags & NPY_F_CONTIGUOUS) ? " in Fortran order" :
                     " that is not contiguous", problem);
        Py_XDECREF(text);
        return -1;
    }
    out->owner = o;
    out->data = a->data;
    for (int i = 0; i < ndim; i++) {
        out->dims[i] = a->dimensions[i];
        out->dims[ndim + i] = a->strides[i];
    }
    return 0;
}

static void fill_from(aot_array *out, PyObject *o, int ndim)
{
    aot_ndarray *a = (aot_ndarray *)o;
    out->owner = o;
    out->data = a->data;
    for (int i = 0; i < ndim; i++) {
        out->dims[i] = a->dimensions[i];
        out->dims[ndim + i] = a->strides[i];
    }
}

/* A new array owned by `out->owner` (one reference): np.empty / np.zeros. */
HIDDEN int aot_rt_alloc_array(aot_array *out, int ndim, const int64_t *shape, int typenum, int fortran, int zero)
{
    Py_ssize_t dims[32];
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            PyErr_SetString(PyExc_ValueError, "negative dimensions are not allowed");
            return -1;
        }
        dims[i] = (Py_ssize_t)shape[i];
    }
    aot_descr *descr = DESCR_FROM_TYPE(typenum);
    if (descr == NULL)
        return -1;
    PyObject *arr = (zero ? ZEROS : EMPTY)(ndim, dims, descr, fortran);
    if (arr == NULL)
        return -1;
    fill_from(out, arr, ndim);
    return 0;
}

/* The Python object for an array value; steals the reference the value holds. */
HIDDEN PyObject *aot_rt_box_array(aot_array *arr, int ndim, int typenum)
{
    PyObject *owner = arr->owner;
    if (owner == NULL && arr->data == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "returned an array variable that was never assigned");
        return NULL;
    }
    if (owner && PyObject_TypeCheck(owner, ARRAY_TYPE)) {
        aot_ndarray *a = (aot_ndarray *)owner;
        int same = a->data == arr->data && a->nd == ndim && same_kind(a->descr->type_num, typenum);
        for (int i = 0; same && i < ndim; i++)
            same = a->dimensions[i] == arr->dims[i] && a->strides[i] == arr->dims[ndim + i];
        if (same)
            return owner;
    }
    aot_descr *descr = DESCR_FROM_TYPE(typenum);
    if (descr == NULL)
        return NULL;
    Py_ssize_t dims[32], strides[32];
    for (int i = 0; i < ndim; i++) {
        dims[i] = (Py_ssize_t)arr->dims[i];
        strides[i] = (Py_ssize_t)arr->dims[ndim + i];
    }
    /* a view of a read-only array stays read-only, as NumPy's slicing keeps it */
    int flags = NPY_WRITEABLE;
    if (owner && PyObject_TypeCheck(owner, ARRAY_TYPE) && !(((aot_ndarray *)owner)->flags & NPY_WRITEABLE))
        flags = 0;
    PyObject *view = NEW_FROM_DESCR(ARRAY_TYPE, descr, ndim, dims, strides, arr->data, flags, NULL);
    if (view == NULL) {
        Py_XDECREF(owner);
        return NULL;
    }
    if (owner && SET_BASE(view, owner) < 0) {
        Py_DECREF(view);
        return NULL;
    }
    return view;
}

/* ---- small boxing helpers ---- */
HIDDEN PyObject *aot_rt_box_bool(int v)
{
    return PyBool_FromLong(v);
}

HIDDEN PyObject *aot_rt_box_none(void)
{
    Py_RETURN_NONE;
}

/* A tuple of boxed items, stealing them; NULL (and every item released) if any is NULL. */
HIDDEN PyObject *aot_rt_pack_tuple(int n, PyObject **items)
{
    int ok = 1;
    for (int i = 0; i < n; i++)
        ok &= items[i] != NULL;
    PyObject *tuple = ok ? PyTuple_New(n) : NULL;
    for (int i = 0; i < n; i++) {
        if (tuple)
            PyTuple_SetItem(tuple, i, items[i]);
        else if (items[i])
            Py_DECREF(items[i]);
    }
    return tuple;
}

HIDDEN void aot_rt_incref(PyObject *o)
{
    Py_XINCREF(o);
}

HIDDEN void aot_rt_decref(PyObject *o)
{
    Py_XDECREF(o);
}

/* An argument as a dispatch failure shows it: an array's dtype and dimensions (the
   things signatures differ in), other objects by their type's name. */
static PyObject *arg_description(PyObject *o)
{
    if (PyObject_TypeCheck(o, ARRAY_TYPE)) {
        aot_ndarray *a = (aot_ndarray *)o;
        PyObject *dtype = PyObject_GetAttrString(o, "dtype");
        PyObject *text = dtype ? PyObject_Str(dtype) : NULL;
        Py_XDECREF(dtype);
        if (text) {
            PyObject *desc = PyUnicode_FromFormat("ndarray(%U, %d-d)", text, a->nd);
            Py_DECREF(text);
            return desc;
        }
        PyErr_Clear();
    }
    return type_name(o);
}

/* ---- keywords, defaults, tuple and None arguments, dispatch ---- */
#include "aot_args.h"

/* ---- further parts of the runtime, each in its own file ---- */
#include "numpy_call.c"
#include "sort.c"
#include "aot_containers.c"
#include "aot_strings.c"
#include "reshape.c"
#include "random.c"
#include "aot_pool.c"
#include "aot_pool_shared.c"
#include "cpu_features.c"
