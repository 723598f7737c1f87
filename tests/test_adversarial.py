"""Adversarial dumps: every shape of ``tests/shapes.py`` is read correctly at a small size.

How the parse time and memory grow with these shapes is measured by
``benchmarks/adversarial.py``, which prints the ratios (see ``docs/guarantees.md``,
section 4); the unit suite holds no wall-clock or memory threshold. Here each shape is
built at a twentieth of the size its name says and must tokenize with one line per
``str.splitlines()`` element at exact offsets, parse with every non-blank line accounted
for and nothing invented, and round-trip through JSON.
"""

from __future__ import annotations

import pytest

import pagedump
from accounting import invented, unaccounted
from shapes import SHAPES

SCALE = 5  # a twentieth of the named sizes: a 250 kB line, 10,000 short lines, ...


@pytest.fixture(scope="module", params=SHAPES)
def text(request: pytest.FixtureRequest) -> str:
    return SHAPES[request.param](SCALE)


def test_every_shape_tokenizes_one_line_per_element_at_exact_offsets(text: str) -> None:
    lines = pagedump.tokenize(text)

    assert [line.text for line in lines] == text.splitlines()
    assert all(text[line.start:line.end] == line.text for line in lines)


def test_every_shape_parses_without_losing_or_inventing_a_line(text: str) -> None:
    page = pagedump.parse(text)

    assert unaccounted(text, page) == []
    assert invented(text, page) == []


def test_every_shape_round_trips_through_json(text: str) -> None:
    page = pagedump.parse(text)

    assert pagedump.from_json(pagedump.to_json(page)) == page


def test_the_shapes_are_the_sizes_their_names_say() -> None:
    # The benchmark prints these names beside its figures at scale 100.
    assert len(SHAPES["one 5 MB line"](100)) == 5_000_000
    assert len(SHAPES["200,000 short lines"](100).splitlines()) == 200_000
    assert len(SHAPES["1,000,000 digits"](100)) == 1_000_000
    assert SHAPES["100,000 x '(((('"](100).count("((((") == 100_000
    assert len(SHAPES["100,000 glued source lines"](100).splitlines()) == 100_000
    assert SHAPES["20,000 compact teaser blocks"](100).count("- NHK\n") == 20_000
    assert SHAPES["10,000 spaced teaser blocks"](100).count("  • NHK\n") == 10_000
