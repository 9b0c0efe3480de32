"""SCons tool module `aot` for an installed aot_tool: the tool lives in aot_tool.scons."""

from aot_tool.scons import exists, generate  # noqa: F401
