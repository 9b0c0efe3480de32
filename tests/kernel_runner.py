"""Differential runner for the kernel corpus in tests/kernels/.

A kernel file is an ordinary numba.pycc-style source (one `CC` object, one or
more `@cc.export(name, signature)` functions) plus a module-level dict that says
how to call each export:

    TESTS = {
        'centdiff': '[n]-10:10 0.5:2 n=3:30',
        'gcd':      '-1000:1000 -1000:1000',
        'matmul':   '[n,k] [k,m] n=1:6 k=0:6 m=1:6 rtol=1e-12',
        'ipow':     '-5:5 -3:3 ref=ipow_numba',
    }

The spec is whitespace-separated: one token per argument, in order, then options.

Argument tokens (the dtype always comes from the export's signature):
    lo:hi          scalar in [lo, hi] (ints inclusive; complex: each component)
    *              scalar or elements over the dtype's default range
    lo:hi+nan      floats: also nan, inf and -inf
    [n]lo:hi       1-D array, length drawn from dimension `n`, elements in [lo, hi]
    [n,3]          2-D array with a literal dimension; `[n,m,k]` is 3-D
    (tok,tok,...)  a tuple (UniTuple/Tuple arguments) of the item tokens, no spaces:
                   `(-5:5,-5:5,-5:5)`, nested `(0:9,(1:3,1:3))`, arrays `([n]-1:1,0:5)`
                   (C arrays, not compared after the call)
    tok?           an optional(...) argument: None or a value drawn by `tok`
    None           a `none` argument
    str            a str (unicode_type) of 0 to 12 characters from 'ab c,1é'
    str:ALPHABET   the same from ALPHABET's characters ('_' stands for a space)
A list argument (`ListType(f8)`, `reflected list(int64)`) takes a 1-D token such as
`[n]-5:5` and gets a Python list.
Options (NAME=VALUE):
    n=lo:hi        range of dimension `n` (shared by every argument that names it;
                   default 0:8)
    rtol=, atol=   float tolerances (defaults 1e-9/1e-12, 2e-5/1e-6 with f4/c8)
    ref=NAME       compare against the plain-Python function NAME in the same file
                   instead of the export itself: used where numba's semantics differ
                   from CPython's (integer wraparound, `**` with negative integer
                   exponents, round(x, n)); such exports say so in a comment, and
                   tests/test_kernels_numba.py checks numba agrees with NAME
    examples=N     hypothesis examples for this export (default from
                   $AOT_KERNEL_EXAMPLES, else 30: with ~800 exports that keeps the
                   full run within CI's time; AOT_KERNEL_EXAMPLES=200 for more)

Array layouts follow the signature: `f8[::1]` gets C arrays, `f8[::1, :]` F
arrays, and `f8[:]` / `f8[:, :]` (any layout) get C, F or non-contiguous views.

The reference is the file executed by CPython with a fake `CC` whose `export`
returns the function unchanged and a fake `numba` whose `njit`/`jit` return the
function unchanged (`load_kernel`); the file never needs numba to run.
Reference calls run under `np.errstate(divide='raise', invalid='raise')` so that a
division by zero on NumPy scalars raises like numba's ZeroDivisionError does.
"""

from __future__ import annotations

import builtins
import math
import os
import pickle
import re
import select
import struct
import subprocess
import sys
import types as pytypes
from dataclasses import dataclass, field

import numpy as np

import _kernel_worker

HERE = os.path.dirname(os.path.abspath(__file__))
KERNEL_DIR = os.path.join(HERE, "kernels")
DEFAULT_EXAMPLES = int(os.environ.get("AOT_KERNEL_EXAMPLES", "30"))
CALL_TIMEOUT = 30.0


# --------------------------------------------------------------------------- types

DTYPES = {
    "f8": "float64", "float64": "float64", "double": "float64",
    "f4": "float32", "float32": "float32", "float": "float32",
    "i1": "int8", "int8": "int8", "i2": "int16", "int16": "int16",
    "i4": "int32", "int32": "int32", "i8": "int64", "int64": "int64",
    "intp": "int64", "intc": "int32",
    "u1": "uint8", "uint8": "uint8", "u2": "uint16", "uint16": "uint16",
    "u4": "uint32", "uint32": "uint32", "u8": "uint64", "uint64": "uint64",
    "uintp": "uint64", "uintc": "uint32",
    "b1": "bool", "boolean": "bool", "bool_": "bool",
    "c8": "complex64", "complex64": "complex64",
    "c16": "complex128", "complex128": "complex128",
}


@dataclass(frozen=True)
class Scalar:
    dtype: np.dtype


@dataclass(frozen=True)
class Array:
    dtype: np.dtype
    ndim: int
    layout: str          # "C", "F" or "A"


@dataclass(frozen=True)
class TupleT:
    items: tuple


