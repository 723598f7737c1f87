"""What a pattern can match: the gates that let a line skip patterns without running them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pagedump
from pagedump._lines import normalize_all
from pagedump._patterns import gate_of, required_text, spaceless

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("source", "required"), [
    (r"Latest news with #\S.*", "Latest news with #"),
    (r"time(?:\d{2}-\d{2}-\d{4}|a few seconds ago)", "time"),
    (r"(?:\S.{0,40}?) (?:\d{1,2} (?:hrs?|days?) ago)(?: \w.*)?", " ago"),
    (r"[A-Z]+ \| Updated: [^|]{5,30}\| Created: .+", " | Updated: "),  # the first longest
    (r"a?bc", "bc"),            # an optional character is not required
    (r"(?:ab)*c", "c"),         # nor is a group that may repeat zero times
    (r"(?:ab)+c", "ab"),        # one that repeats at least once is
    (r"ab|cd", ""),             # alternatives: nothing in common is assumed
    (r"(?i)latest news", ""),   # case-insensitive text is not literal text
    (r"(?i:ab)cd", "cd"),
    (r"\d+", ""),
    (r"(unclosed", ""),         # not a pattern: nothing is assumed
])
def test_required_text(source, required):
    assert required_text(source) == required


@pytest.mark.parametrize(("source", "chars", "digits"), [
    (r"time\d+", {"t"}, False),
    (r"-?\d+", {"-"}, True),
    (r"(?:By|From) .+", {"B", "F"}, False),
])
def test_gate_of_names_the_first_characters(source, chars, digits):
    gate = gate_of(source)
    assert gate is not None
    assert gate.chars == frozenset(chars)
    assert gate.digits is digits


@pytest.mark.parametrize("source", [r".+", r"\w+", r"[^a]b", r"(?=a)a", r"a?"])
def test_gate_of_gives_up_where_any_character_may_start(source):
    assert gate_of(source) is None


@pytest.mark.parametrize("source", [r"(?i)sponsored .+", r"(?i:s)ponsored", r"x|(?:(?i:y)z)",
                                    r"(?:(?i:a))+b"])
def test_gate_of_gives_up_on_a_pattern_that_matches_either_case(source):
    assert gate_of(source) is None


@pytest.mark.parametrize(("source", "expected"), [
    (r"\S+@\S+", True),
    (r"[\w.-]+", True),
    (r"\w+ \w+", False),
    (r".+", False),
])
def test_spaceless(source, expected):
    assert spaceless(source) is expected


def _dialect_patterns() -> list[str]:
    sources: list[str] = []
    for name in pagedump.list_dialects():
        dialect = pagedump.get_dialect(name)
        sources += [*dialect.meta_patterns, *dialect.junk_patterns]
        sources += [p for p in (dialect.listing_title, dialect.time_pattern,
                                dialect.byline_pattern, dialect.stamp_pattern) if p]
    return sources


def _fixture_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(DATA.rglob("*.txt")):
        lines += normalize_all(path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if 0 < len(line) <= 300]


FIXTURE_LINES = _fixture_lines()


@pytest.mark.parametrize("source", _dialect_patterns())
def test_every_match_in_the_fixtures_holds_the_required_text_and_starts_in_the_gate(source):
    pattern = re.compile(source)
    required, gate = required_text(source), gate_of(source)
    for line in FIXTURE_LINES:
        if pattern.fullmatch(line):
            assert required in line
            assert gate is None or line[0] in gate.chars or (gate.digits and line[0].isdigit())
            assert not spaceless(source) or " " not in line


LITERAL_HEAVY = r"(?:a|b)+ \| (?:ab)+:[ab]*(?:x?yz)"


@given(st.from_regex(LITERAL_HEAVY, fullmatch=True))
def test_required_text_is_in_every_match(text):
    assert required_text(LITERAL_HEAVY) in text
