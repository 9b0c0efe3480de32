"""`generate(env)` / `exists(env)`: the entry points SCons calls for the tool `aot`."""

from __future__ import annotations

from . import settings
from .builders import AOTModule
from .remote_cache import RemoteCacheDir


def generate(env) -> None:
    """Add `env.AOTModule`, the AOT_* variables the user has not set, and RemoteCacheDir as
    the class of this environment's CacheDir (a plain CacheDir while $AOT_REMOTE_CACHE is
    empty), so the global `CacheDir(path)` gets the remote tier too."""
    settings.set_defaults(env)
    if "CACHEDIR_CLASS" not in env:
        env["CACHEDIR_CLASS"] = RemoteCacheDir
    env.AddMethod(AOTModule, "AOTModule")


def exists(env) -> bool:
    """The tool works wherever aot_tool's compiler (llvmlite) imports."""
    try:
        from .. import pipeline  # noqa: F401
    except ImportError:
        return False
    return True
