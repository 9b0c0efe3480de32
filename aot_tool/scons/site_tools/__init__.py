"""Directory on SCons' tool path (`aot_tool.scons.toolpath()`); holds the tool module `aot`."""
