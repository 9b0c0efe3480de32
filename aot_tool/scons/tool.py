"""`generate(env)` / `exists(env)`: the entry points SCons calls for the tool `aot`."""

from __future__ import annotations

from . import settings
from .builders import AOTModule


def generate(env) -> None:
    """Add `env.AOTModule` and the AOT_* variables the user has not set."""
    settings.set_defaults(env)
    env.AddMethod(AOTModule, "AOTModule")


def exists(env) -> bool:
    """The tool works wherever aot_tool's compiler (llvmlite) imports."""
    try:
        from .. import pipeline  # noqa: F401
    except ImportError:
        return False
    return True
