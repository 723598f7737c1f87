"""Judgements about a line's text that every layout shares.

Whether a line ends a sentence, opens like prose or like a title: the story page
reader, the ordinary-article reader and sniffing all ask these, and each question
has one answer, here. The line is its normal form (see :func:`pagedump._lines.normalize`):
never empty when these are asked.
"""

from __future__ import annotations

import re

__all__ = [
    "CLAUSE_ENDS",
    "OPENERS",
    "SENTENCE_ENDS",
    "WORD_EDGES",
    "card_page",
    "ends_sentence",
    "is_snippet",
    "snippet_page",
    "starts_capitalised",
]

SENTENCE_ENDS = frozenset(".!?\"'…”’)")
"""The last characters of a finished sentence (a closing quote or bracket included)."""

CLAUSE_ENDS = SENTENCE_ENDS | frozenset(":;»")
"""What ends a run of prose: a sentence end, or a colon or semicolon that a list or a
quotation follows (as ordinary pages print before their bullet lists)."""

OPENERS = frozenset("‘'\"“„«¿¡(")
"""Characters that may open a sentence or a title before its first letter."""

WORD_EDGES = ".,;:!?\"'()[]{}«»“”„‘’‚<>…—–-*/|"
"""Punctuation a word may stand between, stripped from its ends when words are read."""


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends as a finished sentence does."""
    return text[-1] in SENTENCE_ENDS


def starts_capitalised(text: str) -> bool:
    """Whether ``text`` opens as a sentence or a title: a capital, a digit or an opener."""
    first = text[0]
    return first.isupper() or first.isdigit() or first in OPENERS


# A teaser cut short by its aggregator: an ellipsis, maybe a link word after it
# ("... read more").
_SNIPPET_END = re.compile(r"(?:\.\.\.|…)(?: ?[A-Za-z][a-z]*(?: [a-z]+){0,3})?\Z")
_SNIPPET_MIN = 40
_SNIPPETS_MIN = 3


def is_snippet(text: str) -> bool:
    """Whether ``text`` is a teaser an aggregator cut short (``"... they said ..."``)."""
    return len(text) > _SNIPPET_MIN and _SNIPPET_END.search(text[-40:]) is not None


def snippet_page(texts: list[str]) -> bool:
    """Whether lines ``texts`` (blank ones included) are a page of cut teasers.

    At least three of its lines, and a quarter of those that are not blank, are
    snippets: prose on a story page is not cut short line after line.
    """
    lines = [text for text in texts if text]
    snippets = sum(1 for text in lines if is_snippet(text))
    return snippets >= _SNIPPETS_MIN and snippets * 4 >= len(lines)


_CARDS_MIN = 4
_KICKER_WORDS = 3
_CARD_TITLE_WORDS = 4
_CARD_TITLE_MAX = 150


def card_page(texts: list[str]) -> bool:
    """Whether lines ``texts`` (blank ones included) are a page of two-line cards.

    A card stands between blank lines: a kicker (a short label, or a bulleted image
    description) over a title. At least four cards, making two fifths of the page's
    lines that are not blank, make a page of them.
    """
    cards = 0
    last = len(texts) - 1
    for i in range(last):
        label, title = texts[i], texts[i + 1]
        if (not label or not title or (i > 0 and texts[i - 1])
                or (i + 2 <= last and texts[i + 2])):
            continue
        kicker = label.startswith("• ") or (
            len(label.split()) <= _KICKER_WORDS and label[-1] not in CLAUSE_ENDS)
        headline = (len(title.split()) >= _CARD_TITLE_WORDS and len(title) <= _CARD_TITLE_MAX
                    and title[-1] not in CLAUSE_ENDS and title[0].isupper())
        cards += kicker and headline
    lines = sum(1 for text in texts if text)
    return cards >= _CARDS_MIN and cards * 2 * 5 >= lines * 2
