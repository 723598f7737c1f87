"""``python -m pagedump``: the command-line tool (see ``pagedump --help``)."""

from __future__ import annotations

import sys

from pagedump._cli import main

# Worker processes import this module again under another name; only a real
# ``python -m pagedump`` runs the command.
if __name__ == "__main__":
    sys.exit(main())
