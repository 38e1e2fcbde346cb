"""``python -m cli``: the same as the ``policykb`` script."""

import sys

from cli.main import main

sys.exit(main())
