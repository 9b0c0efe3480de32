"""`python -m aot_tool build SRC [-o OUTDIR] [--module NAME] [--target-cpu CPU] [-v]`."""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from ..frontend.errors import CompileError
from ..options import Options


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m aot_tool",
                                description="Ahead-of-time compile numba.pycc-style sources into extension modules.")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the extension module(s) a source defines")
    b.add_argument("source", help="the Python source with cc = CC('name') and @cc.export(...)")
    b.add_argument("-o", "--output-dir", help="where to write the module (default: next to the source)")
    b.add_argument("-m", "--module", help="build only the CC of this name")
    b.add_argument("--target-cpu", default=None,
                   help="'host' or an LLVM CPU name; default: the generic CPU of the architecture family")
    b.add_argument("-O", "--opt-level", type=int, default=3, choices=[0, 1, 2, 3])
    b.add_argument("-v", "--verbose", action="store_true")
    return p


def report_internal_error(exc: BaseException) -> None:
    print(f"aot_tool: internal compiler error ({type(exc).__name__}: {exc}). This is a bug in aot_tool; "
          "set AOT_TOOL_DEBUG=1 to see where it happened.", file=sys.stderr)
    if os.environ.get("AOT_TOOL_DEBUG"):
        traceback.print_exception(exc)


def main(argv=None) -> int:
    from .build import build_module
    args = _parser().parse_args(argv)
    options = Options(target_cpu=args.target_cpu, opt_level=args.opt_level)
    try:
        paths = build_module(args.source, args.output_dir, module=args.module, options=options,
                             verbose=args.verbose)
    except CompileError as e:
        print(e.render(), file=sys.stderr)
        return 1
    except OSError as e:
        print(f"aot_tool: error: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - anything else is our bug, reported without a traceback
        report_internal_error(e)
        return 2
    for p in paths:
        print(p)
    return 0
