"""aot_tool: ahead-of-time compiler for numerical Python, numba.pycc-compatible.

The public API is `CC`; everything else is reached through the drivers
(`python -m aot_tool`, the SCons tool `aot`, `cc.distutils_extension()`).
"""

__version__ = "0.1.0"

from .cc import CC  # noqa: E402

__all__ = ["CC", "__version__"]
