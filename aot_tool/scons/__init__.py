"""The SCons tool `aot`: `env.AOTModule(target, source, **options)`.

    env = Environment(tools=['default', 'aot'])
    env.AOTModule('my_module', 'src.py')

SCons finds the tool through this project's `site_scons/site_tools/aot`, through
`toolpath=['<checkout>/site_scons/site_tools']`, or, with aot_tool installed,
through `toolpath=[aot_tool.scons.toolpath()]` (importing this package also adds
that directory to SCons' default tool path, so `tools=['aot']` then just works),
and in every SConstruct after `python -m aot_tool.scons install-site-tool`.
See docs/scons.md for the options, and for `RemoteCacheDir` (remote_cache.py), the
CacheDir class with a second tier on a Bazel HTTP remote-cache server.
"""

from __future__ import annotations

import os
import sys

from .remote_cache import RemoteCacheDir
from .tool import exists, generate

__all__ = ["generate", "exists", "toolpath", "RemoteCacheDir"]


def toolpath() -> str:
    """The directory holding the installed tool module `aot.py`, for `toolpath=[...]`."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "site_tools")


def _register() -> None:
    """Let `tools=['aot']` find this tool in any SConstruct that imported aot_tool.scons."""
    scons_tool = sys.modules.get("SCons.Tool")
    path = toolpath()
    if scons_tool is not None and path not in scons_tool.DefaultToolpath:
        scons_tool.DefaultToolpath.append(path)


_register()
