"""The parse stage's output: immutable records describing one page.

The records are frozen attrs classes with an instance dictionary rather than slots:
every parse builds a dozen of them, and attrs fills a frozen class's dictionary
directly, where a frozen slotted class takes a call of ``object.__setattr__`` per
field (several times the cost). For the same reason the stages pass the fields in
order, not by keyword: calling a class with keywords builds a dictionary of them
first.
"""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

__all__ = ["Article", "Page", "PageKind", "Published", "RelatedItem", "Section"]


class PageKind(enum.StrEnum):
    """What kind of page a dump holds."""

    ARTICLE = "article"
    """One story, possibly with related teasers."""
    LISTING = "listing"
    """A list of teasers (hashtag or author page) with a page title and no story."""
    UNKNOWN = "unknown"
    """Nothing recognisable: an empty dump, or chrome only."""


@attrs.frozen(slots=False)
class Published:
    """A publication time as printed on the page, and what it resolves to.

    Attributes:
        text: The time as printed, without any glued label (``"4 days ago"``,
            ``"23-04-2025"``).
        value: The resolved instant, timezone-aware; ``None`` when it cannot be
            resolved (a relative time without a ``fetched_at``, or an unreadable form).
        relative: Whether the printed time is relative to when the page was fetched.
    """

    text: str
    value: datetime | None = None
    relative: bool = False


@attrs.frozen(slots=False)
class Section:
    """A run of paragraphs under one sub-heading.

    Attributes:
        heading: The sub-heading; ``None`` for the text before the first one.
        paragraphs: The paragraphs, in order, each one line of the dump (stripped).
    """

    heading: str | None
    paragraphs: tuple[str, ...] = ()


@attrs.frozen(slots=False)
class Article:
    """The page's main story.

    Attributes:
        headline: The headline, once, however often the dump prints it; ``None`` when
            the dump starts after it (a fragment).
        source: The outlet the story comes from, as the aggregator labels it.
        published: When the story was published.
        location: The place of the first paragraph's dateline (``"WASHINGTON"``).
        agency: The wire agency of the first paragraph's dateline (``"AP"``).
        byline: The author line (``"By Jane Doe"``), if the dump has one.
        datelines: Every metadata line of the story as printed (the glued
            source/time line, bylines, live-blog post stamps), in order.
        sections: The body, as sections of paragraphs.
    """

    headline: str | None = None
    source: str | None = None
    published: Published | None = None
    location: str | None = None
    agency: str | None = None
    byline: str | None = None
    datelines: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """All paragraphs of all sections, in order."""
        return tuple(p for section in self.sections for p in section.paragraphs)

    @property
    def text(self) -> str:
        """The body as plain text, headings and paragraphs one per line."""
        parts: list[str] = []
        for section in self.sections:
            if section.heading is not None:
                parts.append(section.heading)
            parts.extend(section.paragraphs)
        return "\n".join(parts)


@attrs.frozen(slots=False)
class RelatedItem:
    """A teaser for another story: in a related block, or an item of a listing.

    Attributes:
        title: The teaser's title (its teaser sentence where it has no title).
        source: The outlet, as the aggregator labels it.
        published: When the other story was published.
        teaser: The teaser text; ``None`` when the dump has none (or is cut before it).
        categories: Category labels shown with the item (``"Business"``), in order.
    """

    title: str
    source: str | None = None
    published: Published | None = None
    teaser: str | None = None
    categories: tuple[str, ...] = ()


@attrs.frozen(slots=False)
class Page:
    """Everything read from one dump.

    Attributes:
        site: The name of the dialect that read the page (``"daily8"``).
        kind: Whether the page is an article, a listing or unrecognisable.
        title: The page title of a listing page (``"Latest news with #Tag"``).
        article: The main story; ``None`` on listing pages.
        related: Teasers for other stories, in order.
        boilerplate: The chrome and debris lines, stripped, in order.
        orphans: Teaser text cut off from the rest of its item by the start or the end
            of the dump (a fragment), so that no item can be built from it.
    """

    site: str | None = None
    kind: PageKind = PageKind.UNKNOWN
    title: str | None = None
    article: Article | None = None
    related: tuple[RelatedItem, ...] = ()
    boilerplate: tuple[str, ...] = ()
    orphans: tuple[str, ...] = ()
