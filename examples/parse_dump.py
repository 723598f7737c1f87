"""Parse one page dump and print it as JSON.

Usage:
    python examples/parse_dump.py DUMP [FETCHED_AT]

FETCHED_AT is an ISO 8601 time with an offset (for example 2025-07-14T12:00:00+00:00);
relative times such as "4 days ago" resolve against it.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pagedump


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    text = Path(argv[1]).read_text(encoding="utf-8")
    fetched_at = datetime.fromisoformat(argv[2]) if len(argv) == 3 else None
    page = pagedump.parse(text, fetched_at=fetched_at)
    print(pagedump.to_json(page, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
