"""`python -m aot_tool.scons install-site-tool`: make `tools=['aot']` work in every SConstruct.

SCons looks for tools in each project's site_scons and in the user's
~/.scons/site_scons (among other machine-wide site directories), not among installed
Python packages. This writes a two-line tool module there that loads the installed
aot_tool.scons, so no SConstruct needs a toolpath or an import.
"""

from __future__ import annotations

import argparse
import os
import sys

SHIM = '''"""SCons tool `aot`, written by `python -m aot_tool.scons install-site-tool`."""
from aot_tool.scons import exists, generate  # noqa: F401
'''


def install_site_tool(site_dir: str) -> str:
    """Write <site_dir>/site_tools/aot/__init__.py; returns its path."""
    tool_dir = os.path.join(site_dir, "site_tools", "aot")
    os.makedirs(tool_dir, exist_ok=True)
    path = os.path.join(tool_dir, "__init__.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(SHIM)
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aot_tool.scons", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    install = sub.add_parser("install-site-tool", help="write the `aot` tool into a SCons site directory")
    install.add_argument("--site-dir", default=os.path.expanduser(os.path.join("~", ".scons", "site_scons")),
                         help="SCons site directory (default: ~/.scons/site_scons)")
    sub.add_parser("toolpath", help="print the directory to pass as toolpath=[...]")
    args = parser.parse_args(argv)
    if args.command == "toolpath":
        from . import toolpath
        print(toolpath())
    else:
        print(f"wrote {install_site_tool(args.site_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
