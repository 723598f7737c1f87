"""The body of an aggregator story: paragraphs, sub-headings, and the chrome inside.

Most lines of a story are paragraphs. Among them stand sub-headings (a short,
title-like line between finished paragraphs), live-blog post stamps with their
titles, bylines, and the debris a scrape drags in: photo captions and their credits,
video-player widgets, bracketed link blocks, and the dump's last line cut inside a
chrome phrase.
"""

from __future__ import annotations

import bisect

from pagedump._layouts.header import looks_like_title
from pagedump._layouts.leaks import claim_leaks, is_dialogue
from pagedump._shapes import Shape
from pagedump._state import LineState
from pagedump._text import ends_sentence, starts_capitalised
from pagedump._tokens import LineKind, Role

__all__ = ["read_body"]

_HEADING_MAX = 120
_BLANK = LineKind.BLANK
_BOILERPLATE = LineKind.BOILERPLATE
_HEADLINE = LineKind.HEADLINE
_DATELINE = LineKind.DATELINE
_BODY = LineKind.BODY
_HEADING = LineKind.HEADING
# Shapes and roles as module constants: looking a member up on its enum class costs
# far more, and the body's loop reads one for every line.
_TEXT, _CAPTION = Shape.TEXT, Shape.CAPTION
_WIDGET, _LINK_OPEN, _STAMP, _BYLINE = Shape.WIDGET, Shape.LINK_OPEN, Shape.STAMP, Shape.BYLINE
_CHROME_SHAPES = (Shape.CHROME, Shape.JUNK, Shape.LINK_CLOSE)
_PARAGRAPH, _HEADING_ROLE = Role.PARAGRAPH, Role.HEADING
_STAMP_ROLE, _BYLINE_ROLE = Role.STAMP, Role.BYLINE

# What a line above a sub-heading may be besides a finished paragraph.
_OPENS_BODY = (_HEADLINE, _DATELINE, _BOILERPLATE)
_HEADING_ENDS = frozenset(".,;:!\"'…”’-–—|")


def _looks_like_heading(text: str) -> bool:
    # The last character first: most short lines of a story are sentences, settled by
    # it without reading the line.
    if text[-1] in _HEADING_ENDS:
        return False
    if len(text) > _HEADING_MAX or (text.count(" ") >= 16 and len(text.split()) > 16):
        return False
    return starts_capitalised(text)


def _starts_paragraph(text: str) -> bool:
    return starts_capitalised(text) and (len(text) >= 60 or ends_sentence(text))


def read_body(state: LineState, start: int, end: int) -> None:
    """Claim the story's lines between ``start`` and ``end``: paragraphs, headings, chrome.

    The lines of the story's text are found once: the chrome leaked among them is
    claimed first (:mod:`~pagedump._layouts.leaks`), then the few lines the first pass
    marked (widgets, captions, stamps, ...), each with what it takes after it, and
    last the text left, in order: sub-headings, the dump's cut last line, paragraphs.
    Blank lines are left to be settled with the rest.
    """
    norms, shapes, kinds, roles = state.norms, state.shapes, state.kinds, state.roles
    text = _TEXT
    texts = [i for i in range(start, end) if shapes[i] is text and kinds[i] is None]
    claim_leaks(state, texts, start, end)
    marked, chrome = state.marked, _CHROME_SHAPES
    for i in marked[bisect.bisect_left(marked, start):bisect.bisect_left(marked, end)]:
        if kinds[i] is None:
            if shapes[i] in chrome:
                kinds[i] = _BOILERPLATE  # (most of the marked lines: settled without a call)
            else:
                _read_marked(state, i, start, end)
    last = len(norms) - 1
    # Most lines are paragraphs: settle them with as little work as possible.
    body, paragraph, heading_ends = _BODY, _PARAGRAPH, _HEADING_ENDS
    for i in texts:
        if kinds[i] is not None:
            continue
        norm = norms[i]
        # (A short line that ends as no heading does, a sentence most often, is
        # settled without a call.)
        if (len(norm) <= _HEADING_MAX and norm[-1] not in heading_ends
                and _is_heading(state, i, start, end)):
            kinds[i], roles[i] = _HEADING, _HEADING_ROLE
        elif i == last and _is_cut_chrome(state, i):
            kinds[i] = _BOILERPLATE
        else:
            kinds[i], roles[i] = body, paragraph


