"""Installs aot_tool_scons.pth next to the package, so that an installed aot_tool's
SCons tool is found with `tools=['aot']`: a plain build_py step for wheels, and one
more file in the wheel `pip install -e .` builds, so editable installs find it too.
Everything else is in pyproject.toml."""

import os

from setuptools import setup
from setuptools.command.build_py import build_py

PTH = "aot_tool_scons.pth"


class build_py_with_pth(build_py):
    def run(self):
        super().run()
        self.copy_file(PTH, os.path.join(self.build_lib, PTH))

    def get_outputs(self, include_bytecode=True):
        return super().get_outputs(include_bytecode) + [os.path.join(self.build_lib, PTH)]


class _StrategyWithPth:
    """Wraps setuptools' editable strategy: whatever it writes, plus our .pth (which imports
    aot_tool_scons_finder through the editable finder the strategy installs)."""

    def __init__(self, inner):
        self.inner = inner

    def __call__(self, wheel, files, mapping):
        self.inner(wheel, files, mapping)
        with open(PTH, encoding="utf-8") as f:
            wheel.writestr(PTH, f.read())

    def __enter__(self):
        self.inner.__enter__()
        return self

    def __exit__(self, *exc):
        return self.inner.__exit__(*exc)


cmdclass = {"build_py": build_py_with_pth}
try:
    from setuptools.command.editable_wheel import editable_wheel

    class editable_wheel_with_pth(editable_wheel):
        def _select_strategy(self, *args, **kwargs):
            return _StrategyWithPth(super()._select_strategy(*args, **kwargs))

    if hasattr(editable_wheel, "_select_strategy"):
        cmdclass["editable_wheel"] = editable_wheel_with_pth
except ImportError:  # a setuptools without PEP 660 editable installs
    pass

setup(cmdclass=cmdclass)