@dataclass(frozen=True)
class ObjT:
    kind: str            # "str", "list", "dict", "set"
    item: object = None


@dataclass(frozen=True)
class OptionalT:
    inner: object


@dataclass(frozen=True)
class Signature:
    ret: object          # Scalar | Array | TupleT | None (void) | "infer"
    args: tuple


_TOKEN = re.compile(r"\s*(?:(\d+)|([A-Za-z_][A-Za-z_0-9]*)|(::1|::|:)|(.))")


def _tokens(text):
    pos, out = 0, []
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        num, name, colon, ch = m.groups()
        if num is not None:
            out.append(("num", int(num)))
        elif name is not None:
            out.append(("name", name))
        elif colon is not None:
            out.append(("colon", colon))
        elif ch is not None and not ch.isspace():
            out.append(("ch", ch))
    return out


class _SigParser:
    def __init__(self, text):
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, kind=None, value=None):
        tok = self.peek()
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise ValueError(f"bad signature {self.text!r}: expected {value or kind} at {tok}")
        self.i += 1
        return tok

    def type_(self):
        kind, name = self.take("name")
        if name in ("UniTuple",):
            self.take("ch", "(")
            item = self.type_()
            self.take("ch", ",")
            n = self.take("num")[1]
            self.take("ch", ")")
            return TupleT((item,) * n)
        if name == "Tuple":
            self.take("ch", "(")
            self.take("ch", "(")
            items = [self.type_()]
            while self.peek() == ("ch", ","):
                self.take()
                if self.peek() == ("ch", ")"):
                    break
                items.append(self.type_())
            self.take("ch", ")")
            self.take("ch", ")")
            return TupleT(tuple(items))
        if name in ("optional", "Optional"):
            self.take("ch", "(")
            inner = self.type_()
            self.take("ch", ")")
            return OptionalT(inner)
        if name in ("void", "none"):
            return None
        if name in ("unicode_type", "string"):
            return ObjT("str")
        if name in ("ListType", "List", "reflected"):
            if name == "reflected":
                self.take("name", "list")
            self.take("ch", "(")
            item = self.type_()
            self.take("ch", ")")
            return ObjT("list", item)
        if name == "DictType":
            self.take("ch", "(")
            key = self.type_()
            self.take("ch", ",")
            value = self.type_()
            self.take("ch", ")")
            return ObjT("dict", (key, value))
        if name.startswith("types") and self.peek() == ("ch", "."):
            self.take()
            return self.type_()
        if name not in DTYPES:
            raise ValueError(f"bad signature {self.text!r}: unknown type {name!r}")
        dt = np.dtype(DTYPES[name])
        if self.peek() != ("ch", "["):
            return Scalar(dt)
        self.take()
        dims = []
        while True:
            dims.append(self.take("colon")[1])
            if self.peek() == ("ch", ","):
                self.take()
                continue
            self.take("ch", "]")
            break
        layout = "A"
        if dims[-1] == "::1":
            layout = "C"
        elif dims[0] == "::1" and len(dims) > 1:
            layout = "F"
        return Array(dt, len(dims), layout)

    def signature(self):
        ret = self.type_()
        self.take("ch", "(")
        args = []
        while self.peek() != ("ch", ")"):
            args.append(self.type_())
            if self.peek() == ("ch", ","):
                self.take()
        self.take("ch", ")")
        return Signature(ret, tuple(args))


def parse_signature(sig) -> Signature:
    """Signature from a numba type string, or from the fake type objects of `FakeNumba`."""
    if isinstance(sig, tuple):                         # (float32, float32): return inferred
        return Signature("infer", tuple(_SigParser(str(t)).type_() for t in sig))
    return _SigParser(str(sig)).signature()


# ------------------------------------------------------------ fake CC and fake numba

class FakeCC:
    """Stands in for numba.pycc.CC / aot_tool.CC: records exports, compiles nothing."""

    registry: list = []

    def __init__(self, name, source_module=None):
        self.name = name
        self.exports = {}            # export name -> (function, signature object)
        self.verbose = False
        self.output_dir = None
        self.target_cpu = None
        FakeCC.registry.append(self)

    def export(self, name, sig):
        def deco(func):
            self.exports[name] = (func, sig)
            return func
        return deco

    def compile(self):
        raise RuntimeError("the reference run never compiles")


class _FakeType:
    """A numba type object as written in signatures: `float64`, `float64[:]`, `f8(f8)`."""

    def __init__(self, text):
        self.text = text

    def __getitem__(self, key):
        keys = key if isinstance(key, tuple) else (key,)
        parts = []
        for k in keys:
            if not isinstance(k, slice):
                raise TypeError("array types use slices")
            parts.append("::1" if k.step == 1 else ":")
        return _FakeType(f"{self.text}[{', '.join(parts)}]")

    def __call__(self, *args):
        return _FakeType(f"{self.text}({', '.join(str(a) for a in args)})")

    def __str__(self):
        return self.text

    __repr__ = __str__


