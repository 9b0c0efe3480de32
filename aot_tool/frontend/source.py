"""A source file read with `ast` (never imported or run): its module-level functions,
constants and imports, and the CC objects and exports frontend/discovery.py finds.

Helper files imported with `from pkg.mod import f` or `from .mod import f` are read
the same way, lazily, when a compiled or exported function reaches them, and only
through the source's FileSet (file_set.py): files of its tree on this disk, or the
files a remote build shipped.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field

from . import tree_checks
from .file_set import OUTSIDE, FileSet, disk_files
from .errors import CompileError, error_at
from .signatures import Signature

# Import paths whose CC class we recognise.
CC_CLASSES = {"numba.pycc.CC", "aot_tool.CC", "aot_tool.cc.CC"}
# Decorators a numba user writes on helpers; read, never called.
JIT_DECORATORS = {"numba.njit", "numba.jit", "numba.generated_jit", "numba.cfunc",
                  "numba.core.decorators.njit", "numba.core.decorators.jit"}
CC_SETTINGS = ("verbose", "target_cpu", "output_dir", "output_file", "name")
# Imports from these packages are names the compiler knows, never project files.
LIBRARY_ROOTS = ("numpy", "math", "cmath", "numba", "aot_tool", "operator", "random")


@dataclass
class Export:
    name: str
    signature_text: str
    signature: Signature
    function: str                 # key of the FunctionDef in home's (or this source's) functions
    node: ast.AST                 # the decorator or `cc.export(...)` call, for error locations
    home: object = None           # the Source defining the function, when another file does
    flags: dict = field(default_factory=dict)   # cc.export(..., nogil=True): frontend/jit_options.FLAGS


def exported_function(source, export):
    """(Source, FunctionDef) of what `export` compiles: in `source`, or the helper file it
    was imported from (`from mypkg.kernels import f; cc.export('f', 'f8(f8)')(f)`)."""
    home = export.home or source
    return home, home.functions[export.function]


@dataclass
class ModuleSpec:
    name: str
    variable: str                 # the CC object's variable name in the source
    exports: dict = field(default_factory=dict)   # export name -> [Export, ...]
    settings: dict = field(default_factory=dict)  # cc.verbose = True and the like


@dataclass
class Source:
    path: str                     # as given (for reading helpers relative to it)
    display_path: str             # as shown in error messages
    text: str
    tree: ast.Module
    modules: dict = field(default_factory=dict)     # CC name -> ModuleSpec
    functions: dict = field(default_factory=dict)   # name -> ast.FunctionDef
    constants: dict = field(default_factory=dict)   # name -> (value, node)
    non_constants: dict = field(default_factory=dict)  # module-level name -> its assignment (an array, ...)
    aliases: dict = field(default_factory=dict)     # local name -> dotted path ('np' -> 'numpy')
    from_imports: dict = field(default_factory=dict)  # local name -> (module text, level, name, node)
    root: str = ""                # the source tree: helper imports read only files inside it
    files: FileSet = None         # how helper files are read (the tree at root on this disk by default)
    _lines: list = field(default_factory=list)
    _helpers: dict = field(default_factory=dict)

    def line_text(self, line: int) -> str | None:
        if not self._lines:
            self._lines = self.text.splitlines()
        return self._lines[line - 1] if 0 < line <= len(self._lines) else None

    def resolve_import(self, name: str):
        """The (Source, name) a `from x import name` refers to, reading x with ast."""
        return self.resolve_from(*self.from_imports[name])

    def helper(self, module_text: str, level: int, node) -> "Source":
        """The project file `from module_text import ...` (at `level` dots) reads, parsed once."""
        key = (module_text, level)
        if key not in self._helpers:
            self._helpers[key] = _read_helper(self, module_text, level, node)
        return self._helpers[key]

    def resolve_from(self, module_text: str, level: int, orig: str, node):
        """The (Source, name) that `from module_text import orig` (at `level` dots) names."""
        helper = self.helper(module_text, level, node)
        if orig in helper.functions or orig in helper.constants or orig in helper.non_constants:
            return helper, orig   # a non-constant is an error where it is used (globals_message.py)
        if orig in helper.from_imports:
            return helper.resolve_import(orig)
        raise error_at(self, node, f"cannot import name {orig!r} from {module_text or '.'!r}: "
                                   f"{helper.display_path} has no such function or constant")


def _candidate_files(source: Source, module_text: str, level: int, node):
    parts = module_text.split(".") if module_text else []
    base = os.path.dirname(os.path.abspath(source.path))
    root = source.root
    if level:
        for _ in range(level - 1):
            base = os.path.dirname(base)
        if not _inside(base, root):
            raise error_at(source, node, f"the relative import {'.' * level + module_text!r} leaves the source "
                                         "tree; helper files must be inside it")
        roots = [base]
    else:
        roots, d = [], base
        while _inside(d, root):
            roots.append(d)
            parent = os.path.dirname(d)
            if d == root or parent == d:
                break
            d = parent
    for root_dir in roots:
        stem = os.path.join(root_dir, *parts) if parts else root_dir
        yield stem + ".py"
        yield os.path.join(stem, "__init__.py")


def _inside(path: str, root: str) -> bool:
    path, root = os.path.abspath(path), os.path.abspath(root)
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def default_root(path: str) -> str:
    """The source tree of a source read without one given: its own directory, or for a
    source inside a package, the directory that holds the top package (so
    `from mypkg.helpers import f` finds mypkg/helpers.py)."""
    d = os.path.dirname(os.path.abspath(path))
    while os.path.isfile(os.path.join(d, "__init__.py")):
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    return d


_HELPERS: dict = {}   # (path, display path, root, file set) -> Source: a helper shared by many modules is parsed once


def _read_helper(source: Source, module_text: str, level: int, node) -> Source:
    for candidate in _candidate_files(source, module_text, level, node):
        text = source.files.lookup(candidate)
        if text is None:
            continue
        if text is OUTSIDE:
            # a symlink out of the tree: never read it, never quote it
            raise error_at(source, node, f"refusing to read the helper for {'.' * level + module_text!r}: "
                                         "it is a link that leads outside the source tree")
        display = os.path.normpath(os.path.join(
            os.path.dirname(source.display_path),
            os.path.relpath(candidate, os.path.dirname(os.path.abspath(source.path)))))
        key = (os.path.abspath(candidate), display, source.root, source.files.cache_key)
        cached = _HELPERS.get(key)
        if cached is None or cached.text != text:
            cached = _HELPERS[key] = read_source_text(text, candidate, display, want_cc=False,
                                                      root=source.root, files=source.files)
        return cached
    dots = "." * level
    raise error_at(source, node, f"cannot find module {dots + module_text!r}: only numpy, math, cmath, "
                                 "numba and plain-Python helper files in the source tree can be imported")


def read_source(path: str, display_path: str | None = None, want_cc: bool = True, root: str | None = None) -> Source:
    """Parse the file at `path`; never executes it."""
    return read_source_text(read_text(path), path, display_path, want_cc, root=root)


def read_text(path: str) -> str:
    with open(path, "rb") as f:
        return decode_source(f.read(), path)


def decode_source(data: bytes, path: str) -> str:
    """Source bytes as Python reads them: UTF-8, a BOM, or a `# -*- coding: ... -*-` line.
    A file that does not decode is a located CompileError, not a crash."""
    import io
    import tokenize
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError) as e:
        reason = e.reason if isinstance(e, UnicodeDecodeError) else str(e)
        where = f" at byte {e.start}" if isinstance(e, UnicodeDecodeError) else ""
        line, col = 1, 0
        if isinstance(e, UnicodeDecodeError):   # the line and column (in bytes) of the bad byte
            line = data.count(b"\n", 0, e.start) + 1
            col = e.start - (data.rfind(b"\n", 0, e.start) + 1)
        raise CompileError(f"cannot read the source as text ({reason}{where}); save it as UTF-8 "
                           "or declare its encoding with a `# -*- coding: ... -*-` line",
                           path, line, col, None) from None


def read_source_text(text: str, path: str, display_path: str | None = None, want_cc: bool = True,
                     root: str | None = None, files: FileSet | None = None) -> Source:
    """Parse `text` (the file at `path`); helpers are read from `files`, by default the
    tree at `root` (else default_root(path)) on this disk."""
    display = display_path or path
    tree_checks.check_size(text, display)
    try:
        tree = ast.parse(text, filename=display)
    except SyntaxError as e:
        raise CompileError(f"invalid syntax: {e.msg}", display, e.lineno or 0, max((e.offset or 1) - 1, 0),
                           (e.text or "").rstrip("\n") or None) from None
    except (RecursionError, MemoryError):
        raise tree_checks.nested_too_deeply(text, display) from None
    if files is not None:
        root = files.root
    root = os.path.abspath(root) if root else default_root(path)
    source = Source(path=path, display_path=display, text=text, tree=tree, root=root,
                    files=files if files is not None else disk_files(root))
    tree_checks.check_tree(source)
    _collect(source)
    if want_cc:
        from .discovery import discover
        discover(source)
    return source


def _dotted(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def resolve_path(source: Source, dotted: str | None) -> str | None:
    """Qualified path of a dotted name through the source's imports ('np.sqrt' -> 'numpy.sqrt')."""
    if not dotted:
        return None
    head, _, rest = dotted.partition(".")
    base = source.aliases.get(head)
    if base is None:
        return None
    return f"{base}.{rest}" if rest else base


