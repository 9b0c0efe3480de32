"""Writing build outputs so that a file is either whole or absent: an interrupted or
failed build never leaves a half-written object or module that looks up to date."""

from __future__ import annotations

import os
import threading


def write_atomically(path: str, data: bytes) -> None:
    """Write via a temporary sibling and os.replace."""
    tmp = f"{path}.tmp-{os.getpid()}-{threading.get_ident()}"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
