"""Parse adversarial dumps at growing sizes and report how the time and memory grow.

Usage:
    python benchmarks/adversarial.py [--top-scale 100] [--memory-mb 50] [--batch-records 20000]

The shapes are those of ``tests/shapes.py`` (the unit suite checks the same shapes for
correctness, untimed). Each is parsed at 1x, 10x and 100x a base size; the sizes named
are the 100x ones (a 5 MB line, 200,000 lines, ...). For each 10x step the script prints
the growth ratio of the parse time: about 10 is linear, 100 would be quadratic. The
promise is a ratio below 15 per 10x step.

Then it parses a dump of --memory-mb megabytes (the reference dump repeated) in a
fresh process and prints its peak memory as a multiple of the dump's size (the
promise: below 10x).

Last, it runs ``pagedump parse --jobs 2`` over --batch-records JSON Lines records and over
ten times as many, and prints how much the peak memory of the command and its workers
grew (the promise: at most 1.5x for 10x the input; output kept in memory would grow it
by about 100 MB).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pagedump

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "daily8-seed.txt").read_text(encoding="utf-8")
BATCH_DUMP = ("logo\nHeadline {n}\n\nHeadline {n}\n\nNHK2 hours ago\n"
              "First paragraph of story {n}, long enough to be read as a paragraph.\n")

# The shapes live with the tests, which check that each is read correctly.
sys.path.insert(0, str(ROOT / "tests"))
from shapes import SHAPES  # noqa: E402


def best_time(text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        pagedump.parse(text)
        best = min(best, time.perf_counter() - start)
    return best


def growth(top_scale: int) -> float:
    scales = [max(1, top_scale // 100), max(1, top_scale // 10), top_scale]
    worst = 0.0
    print(f"{'shape':28s} {'size at 1x':>11s} {'1x':>9s} {'10x':>9s} {'100x':>9s} "
          f"{'ratio 1-10':>10s} {'ratio 10-100':>12s}")
    for name, build in SHAPES.items():
        texts = [build(s) for s in scales]
        times = [best_time(t, repeat=3 if len(t) < 10_000_000 else 1) for t in texts]
        # Tiny inputs are dominated by fixed costs; a ratio is only meaningful above ~1 ms.
        ratios = [b / a if a > 1e-3 else math.nan for a, b in itertools.pairwise(times)]
        worst = max([worst, *(r for r in ratios if not math.isnan(r))])
        print(f"{name:28s} {len(texts[0]):11,d} {times[0] * 1e3:8.2f}ms {times[1] * 1e3:8.2f}ms "
              f"{times[2] * 1e3:8.1f}ms {ratios[0]:10.1f} {ratios[1]:12.1f}")
    return worst


_MEMORY_PROBE = """
import resource, sys, pagedump
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
page = pagedump.load(sys.argv[1])
page = pagedump.parse(page)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(before, after)
"""


def memory(megabytes: int) -> float:
    copies = megabytes * 1_000_000 // len(SEED.encode()) + 1
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(SEED * copies)
        path = Path(f.name)
    try:
        size = path.stat().st_size
        out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(path)],
                             check=True, capture_output=True, text=True).stdout.split()
        before_kb, after_kb = int(out[0]), int(out[1])
    finally:
        path.unlink()
    # ru_maxrss is the process's peak in KiB. What loading and parsing the dump added
    # to the interpreter's own footprint is the cost of parsing it.
    parse_peak = (after_kb - before_kb) * 1024
    ratio = parse_peak / size
    print(f"\nmemory: a {size / 1e6:.1f} MB dump; reading and parsing it raised the "
          f"process's peak by {parse_peak / 1e6:.1f} MB = {ratio:.2f}x the dump's size")
    return ratio


_PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def batch_peak(source: Path, target: Path) -> int:
    """The peak resident size (KiB) of a batch run and its workers, in a fresh process."""
    command = [sys.executable, "-m", "pagedump", "parse", "--input-format", "jsonl",
               "--jobs", "2", "--quiet", "--output", str(target), str(source)]
    done = subprocess.run([sys.executable, "-c", _PEAK_RSS, *command],
                          check=True, capture_output=True, text=True)
    return int(done.stdout)


def batch_memory(records: int) -> float:
    peaks: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for count in (records, 10 * records):
            source = Path(scratch) / f"in-{count}.jsonl"
            target = Path(scratch) / f"out-{count}.jsonl"
            with source.open("w", encoding="utf-8") as out:
                for n in range(count):
                    out.write(json.dumps({"id": n, "text": BATCH_DUMP.format(n=n)}) + "\n")
            peaks[count] = batch_peak(source, target)
            with target.open("rb") as written:
                lines = sum(1 for _ in written)
            assert lines == count, f"the batch run wrote {lines} lines for {count} records"
    small, large = peaks[records], peaks[10 * records]
    ratio = large / small
    print(f"\nbatch memory: pagedump parse --jobs 2 peaked at {small / 1024:.1f} MiB for "
          f"{records:,} records, {large / 1024:.1f} MiB for {10 * records:,} "
          f"= {ratio:.2f}x for 10x the input")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top-scale", type=int, default=100,
                        help="the largest scale; 100 gives the sizes named in the table")
    parser.add_argument("--memory-mb", type=int, default=50)
    parser.add_argument("--batch-records", type=int, default=20_000,
                        help="the smaller batch run; the larger has ten times as many")
    args = parser.parse_args()
    worst = growth(args.top_scale)
    ratio = memory(args.memory_mb)
    batch = batch_memory(args.batch_records)
    print(f"\nsummary: worst_growth_per_10x={worst:.1f} (limit 15) "
          f"memory_ratio={ratio:.2f} (limit 10) batch_memory_growth={batch:.2f} (limit 1.5)")
    return 0 if worst < 15 and ratio < 10 and batch <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
