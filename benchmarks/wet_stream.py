"""Throughput and memory of streaming a WET file with pagedump.read_wet.

Writes gzip WET files of 10,000 and 100,000 pages (the Daily8 test dumps, one gzip
member per record, as Common Crawl writes them), then reads each in a fresh process and
prints records per second (reading alone, and reading and parsing) and the peak
resident memory. Memory should not grow with the number of records: the last line
prints how much the peak of reading grew from 10,000 to 100,000 records (the promise:
at most 1.5x).

    python benchmarks/wet_stream.py              # 10k and 100k records
    python benchmarks/wet_stream.py --compare    # also raw fastwarc against warcio

Needs the warc extra (pip install 'pagedump[warc]'); --compare needs warcio too.
"""

from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

DUMPS = Path(__file__).resolve().parent.parent / "tests" / "data" / "daily8"
COUNTS = (10_000, 100_000)

_MEASURE = """
import resource, sys, time
from datetime import datetime
import fastwarc.warc  # imported before the clock starts, as read_wet would
import pagedump

path, mode = sys.argv[1], sys.argv[2]
start = time.perf_counter()
count = 0
for record in pagedump.read_wet(path, errors="raise"):
    if mode == "parse":
        pagedump.parse(record.text, fetched_at=record.fetched_at)
    count += 1
seconds = time.perf_counter() - start
print(count, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_RAW = """
import sys, time
path, library = sys.argv[1], sys.argv[2]
start = time.perf_counter()
count = 0
with open(path, "rb") as stream:
    if library == "fastwarc":
        from fastwarc.warc import ArchiveIterator, WarcRecordType
        for record in ArchiveIterator(stream, record_types=WarcRecordType.conversion,
                                      parse_http=False):
            record.headers.get("WARC-Target-URI"), record.headers.get("WARC-Date")
            record.reader.read()
            count += 1
    else:
        from warcio.archiveiterator import ArchiveIterator
        for record in ArchiveIterator(stream):
            if record.rec_type == "conversion":
                record.rec_headers.get_header("WARC-Target-URI")
                record.rec_headers.get_header("WARC-Date")
                record.content_stream().read()
                count += 1
print(count, time.perf_counter() - start)
"""


def record(text: bytes, number: int) -> bytes:
    warc = WarcRecord()
    warc.init_headers(record_type=WarcRecordType.conversion, content_length=len(text))
    warc.headers["WARC-Target-URI"] = f"https://daily8.com/article/{number}"
    warc.headers["WARC-Date"] = "2025-07-14T12:00:00Z"
    warc.headers["Content-Type"] = "text/plain"
    warc.set_bytes_content(text)
    out = io.BytesIO()
    warc.write(out)
    return gzip.compress(out.getvalue())


def write_wet(path: Path, count: int) -> float:
    texts = [dump.read_bytes() for dump in sorted(DUMPS.glob("*.txt"))]
    with path.open("wb") as out:
        for number in range(count):
            out.write(record(texts[number % len(texts)], number))
    return path.stat().st_size / 1e6


def run(script: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, check=True)
    return done.stdout.split()


def measure(path: Path, mode: str) -> tuple[int, float, float]:
    count, seconds, peak_kib = run(_MEASURE, str(path), mode)
    return int(count), int(count) / float(seconds), int(peak_kib) / 1024


def compare(path: Path) -> None:
    for library in ("fastwarc", "warcio"):
        try:
            count, seconds = run(_RAW, str(path), library)
        except subprocess.CalledProcessError as exc:
            print(f"  {library:8}  skipped: {exc.stderr.strip().splitlines()[-1]}")
            continue
        print(f"  {library:8}  {int(count) / float(seconds):>9,.0f} records/s "
              f"(raw iteration: headers and text, no pagedump)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true",
                        help="also time raw fastwarc and warcio iteration on the largest file")
    args = parser.parse_args()
    read_peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for count in COUNTS:
            path = Path(scratch) / f"bench-{count}.warc.wet.gz"
            started = time.perf_counter()
            size = write_wet(path, count)
            print(f"{count:,} records, {size:,.0f} MB gzip "
                  f"(written in {time.perf_counter() - started:.1f} s)")
            for mode in ("read", "parse"):
                read, rate, peak = measure(path, mode)
                assert read == count, (read, count)
                label = "read_wet" if mode == "read" else "read_wet + parse"
                print(f"  {label:17} {rate:>9,.0f} records/s   peak RSS {peak:,.1f} MiB")
                if mode == "read":
                    read_peaks[count] = peak
            if args.compare and count == COUNTS[-1]:
                compare(path)
    small, large = (read_peaks[count] for count in COUNTS)
    growth = large / small
    print(f"memory: the peak of read_wet grew {growth:.2f}x from {COUNTS[0]:,} to "
          f"{COUNTS[-1]:,} records (limit 1.5)")
    return 0 if growth <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
