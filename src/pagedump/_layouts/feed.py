"""The feed layout: a page that repeats one record shape, read as a listing of items.

Feed pages (Inshorts summaries, Bing News result mirrors, rssing.com archives,
Express Digest, ...) print no story of their own: the page is its teasers. Each
record has the same shape: a title line, then metadata lines (a source and/or a time,
in the dialect's ``meta_patterns``), then teaser text; some records lack a title.
The records are found by that repetition, not by a heading:

- the dialect's chrome, widget text and junk are boilerplate, and a line in its
  ``listing_title`` form is the listing's title;
- a line that reads as a title (short, capitalised, no finished sentence) opens an
  item; a short label right under it, before any teaser, is the item's source;
- a metadata line gives the open item its source and time when it follows the title,
  or gives the next item its time when a glued item line (the dialect's
  ``item_pattern``: source, title and teaser on one line) follows it;
- everything else is teaser text of the open item, or of a record without a title
  (related, but not listed).

A feed of one record without a title is a single story (an app mirror's article
page): its text is the body and its metadata lines the dateline.
"""

from __future__ import annotations

import functools
import re

from pagedump._dialects import Dialect
from pagedump._layouts.header import looks_like_title
from pagedump._shapes import Shape, rules_for, shapes
from pagedump._state import LineState
from pagedump._text import ends_sentence, is_snippet, snippet_page
from pagedump._tokens import LineKind, Role

__all__ = ["read"]

_RELATED = LineKind.RELATED
# A label under a title that names its outlet: a few words, no sentence.
_SOURCE_MAX_WORDS = 4
_SOURCE_MAX = 40
# A record's title has a few words at least; a shorter label is a section or a button.
_TITLE_MIN_WORDS = 3
_CLOSING = "\"'”’)"
_NOT_TITLE_ENDS = frozenset(".,;:!?")
_ATTRIBUTION = re.compile(r"\s*\([^()]{1,40}\)\Z")
_BOILERPLATE_SHAPES = frozenset({Shape.CHROME, Shape.JUNK, Shape.WIDGET, Shape.LINK_OPEN,
                                 Shape.LINK_CLOSE, Shape.CAPTION})


@functools.lru_cache(maxsize=16)
def _item_pattern(dialect: Dialect) -> re.Pattern[str] | None:
    return re.compile(dialect.item_pattern) if dialect.item_pattern else None


def _meta(state: LineState, norm: str) -> re.Match[str] | None:
    """The match of the first of the dialect's metadata patterns that ``norm`` is."""
    assert state.rules is not None
    if len(norm) > 300:
        return None
    for pattern in state.rules.meta:
        match = pattern.fullmatch(norm)
        if match is not None:
            return match
    return None


def _group(match: re.Match[str], name: str) -> str | None:
    value = match.groupdict().get(name)
    return value.strip() if value and value.strip() else None


def read(state: LineState) -> None:
    """Claim every line of a feed page."""
    rules = state.rules = rules_for(state.dialect)
    state.shapes, state.marked = shapes(state.norms, rules)
    norms, kinds, line_shapes = state.norms, state.kinds, state.shapes
    glued = _item_pattern(state.dialect)
    metas: dict[int, re.Match[str]] = {}
    items: dict[int, re.Match[str]] = {}
    for i, norm in enumerate(norms):
        shape = line_shapes[i]
        if shape is Shape.BLANK:
            continue
        if shape in _BOILERPLATE_SHAPES:
            state.claim(i, LineKind.BOILERPLATE)
        elif shape is Shape.LISTING_TITLE and state.listing is False:
            state.listing = True
            state.claim(i, LineKind.HEADLINE, Role.LISTING_TITLE)
        elif (found := _meta(state, norm)) is not None:
            metas[i] = found
        elif glued is not None and (whole := glued.fullmatch(norm)) is not None:
            items[i] = whole
    titles = [i for i in range(len(norms)) if kinds[i] is None and i not in metas
              and i not in items and line_shapes[i] is not Shape.BLANK
              and _titled(state, i, metas)]
    if state.dialect.briefing:
        _read_briefing(state, metas)
        state.settle_free()
        return
    _read_items(state, _leading_chrome(state, titles, metas), metas, items)
    if len(state.item_starts) <= 1 and _at_top(state) and not snippet_page(norms):
        _as_story(state, metas)
    else:
        state.listing = True
    state.settle_free()


def _titled(state: LineState, i: int, metas: dict[int, re.Match[str]]) -> bool:
    """Whether line ``i`` opens a record: it reads as a title, not as teaser text."""
    # A record's title is followed by more of the record; a last line is cut prose
    # (or a title cut short).
    return _title_shaped(state, state.norms[i]) and _next_content(state, i) is not None


