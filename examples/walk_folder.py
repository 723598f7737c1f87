"""Parse every dump under a folder into JSON Lines, one page per line, streaming.

Usage:
    python examples/walk_folder.py FOLDER [OUTPUT.jsonl] [--fetched-at TIME]

Dumps are the ``*.txt`` files below FOLDER, in sorted order. Each is read, parsed and
written before the next is opened, so memory stays flat however many there are.
Without OUTPUT the lines go to standard output. A dump that cannot be decoded is
reported on standard error and skipped. The ``pagedump parse FOLDER`` command does
the same with worker processes; this is the loop to copy into your own code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO

import pagedump


def dumps(folder: Path) -> Iterator[Path]:
    """The dump files below ``folder``, lazily, one directory at a time, sorted."""
    entries = sorted(folder.iterdir())
    for path in entries:
        if path.is_file() and path.suffix == ".txt":
            yield path
    for path in entries:
        if path.is_dir():
            yield from dumps(path)


def convert(folder: Path, out: TextIO, fetched_at: datetime | None) -> tuple[int, int]:
    done = failed = 0
    for path in dumps(folder):
        try:
            text = pagedump.load(path, fallback="cp1252")
        except (OSError, pagedump.PagedumpError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        page = pagedump.parse(text, fetched_at=fetched_at)
        record = {"path": str(path), "page": pagedump.to_dict(page)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        done += 1
    return done, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("output", nargs="?", type=Path)
    parser.add_argument("--fetched-at", type=datetime.fromisoformat)
    args = parser.parse_args()
    if args.output is None:
        done, failed = convert(args.folder, sys.stdout, args.fetched_at)
    else:
        with args.output.open("w", encoding="utf-8") as out:
            done, failed = convert(args.folder, out, args.fetched_at)
    print(f"{done} pages written, {failed} dumps failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