def _identity_decorator(*args, **kwargs):
    """njit / jit / njit(sig) / njit(cache=True) / jit(nopython=True): all return f."""
    if len(args) == 1 and callable(args[0]) and not isinstance(args[0], (str, _FakeType)) and not kwargs:
        return args[0]
    return lambda f: f


def _fake_numba():
    numba = pytypes.ModuleType("numba")
    numba.njit = numba.jit = _identity_decorator
    numba.prange = range                  # the reference runs prange loops serially
    tmod = pytypes.ModuleType("numba.types")
    for name in list(DTYPES) + ["void", "none"]:
        setattr(tmod, name, _FakeType(name))
        setattr(numba, name, _FakeType(name))
    tmod.UniTuple = lambda t, n: _FakeType(f"UniTuple({t}, {n})")
    tmod.Tuple = lambda ts: _FakeType(f"Tuple(({', '.join(map(str, ts))},))")
    tmod.optional = numba.optional = lambda t: _FakeType(f"optional({t})")
    tmod.unicode_type = _FakeType("unicode_type")
    tmod.ListType = lambda t: _FakeType(f"ListType({t})")
    tmod.DictType = lambda k, v: _FakeType(f"DictType({k}, {v})")
    typed = pytypes.ModuleType("numba.typed")   # numba's typed containers behave as list and dict
    typed.List = lambda iterable=(): list(iterable)
    typed.List.empty_list = lambda item_type=None: []
    typed.Dict = lambda: {}
    typed.Dict.empty = lambda key_type=None, value_type=None: {}
    numba.typed = typed
    numba.types = tmod
    pycc = pytypes.ModuleType("numba.pycc")
    pycc.CC = FakeCC
    numba.pycc = pycc
    return {"numba": numba, "numba.types": tmod, "numba.pycc": pycc, "numba.typed": typed,
            "numba.core.types": tmod}


def _fake_aot_tool():
    aot = pytypes.ModuleType("aot_tool")
    aot.CC = FakeCC
    return {"aot_tool": aot}


@dataclass
class Export:
    module: str          # CC name
    name: str
    func: object
    sig_obj: object      # as written: a string, or (fake or real) numba type objects
    sig: Signature
    spec: "Spec"
    reference: object    # function that defines the expected behaviour


@dataclass
class Kernel:
    path: str
    namespace: dict
    modules: list        # CC names
    exports: dict        # export name -> Export
    tests: dict = field(default_factory=dict)
    helper_namespaces: list = field(default_factory=list)   # imported helper files

    @property
    def stem(self):
        return os.path.splitext(os.path.basename(self.path))[0]


def load_kernel(path, real_numba=False) -> Kernel:
    """Execute a kernel file under CPython with a fake CC (and a fake numba unless
    `real_numba`); return its exports with parsed signatures and specs."""
    fakes = dict(_fake_aot_tool())
    fake_numba = _fake_numba()
    if real_numba:
        fakes["numba.pycc"] = fake_numba["numba.pycc"]
    else:
        fakes.update(fake_numba)
        with open(path) as f:
            if "random" in f.read():     # seeded streams: np.random as RandomState, see random_reference
                import random_reference
                fakes.update(random_reference.fakes())
    real_import = builtins.__import__
    helpers = {}                     # plain-Python helper files next to the kernel
    here = os.path.dirname(os.path.abspath(path))

    def helper_module(name):
        if name not in helpers:
            hpath = os.path.join(here, name.replace(".", os.sep) + ".py")
            hname = ("nbhelper_" if real_numba else "helper_") + name
            mod = pytypes.ModuleType(hname)
            sys.modules[hname] = mod
            mod.__dict__.update({"__file__": hpath, "__builtins__": bdict})
            with open(hpath) as f:
                exec(compile(f.read(), hpath, "exec"), mod.__dict__)
            helpers[name] = mod
        return helpers[name]

    def hooked_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name and (level > 0 or os.path.exists(os.path.join(here, name.replace(".", os.sep) + ".py"))):
            return helper_module(name)      # `from ._helpers import f` / `from _helpers import f`
        if level == 0 and name in fakes:
            if fromlist:
                return fakes[name]
            return fakes.get(name.split(".")[0]) or real_import(name, globals, locals, fromlist, level)
        if level == 0 and name.split(".")[0] in fakes and not real_numba:
            return fakes[name.split(".")[0]]
        return real_import(name, globals, locals, fromlist, level)

    bdict = dict(builtins.__dict__)
    bdict["__import__"] = hooked_import
    modname = ("nbkernel_" if real_numba else "kernel_") + os.path.splitext(os.path.basename(path))[0]
    module = pytypes.ModuleType(modname)        # a real module: numba resolves globals
    sys.modules[modname] = module               # (and recursion) through sys.modules
    ns = module.__dict__
    ns.update({"__file__": path, "__builtins__": bdict})
    with open(path) as f:
        code = compile(f.read(), path, "exec")
    FakeCC.registry = []
    exec(code, ns)
    ccs = list(FakeCC.registry)
    tests = ns.get("TESTS", {})
    exports = {}
    for cc in ccs:
        for ename, (func, sig) in cc.exports.items():
            if ename in exports:
                raise ValueError(f"{path}: export {ename!r} appears in two CC objects")
            spec_text = tests.get(ename)
            if spec_text is None:
                raise ValueError(f"{path}: export {ename!r} has no TESTS entry")
            if real_numba and not isinstance(sig, str):   # real numba type objects
                exports[ename] = Export(cc.name, ename, func, sig, None, None, None)
                continue
            psig = parse_signature(sig)
            spec = parse_spec(spec_text, psig)
            ref = ns[spec.ref] if spec.ref else func
            exports[ename] = Export(cc.name, ename, func, sig, psig, spec, ref)
    extra = set(tests) - set(exports)
    if extra:
        raise ValueError(f"{path}: TESTS names unknown exports {sorted(extra)}")
    return Kernel(path, ns, [cc.name for cc in ccs], exports, tests,
                  [m.__dict__ for m in helpers.values()])