def _title_shaped(state: LineState, norm: str) -> bool:
    """Whether ``norm`` reads as a title: short, capitalised, no finished sentence."""
    if not looks_like_title(norm) or norm.endswith(("...", "…", *state.dialect.paragraph_closers)):
        return False
    # A quoted sentence ("... it would go,") or one with its outlet after it
    # ("... on Tuesday. (Sky News)") is prose.
    return _ATTRIBUTION.sub("", norm).rstrip(_CLOSING)[-1:] not in _NOT_TITLE_ENDS


def _read_items(state: LineState, titles: set[int], metas: dict[int, re.Match[str]],
                items: dict[int, re.Match[str]]) -> None:
    norms, kinds = state.norms, state.kinds
    open_title: int | None = None  # the open item's title line
    header = False  # whether only metadata lines stand between the open title and here
    pending: int | None = None  # a time line waiting for the glued item under it
    for i, norm in enumerate(norms):
        if not norm or kinds[i] is not None:
            continue
        if pending is not None and i not in items:
            pending = None  # a time over teaser text of no item: it stays an orphan
        if i in items:
            start = i
            if pending is not None:
                state.claim(pending, _RELATED, Role.ITEM_TIME, state.values[pending])
                start, pending = pending, None
            state.claim(i, _RELATED, Role.GLUED_ITEM, _group(items[i], "title"))
            state.item_starts.add(start)
            open_title, header = i, False
            continue
        if i in metas:
            time, source = _group(metas[i], "time"), _group(metas[i], "source")
            nxt = state.next_nonblank(i + 1)
            if header and (source is not None or time is not None):
                state.claim(i, _RELATED, Role.ITEM_META)
            elif nxt is not None and nxt in items and time is not None:
                state.claim(i, _RELATED, Role.ORPHAN, time)
                pending = i
            elif header:
                state.claim(i, _RELATED, Role.ITEM_TEASER)
            else:
                state.claim(i, _RELATED, Role.ORPHAN)
            continue
        if i in titles:
            if _kicker(state, i, titles):
                open_title, header = i + 1, True
            elif _cut_card(state, i):
                open_title, header = None, False
            elif _title_line(state, i, titles, header=header, copy=(
                    open_title is not None and norms[open_title] == norm)):
                open_title, header = i, True
            continue
        state.claim(i, _RELATED, Role.ITEM_TEASER if open_title is not None else Role.ORPHAN)
        header = False


def _read_briefing(state: LineState, metas: dict[int, re.Match[str]]) -> None:
    """A story of sections: the first title is the headline, the others sub-headings.

    A title-like line that no paragraph follows (a provider chip of a video page) is
    chrome.
    """
    norms, kinds = state.norms, state.kinds
    headline: int | None = None
    after_prose = False  # whether the last line read was a paragraph
    for i, norm in enumerate(norms):
        if not norm or kinds[i] is not None:
            continue
        shaped = i not in metas and _title_shaped(state, norm)
        if i in metas:
            state.claim(i, LineKind.DATELINE, Role.META)
        elif shaped and headline is None:
            state.claim(i, LineKind.HEADLINE, Role.HEADLINE)
            headline = i
        elif shaped and norm == norms[headline or 0]:
            state.claim(i, LineKind.HEADLINE, Role.COPY)
        elif shaped:
            nxt = _next_content(state, i)
            if (nxt is None and after_prose) or (nxt is not None and nxt not in metas
                                                 and not _title_shaped(state, norms[nxt])):
                state.claim(i, LineKind.HEADING, Role.HEADING)
            else:
                state.claim(i, LineKind.BOILERPLATE)
        else:
            state.claim(i, LineKind.BODY, Role.PARAGRAPH)
        after_prose = kinds[i] is LineKind.BODY


def _next_content(state: LineState, i: int) -> int | None:
    """The first line after ``i`` that is neither blank nor the site's chrome."""
    kinds = state.kinds
    nxt = state.next_nonblank(i + 1)
    while nxt is not None and kinds[nxt] is LineKind.BOILERPLATE:
        nxt = state.next_nonblank(nxt + 1)
    return nxt


def _leading_chrome(state: LineState, titles: list[int],
                    metas: dict[int, re.Match[str]]) -> set[int]:
    """The titles that open records: those above the first record are site chrome.

    A record's title is followed by its metadata or its teaser; title-like lines that
    are followed by nothing but more of them, before the first record, are the site's
    own links (ads, sections) and become boilerplate.
    """
    kept = set(titles)
    norms, roles = state.norms, state.roles
    for i in titles:
        nxt = _next_content(state, i)
        if nxt is not None and roles[nxt] is Role.LISTING_TITLE:
            pass  # a link above the listing's title is the site's, not a record
        elif nxt is None or nxt in metas or nxt not in kept or norms[nxt] == norms[i]:
            break
        elif nxt == i + 1 and _label(norms[i]) and _spaced(state, i, nxt):
            break  # a kicker right over its title: the first card
        elif _label(norms[nxt]):
            after = _next_content(state, nxt)
            if after is not None and after not in kept and (
                    is_snippet(norms[after]) or ends_sentence(norms[after])):
                break  # a title, its outlet, its teaser: the first record
        kept.discard(i)
        state.claim(i, LineKind.BOILERPLATE)
    return kept


