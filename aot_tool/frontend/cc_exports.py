"""CC objects and their exports, as discovery (frontend/discovery.py) meets them.

`CC(name)` makes a ModuleSpec; `cc.export(name, sig)` an Exporter; applying an
Exporter to a function (as a decorator or a call, for a function of this file or one
imported from a project file) adds an Export.  Each step checks what numba.pycc
would reject, and says what to write where the source cannot be followed statically.
"""

from __future__ import annotations

import ast
import keyword

from . import static_values as V
from .errors import error_at
from .jit_options import FLAGS, flag_value
from .signatures import SignatureError, parse_signature
from .source import LIBRARY_ROOTS, Export, ModuleSpec, Source


class Registry:
    """Adds what a source's CC calls make to source.modules (and exported inner
    functions to source.functions)."""

    def __init__(self, source: Source):
        self.source = source
        self.undecided: list = []     # the `if`s being read both ways, innermost last

    def _why_twice(self) -> str:
        if not self.undecided:
            return ""
        return (f" (both branches of the `if` on line {self.undecided[-1].lineno} are read, since its "
                "condition is only known when the source runs: decide it with a module-level constant, "
                "as in USE_FAST = True; if USE_FAST:)")

    def create_cc(self, node: ast.Call, args: list, kwargs: dict) -> V.CCObject:
        if node.args:
            name, name_node = args[0], node.args[0]
        else:
            kw = next((k for k in node.keywords if k.arg == "extension_name"), None)
            if kw is None:
                raise error_at(self.source, node, "CC() needs the module name, as in CC('my_module')")
            name, name_node = kwargs["extension_name"], kw.value
        if not isinstance(name, str):
            raise error_at(self.source, name_node, f"cannot follow the module name `{V.describe(name_node)}`: it is "
                                                   "only known when the source runs; write a string literal "
                                                   "(CC('my_module')) or a name bound to one (NAME = 'my_module'; "
                                                   "cc = CC(NAME))")
        if not (name.isidentifier() and name.isascii()) or keyword.iskeyword(name):
            raise error_at(self.source, name_node, f"module name {name!r} must be an ASCII Python identifier that "
                                                   "is not a keyword (an extension's PyInit_ symbol is ASCII)")
        if name in self.source.modules:
            raise error_at(self.source, node, f"a CC named {name!r} is already defined in this file"
                                                + self._why_twice())
        spec = self.source.modules[name] = ModuleSpec(name=name, variable=None)
        return V.CCObject(spec)

    def setting(self, spec: ModuleSpec, attr: str, value, stmt) -> None:
        """`cc.verbose = True` and the like, wherever the CC is."""
        if V.is_constant(value) and not isinstance(value, (tuple, list, dict)):
            if attr == "target_cpu":
                from ..cpu_names import TargetCPUError, check_target_cpu
                try:
                    check_target_cpu(value)   # before LLVM sees it, located at the assignment
                except TargetCPUError as e:
                    raise error_at(self.source, stmt.value, f"cc.target_cpu: {e}") from None
            spec.settings[attr] = value
        elif attr == "target_cpu":
            raise error_at(self.source, stmt.value, f"cannot follow cc.target_cpu: `{V.describe(stmt.value)}` "
                                                    "is only known when the source runs; write a string "
                                                    "literal (cc.target_cpu = 'host') or None, or pass "
                                                    "--target-cpu")
        else:
            # output_dir/output_file/verbose computed at run time matter only to cc.compile(),
            # which reads them from the live object
            spec.settings.pop(attr, None)

    def check_unknown_exporter(self, node: ast.Call, args: list) -> None:
        """`x.export('f', 'f8(f8)')` on an `x` we could not follow: when the arguments are
        an export's, say so rather than build a module without it."""
        if not (self.source.modules and len(args) == 2 and isinstance(args[0], str)
                and args[0].isidentifier() and isinstance(args[1], str)):
            return
        try:
            parse_signature(args[1])
        except SignatureError:
            return
        raise error_at(self.source, node, f"cannot follow which CC `{V.describe(node.func.value)}` is: export "
                                          "through the name the CC was assigned to (cc = CC('m'); "
                                          "cc.export('f', 'f8(f8)')(f)), or a table of literals holding it")

    def make_exporter(self, node: ast.Call, cc: V.CCObject, args: list, kwargs: dict, lookup) -> V.Exporter:
        """`cc.export(name, sig)`; `lookup(name)` says what a name in the signature is bound to."""
        nodes = list(node.args) + [k.value for k in node.keywords if k.arg in ("exported_name", "sig")]
        values = args + [kwargs[k] for k in ("exported_name", "sig") if k in kwargs]
        flags = [k for k in node.keywords if k.arg in FLAGS]   # our extension: cc.export(..., nogil=True)
        if len(nodes) != 2 or len(node.keywords) != len(nodes) - len(node.args) + len(flags):
            raise error_at(self.source, node, "export() takes a name and a signature, as in "
                                              "@cc.export('multf', 'f8(f8, f8)')")
        (name_node, sig_node), (name, sig) = nodes, values
        if name is V.UNKNOWN:
            raise error_at(self.source, name_node, f"cannot follow the exported name `{V.describe(name_node)}`: it "
                                                   "is only known when the source runs; write a string literal "
                                                   "(cc.export('f', 'f8(f8)')) or loop over a literal tuple of names")
        if not (isinstance(name, str) and name.isidentifier()) or keyword.iskeyword(name):
            raise error_at(self.source, name_node, "the exported name must be a string literal that is a "
                                                   "Python identifier and not a keyword (the stub must parse)")
        return V.Exporter(cc, name, self.signature(sig_node, sig, lookup), node,
                          {k.arg: flag_value(self.source, k.value, k.arg) for k in flags})

    def signature(self, node, value, lookup) -> tuple:
        if isinstance(value, str):
            if not value.strip():
                raise error_at(self.source, node, "empty signature")
            try:
                return value, parse_signature(value)
            except SignatureError as e:
                err = error_at(self.source, node, f"malformed signature {value!r}: {e}")
                if isinstance(node, ast.Constant) and node.lineno == node.end_lineno:
                    err.col = node.col_offset + 1 + e.pos
                raise err from None
        # numba's type objects written in place, `(float32, float32)` or `i8(f8[:])`: read as text;
        # a name bound to something else (a loop variable over a list we could not read) is not
        for n in ast.walk(node):
            if isinstance(n, ast.Name):
                bound = lookup(n.id)
                if bound is not V.UNBOUND and not isinstance(bound, V.Alias):
                    raise error_at(self.source, node,
                                   f"cannot follow the signature `{V.describe(node)}`: it is only known when "
                                   "the source runs; write it as a string ('f8(f8)'), a name bound to one, "
                                   "or numba types in place ((float64, float64) or float64(float64))")
        text = ast.unparse(node)
        try:
            sig = parse_signature(text)
        except SignatureError as e:
            raise error_at(self.source, node, f"unsupported signature {text!r}: {e}") from None
        return text, sig

    def register(self, exporter: V.Exporter, node: ast.Call, args: list):
        """`cc.export(name, sig)(target)`: register target, hand it back (stacking works)."""
        if len(args) != 1 or node.keywords:
            raise error_at(self.source, node, "cc.export(name, signature) is applied to one function, as in "
                                              "cc.export('f', 'f8(f8)')(f)")
        target, target_node = args[0], node.args[0]
        if isinstance(target, V.Function):
            self.add_export(exporter, None, target, exporter.node)
            return target
        if isinstance(target, V.Alias) and target.path.split(".")[0] not in LIBRARY_ROOTS and "." in target.path:
            module, _, name = target.path.rpartition(".")
            target = V.Imported(module, 0, name, target_node)
        if isinstance(target, V.Imported):
            home, orig = self.source.resolve_from(target.module, target.level, target.name,
                                                  target.node or target_node)
            if orig not in home.functions:
                raise error_at(self.source, target_node, f"{target.name!r} in {home.display_path} is not a "
                                                         "function (cc.export needs a `def`)")
            self.add_export(exporter, home, V.Function(orig, home.functions[orig], None), exporter.node)
            return target
        raise error_at(self.source, target_node, f"cannot follow which function `{V.describe(target_node)}` is: "
                                                 "export a function defined in this file or imported by name "
                                                 "from a project file (from mypkg.kernels import f; "
                                                 "cc.export('f', 'f8(f8)')(f))")

    def add_export(self, exporter: V.Exporter, home, func: V.Function, node) -> None:
        text, sig = exporter.signature
        fdef = func.node
        export = Export(name=exporter.name, signature_text=text, signature=sig, function=func.key,
                        node=node, home=home, flags=dict(exporter.flags))
        existing = exporter.cc.spec.exports.setdefault(export.name, [])
        for other in existing:
            if other.signature.args == sig.args:
                types = ", ".join(a.name for a in sig.args)
                raise error_at(self.source, node, f"export {export.name!r} already has a signature with "
                                                  f"argument types ({types})" + self._why_twice())
        if len(fdef.args.args) != len(sig.args) or fdef.args.vararg or fdef.args.kwarg or fdef.args.kwonlyargs \
                or fdef.args.posonlyargs:
            raise error_at(self.source, node, f"signature {text!r} has {len(sig.args)} argument(s) but "
                                              f"{fdef.name}() takes {len(fdef.args.args)}")
        if home is None:
            self._check_captures(func, node)
            self.source.functions.setdefault(func.key, fdef)
        existing.append(export)

    def _check_captures(self, func: V.Function, node) -> None:
        """An inner function is compiled like a module-level one: it may not read the
        variables of the function it is defined in."""
        scope = func.scope
        enclosing = []
        while scope is not None and scope.func is not None:
            enclosing.append(scope)
            scope = scope.parent
        if not enclosing:
            return
        for name in _free_names(func.node):
            owner = next((s for s in enclosing if name in s.names), None)
            if owner is not None:
                raise error_at(self.source, node, f"{func.node.name}() reads `{name}`, a variable of "
                                                  f"{owner.func.node.name}(); an exported function may read "
                                                  "module-level names only: move it to module level")


def _free_names(func: ast.FunctionDef) -> list:
    """Names the body reads that it neither assigns nor takes as parameters (decorators,
    evaluated in the enclosing function, do not count)."""
    body = [n for stmt in func.body for n in ast.walk(stmt)]
    local = {a.arg for a in func.args.args} | {n.id for n in body if isinstance(n, ast.Name)
                                              and isinstance(n.ctx, ast.Store)}
    return sorted({n.id for n in body if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - local)

