"""Teasers of other stories on an aggregator page, in each of the forms sites print.

The related region starts after the dialect's related heading (``"Related
Articles"``) and ends at its end block; a listing's region is the whole page after
its title. What anchors an item depends on the dialect's teaser form, and each form
is a reader of its own, chosen from :data:`FORMS`:

- ``timed`` (Daily8): a time line, ``"time22 minutes ago"`` under a spaced title and
  outlet, or a bare time under a compact outlet line with dash bullets;
- ``cards`` (Yahoo): a bulleted title followed by indented labels (section, outlet);
- ``titles`` (wire pages): bare titles, one per line, after the related heading.

A form finds the items' first lines and claims their anchors; the rest of each item
is filled by :mod:`pagedump._layouts.items`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import attrs

from pagedump._dialects import TeaserForm
from pagedump._layouts.items import bullet_label, fill_items, fill_loose
from pagedump._shapes import Shape
from pagedump._state import LineState
from pagedump._tokens import LineKind, Role

__all__ = ["FORMS", "Region", "read_related"]

_RELATED = LineKind.RELATED
# Shapes and roles as module constants: looking a member up on its enum class costs
# far more than a global, and an item's lines read several.
_TEXT, _TIMED = Shape.TEXT, Shape.TIMED
_ITEM_TITLE, _ITEM_SOURCE, _ITEM_TIME, _COPY = (
    Role.ITEM_TITLE, Role.ITEM_SOURCE, Role.ITEM_TIME, Role.COPY)


@attrs.define(slots=True)
class Region:
    """Where a page's teasers may stand, as the teaser forms read it.

    Attributes:
        marked: The lines after the header that the first pass marked (chrome,
            times, bullets, ...): the only lines that can anchor an item.
        low: The first line an item may start at.
        heading: The first line after the related heading (or the listing's top), or
            ``None`` when the page has no related heading.
        stop: Where the region ends: the end block, or the end of the dump.
    """

    marked: list[int]
    low: int
    heading: int | None
    stop: int


Form = Callable[[LineState, Region], list[int]]
"""A teaser form's reader: claim each item's anchor lines, return the items' first lines."""


def read_related(state: LineState, body_start: int) -> int:
    """Find and claim the page's teaser items.

    Returns:
        Where the story's body must end.
    """
    norms, shapes, dialect = state.norms, state.shapes, state.dialect
    # Only the lines the first pass marked (chrome, times, ...) can be anchors.
    marked = state.marked[bisect.bisect_left(state.marked, body_start):]
    heading = end_block = None
    chrome = Shape.CHROME
    for i in marked:
        if shapes[i] is chrome:
            if heading is None and norms[i] in dialect.related_heading:
                heading = i
            elif norms[i] in dialect.end_block:
                end_block = i
                break
    stop = len(norms) if end_block is None else end_block
    region = body_start if state.listing else (heading + 1 if heading is not None else None)
    starts = FORMS[dialect.teasers](
        state, Region(marked, region if region is not None else body_start, region, stop))
    if region is not None:
        body_end = body_start if state.listing else region - 1
    elif starts:
        region = starts[0]
        body_end = _orphaned_top(state, body_start, region, headless=_headless(state, body_start))
    elif end_block is not None and _headless(state, body_start):
        # A fragment that starts in the last teaser: only teasers come before
        # the end-of-page block.
        region = body_end = body_start
    else:
        return stop
    fill_items(state, region, starts, stop)
    return body_end


def _headless(state: LineState, body_start: int) -> bool:
    """Whether the dump has no header: its body is the first text it holds."""
    return state.next_nonblank(0) == state.next_nonblank(body_start)


def _orphaned_top(state: LineState, body_start: int, region: int, *, headless: bool) -> int:
    """Where the body ends when teasers start without a related heading.

    Related teasers only ever follow the trailer's related heading. When a dump has
    teasers but no such line and no header, it is a fragment that starts inside the
    related block, and the text above the first item is the end of a teaser whose
    item starts before the dump.
    """
    top = state.next_nonblank(body_start, region)
    if top is None or not headless:
        return region
    for i in range(top, region):
        fill_loose(state, i)
    return top


# -- the forms ---------------------------------------------------------------------


def timed(state: LineState, region: Region) -> list[int]:
    """Items anchored by their time line (Daily8).

    A time glued to the dialect's prefix (``"time22 minutes ago"``) anchors a spaced
    item; a bare time line anchors a compact one after the related heading, or
    anywhere a dash bullet follows it.
    """
    shapes = state.shapes
    timed_shape, time = _TIMED, Shape.TIME
    low, stop = region.low, region.stop
    anchors = [i for i in region.marked if low <= i < stop and (
        shapes[i] is timed_shape
        or (shapes[i] is time and _is_compact_anchor(state, i, region.heading)))]
    return [_timed_item(state, a, low) for a in anchors]


def cards(state: LineState, region: Region) -> list[int]:
    """Items that are indented cards: a bulleted title, then its labels (Yahoo).

    A page whose first line is a card holds nothing but cards: a front or section
    page, read as a listing. A bulleted line with nothing after it is a card the
    dump's end cuts in its title: nothing names it, and it is an orphan.
    """
    shapes, kinds = state.shapes, state.kinds
    bullet = Shape.BULLET
    bullets = [i for i in region.marked
               if region.low <= i < region.stop and shapes[i] is bullet and kinds[i] is None]
    if bullets and state.next_nonblank(bullets[-1] + 1) is None:
        state.claim(bullets.pop(), _RELATED, Role.ORPHAN)
    starts = [_card(state, i) for i in bullets]
    if starts and starts[0] == state.next_nonblank(0):
        state.listing = True
    return starts


def titles(state: LineState, region: Region) -> list[int]:
    """Items that are bare titles, one per line, after the related heading (wire pages)."""
    if region.heading is None:
        return []
    starts = [i for i in range(region.heading, region.stop) if state.free_text(i)]
    for i in starts:
        state.claim(i, _RELATED, Role.ITEM_TITLE)
    return starts


FORMS: dict[TeaserForm, Form] = {
    TeaserForm.TIMED: timed,
    TeaserForm.CARDS: cards,
    TeaserForm.TITLES: titles,
}
"""The reader of each teaser form."""


def _card(state: LineState, bullet: int) -> int:
    """Claim a card's bulleted title and its labels; return the card's first line.

    The title printed again and the summary that follow are settled when the item
    is filled.
    """
    norms, shapes, kinds = state.norms, state.shapes, state.kinds
    label = bullet_label(state, norms[bullet])
    labels: list[int] = []
    i = bullet + 1
    while i < len(norms) and shapes[i] is Shape.TEXT and kinds[i] is None:
        labels.append(i)
        i += 1
    headline = state.next_nonblank(i) if len(labels) == 1 and i > bullet + 1 else None
    if (headline is not None and shapes[headline] is Shape.TEXT and kinds[headline] is None
            and norms[headline] != label and shapes[i] is Shape.BLANK):
        # The section label took the headline's slot: bullet section, outlet, blank,
        # then the headline itself.
        state.claim(bullet, _RELATED, Role.ITEM_CATEGORY, label)
        state.claim(labels[0], _RELATED, Role.ITEM_SOURCE)
        state.claim(headline, _RELATED, Role.ITEM_TITLE)
        return bullet
    state.claim(bullet, _RELATED, Role.ITEM_TITLE, label)
    for k, j in enumerate(labels):
        last = k == len(labels) - 1
        state.claim(j, _RELATED, Role.ITEM_SOURCE if last else Role.ITEM_CATEGORY)
    return bullet


def _is_compact_anchor(state: LineState, i: int, heading: int | None) -> bool:
    """Whether a bare time line anchors a compact item.

    It does after the related heading, and anywhere when a dash bullet follows it.
    """
    if heading is not None and i >= heading:
        return True
    nxt = i + 1
    return nxt < len(state.shapes) and state.shapes[nxt] is Shape.BULLET


def _timed_item(state: LineState, anchor: int, region: int) -> int:
    """Claim the lines before an item's time line; return the item's first line."""
    norms, shapes = state.norms, state.shapes
    spaced = shapes[anchor] is _TIMED
    prefix = state.dialect.time_prefix or ""
    value = norms[anchor][len(prefix):] if spaced else norms[anchor]
    state.claim(anchor, _RELATED, _ITEM_TIME, value)
    start = anchor
    if spaced:
        # Spaced: title, title again, blank, source, blank, time.
        source = state.prev_nonblank(anchor - 1, region)
        if source is not None and state.free_text(source):
            title: int | None = source
            if _copies_before(state, source, region) == source:
                state.claim(source, _RELATED, _ITEM_SOURCE)
                start = source
                title = state.prev_nonblank(source - 1, region)
            if title is not None and state.free_text(title):
                first = _copies_before(state, title, region)
                state.claim(first, _RELATED, _ITEM_TITLE)
                for i in range(first + 1, title + 1):
                    state.claim(i, _RELATED, _COPY)
                start = first
    else:
        # Compact: the outlet sits right above the time, with no blank between.
        source = anchor - 1
        if (source >= region and shapes[source] is _TEXT and state.kinds[source] is None
                and len(norms[source]) <= 80):
            state.claim(source, _RELATED, _ITEM_SOURCE)
            start = source
    return start


def _copies_before(state: LineState, i: int, region: int) -> int:
    """The first of the identical lines directly above and including line ``i``."""
    first = i
    norms = state.norms
    # (The text first: most lines above differ, and that is settled without a call.)
    while first - 1 >= region and norms[first - 1] == norms[i] and state.free_text(first - 1):
        first -= 1
    return first