def discover():
    return sorted(os.path.join(KERNEL_DIR, f) for f in os.listdir(KERNEL_DIR)
                  if f.endswith(".py") and not f.startswith("_"))


# --------------------------------------------------------------------------- specs

@dataclass
class ArgSpec:
    shape: tuple | None          # None for scalars; items are ints or dimension names
    lo: float | None
    hi: float | None
    specials: bool = False
    items: list | None = None    # a tuple's item specs
    optional: bool = False       # `tok?`: None or a value
    none: bool = False           # `None`
    alphabet: str | None = None  # str arguments: the characters drawn from


@dataclass
class Spec:
    args: list
    dims: dict
    rtol: float
    atol: float
    ref: str | None
    examples: int


_ARG = re.compile(r"^(?:\[(?P<shape>[^\]]*)\])?(?P<range>\*|(?P<lo>-?[0-9.eE+-]+):(?P<hi>-?[0-9.eE+-]+?))?(?P<nan>\+nan)?$")


def parse_spec(text, sig: Signature) -> Spec:
    args, dims = [], {}
    low_precision = any(_low_precision(t) for t in sig.args) or _low_precision(sig.ret)
    rtol, atol = (2e-5, 1e-6) if low_precision else (1e-9, 1e-12)
    ref, examples = None, DEFAULT_EXAMPLES
    for tok in text.split():
        if "=" in tok:
            key, val = tok.split("=", 1)
            if key == "rtol":
                rtol = float(val)
            elif key == "atol":
                atol = float(val)
            elif key == "ref":
                ref = val
            elif key == "examples":
                examples = min(examples, int(val)) if "AOT_KERNEL_EXAMPLES" in os.environ else int(val)
            elif re.fullmatch(r"[A-Za-z_]\w*", key):
                lo, hi = val.split(":")
                dims[key] = (int(lo), int(hi))
            else:
                raise ValueError(f"bad option {tok!r} in spec {text!r}")
            continue
        args.append(_arg_token(tok, text))
    if len(args) != len(sig.args):
        raise ValueError(f"spec {text!r} has {len(args)} arguments, signature has {len(sig.args)}")
    for a in args:                     # dimensions named by arrays inside tuples
        stack = list(a.items or ())
        while stack:
            item = stack.pop()
            stack += item.items or []
            for d in item.shape or ():
                if isinstance(d, str):
                    dims.setdefault(d, (0, 8))
    for a, t in zip(args, sig.args):
        if isinstance(t, ObjT):
            if (t.kind == "str") != (a.alphabet is not None) or \
                    (t.kind == "list" and (a.shape is None or len(a.shape) != 1)):
                raise ValueError(f"spec {text!r}: a {t.kind} argument needs a `str` or `[n]lo:hi` token")
            for d in a.shape or ():
                if isinstance(d, str):
                    dims.setdefault(d, (0, 8))
        elif isinstance(t, Array):
            if a.shape is None or len(a.shape) != t.ndim:
                raise ValueError(f"spec {text!r}: argument needs a {t.ndim}-D shape like [n]")
            for d in a.shape:
                if isinstance(d, str):
                    dims.setdefault(d, (0, 8))
        elif a.shape is not None:
            raise ValueError(f"spec {text!r}: scalar argument given a shape")
    return Spec(args, dims, rtol, atol, ref, examples)


