"""Messy but equivalent text classifies like its clean form, with offsets into the original."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import pagedump
from pagedump import LineKind

CLEAN = "\n".join([
    "logo",
    "Council approves plan for new harbour ferry terminal",
    "",
    "Council approves plan for new harbour ferry terminal",
    "",
    "Yomiuri Shimbun4 days ago",
    "OSAKA — The city council on Tuesday approved a plan to build a new ferry terminal.",
    "Construction will start next spring and take about two years, officials said.",
    "What happens next",
    "The operator will publish a timetable for the new routes in the autumn, it said.",
    "Orange background",
    "",
    "Try Our AI Features",
    "",
    "Comments",
    "",
    "Related Articles",
    "",
    "Port adds night sailings",
    "Port adds night sailings",
    "",
    "NHK",
    "",
    "time22 minutes ago",
    "",
    "  • NHK",
    "",
    "Port adds night sailings",
    "",
    "The port will add night sailings to two islands from next month, the operator said.",
])

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def kinds(text: str) -> list[LineKind]:
    return [line.kind for line in pagedump.tokenize(text)]


def with_lines(transform: Callable[[str], str]) -> str:
    return "\n".join(transform(line) for line in CLEAN.split("\n"))


MESSY = {
    "CRLF": CLEAN.replace("\n", "\r\n"),
    "lone CR": CLEAN.replace("\n", "\r"),
    "mixed breaks": "".join(
        line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(CLEAN.split("\n"))),
    "Unicode line separators": CLEAN.replace("\n", "\u2028"),
    "paragraph separators": CLEAN.replace("\n", "\u2029"),
    "trailing spaces": with_lines(lambda line: line + "   "),
    "trailing tabs": with_lines(lambda line: line + "\t"),
    "leading NBSP": with_lines(lambda line: "\u00a0" + line),
    "zero-width edges": with_lines(lambda line: "\u200b" + line + "\ufeff"),
    "every invisible character inside": with_lines(
        lambda line: line.replace(" ", " " + INVISIBLE, 1)),
    "NBSP for spaces in short lines": with_lines(
        lambda line: line.replace(" ", "\u00a0") if len(line) < 60 else line),
    "BOM in the middle": with_lines(lambda line: line[:2] + "\ufeff" + line[2:]),
    "tabs for spaces in short lines": with_lines(
        lambda line: line.replace(" ", "\t") if len(line) < 60 and not line.startswith("  ")
        else line),
    "whitespace-only blank lines": with_lines(lambda line: line or " \t\u00a0\u200b "),
}


@pytest.mark.parametrize("name", MESSY)
def test_messy_text_classifies_like_the_clean_text(name: str) -> None:
    assert kinds(MESSY[name]) == kinds(CLEAN)


@pytest.mark.parametrize("name", MESSY)
def test_offsets_point_into_the_original_text(name: str) -> None:
    text = MESSY[name]
    lines = pagedump.tokenize(text)

    assert [line.text for line in lines] == text.splitlines()
    for line in lines:
        assert text[line.start:line.end] == line.text


def test_the_clean_text_is_read_as_intended() -> None:
    got = kinds(CLEAN)

    assert got[:7] == [LineKind.BOILERPLATE, LineKind.HEADLINE, LineKind.BLANK,
                       LineKind.HEADLINE, LineKind.BLANK, LineKind.DATELINE, LineKind.BODY]
    assert got[8] == LineKind.HEADING
    assert got[-1] == LineKind.RELATED


@pytest.mark.parametrize("name", ["leading NBSP", "zero-width edges", "BOM in the middle"])
def test_messy_text_parses_to_the_same_structure(name: str) -> None:
    clean, messy = pagedump.parse(CLEAN), pagedump.parse(MESSY[name])

    assert clean.article is not None
    assert messy.article is not None
    assert len(messy.article.paragraphs) == len(clean.article.paragraphs)
    assert [s.heading is None for s in messy.article.sections] == [
        s.heading is None for s in clean.article.sections]
    assert [(r.source, r.published) for r in messy.related] == [
        (r.source, r.published) for r in clean.related]
