"""Dialects: checked fields, the registry, sniffing, and each built-in dialect's accuracy.

Tests that register, replace or unregister a dialect take the ``registry`` fixture
(``conftest.py``), which restores the registry afterwards.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest

import pagedump
from pagedump import _sniff
from pagedump._lines import normalize_all
from pagedump.exceptions import (
    BuiltInDialectError,
    DialectError,
    DialectExistsError,
    DialectNotFoundError,
    InputTypeError,
)
from test_accuracy import Score, score_page

DATA = Path(__file__).parent / "data"
BUILT_IN = (
    "daily8", "generic", "msn", "wire", "yahoo", "inshorts", "bing-mirror", "rssing",
    "express-digest", "wordpress-aggregator", "onenewspage", "newsbreak", "worldnews",
    "autoblog", "ifttt-blogger", "rss-render", "top-stories", "portal-news",
    "ground-news", "newsletter-mirror", "feed",
)
# The dialects whose labelled fixtures sit in a folder of their name under data/
# (those of the other families are in data/families: test_families.py).
FOLDERS = ("daily8", "generic", "msn", "wire", "yahoo")
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


SNIFF_CASES = [(folder, path) for folder in FOLDERS for path in dumps(folder)]
# Fixtures of a dialect's layout that carry none of its evidence: a Daily8 fragment of
# nothing but a story's paragraphs and a credit line could come from any site, and is
# read as an ordinary page (its labels hold for that reading too: test_accuracy.py).
NO_EVIDENCE = frozenset({"daily8/synthetic-22"})


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


def test_a_derived_dialect_registers_and_reads_its_own_chrome(registry):
    mirror = attrs.evolve(pagedump.DAILY8, name="test-mirror",
                          chrome=pagedump.DAILY8.chrome | {"Subscribe to the mirror"})
    dump = "logo\nHeadline\n\nHeadline\n\nNHK2 hours ago\nFirst paragraph.\nSubscribe to the mirror"
    pagedump.register_dialect(mirror)
    page = pagedump.parse(dump, dialect="test-mirror")
    plain = pagedump.parse(dump, dialect="daily8")

    assert page.site == "test-mirror"
    assert page.boilerplate[-1] == "Subscribe to the mirror"
    assert plain.article is not None
    assert "Subscribe to the mirror" in plain.article.paragraphs


def test_a_case_insensitive_junk_pattern_matches_either_case(registry):
    mirror = attrs.evolve(pagedump.DAILY8, name="test-mirror",
                          junk_patterns=(r"(?i:sponsored content)\b.*",))
    pagedump.register_dialect(mirror)
    text = ("Headline of the story\n\nHeadline of the story\n\nNHK2 hours ago\n"
            "The story's first paragraph, long enough to be read as one.\n"
            "SPONSORED CONTENT from a partner\n"
            "The story's second paragraph, long enough to be read as one too.\n")
    kinds = [line.kind for line in pagedump.tokenize(text, dialect="test-mirror")]
    assert kinds[6] == pagedump.LineKind.BOILERPLATE


@pytest.mark.parametrize("field", ["time_pattern", "junk_patterns"])
def test_flags_for_a_whole_pattern_are_refused_with_their_scoped_form(field):
    given = r"(?i)sponsored .+"
    with pytest.raises(DialectError) as caught:
        pagedump.Dialect(name="x", **{field: given if field == "time_pattern" else [given]})
    assert caught.value.field == field
    assert "'(?i:sponsored .+)'" in caught.value.reason


def test_a_taken_name_needs_replace(registry):
    with pytest.raises(DialectExistsError):
        pagedump.register_dialect(pagedump.DAILY8)
    pagedump.register_dialect(pagedump.DAILY8, replace=True)
    assert pagedump.get_dialect("daily8") is pagedump.DAILY8


def test_unregistering_returns_the_dialect_and_frees_its_name(registry):
    mirror = attrs.evolve(pagedump.DAILY8, name="test-mirror")
    pagedump.register_dialect(mirror)

    assert pagedump.unregister_dialect("test-mirror") is mirror
    assert "test-mirror" not in pagedump.list_dialects()
    with pytest.raises(DialectNotFoundError):
        pagedump.get_dialect("test-mirror")
    with pytest.raises(DialectNotFoundError):
        pagedump.unregister_dialect("test-mirror")
    pagedump.register_dialect(mirror)  # the name is free again


@pytest.mark.parametrize("name", BUILT_IN)
def test_a_built_in_dialect_stays_registered(registry, name):
    replacement = attrs.evolve(pagedump.get_dialect(name), description="replaced")
    pagedump.register_dialect(replacement, replace=True)

    with pytest.raises(BuiltInDialectError):
        pagedump.unregister_dialect(name)
    assert pagedump.get_dialect(name) is replacement


def test_the_registry_fixture_restores_names_dialects_and_their_order(registry):
    before = (pagedump.list_dialects(), [d.name for d in _dialects_in_sniffing_order()])
    pagedump.register_dialect(attrs.evolve(pagedump.DAILY8, name="test-one"))
    pagedump.register_dialect(attrs.evolve(pagedump.DAILY8, description="x"), replace=True)
    pagedump.unregister_dialect("test-one")
    pagedump.register_dialect(attrs.evolve(pagedump.DAILY8, name="test-two"))

    assert (pagedump.list_dialects(), [d.name for d in _dialects_in_sniffing_order()]) != before


def test_the_registry_is_as_it_was_after_the_test_above():
    assert pagedump.list_dialects() == tuple(sorted(BUILT_IN))
    assert pagedump.get_dialect("daily8") is pagedump.DAILY8


def _dialects_in_sniffing_order() -> tuple[pagedump.Dialect, ...]:
    from pagedump._dialects import registered  # noqa: PLC0415 - the private order, for a check

    return registered()


# -- a dialect's fields are checked when it is made ------------------------------------------

def _fields_converted_by(name: str) -> list[str]:
    return [f.name for f in attrs.fields(pagedump.Dialect)
            if getattr(f.converter, "__name__", None) == name]


SET_FIELDS = _fields_converted_by("_to_frozenset")
TUPLE_FIELDS = _fields_converted_by("_to_tuple")
PATTERN_FIELDS = ["listing_title", "time_pattern", "byline_pattern", "stamp_pattern",
                  "author_item_pattern", "date_pattern"]
PATTERN_TUPLES = ["junk_patterns", "meta_patterns", "shapes"]


def test_the_collection_fields_are_the_ones_expected():
    assert SET_FIELDS == ["logo_marks", "listing_marks", "chrome", "related_heading",
                          "end_block", "junk_lines", "widget_starts", "function_words"]
    assert {"junk_patterns", "meta_patterns", "bullets", "date_formats"} <= set(TUPLE_FIELDS)
    assert "trailer_starts" not in attrs.fields_dict(pagedump.Dialect)  # read by nothing


@pytest.mark.parametrize("field", SET_FIELDS)
@pytest.mark.parametrize("given", [lambda: ["a", "b"], lambda: ("a", "b"), lambda: {"a", "b"},
                                   lambda: iter(["b", "a", "a"])],
                         ids=["list", "tuple", "set", "iterator"])
def test_a_set_field_takes_any_iterable_of_str_and_holds_a_frozenset(field, given):
    value = getattr(pagedump.Dialect(name="x", **{field: given()}), field)

    assert type(value) is frozenset
    assert value == frozenset({"a", "b"})


@pytest.mark.parametrize("field", TUPLE_FIELDS)
@pytest.mark.parametrize("given", [lambda: ["a", "b"], lambda: ("a", "b"),
                                   lambda: iter(["a", "b"])],
                         ids=["list", "tuple", "iterator"])
def test_a_tuple_field_takes_any_iterable_of_str_and_holds_a_tuple(field, given):
    value = getattr(pagedump.Dialect(name="x", **{field: given()}), field)

    assert type(value) is tuple
    assert value == ("a", "b")


@pytest.mark.parametrize("field", SET_FIELDS + TUPLE_FIELDS)
@pytest.mark.parametrize(("given", "index", "says"), [
    ("logo", None, "collection of its characters"),
    (42, None, "not a collection of str"),
    (["ok", 3], 1, "int"),
    (["ok", b"logo"], 1, "bytes"),
    (["ok", ""], 1, "empty str"),
], ids=["bare-str", "int", "int-item", "bytes-item", "empty-item"])
def test_a_collection_field_refuses_what_is_no_collection_of_str(field, given, index, says):
    with pytest.raises(DialectError) as caught:
        pagedump.Dialect(name="x", **{field: given})

    assert (caught.value.field, caught.value.index) == (field, index)
    assert says in caught.value.reason
    assert str(caught.value).startswith(f"Dialect.{field}")
    assert "iterable" in caught.value.accepted


@pytest.mark.parametrize("field", PATTERN_FIELDS)
def test_a_broken_pattern_names_its_field(field):
    with pytest.raises(DialectError, match=rf"^Dialect\.{field}: '\(\?P<time>oops' does not "
                       r"compile: missing \), unterminated subpattern") as caught:
        pagedump.Dialect(name="x", **{field: "(?P<time>oops"})

    assert (caught.value.field, caught.value.index) == (field, None)


@pytest.mark.parametrize("field", PATTERN_TUPLES)
def test_a_broken_pattern_in_a_tuple_names_its_field_and_index(field):
    with pytest.raises(DialectError, match=rf"^Dialect\.{field}\[2\]: '\[' does not compile"):
        attrs.evolve(pagedump.DAILY8, name="broken", **{field: ["a", "b+", "["]})


@pytest.mark.parametrize("field", PATTERN_FIELDS + PATTERN_TUPLES)
def test_a_pattern_is_never_a_bare_re_error(field):
    broken = "(" if field in PATTERN_FIELDS else ["("]
    with pytest.raises(DialectError) as caught:
        pagedump.Dialect(name="x", **{field: broken})

    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value.__cause__, re.error)


@pytest.mark.parametrize(("field", "given", "held"), [
    ("layout", "article", pagedump.Layout.ARTICLE),
    ("layout", pagedump.Layout.AGGREGATOR, pagedump.Layout.AGGREGATOR),
    ("teasers", "cards", pagedump.TeaserForm.CARDS),
    ("teasers", pagedump.TeaserForm.TITLES, pagedump.TeaserForm.TITLES),
])
def test_the_enum_fields_take_their_values(field, given, held):
    value = getattr(pagedump.Dialect(name="x", **{field: given}), field)

    assert value is held
    assert value == held.value  # the modules that compare with strings keep working


@pytest.mark.parametrize(("field", "given", "allowed"), [
    ("layout", "articel", "'aggregator', 'article'"),
    ("teasers", "cardz", "'timed', 'cards', 'titles'"),
    ("teasers", None, "'timed', 'cards', 'titles'"),
])
def test_an_unknown_enum_value_lists_the_allowed_ones(field, given, allowed):
    with pytest.raises(DialectError, match=rf"^Dialect\.{field}: unknown value {given!r}; "
                       rf"{field} takes one of {allowed}"):
        pagedump.Dialect(name="x", **{field: given})


@pytest.mark.parametrize(("field", "given"), [
    ("name", ""), ("name", " daily8"), ("name", None), ("name", 8),
    ("description", None),
    ("dayfirst", 1), ("dayfirst", "yes"),
    ("link_block", "[]"), ("link_block", ["["]), ("link_block", ["[", "]", "]"]),
    ("link_block", ["[", 0]),
    ("pipe_caption", ""), ("pipe_caption", 3), ("time_prefix", ""),
])
def test_a_plain_field_refuses_what_it_cannot_take(field, given):
    with pytest.raises(DialectError) as caught:
        pagedump.Dialect(**{"name": "x", field: given})

    assert caught.value.field == field


def test_a_pair_field_takes_any_pair_and_holds_a_tuple():
    assert pagedump.Dialect(name="x", link_block=["<", ">"]).link_block == ("<", ">")
    assert pagedump.Dialect(name="x", link_block=None).link_block is None


def test_evolve_checks_the_fields_too():
    with pytest.raises(DialectError, match=r"^Dialect\.chrome: got the str 'logo'"):
        attrs.evolve(pagedump.DAILY8, chrome="logo")


def test_a_dialect_stays_frozen_and_hashable():
    copy = attrs.evolve(pagedump.DAILY8, chrome=list(pagedump.DAILY8.chrome))

    assert copy == pagedump.DAILY8
    assert hash(copy) == hash(pagedump.DAILY8)
    assert {copy: 1}[pagedump.DAILY8] == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        copy.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_dialect_passes_its_own_checks(name):
    dialect = pagedump.get_dialect(name)

    assert attrs.evolve(dialect) == dialect


# -- sniffing --------------------------------------------------------------------------------

@pytest.mark.parametrize(("folder", "path"), SNIFF_CASES,
                         ids=[f"{f}/{p.stem}" for f, p in SNIFF_CASES])
def test_every_fixture_sniffs_as_its_dialect(folder, path):
    text = path.read_text(encoding="utf-8")
    expected = "generic" if f"{folder}/{path.stem}" in NO_EVIDENCE else folder

    assert pagedump.sniff(text).name == expected
    assert pagedump.parse(text).site == expected


@pytest.mark.parametrize("cut", [200, 700, 1200])
def test_fragments_of_daily8_pages_sniff_as_daily8_or_honestly_as_generic(cut):
    # A fragment is Daily8 when it shows Daily8's evidence; without enough, it is an
    # ordinary page, reported with no confidence: never another aggregator.
    for path in dumps("daily8"):
        text = path.read_text(encoding="utf-8")
        for piece in (text[:cut], text[cut:]):
            report = pagedump.sniff_report(piece)
            assert report.dialect.name in {"daily8", "generic"}, (path.name, cut)
            scores = dict(report.scores)
            has_evidence = scores["daily8"] >= _sniff.ENOUGH
            assert (report.dialect.name == "daily8") == has_evidence, (path.name, cut)
            assert (report.confidence == 0.0) == (not has_evidence), (path.name, cut)


def test_parse_without_a_dialect_equals_parse_with_the_sniffed_one():
    for folder in FOLDERS:
        for path in dumps(folder)[:3]:
            text = path.read_text(encoding="utf-8")
            assert pagedump.parse(text) == pagedump.parse(text, dialect=pagedump.sniff(text))


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\u2028"])
def test_parse_sniffs_the_dialect_sniff_names_whatever_the_cut(separator):
    # parse() sniffs from the lines it has already split and normalized; it must
    # choose exactly as sniff() does on the raw text, also where the sample's head
    # ends inside a line and where a separator is cut in two.
    for folder in FOLDERS:
        for path in dumps(folder)[:4]:
            text = path.read_text(encoding="utf-8").replace("\n", separator)
            for at in range(0, len(text), 211):
                for piece in (text[at:], text[:at], text[at:at + 3001]):
                    assert pagedump.parse(piece).site == pagedump.sniff(piece).name


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\x0b", "\u2028"])
def test_the_sample_of_split_lines_is_the_sample_of_the_text(separator):
    # parse() finds where the sample's head and tail fall from the lengths of the
    # lines it has split; that must be the sample sniff() takes from the raw text,
    # wherever the head's edge falls: inside a line, on a line break, between the
    # two characters of "\r\n", at a blank line.
    for folder in FOLDERS:
        for path in dumps(folder)[:4]:
            text = path.read_text(encoding="utf-8").replace("\n", separator)
            text = text.replace(separator * 2, separator * 3)  # some blank lines more
            for at in range(0, len(text), 97):
                for piece in (text[at:], text[at:at + 3001], text[at:] + separator):
                    lines = piece.splitlines()
                    sample = _sniff._sample(piece)
                    assert _sniff._sample_of(piece, lines, normalize_all(lines)) == (
                        sample, normalize_all(sample)), (path.name, at)


@pytest.mark.parametrize("separator", ["\r\n", "\r", "\u2028"])
def test_a_dump_is_sniffed_alike_whatever_its_line_breaks(separator):
    # The head and the tail are counted with each line break one character: "\r\n"
    # takes no more room than "\n", so the same lines are read, wherever the edges fall.
    for folder in FOLDERS:
        for path in dumps(folder)[:4]:
            text = path.read_text(encoding="utf-8")
            for at in range(0, len(text), 97):
                for piece in (text[at:], text[at:at + 3001]):
                    other = piece.replace("\n", separator)
                    assert _sniff._sample(other) == _sniff._sample(piece), (path.name, at)
                    assert pagedump.sniff_report(other) == pagedump.sniff_report(piece)


def test_the_fallback_is_the_registered_generic_or_feed_dialect(registry):
    # A caller who replaces the generic or the feed dialect gets theirs where sniffing
    # finds no family, not the built-in one.
    generic = attrs.evolve(pagedump.GENERIC, description="Our own ordinary pages.")
    feed = attrs.evolve(pagedump.get_dialect("feed"), description="Our own feeds.")
    pagedump.register_dialect(generic, replace=True)
    pagedump.register_dialect(feed, replace=True)
    story = "An ordinary sentence of a news story."
    teasers = "\n".join(f"Teaser number {k} about the council's plans for the harbour ..."
                         for k in range(6))
    assert pagedump.sniff(story) is generic
    assert pagedump.sniff(teasers) is feed
    assert pagedump.sniff_report(story).dialect is generic
    assert pagedump.sniff_report(teasers).dialect is feed


def test_bare_times_back_other_evidence_and_are_none_alone():
    # A blog lists its older posts and its comments with "2 days ago" lines: times as
    # Daily8 prints them, but no evidence of Daily8 without more of Daily8's own than
    # a "Comments" line, which any site prints.
    blog = (
        "Notes from the allotment\n\nThe beans came up at last this week, after a cold "
        "spring that kept the soil wet for a month.\n\nOlder posts\n\nPlanting garlic\n"
        "2 months ago\n\nA new shed\n5 months ago\n\nComments\n\nAnna\n2 days ago\n"
        "Lovely to see the beans!\n\nTom\n3 days ago\nWhich variety?\n"
    )
    report = pagedump.sniff_report(blog)
    assert report.dialect.name == "generic"
    assert dict(report.scores)["daily8"] == 1  # its "Comments" line; the four times, none
    # With Daily8's own evidence (its compact teasers: an outlet's bullet under each
    # time), the times count again.
    teasers = "".join(f"Story {k} about the harbour\nNHK\n{k + 2} hours ago\n- World\n\n"
                      for k in range(3))
    report = pagedump.sniff_report(teasers)
    assert report.dialect.name == "daily8"
    assert dict(report.scores)["daily8"] == 6  # three bullets, backed by three times


def test_sniffing_follows_a_replaced_dialect(registry):
    first = attrs.evolve(pagedump.DAILY8, name="test-sniffed", logo_marks=frozenset({"MIRROR1"}))
    second = attrs.evolve(first, logo_marks=frozenset({"MIRROR2"}))
    dump = "MIRROR2\nHeadline\n\nHeadline\n\nNHK2 hours ago\nFirst paragraph."
    pagedump.register_dialect(first)
    assert pagedump.sniff(dump).name == "generic"  # no evidence of anything
    pagedump.register_dialect(second, replace=True)
    assert pagedump.sniff(dump) is second
    pagedump.unregister_dialect("test-sniffed")
    assert pagedump.sniff(dump).name == "generic"


@pytest.mark.parametrize(("folder", "path"), SNIFF_CASES,
                         ids=[f"{f}/{p.stem}" for f, p in SNIFF_CASES])
def test_a_registered_copy_never_takes_a_built_in_dialects_pages(registry, folder, path):
    # "a-..." sorts first: ties once went to the alphabetically first name.
    text = path.read_text(encoding="utf-8")
    expected = pagedump.sniff(text)
    pagedump.register_dialect(attrs.evolve(expected, name="a-copy", description="a copy"))

    assert pagedump.sniff(text) is expected
    assert pagedump.parse(text).site == expected.name
    report = pagedump.sniff_report(text)
    scores = dict(report.scores)
    assert scores["a-copy"] == scores[expected.name]
    assert report.confidence <= 0.5  # a tie: the order chose, not the evidence


def test_among_registered_dialects_the_earlier_one_wins_a_tie(registry):
    mark = "MIRROR LOGO"
    dump = f"{mark}\nHeadline\n\nHeadline\n\nNHK2 hours ago\nFirst paragraph."
    for name in ("z-first", "m-second", "a-third"):
        pagedump.register_dialect(attrs.evolve(pagedump.DAILY8, name=name, logo_marks={mark}))

    assert pagedump.sniff(dump).name == "z-first"
    assert [name for name, _ in pagedump.sniff_report(dump).scores] == [
        *BUILT_IN, "z-first", "m-second", "a-third"]
    # Replacing a dialect keeps its place; registering it anew puts it last.
    pagedump.register_dialect(attrs.evolve(pagedump.get_dialect("z-first"), description="v2"),
                              replace=True)
    assert pagedump.sniff(dump).name == "z-first"
    pagedump.register_dialect(pagedump.unregister_dialect("z-first"))
    assert pagedump.sniff(dump).name == "m-second"


def test_candidates_limit_the_choice_and_their_order_breaks_ties(registry):
    text = (DATA / "daily8" / "daily8-000-seed.txt").read_text(encoding="utf-8")
    copy = attrs.evolve(pagedump.DAILY8, name="a-copy")
    pagedump.register_dialect(copy)

    assert pagedump.sniff(text, candidates=["a-copy", "daily8"]) is copy
    assert pagedump.sniff(text, candidates=[pagedump.DAILY8, copy]) is pagedump.DAILY8
    assert pagedump.sniff(text, candidates=("yahoo", "msn")).name == "generic"
    unregistered = attrs.evolve(pagedump.DAILY8, name="unregistered")
    assert pagedump.sniff(text, candidates=iter([unregistered])) is unregistered
    report = pagedump.sniff_report(text, candidates=["wire", "daily8", "wire"])
    assert [name for name, _ in report.scores] == ["wire", "daily8"]  # a repeat counts once
    assert pagedump.sniff(text, candidates=[]).name == "generic"


@pytest.mark.parametrize(("candidates", "error"), [
    ("daily8", InputTypeError), (b"daily8", InputTypeError), (8, InputTypeError),
    (["daily8", 8], InputTypeError), (["daily9"], DialectNotFoundError),
], ids=["a-name", "bytes", "int", "int-item", "unknown-name"])
@pytest.mark.parametrize("function", [pagedump.sniff, pagedump.sniff_report])
def test_candidates_are_checked(function, candidates, error):
    with pytest.raises(error):
        function("logo", candidates=candidates)


def test_a_name_given_as_candidates_says_to_wrap_it_in_a_list():
    with pytest.raises(InputTypeError, match=r"candidates=\['daily8'\]"):
        pagedump.sniff("logo", candidates="daily8")


def test_sniff_refuses_bytes():
    with pytest.raises(InputTypeError):
        pagedump.sniff(b"logo")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        pagedump.sniff_report(b"logo")  # type: ignore[arg-type]


# -- what sniffing counts, and how sure it says it is ----------------------------------------

PROSE = ("The council met on Tuesday evening to discuss the new budget for the coming year, "
         "and members agreed to delay the vote until the next session.")


@pytest.mark.parametrize("text", [
    "", "\n\n", PROSE, "\n".join([PROSE] * 40), "\n\n".join([PROSE] * 40),
    "Home\nNews\nSport\nWeather\n\n" + PROSE,
], ids=["empty", "blank", "one-line", "dense", "spaced", "menus"])
def test_text_without_evidence_is_an_ordinary_page_with_no_confidence(text):
    report = pagedump.sniff_report(text)

    assert report.dialect is pagedump.GENERIC
    assert report.confidence == 0.0
    assert pagedump.sniff(text) is pagedump.GENERIC
    assert pagedump.parse(text).site == "generic"


@pytest.mark.parametrize(("folder", "path"), SNIFF_CASES,
                         ids=[f"{f}/{p.stem}" for f, p in SNIFF_CASES])
def test_the_report_agrees_with_sniff_and_scores_every_candidate(folder, path):
    text = path.read_text(encoding="utf-8")
    report = pagedump.sniff_report(text)

    assert report.dialect is pagedump.sniff(text)
    assert [name for name, _ in report.scores] == list(BUILT_IN)
    assert 0.0 <= report.confidence <= 1.0
    scores = dict(report.scores)
    assert scores["generic"] == 0  # an ordinary page has no evidence of its own
    if report.confidence > 0.0:
        best = scores[report.dialect.name]
        rival = max(score for name, score in report.scores if name != report.dialect.name)
        assert report.confidence == pytest.approx(
            min(1.0, best / _sniff.SURE) * best / (best + rival))


def test_a_complete_page_is_sniffed_with_full_confidence():
    text = (DATA / "daily8" / "daily8-000-seed.txt").read_text(encoding="utf-8")

    report = pagedump.sniff_report(text)
    assert report.dialect is pagedump.DAILY8
    assert report.confidence == 1.0
    assert "daily8" in repr(report)
    # The dialect is shown by its name, not with every field.
    assert "Dialect(" not in repr(report)
    assert len(repr(report)) < 100 + 30 * len(report.scores)


def test_an_author_page_is_evidence_of_its_dialect():
    # An author listing holds no chrome, no time line and no bullet: only its items.
    text = (DATA / "daily8" / "synthetic-18.txt").read_text(encoding="utf-8")
    items = re.compile(pagedump.DAILY8.author_item_pattern or "")
    lines = [line for line in text.splitlines() if items.fullmatch(line)]
    assert len(lines) >= 2

    report = pagedump.sniff_report("\n".join(lines[:2]))
    assert report.dialect is pagedump.DAILY8
    # Two signature lines, 2 points each, and 1 more each for standing in the header.
    assert dict(report.scores)["daily8"] == 6
    # Below the header and above the trailer, a signature line scores 2.
    padded = "\n".join(["Header line one", "Header line two", "Header line three",
                        *lines[:2], "Last line"])
    assert dict(pagedump.sniff_report(padded).scores)["daily8"] == 4


def test_bullets_are_read_from_each_dialect(registry):
    arrows = pagedump.Dialect(name="arrows", time_pattern=r"\d{1,2} mins ago", bullets=["▸ "])
    pagedump.register_dialect(arrows)
    under_times = "5 mins ago\n▸ Harbour Times\n\n7 mins ago\n▸ City Post\n"

    assert dict(pagedump.sniff_report(under_times).scores)["arrows"] == 4
    assert pagedump.sniff(under_times) is arrows
    # Daily8's own bullets count for nothing under another dialect's times, and bare
    # times alone are no evidence.
    assert dict(pagedump.sniff_report(under_times.replace("▸", "-")).scores)["arrows"] == 0

    cards = pagedump.Dialect(name="cards", teasers="cards", bullets=["» "])
    pagedump.register_dialect(cards)
    card = "  » Harbour city plans a floating solar farm\n    News\n    CBC\n\n"
    assert pagedump.sniff(card * 3) is cards
    assert dict(pagedump.sniff_report(card.replace("»", "•") * 3).scores)["cards"] == 0


def test_a_shape_is_enough_evidence_when_lines_are_not(registry):
    # A run of lines, searched with their spaces kept: "  ▸ " over a blank, a kicker
    # and a title. No line of it is evidence by itself.
    framed = pagedump.Dialect(name="framed", layout="feed",
                              shapes=[r"\n  ▸ [^\n]+\n\n[A-Z][a-z]+\n[A-Z][^\n]{10,}\n"])
    pagedump.register_dialect(framed)
    card = "  ▸ Ferries in a storm\n\nTransport\nFerry crossings cut as storm nears\n"
    text = f"Top stories\n{card}\n{card}"

    report = pagedump.sniff_report(text)
    assert report.dialect is framed
    assert dict(report.scores)["framed"] == _sniff.ENOUGH  # each shape counts once
    # Other line breaks read as "\n".
    assert pagedump.sniff(text.replace("\n", "\r\n")) is framed
    assert pagedump.sniff(text.replace("\n", "\u2028")) is framed
    # Its lines without their indent are no evidence.
    assert pagedump.sniff(text.replace("  ▸ ", "▸ ")) is not framed
    # Shapes are looked for in the first 2,000 characters only.
    assert pagedump.sniff(f"{PROSE}\n" * 20 + text) is not framed
    # With enough evidence line by line, shapes are not looked for.
    daily8 = pagedump.sniff_report(f"logo\nComments\nRelated Articles\n{text}")
    assert daily8.dialect is pagedump.DAILY8
    assert dict(daily8.scores)["framed"] == 0


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


def test_generic_among_the_candidates_is_the_fallback_with_no_confidence():
    report = pagedump.sniff_report("Just one line of text.", candidates=["generic", "daily8"])

    assert report.dialect is pagedump.GENERIC
    assert report.confidence == 0.0
    assert report.scores == (("generic", 0), ("daily8", 0))
