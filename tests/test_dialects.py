"""Dialects: the registry, sniffing, and the accuracy of each built-in aggregator dialect."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest

import pagedump
from pagedump.exceptions import DialectExistsError, DialectNotFoundError, InputTypeError
from test_accuracy import Score, score_page

DATA = Path(__file__).parent / "data"
BUILT_IN = ("daily8", "generic", "msn", "wire", "yahoo")
# Per dialect, the floors of its accuracy gate on its labelled fixtures: pinned at what
# is achieved (1.0 for every figure), never lowered to make a change pass.
FLOORS = {
    "yahoo": {"line_accuracy": 1.0, "field_accuracy": 1.0, "paragraphs_f1": 1.0,
              "related_f1": 1.0},
    "msn": {"line_accuracy": 1.0, "field_accuracy": 1.0, "paragraphs_f1": 1.0,
            "related_f1": 1.0},
    "wire": {"line_accuracy": 1.0, "field_accuracy": 1.0, "paragraphs_f1": 1.0,
             "related_f1": 1.0},
}


def dumps(folder: str) -> list[Path]:
    return sorted(p for p in (DATA / folder).glob("*.txt") if not p.name.endswith(".body.txt"))


SNIFF_CASES = [(folder, path) for folder in BUILT_IN for path in dumps(folder)]


# -- the registry ----------------------------------------------------------------------------

def test_the_built_in_dialects_are_registered():
    assert set(BUILT_IN) <= set(pagedump.list_dialects())
    assert list(pagedump.list_dialects()) == sorted(pagedump.list_dialects())
    for name in BUILT_IN:
        assert pagedump.get_dialect(name).name == name


def test_an_unknown_name_says_which_names_exist():
    with pytest.raises(DialectNotFoundError) as caught:
        pagedump.get_dialect("daily9")

    assert "daily8" in str(caught.value)


def test_a_derived_dialect_registers_and_reads_its_own_chrome():
    mirror = attrs.evolve(pagedump.DAILY8, name="test-mirror",
                          chrome=pagedump.DAILY8.chrome | {"Subscribe to the mirror"})
    dump = "logo\nHeadline\n\nHeadline\n\nNHK2 hours ago\nFirst paragraph.\nSubscribe to the mirror"
    pagedump.register_dialect(mirror)
    try:
        page = pagedump.parse(dump, dialect="test-mirror")
        plain = pagedump.parse(dump, dialect="daily8")
    finally:
        pagedump.register_dialect(attrs.evolve(mirror, chrome=mirror.chrome), replace=True)

    assert page.site == "test-mirror"
    assert page.boilerplate[-1] == "Subscribe to the mirror"
    assert plain.article is not None
    assert "Subscribe to the mirror" in plain.article.paragraphs


def test_a_taken_name_needs_replace():
    with pytest.raises(DialectExistsError):
        pagedump.register_dialect(pagedump.DAILY8)
    pagedump.register_dialect(pagedump.DAILY8, replace=True)
    assert pagedump.get_dialect("daily8") is pagedump.DAILY8


def test_a_broken_pattern_fails_when_the_dialect_is_made():
    with pytest.raises(Exception, match=r"unterminated|missing"):
        attrs.evolve(pagedump.DAILY8, name="broken", meta_patterns=("(?P<time>oops",))


# -- sniffing --------------------------------------------------------------------------------

@pytest.mark.parametrize(("folder", "path"), SNIFF_CASES,
                         ids=[f"{f}/{p.stem}" for f, p in SNIFF_CASES])
def test_every_fixture_sniffs_as_its_dialect(folder, path):
    text = path.read_text(encoding="utf-8")

    assert pagedump.sniff(text).name == folder
    assert pagedump.parse(text).site == folder


@pytest.mark.parametrize("cut", [200, 700, 1200])
def test_fragments_of_daily8_pages_never_sniff_as_generic(cut):
    for path in dumps("daily8"):
        text = path.read_text(encoding="utf-8")
        for piece in (text[:cut], text[cut:]):
            if piece.strip():
                assert pagedump.sniff(piece).name != "generic", (path.name, cut)


def test_parse_without_a_dialect_equals_parse_with_the_sniffed_one():
    for folder in BUILT_IN:
        for path in dumps(folder)[:3]:
            text = path.read_text(encoding="utf-8")
            assert pagedump.parse(text) == pagedump.parse(text, dialect=pagedump.sniff(text))


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\u2028"])
def test_parse_sniffs_the_dialect_sniff_names_whatever_the_cut(separator):
    # parse() sniffs from the lines it has already split and normalized; it must
    # choose exactly as sniff() does on the raw text, also where the sample's head
    # ends inside a line and where a separator is cut in two.
    for folder in BUILT_IN:
        for path in dumps(folder)[:4]:
            text = path.read_text(encoding="utf-8").replace("\n", separator)
            for at in range(0, len(text), 211):
                for piece in (text[at:], text[:at], text[at:at + 3001]):
                    assert pagedump.parse(piece).site == pagedump.sniff(piece).name


def test_sniffing_follows_a_replaced_dialect():
    first = attrs.evolve(pagedump.DAILY8, name="test-sniffed", logo_marks=frozenset({"MIRROR1"}))
    second = attrs.evolve(first, logo_marks=frozenset({"MIRROR2"}))
    dump = "MIRROR2\nHeadline\n\nHeadline\n\nNHK2 hours ago\nFirst paragraph."
    pagedump.register_dialect(first)
    assert pagedump.sniff(dump).name == "daily8"
    pagedump.register_dialect(second, replace=True)
    try:
        assert pagedump.sniff(dump) is second
    finally:
        pagedump.register_dialect(first, replace=True)


def test_sniff_refuses_bytes():
    with pytest.raises(InputTypeError):
        pagedump.sniff(b"logo")  # type: ignore[arg-type]


# -- each aggregator dialect's accuracy ------------------------------------------------------

@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_dialect_accuracy_gate(folder):
    score = Score()
    for path in dumps(folder):
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        score_page(score, path.stem, path.read_text(encoding="utf-8"), labels)

    assert score.pages == len(dumps(folder)) > 0
    assert score.crashes == 0, score.report()
    for figure, floor in FLOORS[folder].items():
        assert score.figures[figure] >= floor, score.report()


# -- what each layout gives ------------------------------------------------------------------

def test_yahoo_cards_give_title_section_and_outlet():
    page = pagedump.parse((DATA / "yahoo" / "yahoo-01-home.txt").read_text(encoding="utf-8"))

    assert page.kind == pagedump.PageKind.LISTING
    first = page.related[0]
    assert (first.title, first.categories, first.source) == (
        "Harbour city unveils plan for a floating solar farm", ("News",), "CBC")
    assert first.teaser is not None
    assert first.teaser.startswith("The city said on Tuesday")


def test_wire_metadata_line_gives_agency_place_and_time():
    page = pagedump.parse((DATA / "wire" / "wire-01-city.txt").read_text(encoding="utf-8"))

    assert page.article is not None
    assert (page.article.source, page.article.agency, page.article.location) == (
        "PTI", "PTI", "Nagpur")
    assert page.article.published is not None
    assert page.article.published.value is not None
    assert page.article.published.value.isoformat() == "2025-08-03T18:40:00+05:30"
    assert [item.title for item in page.related] == [
        "Farmers in the district to get solar pumps under new scheme",
        "City bus depot to be converted into an electric charging hub"]


def test_msn_date_line_gives_time_source_and_byline():
    page = pagedump.parse((DATA / "msn" / "msn-02-article.txt").read_text(encoding="utf-8"),
                          fetched_at=datetime(2025, 8, 12, 12, tzinfo=UTC))

    assert page.article is not None
    assert (page.article.source, page.article.byline) == ("MSN UK", "Jane Holloway")
    assert page.article.published is not None
    assert page.article.published.value == datetime(2025, 8, 12, 5, tzinfo=UTC)