def _constant_value(node, known: dict):
    """A module-level numeric constant or tuple of them, or raise ValueError.  Names of
    constants defined above are read from `known` (their value at that point, as at import)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (bool, int, float, complex)):
        return node.value
    if isinstance(node, ast.Name) and node.id in known:
        return known[node.id][0]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _constant_value(node.operand, known)
        if isinstance(v, tuple):
            raise ValueError
        return -v if isinstance(node.op, ast.USub) else +v
    if isinstance(node, ast.Tuple):
        return tuple(_constant_value(e, known) for e in node.elts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        a, b = _constant_value(node.left, known), _constant_value(node.right, known)
        if isinstance(a, tuple) or isinstance(b, tuple):
            raise ValueError
        return {ast.Add: a.__add__, ast.Sub: a.__sub__, ast.Mult: a.__mul__,
                ast.Div: a.__truediv__}[type(node.op)](b)
    raise ValueError


def _module_statements(body):
    """Module-level statements, with those of try/except blocks flattened in (the
    `try: from numba.pycc import CC / except ImportError: from aot_tool import CC`
    pattern).  What `if` blocks and functions do is discovery's business."""
    for stmt in body:
        if isinstance(stmt, ast.Try):
            yield from _module_statements(stmt.body)
            for handler in stmt.handlers:
                yield from _module_statements(handler.body)
            yield from _module_statements(stmt.orelse)
            yield from _module_statements(stmt.finalbody)
        else:
            yield stmt


