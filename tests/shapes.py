"""Adversarial dump shapes, shared by the unit tests and ``benchmarks/adversarial.py``.

Each shape is a function of a scale ``s``: ``s = 100`` builds the size its name says (a
5 MB line, 200,000 lines, ...), ``s = 1`` a hundredth of it. They are the inputs most
likely to make a pass over the lines quadratic or a pattern backtrack: one very long
line, very many short lines, runs of the text that chrome, time and bullet patterns
start with, glued source/time lines and teaser blocks by the thousand.

The tests parse every shape at a small scale and check the result; the benchmark parses
them at growing scales and prints how the time grows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SEED = (Path(__file__).parent / "data" / "daily8" / "daily8-000-seed.txt").read_bytes().decode(
    "utf-8")

COMPACT_TEASER = "NHK\n2 hours ago\n- NHK\nTitle\nTeaser.\n"
SPACED_TEASER = "T\nT\n\nNHK\n\ntime2 hours ago\n\n  • NHK\n\nT\n\nTeaser.\n\n"

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
    "100,000 glued source lines": lambda s: "Yomiuri Shimbun4 days ago\n" * (1_000 * s),
    "20,000 compact teaser blocks": lambda s: COMPACT_TEASER * (200 * s),
    "10,000 spaced teaser blocks": lambda s: "Related Articles\n" + SPACED_TEASER * (100 * s),
    "seed repeated": lambda s: SEED * max(1, s // 10),
}