def _arg_token(tok, text):
    if tok == "None":
        return ArgSpec(None, None, None, none=True)
    if tok.endswith("?"):
        inner = _arg_token(tok[:-1], text)
        inner.optional = True
        return inner
    if tok == "str" or tok.startswith("str:"):
        return ArgSpec(None, None, None, alphabet=(tok[4:] or "ab c,1é").replace("_", " "))
    if tok.startswith("(") and tok.endswith(")"):
        parts, depth, start = [], 0, 1
        for i, ch in enumerate(tok[1:-1], 1):
            depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(ch, 0)
            if ch == "," and depth == 0:
                parts.append(tok[start:i])
                start = i + 1
        parts.append(tok[start:-1])
        return ArgSpec(None, None, None, items=[_arg_token(p, text) for p in parts if p])
    m = _ARG.match(tok)
    if not m:
        raise ValueError(f"bad argument token {tok!r} in spec {text!r}")
    shape = None
    if m.group("shape") is not None:
        shape = tuple(int(d) if d.strip().isdigit() else d.strip()
                      for d in m.group("shape").split(","))
    lo = hi = None
    if m.group("lo") is not None:
        lo, hi = float(m.group("lo")), float(m.group("hi"))
    return ArgSpec(shape, lo, hi, bool(m.group("nan")))


def _low_precision(t):
    if isinstance(t, OptionalT):
        return _low_precision(t.inner)
    if isinstance(t, (Scalar, Array)):
        return t.dtype in (np.dtype("float32"), np.dtype("complex64"))
    if isinstance(t, TupleT):
        return any(_low_precision(i) for i in t.items)
    return False


def _element_strategy(st, dtype, a: ArgSpec):
    kind = dtype.kind
    if kind == "b":
        return st.booleans()
    if kind in "iu":
        info = np.iinfo(dtype)
        lo = int(a.lo) if a.lo is not None else (0 if kind == "u" else -100)
        hi = int(a.hi) if a.hi is not None else 100
        lo, hi = max(lo, int(info.min)), min(hi, int(info.max))
        return st.integers(lo, hi)
    lo = a.lo if a.lo is not None else (-10.0 if kind == "c" else -100.0)
    hi = a.hi if a.hi is not None else (10.0 if kind == "c" else 100.0)
    width = 32 if dtype in (np.dtype("float32"), np.dtype("complex64")) else 64
    fl = st.floats(lo, hi, width=width, allow_subnormal=False)
    if a.specials:
        fl = st.one_of(fl, st.sampled_from([math.nan, math.inf, -math.inf]))
    if kind == "c":
        return st.builds(complex, fl, fl)
    return fl


def _py_scalar(dtype, v):
    if dtype.kind == "b":
        return bool(v)
    if dtype.kind in "iu":
        return int(v)
    if dtype.kind == "c":
        return complex(v)
    return float(v)


def _value_strategy(st, t, a: ArgSpec, dims):
    """Scalars, tuples of them (arrays inside tuples are C arrays), optionals and None,
    passed to the call as they are."""
    if t is None:
        return st.none()
    if isinstance(t, OptionalT):
        return st.one_of(st.none(), _value_strategy(st, t.inner, a, dims))
    if isinstance(t, TupleT):
        if a.items is None or len(a.items) != len(t.items):
            raise ValueError(f"a {len(t.items)}-tuple argument needs a token like ({','.join(['*'] * len(t.items))})")
        return st.tuples(*[_value_strategy(st, it, ia, dims) for it, ia in zip(t.items, a.items)])
    if isinstance(t, Array):
        from hypothesis.extra import numpy as hnp
        shape = tuple(dims[d] if isinstance(d, str) else d for d in a.shape)
        return hnp.arrays(t.dtype, shape, elements=_element_strategy(st, t.dtype, a))
    return _element_strategy(st, t.dtype, a).map(lambda v: _py_scalar(t.dtype, v))


