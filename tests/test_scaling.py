"""Parse time grows linearly with the size of the dump, whatever its shape.

The benchmark script ``benchmarks/adversarial.py`` measures this at full size and
prints the ratios; this test guards the worst shapes at a size CI can afford. A
quadratic step would multiply the time by 100 for a 10x larger input; the bound is
wide (40x) so that a loaded machine does not make it flaky, and still catches that.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import pagedump

SHAPES: dict[str, Callable[[int], str]] = {
    "one long line of words": lambda n: "word " * (50_000 * n),
    "one line of digits": lambda n: "1" * (10_000 * n),
    "many short lines": lambda n: "A short line of text.\n" * (200 * n),
    "repeated 'time' lines": lambda n: "time\n" * (200 * n),
    "repeated bullet lines": lambda n: "  • x\n" * (200 * n),
    "repeated '(((('": lambda n: "((((" * (20_000 * n),
    "glued source lines": lambda n: "Yomiuri Shimbun4 days ago\n" * (200 * n),
    "compact teaser blocks": lambda n: "NHK\n2 hours ago\n- NHK\nTitle\nTeaser.\n" * (50 * n),
    "spaced teaser blocks": lambda n: (
        "Related Articles\n" + "T\nT\n\nNHK\n\ntime2 hours ago\n\n  • NHK\n\nT\n\nTeaser.\n\n"
        * (30 * n)),
}
GROWTH = 10
BOUND = 40


def best_of(text: str, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        pagedump.parse(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_parse_time_grows_linearly(shape: str) -> None:
    build = SHAPES[shape]
    small, large = best_of(build(2)), best_of(build(2 * GROWTH))

    assert large / small < BOUND, f"{shape}: {small:.4f}s -> {large:.4f}s for {GROWTH}x input"
