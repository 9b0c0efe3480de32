/* Binding and checking the arguments of an exported function: keywords and defaults
 * (Python's own error messages), tuple and None arguments, and the dispatch between
 * the signatures of one exported name.  Included once by aot_runtime.c (the runtime
 * is one compile unit) after the scalar and array unboxing it builds on.
 */

enum { AOT_MAX_PARAMS = 64 };

/* 'x', 'x' and 'y', or 'x', 'y', and 'z': as CPython lists missing arguments. */
static PyObject *quoted_names(const char *const *names, int count)
{
    PyObject *text = PyUnicode_FromString("");
    for (int i = 0; text && i < count; i++) {
        const char *sep = i == 0 ? "" : (count == 2 ? " and " : (i == count - 1 ? ", and " : ", "));
        PyObject *next = PyUnicode_FromFormat("%U%s'%s'", text, sep, names[i]);
        Py_DECREF(text);
        text = next;
    }
    return text;
}

/* Bind positional `args` (nargs) and keyword arguments (`kwnames`, their values after
 * the positional ones) to the n parameters `names`, of which the first `required` have
 * no default.  slots[i] gets a borrowed reference, or NULL for an omitted default.
 * With `quiet`, returns -1 without setting an exception (the dispatcher tries each
 * signature).  The checks and messages follow CPython's for a plain function. */
static int bind(const char *fname, const char *const *names, int n, int required, PyObject *const *args,
                Py_ssize_t nargs, PyObject *kwnames, PyObject **slots, int quiet)
{
    for (int i = 0; i < n; i++)
        slots[i] = i < nargs ? args[i] : NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_Size(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GetItem(kwnames, k);
        int found = -1;
        for (int i = 0; i < n && found < 0; i++)
            if (PyUnicode_CompareWithASCIIString(key, names[i]) == 0)
                found = i;
        if (found < 0) {
            if (!quiet)
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key);
            return -1;
        }
        if (slots[found] != NULL) {
            if (!quiet)
                PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", fname, names[found]);
            return -1;
        }
        slots[found] = args[nargs + k];
    }
    if (nargs > n) {
        if (quiet)
            return -1;
        if (required < n)
            PyErr_Format(PyExc_TypeError, "%s() takes from %d to %d positional arguments but %zd were given",
                         fname, required, n, nargs);
        else
            PyErr_Format(PyExc_TypeError, "%s() takes %d positional argument%s but %zd %s given", fname, n,
                         n == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        return -1;
    }
    const char *missing[AOT_MAX_PARAMS];
    int nmissing = 0;
    for (int i = 0; i < required; i++)
        if (slots[i] == NULL)
            missing[nmissing++] = names[i];
    if (nmissing) {
        if (quiet)
            return -1;
        PyObject *list = quoted_names(missing, nmissing);
        if (list)
            PyErr_Format(PyExc_TypeError, "%s() missing %d required positional argument%s: %U", fname, nmissing,
                         nmissing == 1 ? "" : "s", list);
        Py_XDECREF(list);
        return -1;
    }
    return 0;
}

HIDDEN int aot_rt_bind_args(const char *fname, const char *const *names, int n, int required,
                            PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, PyObject **slots)
{
    return bind(fname, names, n, required, args, nargs, kwnames, slots, 0);
}

/* A tuple of exactly n items (borrowed into items[]); a list or another length is a TypeError. */
HIDDEN int aot_rt_unbox_tuple(PyObject *o, int n, PyObject **items, const char *fname, int index,
                              const char *argname, const char *expected)
{
    if (!PyTuple_Check(o))
        return wrong_type(o, fname, index, argname, expected);
    Py_ssize_t size = PyTuple_Size(o);
    if (size != n) {
        PyErr_Format(PyExc_TypeError, "%s() argument %d ('%s') must be %s, not a tuple of %zd item%s", fname, index,
                     argname, expected, size, size == 1 ? "" : "s");
        return -1;
    }
    for (int i = 0; i < n; i++)
        items[i] = PyTuple_GetItem(o, i);
    return 0;
}

HIDDEN int aot_rt_unbox_none(PyObject *o, const char *fname, int index, const char *argname, const char *expected)
{
    return o == Py_None ? 0 : wrong_type(o, fname, index, argname, expected);
}

