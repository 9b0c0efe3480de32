"""numba's documented packaging route, unchanged: import the modules that define `cc`.

Importing them compiles nothing (the build re-reads each source with `ast`).
`_stats_src` says `from numba.pycc import CC`: the build backend aot_tool.build_meta
(pyproject.toml) provides `numba.pycc` while this file runs, numba or not.
"""
from setuptools import setup

from aotdemo._stats_src import cc as stats_cc
from aotdemo.signal._filters_src import cc as filters_cc

setup(ext_modules=[stats_cc.distutils_extension(), filters_cc.distutils_extension()])