def strategy(export: Export, corner=None):
    """A hypothesis strategy for one call's argument description (see _kernel_worker).
    `corner` (from `corners`) pins the dimensions and the layout of any-layout arrays."""
    from hypothesis import strategies as st
    from hypothesis.extra import numpy as hnp

    spec, sig = export.spec, export.sig

    @st.composite
    def draw_args(draw):
        if corner is not None:
            dims = dict(corner[0])
        else:
            dims = {name: draw(st.integers(lo, hi)) for name, (lo, hi) in sorted(spec.dims.items())}
        out = []
        for a, t in zip(spec.args, sig.args):
            if t is None or isinstance(t, (OptionalT, TupleT)):
                out.append(("s", draw(_value_strategy(st, t, a, dims))))
                continue
            if isinstance(t, ObjT) and t.kind == "str":
                out.append(("s", draw(st.text(alphabet=a.alphabet, max_size=12))))
                continue
            if isinstance(t, ObjT):
                length = dims[a.shape[0]] if isinstance(a.shape[0], str) else a.shape[0]
                if isinstance(t.item, ObjT):
                    values = [draw(st.text(alphabet="abc", max_size=4)) for _ in range(length)]
                else:
                    elems = _element_strategy(st, t.item.dtype, a)
                    values = [_py_scalar(t.item.dtype, draw(elems)) for _ in range(length)]
                out.append(("l", values))
                continue
            elems = _element_strategy(st, t.dtype, a)
            if isinstance(t, Scalar):
                out.append(("s", _py_scalar(t.dtype, draw(elems))))
                continue
            shape = tuple(dims[d] if isinstance(d, str) else d for d in a.shape)
            values = draw(hnp.arrays(t.dtype, shape, elements=elems))
            if t.layout == "A":
                layouts = ["C", "S"] + (["F"] if t.ndim > 1 else [])
                if corner is not None:
                    layout = corner[1] if corner[1] in layouts else "C"
                else:
                    layout = draw(st.sampled_from(layouts))
            else:
                layout = t.layout
            out.append(("a", values, layout))
        return out

    return draw_args()


def corners(export: Export):
    """The shapes and layouts a random draw may miss, each tried on its own: every
    dimension at its smallest value (size 0 where the spec allows it), every dimension
    1, and each dimension 1 with the others 3 (broadcasting a size-1 axis against a
    longer one); each with C arrays, non-contiguous views ("S") and F order.  Empty
    for exports without array arguments."""
    spec, sig = export.spec, export.sig
    arrays = [t for t in sig.args if isinstance(t, Array)]
    if not arrays or not spec.dims:
        return []
    names = sorted(spec.dims)

    def clamp(name, v):
        lo, hi = spec.dims[name]
        return min(max(v, lo), hi)

    shapes = [{d: spec.dims[d][0] for d in names}, {d: clamp(d, 1) for d in names}]
    if len(names) > 1:
        shapes += [{d: clamp(d, 1 if d == one else 3) for d in names} for one in names]
    layouts = ["C"]
    if any(t.layout == "A" for t in arrays):
        layouts.append("S")
        if any(t.layout == "A" and t.ndim > 1 for t in arrays):
            layouts.append("F")
    out = []
    for dims in shapes:
        for layout in layouts:
            key = (tuple(sorted(dims.items())), layout)
            if key not in out:
                out.append(key)
    return out


# --------------------------------------------------------------------- reference run

@dataclass
class Outcome:
    raised: str | None            # exception type name, or None
    message: str
    value: object
    arrays: list                  # array arguments after the call (None for scalars)


_ZERO_DIV = ("scalar divide", "scalar floor_divide", "scalar remainder", "scalar divmod",
             "scalar true_divide")


def _inside_numpy(exc) -> bool:
    """Whether the division that raised is NumPy's own (np.mean of an empty array
    divides 0 by 0 inside numpy/_core/_methods.py and gives nan, as numba's mean
    does) rather than the kernel's scalar `x / y`."""
    tb = exc.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    return os.path.dirname(np.__file__) in os.path.abspath(tb.tb_frame.f_code.co_filename)


def run_reference(func, argdesc) -> Outcome:
    """Call the plain-Python function the way numba would see it."""
    args = _kernel_worker.materialize(argdesc)
    try:
        with np.errstate(divide="raise", invalid="raise", over="ignore", under="ignore"):
            value = func(*args)
    except FloatingPointError as exc:
        if any(s in str(exc) for s in _ZERO_DIV) and not _inside_numpy(exc):
            return Outcome("ZeroDivisionError", str(exc), None, _kernel_worker.arrays_after(args))
        args = _kernel_worker.materialize(argdesc)        # a ufunc domain warning: numba
        try:                                              # returns nan/inf, so do we
            with np.errstate(all="ignore"):
                value = func(*args)
        except Exception as exc2:
            return Outcome(type(exc2).__name__, str(exc2), None, _kernel_worker.arrays_after(args))
    except Exception as exc:
        return Outcome(type(exc).__name__, str(exc), None, _kernel_worker.arrays_after(args))
    return Outcome(None, "", value, _kernel_worker.arrays_after(args))


def run_inprocess(func, argdesc) -> Outcome:
    """Call a compiled function (numba's dispatcher) in this process."""
    args = _kernel_worker.materialize(argdesc)
    try:
        value = func(*args)
    except Exception as exc:
        return Outcome(type(exc).__name__, str(exc), None, _kernel_worker.arrays_after(args))
    return Outcome(None, "", value, _kernel_worker.arrays_after(args))


# ------------------------------------------------------------------------ comparing

def _close(a, b, rtol, atol):
    if isinstance(a, complex) or isinstance(b, complex):
        a, b = complex(a), complex(b)
        return _close(a.real, b.real, rtol, atol) and _close(a.imag, b.imag, rtol, atol)
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= atol + rtol * abs(b)