/* ---- dispatch between the signatures of one exported name ---- */
/* A signature's descriptor lists its parameters, ';'-separated: a name, ':' (required)
 * or '=' (has a default), and a type code: a scalar code (f8, i4, u1, b1, c16), an
 * array a<layout><ndim><scalar code> (aC1f8), a tuple (code,code,...), an optional
 * ?code, or n for none.  Example: "x:aC1f8;tol=f8;shape=(i8,i8)". */
static int scalar_typenum_n(const char *code, size_t len)
{
    static const struct { const char *code; int num; } table[] = {
        {"b1", 0}, {"i1", 1}, {"u1", 2}, {"i2", 3}, {"u2", 4}, {"i4", 5}, {"u4", 6}, {"i8", 7}, {"u8", 8},
        {"f4", 11}, {"f8", 12}, {"c8", 14}, {"c16", 15}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strlen(table[i].code) == len && strncmp(code, table[i].code, len) == 0)
            return table[i].num;
    return -1;
}

static int scalar_typenum(const char *code)
{
    return scalar_typenum_n(code, strlen(code));
}

static size_t scalar_code_length(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != ',' && p[n] != ')' && p[n] != ';')
        n++;
    return n;
}

/* How well `o` fits the type code at *p (0: not at all, 3: exactly); advances *p past it. */
static int score_code(PyObject *o, const char **p)
{
    const char *d = *p;
    if (d[0] == '?') {
        *p = d + 1;
        if (o == Py_None) {
            const char *skip = *p;
            score_code(Py_None, &skip);   /* only to move past the inner code */
            *p = skip;
            return 3;
        }
        return score_code(o, p);
    }
    if (d[0] == 'n') {
        *p = d + 1;
        return o == Py_None ? 3 : 0;
    }
    if (d[0] == 'U' || d[0] == 'L') {   /* a str; a list (item code after L: not looked at) */
        extern PyTypeObject PyList_Type;
        *p = d + 1 + (d[0] == 'L' ? scalar_code_length(d + 1) : 0);
        if (o == NULL)
            return 0;
        return (d[0] == 'U' ? PyUnicode_Check(o) : Py_TYPE(o) == &PyList_Type) ? 3 : 0;
    }
    if (d[0] == '(') {
        Py_ssize_t size = o != NULL && PyTuple_Check(o) ? PyTuple_Size(o) : -1;
        int worst = 3;
        Py_ssize_t k = 0;
        *p = d + 1;
        while (**p && **p != ')') {
            int sc = k < size ? score_code(PyTuple_GetItem(o, k), p) : (score_code(NULL, p), 0);
            worst = sc < worst ? sc : worst;
            k++;
            if (**p == ',')
                (*p)++;
        }
        if (**p == ')')
            (*p)++;
        return k == size ? worst : 0;
    }
    if (d[0] == 'a') {
        char *code;
        long ndim = strtol(d + 2, &code, 10);
        size_t len = scalar_code_length(code);
        *p = code + len;
        if (o == NULL || !PyObject_TypeCheck(o, ARRAY_TYPE))
            return 0;
        aot_ndarray *a = (aot_ndarray *)o;
        char layout = d[1];
        if (a->nd != ndim || !same_kind(a->descr->type_num, scalar_typenum_n(code, len)))
            return 0;
        if ((layout == 'C' && !(a->flags & NPY_C_CONTIGUOUS)) || (layout == 'F' && !(a->flags & NPY_F_CONTIGUOUS)))
            return 0;
        return 3;
    }
    *p = d + scalar_code_length(d);
    if (o == NULL || o == Py_None)
        return 0;
    char kind = d[0];
    int exact_py = (kind == 'f' && PyFloat_Check(o)) || (kind == 'c' && PyComplex_Check(o)) ||
                   (kind == 'b' && PyBool_Check(o)) || ((kind == 'i' || kind == 'u') && PyLong_Check(o) && !PyBool_Check(o));
    if (exact_py)
        return 3;
    if (is_str_like(o) || PyObject_TypeCheck(o, ARRAY_TYPE) || PyTuple_Check(o))
        return 0;
    int nb_float = has_slot(o, Py_nb_float), nb_index = has_slot(o, Py_nb_index);
    if (kind == 'f' || kind == 'c')
        return (nb_float || nb_index || (kind == 'c' && PyComplex_Check(o))) && !(kind == 'f' && PyComplex_Check(o)) ? 1 : 0;
    if (kind == 'i' || kind == 'u')
        return nb_index && !PyFloat_Check(o) ? 2 : 0;
    return PyLong_Check(o) ? 1 : 0;
}

