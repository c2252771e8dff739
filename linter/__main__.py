"""`python -m flake8_azure_face_policy` is the `azure-face-policy` command.

`python -m` puts the working directory first on `sys.path`; the analysed repository's own
`yaml.py` or `flake8.py` must never be imported, so that entry goes before anything else is.
"""

import os
import sys

_working_directory = os.path.realpath(os.getcwd())
sys.path[:] = [entry for entry in sys.path if entry and os.path.realpath(entry) != _working_directory]

from flake8_azure_face_policy.cli import main  # noqa: E402  (after sys.path is made safe)

sys.exit(main())
