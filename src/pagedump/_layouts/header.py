"""The header of an aggregator page: the logo lines, the headline and its metadata.

A story page opens with the site's logo lines, the headline (often printed twice)
and a line naming the outlet and the time, glued (``"Yomiuri Shimbun4 days ago"``)
or in the dialect's metadata form (``"PTI | Nagpur | Updated: ... | Created: ..."``).
A listing opens with the logo, the listing mark and the listing's title; an author
page with the author's name over items that end in a date.
"""

from __future__ import annotations

from pagedump._layouts.listing import read_author_page, read_title
from pagedump._shapes import GLUED_MAX, Shape
from pagedump._state import LineState
from pagedump._text import ends_sentence, starts_capitalised
from pagedump._tokens import LineKind, Role

__all__ = ["looks_like_title", "read_header"]

# Members as module constants: looking one up on its enum class costs far more.
_BOILERPLATE = LineKind.BOILERPLATE
_DATELINE = LineKind.DATELINE
_HEADLINE = LineKind.HEADLINE
_RELATED = LineKind.RELATED
_BULLET = Shape.BULLET
_CHROME = Shape.CHROME
_LISTING_TITLE = Shape.LISTING_TITLE
_TEXT = Shape.TEXT
_TIME = Shape.TIME
_SOURCE_TIME = Role.SOURCE_TIME
_HEADLINE_ROLE = Role.HEADLINE
_META = Role.META
_COPY = Role.COPY


def looks_like_title(text: str) -> bool:
    """A headline-like line: starts like a title, short, and not a finished sentence."""
    if not 2 <= len(text) <= 250 or len(text.split()) > 30:
        return False
    return starts_capitalised(text) and text[-1] not in ".,;:"


def read_header(state: LineState) -> int:
    """Claim the header's lines; return the line where the body may begin."""
    first = state.next_nonblank(0)
    norms, shapes, dialect = state.norms, state.shapes, state.dialect
    if first is None:
        return len(norms)
    menu = _menu(state, first)
    if menu is not None:
        # A section page: the site's menu, then the section's name over its cards.
        first = state.next_nonblank(menu)
        if first is None:
            return len(norms)
        nxt = state.next_nonblank(first + 1)
        if len(norms[first]) <= _MENU_LABEL and nxt is not None and shapes[nxt] is _BULLET:
            return read_title(state, first)
    norm = norms[first]
    if norm in dialect.logo_marks:
        state.claim(first, _BOILERPLATE)
        nxt = state.next_nonblank(first + 1)
        while nxt is not None and shapes[nxt] is _CHROME and (
                norms[nxt] not in dialect.listing_marks):
            state.claim(nxt, _BOILERPLATE)  # a section label above the headline
            nxt = state.next_nonblank(nxt + 1)
        if nxt is not None and norms[nxt] in dialect.listing_marks:
            state.claim(nxt, _BOILERPLATE)
            title = state.next_nonblank(nxt + 1)
            if title is not None and shapes[title] in (_LISTING_TITLE, _TEXT):
                return read_title(state, title)
            return nxt + 1
        if nxt is not None and shapes[nxt] is _TEXT:
            return _headline(state, nxt)
        return first + 1
    if shapes[first] is _LISTING_TITLE:
        return read_title(state, first)
    if shapes[first] is not _TEXT:
        return first
    if read_author_page(state, first):
        return len(norms)
    if _outlet_first(state, first):
        return first + 1
    # An empty first line means a header follows; otherwise the first line must
    # look like a title, or the dump starts mid-story (a fragment).
    if (first > 0 and len(norm) <= 300) or looks_like_title(norm):
        return _headline(state, first)
    return first


# A menu: at least this many short lines in a row at the top of the page.
_MENU_LINES = 10
_MENU_LABEL = 30


def _menu(state: LineState, first: int) -> int | None:
    """Claim the navigation menu that opens a page, if one does; return the line after it.

    A menu is a run of short lines, none a sentence, with no blank line between them.
    """
    norms, shapes = state.norms, state.shapes
    end = first
    while (end < len(norms) and shapes[end] is _TEXT and len(norms[end]) <= _MENU_LABEL
           and not ends_sentence(norms[end])):
        end += 1
    if end - first < _MENU_LINES:
        return None
    for i in range(first, end):
        state.claim(i, _BOILERPLATE)
    return end


# An outlet's name alone on a page's first line: a few words, no sentence.
_OUTLET_WORDS = 3
_OUTLET_MAX = 40
# The paragraph under it: long prose.
_PROSE_MIN = 150


def _outlet_first(state: LineState, first: int) -> bool:
    """Claim a first line that names the story's outlet over its body, if it is one.

    Some article pages open with the bare source label, a blank and the body: a
    label that short over a long paragraph is no headline.
    """
    norms = state.norms
    norm = norms[first]
    nxt = state.next_nonblank(first + 1)
    if (nxt is None or nxt == first + 1 or len(norm) > _OUTLET_MAX
            or len(norm.split()) > _OUTLET_WORDS or ends_sentence(norm)
            or state.shapes[nxt] is not _TEXT or len(norms[nxt]) < _PROSE_MIN):
        return False
    state.claim(first, _DATELINE, _SOURCE_TIME)
    return True


def _headline(state: LineState, i: int) -> int:
    """Claim the headline, its copies and the metadata line under them."""
    state.claim(i, _HEADLINE, _HEADLINE_ROLE)
    after = _mark_copies(state, i, state.norms[i])
    nxt = state.next_nonblank(after)
    if nxt is None:
        return after
    if state.shapes[nxt] in (_TEXT, _TIME):
        norm = state.norms[nxt]
        split = _split_source_time(state, norm)
        if split is not None:
            state.claim(nxt, _DATELINE, _SOURCE_TIME, split[1])
            return nxt + 1
        assert state.rules is not None
        for pattern in state.rules.meta:
            if len(norm) <= GLUED_MAX * 2 and pattern.fullmatch(norm):
                state.claim(nxt, _DATELINE, _META)
                # A summary page prints the headline again under its meta line.
                return _mark_copies(state, nxt, state.norms[i])
    return after


def _mark_copies(state: LineState, i: int, text: str) -> int:
    """Claim the repeats of ``text`` that follow line ``i``; return the line after the last.

    A repeat is a headline when line ``i`` is part of the header (the headline or
    its metadata line), else related (a teaser title's).
    """
    header = state.kinds[i] in (_HEADLINE, _DATELINE)
    kind = _HEADLINE if header else _RELATED
    j = state.next_nonblank(i + 1)
    while j is not None and state.norms[j] == text:
        state.claim(j, kind, _COPY)
        i = j
        j = state.next_nonblank(i + 1)
    return i + 1


def _split_source_time(state: LineState, norm: str) -> tuple[str | None, str] | None:
    """Split a glued ``"Yomiuri Shimbun4 days ago"`` into its outlet and its time.

    Returns:
        ``(outlet or None, time)``, or ``None`` when the line is no such line.
    """
    rules = state.rules
    if rules is None or rules.time is None or rules.glued is None or len(norm) > GLUED_MAX:
        return None
    if rules.time.fullmatch(norm):
        return None, norm
    match = rules.glued.fullmatch(norm)
    if match is None:
        return None
    return match["label"].strip() or None, match["time"]