/* The parameters of a descriptor: names copied into `buf`, codes pointing into `desc`. */
static int parse_params(const char *desc, char *buf, size_t bufsize, const char **names, const char **codes,
                        int *required)
{
    int n = 0;
    size_t used = 0;
    *required = 0;
    const char *p = desc;
    while (*p && n < AOT_MAX_PARAMS) {
        size_t len = strcspn(p, ":=");
        if (used + len + 1 > bufsize || !p[len])
            return -1;
        memcpy(buf + used, p, len);
        buf[used + len] = 0;
        names[n] = buf + used;
        used += len + 1;
        *required += p[len] == ':';
        codes[n] = p + len + 1;
        n++;
        p += len + 1 + strcspn(p + len + 1, ";");
        if (*p == ';')
            p++;
    }
    return n;
}

typedef PyObject *(*wrapper_fn)(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);

static PyObject *no_match(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int count,
                          const char *const *sigs)
{
    Py_ssize_t nkw = kwnames ? PyTuple_Size(kwnames) : 0;
    PyObject *got = PyUnicode_FromString("");
    for (Py_ssize_t i = 0; got && i < nargs + nkw; i++) {
        PyObject *name = arg_description(args[i]);
        PyObject *next = NULL;
        if (name && i < nargs)
            next = PyUnicode_FromFormat("%U%s%U", got, i ? ", " : "", name);
        else if (name)
            next = PyUnicode_FromFormat("%U%s%U=%U", got, i ? ", " : "", PyTuple_GetItem(kwnames, i - nargs), name);
        Py_XDECREF(name);
        Py_DECREF(got);
        got = next;
    }
    PyObject *want = PyUnicode_FromString("");
    for (int s = 0; want && s < count; s++) {
        PyObject *next = PyUnicode_FromFormat("%U%s%s", want, s ? ", " : "", sigs[s]);
        Py_DECREF(want);
        want = next;
    }
    if (got && want)
        PyErr_Format(PyExc_TypeError, "%s(): no signature matches the arguments (%U); expected one of: %U", fname,
                     got, want);
    Py_XDECREF(got);
    Py_XDECREF(want);
    return NULL;
}

HIDDEN PyObject *aot_rt_dispatch(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                 int count, const char *const *descs, const char *const *sigs, wrapper_fn *wrappers,
                                 const char *fname)
{
    int best = -1, best_score = 0, bound_any = 0;
    const char *names[AOT_MAX_PARAMS], *codes[AOT_MAX_PARAMS];
    PyObject *slots[AOT_MAX_PARAMS];
    char buf[2048];
    int n = 0, required = 0;
    for (int s = 0; s < count; s++) {
        n = parse_params(descs[s], buf, sizeof buf, names, codes, &required);
        if (n < 0 || bind(fname, names, n, required, args, nargs, kwnames, slots, 1) < 0)
            continue;
        bound_any = 1;
        int total = 0, ok = 1;
        for (int i = 0; i < n && ok; i++) {
            if (slots[i] == NULL)
                continue;   /* an omitted default fits every signature */
            const char *p = codes[i];
            int sc = score_code(slots[i], &p);
            ok = sc > 0;
            total += sc;
        }
        if (ok && (best < 0 || total > best_score)) {
            best = s;
            best_score = total;
        }
    }
    if (best >= 0)
        return wrappers[best](self, args, nargs, kwnames);
    if (!bound_any && count > 0) {
        /* the signatures share the function's parameters: say what Python would say */
        n = parse_params(descs[0], buf, sizeof buf, names, codes, &required);
        if (n >= 0 && bind(fname, names, n, required, args, nargs, kwnames, slots, 0) < 0)
            return NULL;
    }
    return no_match(fname, args, nargs, kwnames, count, sigs);
}
