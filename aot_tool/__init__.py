"""aot_tool: ahead-of-time compiler for numerical Python, numba.pycc-compatible.

The public API is `CC`; everything else is reached through the drivers
(`python -m aot_tool`, the SCons tool `aot`, `cc.distutils_extension()`).
"""

import sys as _sys

if _sys.argv[:1] == ["-m"] and _sys.path and not getattr(_sys.flags, "safe_path", False):
    # `python -m aot_tool ...` put the working directory first on sys.path: a `tempfile.py`
    # beside the user's sources would then run inside the compiler. Take it off before any
    # other import (what `python -P` does from 3.11 on).
    import os as _os
    if _sys.path[0] in ("", _os.getcwd()):
        del _sys.path[0]

__version__ = "0.1.0"

from .cc import CC  # noqa: E402

__all__ = ["CC", "__version__"]