def _expected_pytype(t):
    if isinstance(t, Scalar):
        return {"b": bool, "i": int, "u": int, "f": float, "c": complex}[t.dtype.kind]
    return None


def check_type(value, t, where="result"):
    """The compiled result has the Python/NumPy type the signature promises."""
    if t == "infer":
        return None
    if t is None:
        return None if value is None else f"{where}: expected None for a void signature, got {value!r}"
    if isinstance(t, OptionalT):
        return None if value is None else check_type(value, t.inner, where)
    if isinstance(t, Scalar):
        want = _expected_pytype(t)
        if type(value) is not want:
            return f"{where}: signature says {t.dtype}, expected a Python {want.__name__}, got {type(value).__name__} {value!r}"
        return None
    if isinstance(t, Array):
        if not isinstance(value, np.ndarray):
            return f"{where}: expected an ndarray, got {type(value).__name__}"
        if value.dtype != t.dtype or value.ndim != t.ndim:
            return f"{where}: expected {t.dtype} {t.ndim}-D array, got {value.dtype} {value.ndim}-D"
        return None
    if isinstance(t, ObjT):
        want = {"str": str, "list": list, "dict": dict, "set": set}[t.kind]
        return None if type(value) is want else f"{where}: expected a {t.kind}, got {type(value).__name__}"
    if isinstance(t, TupleT):
        if not isinstance(value, tuple) or len(value) != len(t.items):
            return f"{where}: expected a {len(t.items)}-tuple, got {value!r}"
        for i, (v, it) in enumerate(zip(value, t.items)):
            msg = check_type(v, it, f"{where}[{i}]")
            if msg:
                return msg
    return None


def compare_values(expected, got, rtol, atol, where="result"):
    """None if `got` matches `expected`, else a message saying where they differ."""
    if isinstance(expected, np.ndarray) or isinstance(got, np.ndarray):
        if not (isinstance(expected, np.ndarray) and isinstance(got, np.ndarray)):
            return f"{where}: expected {type(expected).__name__}, got {type(got).__name__}"
        if expected.dtype != got.dtype:
            return f"{where}: dtype {got.dtype}, expected {expected.dtype}"
        if expected.shape != got.shape:
            return f"{where}: shape {got.shape}, expected {expected.shape}"
        if expected.dtype.kind in "fc":
            ok = np.allclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
        else:
            ok = np.array_equal(got, expected)
        if not ok:
            bad = np.argwhere(~np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
                              if expected.dtype.kind in "fc" else got != expected)
            idx = tuple(bad[0]) if len(bad) else ()
            return (f"{where}: values differ ({len(bad)} of {expected.size}), first at {idx}: "
                    f"got {got[idx]!r}, expected {expected[idx]!r}")
        return None
    if isinstance(expected, (dict, set, str)) or isinstance(got, (dict, set, str)):
        if type(expected) is not type(got):
            return f"{where}: got {got!r}, expected {expected!r}"
        if isinstance(expected, dict):
            if list(expected) != list(got):
                return f"{where}: keys {list(got)!r}, expected {list(expected)!r}"
            return compare_values(list(expected.values()), list(got.values()), rtol, atol, f"{where}.values()")
        return None if expected == got else f"{where}: got {got!r}, expected {expected!r}"
    if isinstance(expected, (tuple, list)) or isinstance(got, (tuple, list)):
        same_kind = isinstance(expected, tuple) == isinstance(got, tuple) and \
            isinstance(expected, list) == isinstance(got, list)
        if not same_kind or len(expected) != len(got):
            return f"{where}: got {got!r}, expected {expected!r}"
        for i, (e, g) in enumerate(zip(expected, got)):
            msg = compare_values(e, g, rtol, atol, f"{where}[{i}]")
            if msg:
                return msg
        return None
    if expected is None or got is None:
        return None if expected is got else f"{where}: got {got!r}, expected {expected!r}"
    if isinstance(expected, (bool, np.bool_)) or isinstance(got, (bool, np.bool_)):
        return None if bool(expected) == bool(got) and not (
            isinstance(expected, (float, np.floating)) or isinstance(got, (float, np.floating))
        ) else f"{where}: got {got!r}, expected {expected!r}"
    if isinstance(expected, (int, np.integer)) and isinstance(got, (int, np.integer)):
        return None if int(expected) == int(got) else f"{where}: got {got!r}, expected {expected!r}"
    try:
        ok = _close(got, expected, rtol, atol)
    except TypeError:
        ok = False
    return None if ok else f"{where}: got {got!r}, expected {expected!r}"


def _exception_class(name):
    if not name:
        return None
    return getattr(builtins, name, None) or {"LinAlgError": np.linalg.LinAlgError,
                                              "AxisError": getattr(np, "exceptions", np).AxisError}.get(name)


