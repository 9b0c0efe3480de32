"""How each language type is laid out in LLVM IR.

Booleans are i1 in registers and i8 in memory (array elements); arrays are a struct
{owner PyObject*, data T*, shape [n x i64], strides [n x i64]} whose layout matches the
runtime's `aot_array`; tuples are literal structs; an optional is {i1 present, value}; none is an i8 placeholder.
"""

from __future__ import annotations

from llvmlite import ir

from ..frontend import types as T

i1, i8, i32, i64 = ir.IntType(1), ir.IntType(8), ir.IntType(32), ir.IntType(64)
f32, f64 = ir.FloatType(), ir.DoubleType()
i8p = i8.as_pointer()
pyobj = i8p  # PyObject* is opaque to generated code


def value_type(t) -> ir.Type:
    """The type of a value of `t` in a register."""
    if isinstance(t, T.Scalar):
        if t.kind == "b":
            return i1
        if t.kind in "iu":
            return ir.IntType(t.bits)
        if t.kind == "f":
            return f32 if t.bits == 32 else f64
        part = f32 if t.bits == 64 else f64
        return ir.LiteralStructType([part, part])
    if isinstance(t, T.Array):
        return array_struct(t.dtype, t.ndim)
    if isinstance(t, T.Tuple):
        return ir.LiteralStructType([value_type(x) for x in t.items])
    if isinstance(t, T.Optional):
        return ir.LiteralStructType([i1, value_type(t.inner)])
    if isinstance(t, T.RangeType):
        return ir.LiteralStructType([i64] * 3)      # start, stop, step
    if isinstance(t, T.Zip):
        return ir.LiteralStructType([value_type(x) for x in t.items])
    if isinstance(t, T.Enumerate):
        return ir.LiteralStructType([i64, value_type(t.item)])      # start, iterable
    if isinstance(t, T.Reversed):
        return value_type(t.item)
    if isinstance(t, T.Iterator):
        return ir.LiteralStructType([value_type(t.source), i64])    # iterable, next position
    if isinstance(t, T.Closure):
        return ir.LiteralStructType([value_type(c) for _, c in t.captured])   # what it captured
    if T.is_object(t):
        return pyobj   # lists, dicts, sets, str: a CPython object
    return i8


def memory_type(t: T.Scalar) -> ir.Type:
    """The type of an array element in memory."""
    return i8 if t.kind == "b" else value_type(t)


def array_struct(dtype: T.Scalar, ndim: int) -> ir.Type:
    return ir.LiteralStructType([pyobj, memory_type(dtype).as_pointer(), ir.ArrayType(i64, ndim),
                                 ir.ArrayType(i64, ndim)])


# NumPy type numbers of our scalars (NPY_BOOL ... NPY_CDOUBLE)
TYPENUM = {"b1": 0, "i1": 1, "u1": 2, "i2": 3, "u2": 4, "i4": 5, "u4": 6, "i8": 7, "u8": 8,
           "f4": 11, "f8": 12, "c8": 14, "c16": 15}


def typenum(t: T.Scalar) -> int:
    return TYPENUM[t.short]
