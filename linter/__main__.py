"""`python -m linter` is the `azure-face-policy` command."""

import sys

from linter.cli import main

sys.exit(main())
