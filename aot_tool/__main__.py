"""`python -m aot_tool build src.py -o outdir`."""

import sys

from .drivers.cli import main

sys.exit(main())
