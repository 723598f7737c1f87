"""The token stage's output: one classified :class:`Line` per line of a dump."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Line", "LineKind"]


class LineKind(enum.StrEnum):
    """What a line of a dump is.

    The values are the strings used in serialized output and in labelled corpora.
    """

    BLANK = "blank"
    """Empty, or whitespace (including invisible characters) only."""
    BOILERPLATE = "boilerplate"
    """Site chrome and debris that belong to no story: interface lines, leaked widget
    text, image credits and captions, promos for other stories, tag lists."""
    HEADLINE = "headline"
    """The story's headline (every repetition); on listing pages, the page title."""
    DATELINE = "dateline"
    """Metadata about the main story: outlet and/or time, a byline, a post stamp."""
    BODY = "body"
    """The story's prose: paragraphs, quotes, list items and link-split sentence pieces."""
    HEADING = "heading"
    """A section sub-heading inside the story."""
    RELATED = "related"
    """Any line of a teaser for another story: title, outlet, time, bullets, teaser text."""


@attrs.frozen(slots=True)
class Line:
    """One line of a dump with its kind.

    ``text[start:end]`` of the original dump is exactly :attr:`text`.

    Attributes:
        kind: What the line is.
        text: The line as it stands in the dump, without its line break.
        lineno: The 1-based line number (an index into ``text.splitlines()`` plus one).
        start: Offset of the line's first character in the dump.
        end: Offset just past the line's last character (before its line break).
    """

    kind: LineKind
    text: str
    lineno: int
    start: int
    end: int
