"""`python -m generator` runs the `notices` command."""

import sys

from .cli import main

sys.exit(main())
