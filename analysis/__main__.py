"""`python -m analysis`: the tenor command line."""
import sys

from analysis.cli import main

sys.exit(main())
