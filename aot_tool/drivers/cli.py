"""The command line:

    python -m aot_tool build SRC [-o OUTDIR] [-m MODULE] [--target-cpu CPU] [-O N] [--nogil] [-v]
    python -m aot_tool show SRC EXPORT [--stage types|ir|opt|asm]
    python -m aot_tool run SCRIPT [ARGS...]
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from ..cpu_names import TargetCPUError
from ..frontend.errors import CompileError
from ..options import Options


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake in the command is exit status 1 as every user mistake is
    (argparse's 2 is what the README reserves for aot_tool's own bugs)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m aot_tool",
                description="Ahead-of-time compile numba.pycc-style sources into extension modules.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    b = sub.add_parser("build", help="build the extension module(s) a source defines")
    b.add_argument("source", help="the Python source with cc = CC('name') and @cc.export(...)")
    b.add_argument("-o", "--output-dir", help="where to write the module (default: next to the source)")
    b.add_argument("-m", "--module", help="build only the CC of this name")
    b.add_argument("--target-cpu", default=None,
                   help="'host' or an LLVM CPU name; default: the generic CPU of the architecture family")
    b.add_argument("-O", "--opt-level", type=int, default=3, choices=[0, 1, 2, 3])
    b.add_argument("--isa-clones", default=None, metavar="LEVELS",
                   help="for the generic target, the ISA levels loop kernels are also compiled for, picked "
                        "at import (default: x86-64-v3,x86-64-v4; 'baseline' for none)")
    b.add_argument("--nogil", action="store_true",
                   help="release the GIL in every export, as @njit(nogil=True) does for one")
    b.add_argument("-v", "--verbose", action="store_true")
    b.add_argument("--root", help="the source tree helper imports may read from (default: the source's "
                                  "directory, or the directory holding its top package)")
    r = sub.add_parser("run", help="run a script as `python SCRIPT` would, with `numba.pycc` provided by "
                                   "aot_tool (so its `cc.compile()` builds with aot_tool, numba or not)")
    r.add_argument("script")
    r.add_argument("script_args", nargs=argparse.REMAINDER)
    s = sub.add_parser("show", help="print one stage of the pipeline for one export (for developers)")
    s.add_argument("source")
    s.add_argument("export", help="the exported name")
    s.add_argument("--stage", choices=["types", "ir", "opt", "asm"], default="types",
                   help="types: inferred types; ir: LLVM IR as generated; opt: after O3; asm: assembly")
    s.add_argument("-m", "--module", help="the CC, where the source has several")
    s.add_argument("-i", "--index", type=int, default=0, help="which signature of the export")
    s.add_argument("--target-cpu", default=None)
    s.add_argument("--isa", default="baseline", help="which clone to show: baseline, x86-64-v3, x86-64-v4")
    s.add_argument("--root", help="as for build")
    return p


def report_internal_error(exc: BaseException) -> None:
    print(f"aot_tool: internal compiler error ({type(exc).__name__}: {exc}). This is a bug in aot_tool; "
          "set AOT_TOOL_DEBUG=1 to see where it happened.", file=sys.stderr)
    if os.environ.get("AOT_TOOL_DEBUG"):
        traceback.print_exception(exc)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "show":
        return _guarded(lambda: _show(args))
    if args.command == "run":
        return _run_script(args)
    return _guarded(lambda: _build(args))


def _guarded(action) -> int:
    try:
        status = action()
        sys.stdout.flush()   # inside the guard: a closed pipe shows up here
        return status
    except BrokenPipeError:
        # `show ... | head`: the reader has gone; say nothing more (as Python's docs advise)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except UnicodeDecodeError as e:
        print(f"aot_tool: error: a source is not UTF-8 text ({e.reason} at byte {e.start}); "
              "save it as UTF-8", file=sys.stderr)
        return 1
    except UsageError as e:
        print(f"aot_tool: error: {e}", file=sys.stderr)
        return 1
    except CompileError as e:
        print(e.render(), file=sys.stderr)
        return 1
    except TargetCPUError as e:
        print(f"aot_tool: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"aot_tool: error: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - anything else is our bug, reported without a traceback
        report_internal_error(e)
        return 2


class UsageError(Exception):
    """A command-line mistake (an unknown export name, a signature index out of range)."""


def _pick_export(source, module: str, name: str, index: int):
    """The export `name` (its `index`-th signature) of `module`, or a UsageError saying what exists."""
    import difflib
    exports = source.modules[module].exports
    if name not in exports:
        known = ", ".join(repr(n) for n in sorted(exports))
        by_function = sorted(n for n, sigs in exports.items() if any(e.function == name for e in sigs))
        if by_function:
            raise UsageError(f"{name!r} is the Python function; show takes the exported name: "
                             f"{', '.join(repr(n) for n in by_function)}")
        close = difflib.get_close_matches(name, list(exports), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UsageError(f"CC('{module}') has no export {name!r}{hint}; its exports are {known}")
    signatures = exports[name]
    if not 0 <= index < len(signatures):
        listing = "; ".join(f"-i {k}: {e.signature_text!r}" for k, e in enumerate(signatures))
        raise UsageError(f"export {name!r} has {len(signatures)} signature(s), so -i {index} is out of "
                         f"range ({listing})")
    return signatures[index]


def _show(args) -> int:
    from .. import pipeline
    from ..backend import emit
    from ..backend import isa_clones
    from ..backend.export_unit import build_export_unit
    from ..frontend.infer import infer_export
    from .build import modules_to_build
    source = pipeline.read_source(args.source, root=args.root)
    module = modules_to_build(source, args.module)[0]
    export = _pick_export(source, module, args.export, args.index)
    options = Options(target_cpu=args.target_cpu)
    if args.isa not in isa_clones.LEVELS:
        raise UsageError(f"--isa {args.isa!r}: use one of {', '.join(isa_clones.LEVELS)}")
    if args.stage == "types":
        for typed in infer_export(source, export).functions:
            params = ", ".join(f"{a.arg}: {t.name}" for a, t in zip(typed.node.args.args, typed.arg_types))
            print(f"{typed.symbol}({params}) -> {typed.return_type.name}")
            for name, ty in sorted(typed.var_types.items()):
                print(f"    {name}: {ty.name}")
        return 0
    if args.isa == "baseline":   # the wrapper and the baseline kernels, no clones
        ir_module = build_export_unit(source, export, args.index, Options(target_cpu=args.target_cpu,
                                                                          isa_clones=()))
    else:
        ir_module = isa_clones.clone_unit(source, export, args.index, args.isa, options)
    if args.stage == "ir":
        print(ir_module)
        return 0
    mod, tm = emit.optimise(str(ir_module), options)
    print(mod if args.stage == "opt" else tm.emit_assembly(mod))
    return 0


def _run_script(args) -> int:
    """The user's own script, run because the user asked to (as `python SCRIPT` would):
    aot_tool's CC stands in for numba.pycc's for the whole run."""
    import runpy
    from .numba_shim import provide_numba_pycc
    if not os.path.isfile(args.script):
        print(f"aot_tool: error: no such script: {args.script}", file=sys.stderr)
        return 1
    sys.argv = [args.script, *args.script_args]
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.script)))
    with provide_numba_pycc():
        try:
            runpy.run_path(args.script, run_name="__main__")
        except SystemExit as e:
            code = e.code
            if code is None or isinstance(code, int):
                return code or 0
            print(code, file=sys.stderr)
            return 1
    return 0


def _build(args) -> int:
    from .build import build_module
    try:
        options = Options(target_cpu=args.target_cpu, opt_level=args.opt_level,
                          isa_clones=None if args.isa_clones is None else args.isa_clones.split(","),
                          nogil=args.nogil)
    except ValueError as e:
        raise UsageError(f"--isa-clones: {e}") from None
    for path in build_module(args.source, args.output_dir, module=args.module, options=options,
                             verbose=args.verbose, root=args.root):
        print(path)
    return 0
