"""Construction variables of the `aot` tool and how keyword options override them.

Every variable has a default that `generate()` sets only when the user has not set
it, and every option can be given per call as a keyword argument of `AOTModule`
(lower case, without the `AOT_` prefix). Resolving both in one place keeps the
precedence rule (keyword > construction variable > the source's `cc.` setting >
default) out of the node-building code.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import SCons.Errors

from ..drivers.link import ELF_SIZE_FLAGS
from ..options import Options
from .remote_settings import defaults as remote_defaults

# Link flags that make a CPython extension module out of objects: a stripped
# shared object on ELF platforms, a bundle resolving CPython at load time on macOS.
_PLATFORM_LDMODULEFLAGS = {"darwin": ["-bundle", "-undefined", "dynamic_lookup"]}
_DEFAULT_LDMODULEFLAGS = ["-shared"] + ELF_SIZE_FLAGS

# name -> (default, documentation). docs/scons.md repeats this table for users.
DEFAULTS = {
    "AOT_TARGET_CPU": ("", "LLVM CPU to compile for: '' for the generic CPU of the "
                           "architecture family, 'host', or a name such as 'skylake'"),
    "AOT_NOGIL": ("", "'1' to release the GIL in every export, as @njit(nogil=True) does "
                      "for one"),
    "AOT_EXT_SUFFIX": (sysconfig.get_config_var("EXT_SUFFIX") or ".so",
                       "file name suffix of the built module (this Python's EXT_SUFFIX)"),
    "AOT_OBJSUFFIX": (".os", "suffix of the per-export, init and runtime object files"),
    "AOT_RUNTIME_DIR": ("", "directory of the shared runtime object ('' for each module's "
                            "own directory; '#build' shares one across a whole tree)"),
    "AOT_LINK": ("$CC", "the linker driver of AOT modules (plain C objects: no C++ "
                        "driver detection, which costs read time in big trees)"),
    "AOT_LDMODULEFLAGS": (_PLATFORM_LDMODULEFLAGS.get(sys.platform, _DEFAULT_LDMODULEFLAGS),
                          "flags that make the link produce an extension module"),
    "AOT_LINKFLAGS": ([], "extra flags appended to the link of every AOT module"),
    "AOT_PROCESSES": ("", "'' compiles in worker processes under -j N (N > 1), "
                          "'0' always in SCons' own threads"),
    "AOT_COMSTR": ("", "what to print when an object is compiled ('' prints a "
                       "one-line description; $TARGET is available)"),
    "AOT_LINKCOMSTR": ("aot: link $TARGET", "what to print when a module is linked ('' prints "
                                            "the whole link command line)"),
    "AOT_REMOTE_CACHE": ("", "URL of a Bazel HTTP remote-cache server, the CacheDir's second tier "
                             "(remote_cache.py); default: the environment variable of that name"),
    "AOT_REMOTE_CACHE_TIMEOUT": ("10", "seconds one request to the remote cache may take"),
    "AOT_READ_CACHE": ("#.aot-read-cache.json", "file keeping what reading each source found, "
                                                "so a no-op run parses nothing (read_cache.py); '' for none"),
}
# variables whose default is the process environment's variable of the same name, when set
FROM_ENVIRONMENT = ("AOT_REMOTE_CACHE", "AOT_REMOTE_CACHE_TIMEOUT")

DEFAULTS.update(remote_defaults())   # AOT_EXECUTOR, AOT_REMOTE_*: remote_settings.py

# keyword option -> construction variable it overrides
KEYWORDS = {
    "target_cpu": "AOT_TARGET_CPU",
    "ext_suffix": "AOT_EXT_SUFFIX",
    "linkflags": "AOT_LINKFLAGS",
    "runtime_dir": "AOT_RUNTIME_DIR",
}
# keyword options with no construction variable: they only make sense per module
PER_MODULE_KEYWORDS = ("module",)


def set_defaults(env) -> None:
    """Give every AOT_* variable its default unless the user already set it."""
    for name, (value, _doc) in DEFAULTS.items():
        if name in FROM_ENVIRONMENT:
            value = os.environ.get(name, value)
        if name not in env:
            env[name] = list(value) if isinstance(value, list) else value


def split_keywords(keywords: dict) -> tuple[str | None, dict]:
    """AOTModule's keywords as (CC name asked for, construction-variable overrides).

    Upper-case keywords override construction variables, as with any SCons
    builder; lower-case ones are the options named in KEYWORDS (or `module`).
    """
    overrides, module = {}, None
    for key, value in keywords.items():
        if key in KEYWORDS:
            overrides[KEYWORDS[key]] = value
        elif key == "module":
            module = value
        elif key.isupper():
            overrides[key] = value
        else:
            known = ", ".join(sorted([*KEYWORDS, *PER_MODULE_KEYWORDS]))
            raise SCons.Errors.UserError(f"AOTModule: unknown option {key!r} (known: {known}; "
                                         "upper-case names override construction variables)")
    return module, overrides


def compile_options(env, cc_settings: dict) -> Options:
    """Options for one module: AOT_TARGET_CPU if set, else the source's `cc.target_cpu`."""
    cpu = env.subst("$AOT_TARGET_CPU") or cc_settings.get("target_cpu") or None
    if cpu is not None and not isinstance(cpu, str):
        raise SCons.Errors.UserError(f"AOTModule: target_cpu must be a string, not {cpu!r}")
    from ..cpu_names import TargetCPUError
    clones = env.subst("$AOT_ISA_CLONES") if "AOT_ISA_CLONES" in env else None   # e.g. 'x86-64-v3'
    try:
        return Options(target_cpu=cpu, isa_clones=None if clones is None else clones.split(","),
                       nogil=env.subst("$AOT_NOGIL") not in ("", "0"))
    except (TargetCPUError, ValueError) as e:
        raise SCons.Errors.UserError(f"AOTModule: {e}") from None
