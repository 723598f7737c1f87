"""What ``pagedump parse --resume`` costs, as ratios that do not depend on the machine.

For each kind of input (a directory of text dumps, a JSON Lines file, a WET file), the
tests' Daily8 dumps repeated to N inputs, parsed with ``--jobs 1``:

1. A whole run with ``--resume`` against the same run without it: what the journal (a
   line per batch, an fsync every five seconds) and the fingerprint of the inputs
   (every file found and stat'ed when the run starts) cost. Target: at most 1.1x
   (the fingerprint costs most for many small files: about 8 microseconds a file).
2. Going on once every input is done against the whole run: what a resumed run pays
   to walk past the inputs done (text files by name, JSON Lines records by their
   lines, WET pages by reading their records), measured by removing the journal's
   last line, which says the run is complete. Target: at most 0.25x (WET input, whose
   pages must be read again, costs the most).

Times are those of the command less the time it takes to start and stop with nothing
to do (the best of five runs over no input), so that the ratios compare the work. Each
side is run five times (three with ``--quick``), alternating with the others, and the
best time counts: on a busy host, single runs vary by 10% or more.

    python benchmarks/resume.py            # 10,000 inputs of each kind
    python benchmarks/resume.py --quick    # 3,000

Needs the warc extra (pip install 'pagedump[warc]').
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

DUMPS = Path(__file__).resolve().parent.parent / "tests" / "data" / "daily8"
FETCHED = "2025-07-14T12:00:00+00:00"


def write_inputs(scratch: Path, count: int) -> dict[str, list[str]]:
    """The arguments of a run over each kind of input."""
    texts = [dump.read_text(encoding="utf-8") for dump in sorted(DUMPS.glob("*.txt"))]
    folder = scratch / "crawl"
    for number in range(count):
        path = folder / f"{number // 1000:03}" / f"{number:06}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[number % len(texts)], encoding="utf-8")
    records = scratch / "records.jsonl"
    with records.open("w", encoding="utf-8") as stream:
        for number in range(count):
            stream.write(json.dumps({"id": number, "text": texts[number % len(texts)]}) + "\n")
    wet = scratch / "pages.warc.wet.gz"
    with wet.open("wb") as stream:
        for number in range(count):
            stream.write(wet_record(texts[number % len(texts)].encode(), number))
    return {
        "text": ["--fetched-at", FETCHED, str(folder)],
        "jsonl": ["--input-format", "jsonl", "--fetched-at", FETCHED, str(records)],
        "wet": ["--input-format", "wet", str(wet)],
    }


def wet_record(text: bytes, number: int) -> bytes:
    record = WarcRecord()
    record.init_headers(record_type=WarcRecordType.conversion, content_length=len(text))
    record.headers["WARC-Target-URI"] = f"https://daily8.com/article/{number}"
    record.headers["WARC-Date"] = "2025-07-14T12:00:00Z"
    record.set_bytes_content(text)
    out = io.BytesIO()
    record.write(out)
    return gzip.compress(out.getvalue())


def timed(args: list[str]) -> float:
    command = [sys.executable, "-m", "pagedump", "parse", "--jobs", "1", "--quiet", *args]
    started = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def reopen(output: Path) -> None:
    """Make a finished run look stopped after its last input: drop the journal's last line."""
    journal = Path(f"{output}.resume")
    lines = journal.read_bytes().split(b"\n")[:-1]
    assert json.loads(lines[-1])["complete"] is True
    journal.write_bytes(b"\n".join(lines[:-1]) + b"\n")


def measure(kind: str, args: list[str], scratch: Path, *, rounds: int,
            idle: float) -> tuple[float, float]:
    plain, resumable = scratch / f"{kind}-plain.jsonl", scratch / f"{kind}-resumable.jsonl"
    without, with_, going_on = [], [], []
    for _ in range(rounds):
        without.append(timed([*args, "-o", str(plain)]))
        resumable.unlink(missing_ok=True)
        with_.append(timed([*args, "-o", str(resumable), "--resume"]))
        reopen(resumable)
        going_on.append(timed([*args, "-o", str(resumable), "--resume"]))
    assert filecmp.cmp(plain, resumable, shallow=False), f"{kind}: the outputs differ"
    work = min(without) - idle
    keeping, walking = (min(with_) - idle) / work, (min(going_on) - idle) / work
    print(f"{kind:5}  whole run {work:6.2f} s   with --resume {keeping:.3f}x   "
          f"going on after every input {walking:.3f}x")
    return keeping, walking


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3,000 inputs of each kind")
    quick = parser.parse_args().quick
    count, rounds = (3_000, 3) if quick else (10_000, 5)
    with tempfile.TemporaryDirectory() as directory:
        scratch = Path(directory)
        runs = write_inputs(scratch, count)
        empty = scratch / "empty.jsonl"
        empty.touch()
        idle = min(timed(["--input-format", "jsonl", str(empty), "-o", str(scratch / "none")])
                   for _ in range(5))
        print(f"{count:,} inputs of each kind, --jobs 1, best of {rounds}; "
              f"starting and stopping takes {idle:.2f} s, not counted")
        ratios = {kind: measure(kind, args, scratch, rounds=rounds, idle=idle)
                  for kind, args in runs.items()}
    keeping = max(ratio for ratio, _ in ratios.values())
    going_on = max(ratio for _, ratio in ratios.values())
    print(f"journal: at most {keeping:.3f}x a run without --resume (target 1.1)")
    print(f"going on: at most {going_on:.3f}x the whole run (target 0.25)")
    return 0 if keeping <= 1.1 and going_on <= 0.25 else 1


if __name__ == "__main__":
    sys.exit(main())
