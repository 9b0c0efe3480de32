/* The part of CPython's stable ABI (Python >= 3.11) the runtime uses, declared here so
 * that compiling the runtime needs no Python headers and takes milliseconds rather than
 * the ~100 ms of parsing Python.h.  Only stable-ABI functions and the stable-ABI layouts
 * of PyObject, PyMethodDef and PyModuleDef are used; reference counts change only
 * through Py_IncRef/Py_DecRef, so immortal objects (3.12+) are handled by CPython. */
#ifndef AOT_CPYTHON_ABI_H
#define AOT_CPYTHON_ABI_H
#include <stddef.h>
#include <stdint.h>

typedef intptr_t Py_ssize_t;
typedef struct _typeobject PyTypeObject;
typedef struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
} PyObject;
#define Py_TYPE(o) (((PyObject *)(o))->ob_type)
#define PyObject_HEAD PyObject ob_base;

typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef struct {
    const char *ml_name;
    void *ml_meth;
    int ml_flags;
    const char *ml_doc;
} PyMethodDef;

typedef struct {
    PyObject ob_base;
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

typedef struct {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    void *m_slots;
    void *m_traverse;
    void *m_clear;
    void *m_free;
} PyModuleDef;

typedef struct { double real, imag; } Py_complex;

#define PYTHON_API_VERSION 1013
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_nb_float 11
#define Py_nb_index 13

extern PyObject *PyExc_ZeroDivisionError, *PyExc_IndexError, *PyExc_ValueError, *PyExc_MemoryError,
    *PyExc_OverflowError, *PyExc_AssertionError, *PyExc_TypeError, *PyExc_RuntimeError, *PyExc_ImportError,
    *PyExc_UnboundLocalError, *PyExc_RecursionError, *PyExc_StopIteration, *PyExc_RuntimeWarning;
extern PyTypeObject PyFloat_Type, PyComplex_Type, PyBool_Type, PyByteArray_Type;
extern PyObject _Py_NoneStruct, _Py_TrueStruct, _Py_FalseStruct;

void Py_IncRef(PyObject *);
void Py_DecRef(PyObject *);
unsigned long PyType_GetFlags(PyTypeObject *);
void *PyType_GetSlot(PyTypeObject *, int);
int PyType_IsSubtype(PyTypeObject *, PyTypeObject *);
PyObject *PyModule_Create2(PyModuleDef *, int);
PyObject *PyImport_ImportModule(const char *);
PyObject *PyObject_GetAttrString(PyObject *, const char *);
PyObject *PyObject_Str(PyObject *);
int PyObject_IsTrue(PyObject *);
void *PyCapsule_GetPointer(PyObject *, const char *);
void PyErr_SetString(PyObject *, const char *);
PyObject *PyErr_Format(PyObject *, const char *, ...);
int PyErr_WarnEx(PyObject *, const char *, Py_ssize_t);
PyObject *PyErr_Occurred(void);
void PyErr_Clear(void);
int PyErr_ExceptionMatches(PyObject *);
double PyFloat_AsDouble(PyObject *);
long long PyLong_AsLongLongAndOverflow(PyObject *, int *);
unsigned long long PyLong_AsUnsignedLongLong(PyObject *);
PyObject *PyLong_FromLong(long);
PyObject *PyNumber_Index(PyObject *);
PyObject *PyBool_FromLong(long);
PyObject *PyTuple_New(Py_ssize_t);
int PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *);
Py_ssize_t PyTuple_Size(PyObject *);
PyObject *PyTuple_GetItem(PyObject *, Py_ssize_t);
int PyUnicode_CompareWithASCIIString(PyObject *, const char *);
Py_complex PyComplex_AsCComplex(PyObject *);
const char *PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *);
PyObject *PyUnicode_FromString(const char *);
PyObject *PyUnicode_FromFormat(const char *, ...);
int PyObject_RichCompareBool(PyObject *, PyObject *, int);

#define Py_INCREF(o) Py_IncRef((PyObject *)(o))
#define Py_DECREF(o) Py_DecRef((PyObject *)(o))
#define Py_XINCREF(o) Py_IncRef((PyObject *)(o))
#define Py_XDECREF(o) Py_DecRef((PyObject *)(o))
#define Py_None (&_Py_NoneStruct)
#define Py_True (&_Py_TrueStruct)
#define Py_False (&_Py_FalseStruct)
#define Py_RETURN_NONE return (Py_IncRef(Py_None), Py_None)
#define PyModuleDef_HEAD_INIT {{1, NULL}, NULL, 0, NULL}
#define PyModule_Create(def) PyModule_Create2(def, PYTHON_API_VERSION)
#define PyObject_TypeCheck(o, t) (Py_TYPE(o) == (t) || PyType_IsSubtype(Py_TYPE(o), (t)))
#define PyFloat_Check(o) PyObject_TypeCheck(o, &PyFloat_Type)
#define PyComplex_Check(o) PyObject_TypeCheck(o, &PyComplex_Type)
#define PyBool_Check(o) (Py_TYPE(o) == &PyBool_Type)
#define PyLong_Check(o) ((PyType_GetFlags(Py_TYPE(o)) & Py_TPFLAGS_LONG_SUBCLASS) != 0)
#define PyUnicode_Check(o) ((PyType_GetFlags(Py_TYPE(o)) & Py_TPFLAGS_UNICODE_SUBCLASS) != 0)
#define PyTuple_Check(o) ((PyType_GetFlags(Py_TYPE(o)) & Py_TPFLAGS_TUPLE_SUBCLASS) != 0)
#define PyBytes_Check(o) ((PyType_GetFlags(Py_TYPE(o)) & Py_TPFLAGS_BYTES_SUBCLASS) != 0)
#define PyByteArray_Check(o) PyObject_TypeCheck(o, &PyByteArray_Type)
#define PyUnicode_AsUTF8(o) PyUnicode_AsUTF8AndSize(o, NULL)
#endif
