"""Filling teaser items: every line of the related region gets its role, item by item.

The teaser form (:mod:`pagedump._layouts.teasers`) finds where each item starts and
claims the lines that anchor it (its time, its title, its outlet). What is left of an
item is read here: the bullets under its time (one names the outlet, the others are
categories), the title printed again, and the teaser text. Text that belongs to no
item, cut off by the dump's edge, is orphaned, never dropped.
"""

from __future__ import annotations

from pagedump._shapes import Shape
from pagedump._state import LineState
from pagedump._tokens import LineKind, Role

__all__ = ["bullet_label", "fill_items", "fill_loose", "fill_partial"]

_BLANK = LineKind.BLANK
_BOILERPLATE = LineKind.BOILERPLATE
_RELATED = LineKind.RELATED
# Shapes and roles as module constants: looking a member up on its enum class costs
# far more, and these are read for every line of the teasers.
_BLANK_SHAPE, _CHROME, _BULLET = Shape.BLANK, Shape.CHROME, Shape.BULLET
_CHROME_SHAPES = (Shape.CHROME, Shape.JUNK)
_ITEM_TITLE, _ITEM_SOURCE, _ITEM_TIME = Role.ITEM_TITLE, Role.ITEM_SOURCE, Role.ITEM_TIME
_ITEM_TEASER, _COPY = Role.ITEM_TEASER, Role.COPY
_ITEM_SOURCE_BULLET, _ITEM_CATEGORY = Role.ITEM_SOURCE_BULLET, Role.ITEM_CATEGORY


def bullet_label(state: LineState, norm: str) -> str:
    """The text of a bullet line without the dialect's bullet marker."""
    for bullet in state.dialect.bullets:
        if norm.startswith(bullet):
            return norm[len(bullet):].strip()
    return norm


def fill_items(state: LineState, region: int, starts: list[int], stop: int) -> None:
    """Give every line of the related region its role, item by item."""
    if not starts:
        fill_partial(state, region, stop)
        return
    state.item_starts.update(starts)
    bounds = [*starts, stop]
    for i in range(region, starts[0]):
        fill_loose(state, i)
    for k, start in enumerate(starts):
        _fill_item(state, start, bounds[k + 1])


def _fill_item(state: LineState, start: int, end: int) -> None:
    """Roles inside one item: bullets right after its time, then title and teaser."""
    norms, shapes, kinds, roles = state.norms, state.shapes, state.kinds, state.roles
    title: str | None = None
    source: str | None = None
    bullets: list[int] = []
    in_bullets = teased = False
    blank, chrome, bullet = _BLANK_SHAPE, _CHROME, _BULLET
    item_title, item_source, item_time = _ITEM_TITLE, _ITEM_SOURCE, _ITEM_TIME
    for i in range(start, end):
        shape = shapes[i]
        if shape is blank:
            kinds[i] = _BLANK
            continue
        if kinds[i] is not None:
            role = roles[i]
            if role is item_title:
                title = state.values[i] or norms[i]
            elif role is item_source:
                source = norms[i]
            in_bullets = role is item_time
            continue
        if shape is chrome:
            kinds[i] = _BOILERPLATE
        elif shape is bullet and in_bullets:
            bullets.append(i)
        elif teased and shapes[i - 1] is blank:
            # Teasers are one line: text after it and a blank is the next item,
            # cut by the end of the dump before its time line.
            fill_partial(state, i, end)
            break
        elif title is None:
            title = norms[i]
            kinds[i], roles[i] = _RELATED, item_title
            in_bullets = False
        elif norms[i] == title:
            kinds[i], roles[i] = _RELATED, _COPY
            in_bullets = False
        else:
            kinds[i], roles[i] = _RELATED, _ITEM_TEASER
            in_bullets, teased = False, True
    # One bullet names the outlet: the last one that repeats the source line (or,
    # with no source line, the last of several); the others are categories.
    labels = [bullet_label(state, norms[i]) for i in bullets]
    named = [k for k, label in enumerate(labels) if label == source]
    outlet = named[-1] if named else (len(labels) - 1 if source is None and len(labels) > 1
                                      else None)
    for k, (i, label) in enumerate(zip(bullets, labels, strict=True)):
        role = _ITEM_SOURCE_BULLET if k == outlet else _ITEM_CATEGORY
        state.claim(i, _RELATED, role, label)


def fill_partial(state: LineState, start: int, end: int) -> None:
    """Teaser lines with no time line: an item cut short by the end of the dump.

    A title printed twice still makes an item (spaced layout: title, title, source);
    anything else cannot be placed in an item and is orphaned.
    """
    first = state.next_nonblank(start, end)
    if (first is not None and first + 1 < end and state.shapes[first] is Shape.TEXT
            and state.norms[first + 1] == state.norms[first]):
        state.item_starts.add(first)
        state.claim(first, _RELATED, Role.ITEM_TITLE)
        state.claim(first + 1, _RELATED, Role.COPY)
        source = state.next_nonblank(first + 2, end)
        if source is not None and state.shapes[source] is Shape.TEXT:
            state.claim(source, _RELATED, Role.ITEM_SOURCE)
        _fill_item(state, first, end)
        return
    for i in range(start, end):
        fill_loose(state, i)


def fill_loose(state: LineState, i: int) -> None:
    """Settle a line outside any item: blank, chrome, or orphaned teaser text."""
    shape = state.shapes[i]
    if shape is _BLANK_SHAPE:
        state.claim(i, _BLANK)
    elif shape in _CHROME_SHAPES:
        state.claim(i, _BOILERPLATE)
    else:
        state.claim(i, _RELATED, Role.ORPHAN)