def _read_marked(state: LineState, i: int, start: int, end: int) -> None:
    """Claim a line the first pass marked inside the story (no chrome), and what goes with it."""
    shape = state.shapes[i]
    if shape is _WIDGET:
        _widget(state, i, end)
    elif shape is _LINK_OPEN:
        _link_block(state, i, end)
    elif shape is _CAPTION:
        _caption(state, i, end)
    elif shape is _STAMP:
        state.claim(i, _DATELINE, _STAMP_ROLE)
        title = state.next_nonblank(i + 1, end)
        if (title is not None and state.shapes[title] is _TEXT
                and looks_like_title(state.norms[title])):
            state.claim(title, _HEADING, _HEADING_ROLE)
    elif shape is _BYLINE:
        state.claim(i, _DATELINE, _BYLINE_ROLE)
    elif _is_heading(state, i, start, end):
        state.claim(i, _HEADING, _HEADING_ROLE)
    elif _is_cut_chrome(state, i):
        state.claim(i, _BOILERPLATE)
    else:
        state.claim(i, _BODY, _PARAGRAPH)


def _caption(state: LineState, i: int, end: int) -> None:
    """A caption, and the credit line under it."""
    state.claim(i, _BOILERPLATE)
    nxt = i + 1
    norms = state.norms
    if (nxt < end and state.shapes[nxt] is Shape.TEXT and len(norms[nxt].split()) <= 3
            and not ends_sentence(norms[nxt])):
        state.claim(nxt, _BOILERPLATE)


def _widget(state: LineState, i: int, end: int) -> None:
    """A widget block: its opening line and the short lines after it."""
    state.claim(i, _BOILERPLATE)
    i += 1
    while i < end and state.kinds[i] is None:
        shape, norm = state.shapes[i], state.norms[i]
        if shape is Shape.BLANK:
            state.claim(i, _BLANK)
        elif shape in (Shape.CHROME, Shape.JUNK, Shape.WIDGET) or len(norm) <= 40:
            state.claim(i, _BOILERPLATE)
        else:
            break
        i += 1


def _link_block(state: LineState, i: int, end: int) -> None:
    """A bracketed link block: ``[``, a title, ``Opens in new window``, ``]``."""
    for j in range(i + 1, min(end, i + 6)):
        if state.shapes[j] is Shape.LINK_CLOSE:
            for k in range(i, j + 1):
                blank = state.shapes[k] is Shape.BLANK
                state.claim(k, _BLANK if blank else _BOILERPLATE)
            return
    state.claim(i, _BOILERPLATE)


def _is_heading(state: LineState, i: int, start: int, end: int) -> bool:
    """A sub-heading: a short title-like line between finished paragraphs."""
    norms = state.norms
    if not _looks_like_heading(norms[i]):
        return False
    nxt = i + 1
    if nxt >= end or state.shapes[nxt] is not _TEXT:
        return False
    if state.kinds[nxt] is _BODY:
        pass  # the label of the story's own fact box
    elif not _starts_paragraph(norms[nxt]) and not (
            nxt == len(norms) - 1 and starts_capitalised(norms[nxt])):
        return False  # a cut last line is a paragraph's start, however short
    elif is_dialogue(norms[i]) and is_dialogue(norms[nxt]):
        return False  # a question in an interview, and its answer
    prev = state.prev_nonblank(i - 1)
    if prev is None or prev < start or state.kinds[prev] in _OPENS_BODY:
        return True
    if prev != i - 1:
        return False  # story text never has blank lines inside
    return ends_sentence(norms[prev]) or norms[prev].endswith(state.dialect.paragraph_closers)


def _is_cut_chrome(state: LineState, i: int) -> bool:
    """The dump's last line, cut inside a chrome or widget line."""
    if i != len(state.norms) - 1 or i == 0:
        return False
    prev = state.prev_nonblank(i - 1)
    if prev is None or state.kinds[prev] is not _BOILERPLATE:
        return False
    norm = state.norms[i]
    assert state.rules is not None
    return any(phrase.startswith(norm) for phrase in state.rules.chrome_phrases)
