"""Stage two: assemble classified lines into a :class:`~pagedump.Page`."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import attrs

from pagedump._dates import resolve
from pagedump._dialects import Dialect
from pagedump._patterns import compile_all
from pagedump._records import Article, Page, PageKind, Published, RelatedItem, Section
from pagedump._tokenizer import Tokens
from pagedump._tokens import LineKind, Role

__all__ = ["assemble"]

# "WASHINGTON (AP) —", "DUBAI (Reuters):", "ABILENE, Texas () –", "Tokyo, June 8 (Jiji Press)--"
_PLACE_AGENCY = re.compile(
    r"(?P<place>[A-Z][\w.'’ -]{1,40}?(?:, [\w.'’ ]{2,30}?)?) \((?P<agency>[^()]{0,40})\)"
    r" ?(?:—|–|−|--|-|:)"
)
# "NEW DELHI:", "JOHANNESBURG -", "TOKYO --", "ARANYAPRATHET, Thailand -"
_PLACE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?)"
    r"(?::| ?(?:—|–|−|--) ?| - )"
)
# A place must not be a date ("Aug. 4—") or a kicker ("BREAKING:").
_NOT_PLACES = frozenset({
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "OPINION", "ANALYSIS",
    "EDITORIAL", "NOTE", "PHOTOS", "VIDEO", "READ", "ALSO", "EDITOR'S NOTE", "FILE", "UPDATES",
})
_MONTH_DAY = re.compile(r", (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}$")


def _place_and_agency(paragraph: str) -> tuple[str | None, str | None]:
    """Read the place and agency that open a first paragraph (``"WASHINGTON (AP) —"``)."""
    match = _PLACE_AGENCY.match(paragraph)
    if match is not None:
        place = match["place"].strip()
        if ", " in place:  # ("Tokyo, June 8": most places hold no date to drop)
            place = _MONTH_DAY.sub("", place)
        agency = match["agency"].strip() or None
        return place, agency
    match = _PLACE.match(paragraph)
    if match is not None and match["place"] not in _NOT_PLACES and len(match["place"]) >= 3:
        return match["place"], None
    return None, None


@attrs.define
class _ItemBuilder:
    title: str | None = None
    source: str | None = None
    published: Published | None = None
    teaser: list[str] = attrs.Factory(list)
    categories: list[str] = attrs.Factory(list)
    lines: list[str] = attrs.Factory(list)

    def build(self) -> RelatedItem:
        assert self.title is not None
        return RelatedItem(self.title, self.source, self.published,
                           " ".join(self.teaser) if self.teaser else None, tuple(self.categories))


@attrs.define
class _PageBuilder:
    dialect: Dialect
    fetched_at: datetime | None
    headline: str | None = None
    title: str | None = None
    source: str | None = None
    published: Published | None = None
    byline: str | None = None
    location: str | None = None
    agency: str | None = None
    datelines: list[str] = attrs.Factory(list)
    sections: list[Section] = attrs.Factory(list)
    heading: str | None = None
    paragraphs: list[str] = attrs.Factory(list)
    items: list[RelatedItem] = attrs.Factory(list)
    item: _ItemBuilder | None = None
    boilerplate: list[str] = attrs.Factory(list)
    orphans: list[str] = attrs.Factory(list)
    story: bool = False

    def time(self, text: str) -> Published:
        return resolve(text, fetched_at=self.fetched_at, dialect=self.dialect)

    def close_section(self) -> None:
        if self.heading is not None or self.paragraphs:
            self.sections.append(Section(self.heading, tuple(self.paragraphs)))
        self.heading = None
        self.paragraphs.clear()  # the same list: assemble() holds it

    def close_item(self) -> None:
        item = self.item
        if item is None:
            return
        if item.title is None:
            # Cut by the end of the dump before its title: nothing to name it by.
            self.orphans.extend(item.lines)
        else:
            self.items.append(item.build())
        self.item = None

    def new_item(self) -> _ItemBuilder:
        self.close_item()
        self.item = _ItemBuilder()
        return self.item

    def source_time(self, norm: str, printed: str | None) -> None:
        if printed is None:
            self.source = norm
            return
        self.source = norm[: len(norm) - len(printed)].strip() or None
        self.published = self.time(printed)

    def meta(self, norm: str) -> None:
        """Read a metadata line with the first of the dialect's patterns that fits."""
        for pattern in compile_all(self.dialect.meta_patterns):
            match = pattern.fullmatch(norm)
            if match is None:
                continue
            fields = {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()}
            self.source = fields.get("source", fields.get("agency", self.source))
            self.agency = fields.get("agency", self.agency)
            self.location = fields.get("place", self.location)
            self.byline = fields.get("byline", self.byline)
            if "time" in fields:
                self.published = self.time(fields["time"])
            return

    # -- one handler per role; assemble() dispatches through _HANDLERS ------------------

    def on_headline(self, norm: str, value: str | None) -> None:
        if self.headline is None:
            self.headline = norm
        self.story = True

    def on_listing_title(self, norm: str, value: str | None) -> None:
        self.title = norm

    def on_source_time(self, norm: str, value: str | None) -> None:
        self.datelines.append(norm)
        self.source_time(norm, value)

    def on_time(self, norm: str, value: str | None) -> None:
        self.datelines.append(norm)
        if self.published is None and value is not None:
            self.published = self.time(value)

    def on_meta(self, norm: str, value: str | None) -> None:
        self.datelines.append(norm)
        self.meta(norm)

    def on_byline(self, norm: str, value: str | None) -> None:
        self.datelines.append(norm)
        if self.byline is None:
            self.byline = norm

    def on_stamp(self, norm: str, value: str | None) -> None:
        self.datelines.append(norm)

    def on_paragraph(self, norm: str, value: str | None) -> None:
        self.paragraphs.append(norm)

    def on_heading(self, norm: str, value: str | None) -> None:
        self.close_section()
        self.heading = norm

    def on_item_source(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        item.source = value or norm

    def on_item_title(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        item.title = value or norm

    def on_item_time(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        if item.published is None:  # an item's first time is when it was published
            item.published = self.time(value or norm)

    def on_item_category(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        item.categories.append(value or norm)

    def on_item_source_bullet(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        if item.source is None:
            item.source = value or norm

    def on_item_teaser(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        item.teaser.append(norm)

    def on_item_meta(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        for pattern in compile_all(self.dialect.meta_patterns):
            match = pattern.fullmatch(norm)
            if match is None:
                continue
            fields = {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()}
            item.source = fields.get("source", item.source)
            if "time" in fields and item.published is None:
                item.published = self.time(fields["time"])
            return

    def on_glued_item(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        pattern = self.dialect.item_pattern
        match = re.fullmatch(pattern, norm) if pattern else None
        fields = {k: v.strip() for k, v in match.groupdict().items()
                  if v and v.strip()} if match is not None else {}
        item.title = fields.get("title", value or norm)
        item.source = fields.get("source", item.source)
        if "time" in fields and item.published is None:
            item.published = self.time(fields["time"])
        if "teaser" in fields:
            item.teaser.append(fields["teaser"])

    def on_author_item(self, norm: str, value: str | None) -> None:
        item = self.item or self.new_item()
        item.lines.append(norm)
        item.title = norm[: len(norm) - len(value or "")].strip()
        item.published = self.time(value or "")

    def on_orphan(self, norm: str, value: str | None) -> None:
        self.orphans.append(norm)

    def build(self, tokens: Tokens) -> Page:
        self.close_section()
        self.close_item()
        has_story = bool(self.story or self.sections or self.datelines)
        if tokens.listing:
            kind, article = PageKind.LISTING, None
        elif has_story or self.items:
            kind = PageKind.ARTICLE
            location, agency = self.location, self.agency
            if location is None and agency is None:
                for section in self.sections:
                    if section.paragraphs:
                        location, agency = _place_and_agency(section.paragraphs[0])
                        break
            article = Article(self.headline, self.source, self.published, location, agency,
                              self.byline, tuple(self.datelines), tuple(self.sections))
        else:
            kind, article = PageKind.UNKNOWN, None
        return Page(tokens.dialect.name, kind, self.title, article, tuple(self.items),
                    tuple(self.boilerplate), tuple(self.orphans))


# The roles the parser's loop tests every line for, as module constants (looking a
# member up on its enum class costs far more).
_PARAGRAPH, _NONE, _COPY, _BOILERPLATE = Role.PARAGRAPH, Role.NONE, Role.COPY, LineKind.BOILERPLATE
# What the parser does with each role (Role.NONE and Role.COPY carry nothing).
_HANDLERS: dict[Role, Callable[[_PageBuilder, str, str | None], None]] = {
    Role.HEADLINE: _PageBuilder.on_headline,
    Role.LISTING_TITLE: _PageBuilder.on_listing_title,
    Role.SOURCE_TIME: _PageBuilder.on_source_time,
    Role.TIME: _PageBuilder.on_time,
    Role.META: _PageBuilder.on_meta,
    Role.BYLINE: _PageBuilder.on_byline,
    Role.STAMP: _PageBuilder.on_stamp,
    Role.PARAGRAPH: _PageBuilder.on_paragraph,
    Role.HEADING: _PageBuilder.on_heading,
    Role.ITEM_SOURCE: _PageBuilder.on_item_source,
    Role.ITEM_TITLE: _PageBuilder.on_item_title,
    Role.ITEM_TIME: _PageBuilder.on_item_time,
    Role.ITEM_CATEGORY: _PageBuilder.on_item_category,
    Role.ITEM_SOURCE_BULLET: _PageBuilder.on_item_source_bullet,
    Role.ITEM_TEASER: _PageBuilder.on_item_teaser,
    Role.AUTHOR_ITEM: _PageBuilder.on_author_item,
    Role.GLUED_ITEM: _PageBuilder.on_glued_item,
    Role.ITEM_META: _PageBuilder.on_item_meta,
    Role.ORPHAN: _PageBuilder.on_orphan,
}


def assemble(tokens: Tokens, *, fetched_at: datetime | None = None) -> Page:
    """Build a page from classified lines.

    Args:
        tokens: The tokenizer's output.
        fetched_at: When the page was fetched (timezone-aware), to resolve relative times.

    Returns:
        The page.
    """
    builder = _PageBuilder(tokens.dialect, fetched_at)
    paragraph, none, copy, boilerplate = _PARAGRAPH, _NONE, _COPY, _BOILERPLATE
    starts = tokens.item_starts
    paragraphs, boilerplates = builder.paragraphs, builder.boilerplate
    handlers = _HANDLERS
    norms, kinds = tokens.norms, tokens.kinds
    # (The columns are of one length: the tokenizer gives every line one entry in each.)
    for i, role in enumerate(tokens.roles):
        # The common cases first, inline: this loop runs once per line of every dump.
        if role is paragraph:
            paragraphs.append(norms[i])
        elif role is none:
            if kinds[i] is boilerplate:
                boilerplates.append(norms[i])
        elif role is not copy:
            if i in starts:
                builder.new_item()
            handlers[role](builder, norms[i], tokens.values[i])
    return builder.build(tokens)