def _catches(expected_name, got_name) -> bool:
    """Whether `except <expected>` catches <got>: numba raises LinAlgError (a ValueError)
    where NumPy raises ValueError, for example."""
    expected, got = _exception_class(expected_name), _exception_class(got_name)
    return expected is not None and got is not None and issubclass(got, expected)


def compare(expected: Outcome, got: Outcome, export: Export, check_types=True, any_exception=False):
    """None if the compiled outcome matches the reference outcome, else a message.
    `any_exception`: both raising is agreement, whatever the two exceptions are."""
    if expected.raised or got.raised:
        if any_exception and expected.raised and got.raised:
            return None
        if expected.raised != got.raised and not _catches(expected.raised, got.raised):
            return (f"exception mismatch: compiled {got.raised or 'returned'} "
                    f"{got.message or got.value!r}, reference {expected.raised or 'returned'} "
                    f"{expected.message or expected.value!r}")
        return None
    if check_types:
        msg = check_type(got.value, export.sig.ret)
        if msg:
            return msg
    msg = compare_values(expected.value, got.value, export.spec.rtol, export.spec.atol)
    if msg:
        return msg
    for i, (e, g) in enumerate(zip(expected.arrays, got.arrays)):
        if e is not None:
            msg = compare_values(e, g, export.spec.rtol, export.spec.atol, f"argument {i} after the call")
            if msg:
                return msg
    return None


def describe(argdesc):
    parts = []
    for item in argdesc:
        if item[0] in ("s", "l"):
            parts.append(repr(item[1]))
        else:
            parts.append(f"np.array({item[1].tolist()!r}, dtype={str(item[1].dtype)!r})"
                         f"  # layout {item[2]}")
    return "(" + ", ".join(parts) + ")"


# ---------------------------------------------------------------------- the worker

class WorkerCrashed(Exception):
    pass


class Worker:
    """A child Python that imports compiled modules with only NumPy available."""

    def __init__(self, build_dirs):
        self.build_dirs = list(build_dirs)
        self.proc = None
        self.cwd = self.build_dirs[0]

    def _start(self):
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "_kernel_worker.py"), *self.build_dirs],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=self.cwd, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})

    def request(self, msg, timeout=CALL_TIMEOUT):
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        data = pickle.dumps(msg, protocol=4)
        try:
            self.proc.stdin.write(struct.pack("<I", len(data)) + data)
            self.proc.stdin.flush()
            head = self._read_exact(4, timeout)
            (n,) = struct.unpack("<I", head)
            return pickle.loads(self._read_exact(n, timeout))
        except (BrokenPipeError, EOFError, TimeoutError) as exc:
            self.proc.kill()
            rc = self.proc.wait()
            err = self.proc.stderr.read().decode(errors="replace")[-2000:]
            self.proc = None
            why = "timed out" if isinstance(exc, TimeoutError) else f"died with exit code {rc}"
            raise WorkerCrashed(f"worker {why}\n{err}") from None

    def _read_exact(self, n, timeout):
        buf = b""
        fd = self.proc.stdout.fileno()
        while len(buf) < n:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                raise TimeoutError
            chunk = os.read(fd, n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf

    def call(self, module, export, argdesc) -> Outcome:
        reply = self.request(("call", module, export, argdesc))
        if reply[0] == "ok":
            return Outcome(None, "", reply[1], reply[2])
        return Outcome(reply[1], reply[2], None, reply[3] or [])

    def close(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


# ------------------------------------------------------------------- the whole check

def check_export(export: Export, call, examples=None, check_types=True, any_exception=False,
                 corner_examples=2):
    """Run hypothesis over `export`'s inputs; `call(argdesc) -> Outcome` is the
    implementation under test.  Raises AssertionError with the failing input.
    After the random draw, each of `corners(export)` runs `corner_examples` times."""
    from hypothesis import HealthCheck, given, settings

    def check(strat, count):
        @settings(max_examples=count, deadline=None, database=None,
                  derandomize=os.environ.get("AOT_KERNEL_RANDOM") is None,
                  suppress_health_check=list(HealthCheck), print_blob=False,
                  report_multiple_bugs=False)
        @given(strat)
        def run(argdesc):
            expected = run_reference(export.reference, argdesc)
            try:
                got = call(argdesc)
            except WorkerCrashed as exc:
                raise AssertionError(f"{export.name}{describe(argdesc)}: {exc}") from None
            msg = compare(expected, got, export, check_types, any_exception)
            if msg:
                raise AssertionError(f"{export.name}{describe(argdesc)}: {msg}")

        run()

    check(strategy(export), examples or export.spec.examples)
    if corner_examples:
        for corner in corners(export):
            check(strategy(export, corner), corner_examples)
