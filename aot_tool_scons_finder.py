"""Lets SCons find the tool `aot` of an installed aot_tool with plain `tools=['aot']`.

SCons looks for tools on its toolpath, in site_scons directories and as
`SCons.Tool.<name>`; an installed package is in none of them. A one-line
`aot_tool_scons.pth` (installed beside this module) imports it at start-up; it adds a
meta-path finder that answers for the single name `SCons.Tool.aot` and for nothing
else, so it costs nothing in processes that never ask. It imports nothing itself.
"""

import sys


class _AotToolFinder:
    """Maps `SCons.Tool.aot` onto aot_tool/scons/site_tools/aot.py."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "SCons.Tool.aot":
            return None
        import importlib.util
        import os
        package = importlib.util.find_spec("aot_tool")
        if package is None or not package.submodule_search_locations:
            return None
        tool = os.path.join(list(package.submodule_search_locations)[0], "scons", "site_tools", "aot.py")
        return importlib.util.spec_from_file_location(name, tool) if os.path.isfile(tool) else None


def install():
    if not any(isinstance(f, type) and f.__name__ == "_AotToolFinder" for f in sys.meta_path):
        sys.meta_path.append(_AotToolFinder)


install()