def _jitted_function(source: Source, node):
    """The FunctionDef of `njit(g)`, `numba.njit(cache=True)(g)`, `jit('f8(f8)')(g)`, or None."""
    if not (isinstance(node, ast.Call) and len(node.args) == 1 and isinstance(node.args[0], ast.Name)):
        return None
    func = node.func.func if isinstance(node.func, ast.Call) else node.func
    if resolve_path(source, _dotted(func)) not in JIT_DECORATORS:
        return None
    return source.functions.get(node.args[0].id)


def _collect(source: Source) -> None:
    for stmt in _module_statements(source.tree.body):
        if isinstance(stmt, ast.Import):
            for a in stmt.names:
                if a.asname:
                    source.aliases[a.asname] = a.name
                else:
                    top = a.name.split(".")[0]
                    source.aliases[top] = top
        elif isinstance(stmt, ast.ImportFrom):
            mod = stmt.module or ""
            for a in stmt.names:
                local = a.asname or a.name
                if stmt.level == 0 and mod.split(".")[0] in LIBRARY_ROOTS:
                    source.aliases[local] = f"{mod}.{a.name}"
                else:
                    source.from_imports[local] = (mod, stmt.level, a.name, stmt)
        elif isinstance(stmt, ast.FunctionDef):
            source.functions[stmt.name] = stmt
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            name = stmt.targets[0].id
            jitted = _jitted_function(source, stmt.value)
            if jitted is not None:      # `fast_g = njit(g)`: calls of fast_g compile g
                source.functions[name] = jitted
                continue
            try:
                source.constants[name] = (_constant_value(stmt.value, source.constants), stmt)
                source.non_constants.pop(name, None)
            except (ValueError, ArithmeticError, RecursionError):   # not a number, or nested too deeply
                source.constants.pop(name, None)
                source.non_constants[name] = stmt
