"""Names a build script imports from other files of the project, read with `ast`.

Discovery never walks a project file's statements, but two things it needs from one:
the literal values its module level binds (an export table kept next to the kernels:
`from . import kernels; for name, sig in kernels.implementations: ...`) and whether
a name is one of its functions (`cc.export('f', sig)(kernels.f)`).
"""

from __future__ import annotations

from . import static_values as V
from .errors import CompileError
from .source import LIBRARY_ROOTS, Source


class ProjectFiles:
    def __init__(self, source: Source):
        self.source = source
        self._literals: dict = {}     # (module, level) -> that file's literal names, or None

    def value(self, value):
        """What a name imported from a project file holds when that file binds it to a
        literal (`from mypkg.table import SIGS`, `kernels.EXPORTS`); else `value`."""
        if isinstance(value, V.Alias) and value.path.split(".")[0] not in LIBRARY_ROOTS and "." in value.path:
            module, _, name = value.path.rpartition(".")
            level, node = 0, None
        elif isinstance(value, V.Imported):
            module, level, name, node = value.module, value.level, value.name, value.node
        else:
            return value
        if (module, level) not in self._literals:
            try:
                helper = self.source.helper(module, level, node)
            except CompileError:
                helper = None    # the standard library or an installed package
            self._literals[module, level] = helper and V.module_literals(
                helper.tree, lambda n: V.Imported(module, level, n, node) if n in helper.functions else V.UNKNOWN)
        table = self._literals[module, level]
        return table[name] if table and name in table else value

    def is_function(self, value) -> bool:
        """A function imported from a project file (whose code discovery does not walk)."""
        if isinstance(value, V.Alias) and value.path.split(".")[0] not in LIBRARY_ROOTS and "." in value.path:
            module, _, name = value.path.rpartition(".")
            value = V.Imported(module, 0, name, None)
        if not isinstance(value, V.Imported):
            return False
        try:
            home, name = self.source.resolve_from(value.module, value.level, value.name, value.node)
        except CompileError:
            return False     # not a project file: the standard library or an installed package
        return name in home.functions
