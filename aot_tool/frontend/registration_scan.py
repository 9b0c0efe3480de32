"""Which blocks of a build script may create a CC or register an export.

Discovery walks a function's body only when it may (a kernel is never walked), and
a loop, `while`, class or comprehension only matters when it may.  The answer is
generous, since it only decides what to look at: first the text (`export`, `CC`, a
name of a function whose text has them), then one pass over the block's tree.
"""

from __future__ import annotations

import ast

from . import static_values as V
from .source import CC_CLASSES, Source

COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda)


class RegistrationScan:
    def __init__(self, source: Source, lookup):
        self.src = source
        self.lookup = lookup          # name -> its value at module level
        self._registers: dict = {}
        self._summary: dict = {}
        self._texts: dict = {}
        # what a call creating a CC or registering an export has in its text
        self._cc_words = ("export", "CC", *(n for n, p in source.aliases.items() if p in CC_CLASSES))

    def registers(self, node) -> bool:
        """Whether `node` may create a CC or register an export (directly or through
        a function of this file it calls); generous, since it only decides what to walk."""
        if node in self._registers:
            return self._registers[node]
        self._registers[node] = False      # a recursive function does not register through itself
        found = False
        if self._may_register(node):
            if node not in self._summary:
                self._summary.update(_summarise(node))
            direct, called = self._summary[node]
            found = direct
            for name in called:
                if found:
                    break
                value = self.lookup(name)
                found = isinstance(value, V.Alias) and value.path in CC_CLASSES or \
                    isinstance(value, V.Function) and value.node is not node and self.registers(value.node)
        self._registers[node] = found
        return found

    def called_names(self, node) -> set:
        """The plain names `node` calls (once registers(node) has looked at it)."""
        return self._summary[node][1] if node in self._summary else set()

    def mentions_cc(self, node) -> bool:
        """Whether node's text has a word of a CC or export call (no tree walk)."""
        text = "\n".join(self.src.line_text(n) or "" for n in range(node.lineno, node.end_lineno + 1))
        return any(word in text for word in self._cc_words)

    def _may_register(self, node) -> bool:
        """A quick look at the text first: kernels (no `export`, no `CC`, no call of a
        function that has them) are never walked."""
        seen, todo = {node}, [node]
        while todo:
            text = self._text(todo.pop())
            if any(word in text for word in self._cc_words):
                return True
            for name, func in self.src.functions.items():
                if func not in seen and name in text:
                    seen.add(func)
                    todo.append(func)
        return False

    def _text(self, node) -> str:
        if node not in self._texts:
            first = node.body[0].lineno if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                else node.lineno
            self._texts[node] = "\n".join(self.src.line_text(n) or "" for n in range(first, node.end_lineno + 1))
        return self._texts[node]


_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.AsyncFor, ast.While,
             ast.Match, *COMPREHENSIONS)


def _summarise(tree: ast.Module) -> dict:
    """For each function, class, loop and comprehension: whether it calls `x.export(...)`
    or `CC(...)` itself, and the plain names it calls (one pass over the tree, no recursion).
    A function's own decorators ran when it was defined, not when it is called: they count
    for the enclosing block, not for the function (an exported function that another one
    calls does not make the caller register anything)."""
    summary: dict = {}
    stack = [(tree, ())]          # (node, the compound nodes around it)
    while stack:
        node, around = stack.pop()
        if isinstance(node, ast.Call):
            f = node.func
            if getattr(f, "attr", None) in ("export", "CC") and getattr(f.value, "id", None) not in ("self", "cls") \
                    or getattr(f, "id", None) == "CC":
                for outer in around:
                    summary[outer][0] = True
            elif isinstance(f, ast.Name):
                for outer in around:
                    summary[outer][1].add(f.id)
        elif isinstance(node, ast.ImportFrom) and any(f"{node.module}.{a.name}" in CC_CLASSES for a in node.names):
            for outer in around:
                summary[outer][0] = True
        if isinstance(node, _COMPOUND):
            summary[node] = [False, set()]
            inside = around + (node,)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                stack.extend((child, inside) for child in node.body)
                stack.extend((child, around) for child in ast.iter_child_nodes(node) if child not in node.body)
                continue
            around = inside
        stack.extend((child, around) for child in ast.iter_child_nodes(node))
    return summary
