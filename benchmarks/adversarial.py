"""Parse adversarial dumps at growing sizes and report how the time grows.

Usage:
    python benchmarks/adversarial.py [--top-scale 100] [--memory-mb 50]

Each shape is parsed at 1x, 10x and 100x a base size; the sizes named below are the
100x ones (a 5 MB line, 200,000 lines, ...). For each 10x step the script prints the
growth ratio of the parse time: about 10 is linear, 100 would be quadratic. The
promise is a ratio below 15 per 10x step.

Then it parses a dump of --memory-mb megabytes (the reference dump repeated) in a
fresh process and prints its peak memory as a multiple of the dump's size (the
promise: below 10x).
"""

from __future__ import annotations

import argparse
import itertools
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pagedump

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "daily8-seed.txt").read_text(encoding="utf-8")

# name -> a function building the dump at scale s (s = 100 is the size named).
SHAPES: dict[str, Callable[[int], str]] = {
    "one 5 MB line": lambda s: "word " * (10_000 * s),
    "200,000 short lines": lambda s: "A short line of text.\n" * (2_000 * s),
    "100,000 x 'time'": lambda s: "time" * (1_000 * s),
    "100,000 x '  • '": lambda s: "  • " * (1_000 * s),
    "100,000 x '(((('": lambda s: "((((" * (1_000 * s),
    "1,000,000 digits": lambda s: "1" * (10_000 * s),
    "100,000 x 'time' lines": lambda s: "time\n" * (1_000 * s),
    "100,000 x '  • ' lines": lambda s: "  • x\n" * (1_000 * s),
    "100,000 blank lines": lambda s: "\n" * (1_000 * s),
    "100,000 x glued source": lambda s: "Yomiuri Shimbun4 days ago" * (1_000 * s),
    "seed repeated": lambda s: SEED * max(1, s // 10),
}


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top-scale", type=int, default=100,
                        help="the largest scale; 100 gives the sizes named in the table")
    parser.add_argument("--memory-mb", type=int, default=50)
    args = parser.parse_args()
    worst = growth(args.top_scale)
    ratio = memory(args.memory_mb)
    print(f"\nsummary: worst_growth_per_10x={worst:.1f} (limit 15) "
          f"memory_ratio={ratio:.2f} (limit 10)")
    return 0 if worst < 15 and ratio < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
