"""Print the token stream of a dump: every line with its number and kind.

Usage:
    python examples/token_stream.py DUMP

Long lines are shortened to fit a terminal; a count of the lines of each kind follows.
``pagedump tokens DUMP`` prints the same stream, coloured.
"""

from __future__ import annotations

import collections
import sys

import pagedump

WIDTH = 72


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    lines = pagedump.tokenize(pagedump.load(argv[1]))
    for line in lines:
        text = line.text if len(line.text) <= WIDTH else line.text[: WIDTH - 1] + "…"
        print(f"{line.lineno:>4}  {line.kind.value:<11}  {text}".rstrip())
    counts = collections.Counter(line.kind for line in lines)
    print()
    print(", ".join(f"{counts[kind]} {kind.value}" for kind in pagedump.LineKind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