def _title_line(state: LineState, i: int, titles: set[int], *, copy: bool,
                header: bool) -> bool:
    """Claim a title-like line of a listing; return whether it opens an item.

    It is a copy of the open item's title, a section heading over the next records,
    the open item's outlet (a label right under its title), a section label, or the
    title of a new item.
    """
    norm = state.norms[i]
    if copy:
        state.claim(i, _RELATED, Role.COPY)
    elif _label(norm) and _spaced(state, i, i) and _next_content(state, i) in titles:
        state.claim(i, LineKind.BOILERPLATE)  # a section heading over records
    elif header and _label(norm):
        state.claim(i, _RELATED, Role.ITEM_SOURCE, norm)
    elif len(norm.split()) < _TITLE_MIN_WORDS:
        state.claim(i, LineKind.BOILERPLATE)  # a section label between records
    else:
        state.claim(i, _RELATED, Role.ITEM_TITLE)
        state.item_starts.add(i)
        return True
    return False


def _kicker(state: LineState, i: int, titles: set[int]) -> bool:
    """Claim a kicker right over a title (a card's section label), if line ``i`` is one.

    The kicker is the item's category, and starts it.
    """
    if i + 1 not in titles or not _over_title(state, i):
        return False
    state.claim(i, _RELATED, Role.ITEM_CATEGORY)
    state.item_starts.add(i)
    state.claim(i + 1, _RELATED, Role.ITEM_TITLE)
    return True


def _cut_card(state: LineState, i: int) -> bool:
    """Claim a card the dump's end cuts in its title: a kicker over the last line.

    The last line is no record's title (it may be cut anywhere), but a kicker right
    over a line shaped as a title opens a card all the same, not the item above's
    outlet: both are orphans, as the lines of an item the dump cuts before its title.
    """
    last = i + 1
    if (not _over_title(state, i) or _next_content(state, last) is not None
            or not _title_shaped(state, state.norms[last])):
        return False
    state.claim(i, _RELATED, Role.ORPHAN)
    state.claim(last, _RELATED, Role.ORPHAN)
    return True


def _over_title(state: LineState, i: int) -> bool:
    """Whether line ``i`` stands as a kicker does, over a line of a title's length.

    It has fewer words than a title, the line under it as many as one, and the two
    stand between blank lines.
    """
    norms = state.norms
    return (len(norms[i].split()) < _TITLE_MIN_WORDS and i + 1 < len(norms)
            and len(norms[i + 1].split()) >= _TITLE_MIN_WORDS and _spaced(state, i, i + 1))


def _spaced(state: LineState, first: int, last: int) -> bool:
    """Whether lines ``first`` to ``last`` stand between blank lines (or the page's ends)."""
    norms = state.norms
    return (first == 0 or not norms[first - 1]) and (last + 1 >= len(norms)
                                                     or not norms[last + 1])


def _label(norm: str) -> bool:
    """Whether ``norm`` is short enough to be an outlet's name under a title."""
    return len(norm) <= _SOURCE_MAX and len(norm.split()) <= _SOURCE_MAX_WORDS


def _at_top(state: LineState) -> bool:
    """Whether the page's only record (if any) starts where the page's text does."""
    starts = state.item_starts
    if not starts:
        return True
    first = min(starts)
    return all(state.kinds[i] is not _RELATED for i in range(first))


# What a record's lines become when the page is that record's story.
_STORY_ROLES: dict[Role, tuple[LineKind, Role]] = {
    Role.ITEM_TITLE: (LineKind.HEADLINE, Role.HEADLINE),
    Role.COPY: (LineKind.HEADLINE, Role.COPY),
    Role.ITEM_SOURCE: (LineKind.DATELINE, Role.META),
    Role.ITEM_TIME: (LineKind.DATELINE, Role.META),
    Role.ITEM_META: (LineKind.DATELINE, Role.META),
    Role.ITEM_TEASER: (LineKind.BODY, Role.PARAGRAPH),
    Role.ORPHAN: (LineKind.BODY, Role.PARAGRAPH),
}


def _as_story(state: LineState, metas: dict[int, re.Match[str]]) -> None:
    """A page of one record (or none) is a story: its title the headline, its text the body.

    Every metadata line of the page is the story's dateline.
    """
    kinds, roles = state.kinds, state.roles
    for i in range(len(kinds)):
        if i in metas:
            state.claim(i, LineKind.DATELINE, Role.META)
        elif kinds[i] is _RELATED:
            if roles[i] is Role.ITEM_SOURCE:
                state.claim(i, LineKind.DATELINE, Role.SOURCE_TIME)
            else:
                kind, role = _STORY_ROLES.get(roles[i], (LineKind.BODY, Role.PARAGRAPH))
                state.claim(i, kind, role)
    state.item_starts.clear()
