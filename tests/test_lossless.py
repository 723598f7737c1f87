"""Nothing is lost: every non-blank line of a dump is accounted for in its page."""

from __future__ import annotations

import attrs
from hypothesis import example, given

import pagedump
from accounting import invented, unaccounted
from strategies import dumps


def test_every_line_of_every_corpus_dump_is_accounted_for(daily8_dump) -> None:
    page = pagedump.parse(daily8_dump.text)

    assert unaccounted(daily8_dump.text, page) == []
    assert invented(daily8_dump.text, page) == []


def test_every_line_of_every_cut_of_the_reference_dump_is_accounted_for(seed_text) -> None:
    for cut in range(0, len(seed_text), 97):
        for text in (seed_text[:cut], seed_text[cut:]):
            page = pagedump.parse(text)
            assert unaccounted(text, page) == [], cut
            assert invented(text, page) == [], cut


@given(dumps())
@example("timea few seconds ago\na few seconds ago\ntimea few seconds ago\n")
@example("-\n- NHK\n-\n")
@example("timea few seconds ago\nVideo Player is loading.\n"
         "a few seconds ago\ntimea few seconds ago\n")
@example("logo\nH\n\nH\n\nNHKa few seconds ago\nNHK\na few seconds ago\n- NHK\n  • NHK\nBody.\n")
def test_every_line_of_a_generated_dump_is_accounted_for(text: str) -> None:
    page = pagedump.parse(text)

    assert unaccounted(text, page) == []
    assert invented(text, page) == []


def test_the_accounting_notices_a_dropped_paragraph(seed_text) -> None:
    page = pagedump.parse(seed_text)
    assert page.article is not None
    first, *rest = page.article.sections
    shorter = attrs.evolve(first, paragraphs=first.paragraphs[1:])
    broken = attrs.evolve(page, article=attrs.evolve(page.article, sections=(shorter, *rest)))

    assert unaccounted(seed_text, broken) == [first.paragraphs[0]]


def test_the_accounting_notices_an_invented_paragraph(seed_text) -> None:
    page = pagedump.parse(seed_text)
    assert page.article is not None
    first, *rest = page.article.sections
    longer = attrs.evolve(first, paragraphs=(*first.paragraphs, "Never printed."))
    broken = attrs.evolve(page, article=attrs.evolve(page.article, sections=(longer, *rest)))

    assert invented(seed_text, broken) == ["Never printed."]
