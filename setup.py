"""Installs aot_tool_scons.pth next to the package (a plain build_py step), so that
an installed aot_tool's SCons tool is found with `tools=['aot']`. Everything else is
in pyproject.toml."""

import os

from setuptools import setup
from setuptools.command.build_py import build_py


class build_py_with_pth(build_py):
    def run(self):
        super().run()
        self.copy_file("aot_tool_scons.pth", os.path.join(self.build_lib, "aot_tool_scons.pth"))

    def get_outputs(self, include_bytecode=True):
        return super().get_outputs(include_bytecode) + [os.path.join(self.build_lib, "aot_tool_scons.pth")]


setup(cmdclass={"build_py": build_py_with_pth})
