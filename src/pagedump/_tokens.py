"""The token stage's output: one classified :class:`Line` per line of a dump."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Line", "LineKind", "Role"]


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


class Role(enum.StrEnum):
    """A line's part in its block: what the parser does with it.

    The kind says what a line is; the role says what the parser takes from it (the
    first printing of the headline, a repeat of it, a teaser's outlet, ...). Every
    :class:`Line` carries both, so a reader of the token stream sees why a line
    became what it did in the :class:`~pagedump.Page`.
    """

    NONE = "none"
    """Blank lines and boilerplate."""
    HEADLINE = "headline"
    """The first printing of the story's headline."""
    COPY = "copy"
    """A repeated printing of a title or headline already seen."""
    LISTING_TITLE = "listing-title"
    """The title line of a listing page."""
    SOURCE_TIME = "source-time"
    """The story's outlet and time, glued or alone; its value is the time."""
    TIME = "time"
    """A line giving the story's time among other words; its value is the time."""
    META = "meta"
    """The story's metadata line, read with the dialect's meta patterns."""
    BYLINE = "byline"
    """An author line."""
    STAMP = "stamp"
    """A live-blog post stamp."""
    PARAGRAPH = "paragraph"
    """A body paragraph."""
    HEADING = "heading"
    """A section sub-heading."""
    ITEM_TITLE = "item-title"
    """A teaser's title: starts a related item."""
    ITEM_SOURCE = "item-source"
    """A teaser's outlet line: starts a related item when it comes before the title."""
    ITEM_TIME = "item-time"
    """A teaser's time line: starts a related item when nothing before it does."""
    ITEM_CATEGORY = "item-category"
    """A category bullet of a teaser."""
    ITEM_SOURCE_BULLET = "item-source-bullet"
    """The bullet repeating a teaser's outlet."""
    ITEM_TEASER = "item-teaser"
    """A line of teaser text."""
    AUTHOR_ITEM = "author-item"
    """One whole item of an author listing: teaser sentence and time on one line; its
    value is the time."""
    ITEM_META = "item-meta"
    """A teaser's metadata line, read with the dialect's meta patterns: its outlet
    and/or its time."""
    GLUED_ITEM = "glued-item"
    """A whole teaser on one line, outlet, title and teaser text glued together (the
    dialect's ``item_pattern``); its value is the title."""
    ORPHAN = "orphan"
    """Teaser text cut off from the rest of its item by the start or end of the dump."""


@attrs.frozen(slots=True)
class Line:
    """One line of a dump with its kind, and what the parser takes from it.

    ``text[start:end]`` of the original dump is exactly :attr:`text`.

    Attributes:
        kind: What the line is.
        text: The line as it stands in the dump, without its line break.
        lineno: The 1-based line number (an index into ``text.splitlines()`` plus one).
        start: Offset of the line's first character in the dump.
        end: Offset just past the line's last character (before its line break).
        role: The line's part in its block: what the parser does with it.
        value: The text the role carries where it is not the whole line: the printed
            time of a dateline (``"4 days ago"`` of ``"NHK4 days ago"``), a teaser's
            time without its ``"time"`` prefix, a bullet's label without its marker,
            a card's title. ``None`` where the role takes the line itself, or nothing.
    """

    kind: LineKind
    text: str
    lineno: int
    start: int
    end: int
    role: Role = Role.NONE
    value: str | None = None
