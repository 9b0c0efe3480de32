"""`.pyi` stubs for built modules: one def per export (with its defaults), @overload where a
name has several. Every route writes one beside the module (the direct build and CLI,
SCons' `AOTModule`, setuptools' build_ext); a result the signature leaves to inference
is typed with the inferred type, so no stub says `-> object`."""

from __future__ import annotations

import ast

from ..frontend import types as T
from ..frontend.source import exported_function
from ..frontend.calls import defaults_of


def _annotation(t) -> str:
    if isinstance(t, T.Array):
        return "numpy.ndarray"
    if isinstance(t, T.Tuple):
        return "tuple[" + ", ".join(_annotation(i) for i in t.items) + "]"
    if isinstance(t, T.Optional):
        return f"{_annotation(t.inner)} | None"
    if isinstance(t, T.NoneType) or t is None:
        return "None"
    if isinstance(t, T.UnicodeType):
        return "str"
    if isinstance(t, (T.ListType, T.SetType)):
        return f"{'list' if isinstance(t, T.ListType) else 'set'}[{_annotation(t.item)}]"
    if isinstance(t, T.DictType):
        return f"dict[{_annotation(t.key)}, {_annotation(t.value)}]"
    return {"f": "float", "i": "int", "u": "int", "b": "bool", "c": "complex"}[t.kind]


def stub_text(source, module: str) -> str:
    spec = source.modules[module]
    lines = [f'"""Stubs for {module}, compiled by aot_tool."""', "", "import numpy",
             "from typing import overload", "",
             "__aot_isa__: str   # the ISA clone of the kernels that runs: baseline, x86-64-v3, x86-64-v4", ""]
    for name, exports in sorted(spec.exports.items()):
        for export in exports:
            _, func = exported_function(source, export)
            defaults = defaults_of(func)
            params = ", ".join(f"{a.arg}: {_annotation(t)}"
                               + (f" = {ast.unparse(defaults[a.arg])}" if a.arg in defaults else "")
                               for a, t in zip(func.args.args, export.signature.args))
            ret = _annotation(_result_type(source, export))
            if len(exports) > 1:
                lines.append("@overload")
            lines.append(f"def {name}({params}) -> {ret}:")
            lines.append(f'    """signature {export.signature_text!r}"""')
            lines.append("")
    from ..frontend.jit_options import thread_controls
    for name, _ in thread_controls(source, spec.exports):   # a module with parallel exports
        lines += [_THREAD_CONTROLS[name], ""]
    return "\n".join(lines)


_THREAD_CONTROLS = {
    "get_num_threads": 'def get_num_threads() -> int:\n    """The threads prange loops started on this thread use."""',
    "set_num_threads": 'def set_num_threads(n: int) -> None:\n    """Use n threads (1 to the pool size) for prange '
                       'loops started on this thread."""',
}


def _result_type(source, export):
    """The declared result type, else the one inference gives (as the build itself does)."""
    if export.signature.ret is not None:
        return export.signature.ret
    from ..frontend.infer import infer_export
    return infer_export(source, export, layout_variant=False).entry.return_type
