"""SCons tool `aot` for this checkout: loads aot_tool.scons, taking aot_tool from this
checkout when it is not installed. Other projects use it with
`Environment(tools=['default', 'aot'], toolpath=['<checkout>/site_scons/site_tools'])`.
"""

import importlib.util
import os
import sys

if importlib.util.find_spec("aot_tool") is None:
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(_here))))

from aot_tool.scons import exists, generate  # noqa: F401,E402
