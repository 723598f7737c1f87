"""Properties that hold for every dump: totality, offsets, round trips, determinism.

The dumps come from :mod:`strategies`: real Daily8 layout pieces mixed with arbitrary
text, control characters, surrogates, emoji, very long lines and every line separator.

Hypothesis profiles are registered in ``conftest.py`` and chosen with the
``HYPOTHESIS_PROFILE`` environment variable:

* ``ci`` (the default): 500 examples per property, no deadline.
* ``thorough``: 20,000 examples per property, no deadline, for a long local run::

      HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import assume, example, given
from hypothesis import strategies as st

import pagedump
from strategies import SEPARATORS, aware_datetimes, dumps, join, line_lists, pages

A1_PAGE = "logo\nH\n\nH\n\nNHK{}\nBody."
# Relative times that would fall before year 1 must stay unresolved, not raise.
EARLIEST = datetime.min.replace(tzinfo=UTC)
# "an hour ago" from 03:30 on the day New York springs forward.
SPRING_FORWARD = datetime(2025, 3, 9, 3, 30, tzinfo=ZoneInfo("America/New_York"))


@given(dumps())
def test_tokenize_gives_one_line_per_splitlines_element_with_exact_offsets(text: str) -> None:
    lines = pagedump.tokenize(text)

    assert [line.text for line in lines] == text.splitlines()
    assert [line.lineno for line in lines] == list(range(1, len(lines) + 1))
    for line in lines:
        assert text[line.start:line.end] == line.text
        assert isinstance(line.kind, pagedump.LineKind)
    starts = [line.start for line in lines]
    assert starts == sorted(starts)


@given(st.text())
def test_tokenize_accepts_any_str(text: str) -> None:
    assert len(pagedump.tokenize(text)) == len(text.splitlines())


@given(dumps(), st.one_of(st.none(), aware_datetimes()))
@example(A1_PAGE.format("4 days ago"), EARLIEST)
@example(A1_PAGE.format("a few seconds ago"), EARLIEST)
def test_parse_never_raises_on_content(text: str, fetched_at: datetime | None) -> None:
    page = pagedump.parse(text, fetched_at=fetched_at)

    assert isinstance(page, pagedump.Page)
    assert page.site in pagedump.list_dialects()


@given(st.text(), st.one_of(st.none(), aware_datetimes()))
def test_parse_accepts_any_str(text: str, fetched_at: datetime | None) -> None:
    page = pagedump.parse(text, fetched_at=fetched_at)

    # Whatever the text, the page is a complete one: read by a registered dialect and
    # serializable to JSON that reads back to the same page.
    assert page.site in pagedump.list_dialects()
    assert pagedump.from_json(pagedump.to_json(page)) == page


@given(pages())
@example((A1_PAGE.format("an hour ago"), SPRING_FORWARD))
def test_json_round_trip_gives_the_same_page(case: tuple[str, datetime | None]) -> None:
    text, fetched_at = case
    page = pagedump.parse(text, fetched_at=fetched_at)

    assert pagedump.from_json(pagedump.to_json(page)) == page
    assert pagedump.from_json(pagedump.to_json(page, indent=2)) == page


@given(pages())
@example((A1_PAGE.format("an hour ago"), SPRING_FORWARD))
def test_dict_round_trip_gives_the_same_page(case: tuple[str, datetime | None]) -> None:
    text, fetched_at = case
    page = pagedump.parse(text, fetched_at=fetched_at)

    assert pagedump.from_dict(pagedump.to_dict(page)) == page


@given(pages())
def test_to_json_is_deterministic(case: tuple[str, datetime | None]) -> None:
    text, fetched_at = case
    first = pagedump.parse(text, fetched_at=fetched_at)
    second = pagedump.parse(text, fetched_at=fetched_at)

    assert first == second
    assert pagedump.to_json(first) == pagedump.to_json(first) == pagedump.to_json(second)
    assert pagedump.to_json(first, indent=2) == pagedump.to_json(second, indent=2)


@given(line_lists())
def test_crlf_line_endings_give_the_same_kinds_as_lf(parts: list[str]) -> None:
    lf = join(parts, ["\n"])
    crlf = join(parts, ["\r\n"])

    assert [line.kind for line in pagedump.tokenize(crlf)] == [
        line.kind for line in pagedump.tokenize(lf)]
    assert pagedump.parse(crlf) == pagedump.parse(lf)


@given(line_lists(), st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=6))
def test_any_mix_of_line_separators_gives_the_same_kinds_as_lf(
        parts: list[str], seps: list[str]) -> None:
    lf = join(parts, ["\n"])
    mixed = join(parts, seps)
    # "\r" followed by an empty line and "\n" would merge into one "\r\n" break.
    assume(mixed.splitlines() == lf.splitlines())

    assert [line.kind for line in pagedump.tokenize(mixed)] == [
        line.kind for line in pagedump.tokenize(lf)]
