"""The body of an aggregator story: paragraphs, sub-headings, and the chrome inside.

Most lines of a story are paragraphs. Among them stand sub-headings (a short,
title-like line between finished paragraphs), live-blog post stamps with their
titles, bylines, and the debris a scrape drags in: photo captions and their credits,
video-player widgets, bracketed link blocks, and the dump's last line cut inside a
chrome phrase.
"""

from __future__ import annotations

from pagedump._layouts.header import looks_like_title
from pagedump._shapes import CAPTION_MAX, CREDIT_ENDS, Shape
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

# What a line above a sub-heading may be besides a finished paragraph.
_OPENS_BODY = (_HEADLINE, _DATELINE, _BOILERPLATE)
_HEADING_ENDS = frozenset(".,;:!\"'…”’-–—|")


def _looks_like_heading(text: str) -> bool:
    if len(text) > _HEADING_MAX or (text.count(" ") >= 16 and len(text.split()) > 16):
        return False
    if not starts_capitalised(text):
        return False
    return text[-1] not in _HEADING_ENDS or text.endswith("?")


def _starts_paragraph(text: str) -> bool:
    return starts_capitalised(text) and (len(text) >= 60 or ends_sentence(text))


def read_body(state: LineState, start: int, end: int) -> None:
    """Claim the story's lines between ``start`` and ``end``: paragraphs, headings, chrome."""
    norms, shapes, kinds, roles = state.norms, state.shapes, state.kinds, state.roles
    credits = _credits(state, start, end)
    last = len(norms) - 1
    # Most lines are paragraphs: settle them with as little work as possible.
    text, body, paragraph = Shape.TEXT, _BODY, Role.PARAGRAPH
    i = start
    while i < end:
        if kinds[i] is not None:
            i += 1
            continue
        shape = shapes[i]
        if shape is text:
            norm = norms[i]
            if credits and norm in credits:
                kinds[i] = _BOILERPLATE
            elif len(norm) <= _HEADING_MAX and _is_heading(state, i, start, end):
                kinds[i], roles[i] = _HEADING, Role.HEADING
            elif i == last and _is_cut_chrome(state, i):
                kinds[i] = _BOILERPLATE
            else:
                kinds[i], roles[i] = body, paragraph
        elif shape is Shape.BLANK:
            state.claim(i, _BLANK)
        elif shape is Shape.WIDGET:
            i = _widget(state, i, end)
            continue
        elif shape is Shape.LINK_OPEN:
            i = _link_block(state, i, end)
            continue
        elif shape is Shape.CAPTION:
            i = _caption(state, i, end)
        elif shape in (Shape.CHROME, Shape.JUNK, Shape.LINK_CLOSE):
            state.claim(i, _BOILERPLATE)
        elif shape is Shape.STAMP:
            state.claim(i, _DATELINE, Role.STAMP)
            title = state.next_nonblank(i + 1, end)
            if (title is not None and shapes[title] is Shape.TEXT
                    and looks_like_title(norms[title])):
                state.claim(title, _HEADING, Role.HEADING)
                i = title
        elif shape is Shape.BYLINE:
            state.claim(i, _DATELINE, Role.BYLINE)
        elif _is_heading(state, i, start, end):
            state.claim(i, _HEADING, Role.HEADING)
        elif _is_cut_chrome(state, i):
            state.claim(i, _BOILERPLATE)
        else:
            state.claim(i, _BODY, Role.PARAGRAPH)
        i += 1


def _caption(state: LineState, i: int, end: int) -> int:
    """A caption, and the credit line under it; return the last of them."""
    state.claim(i, _BOILERPLATE)
    nxt = i + 1
    norms = state.norms
    if (nxt < end and state.shapes[nxt] is Shape.TEXT and len(norms[nxt].split()) <= 3
            and not ends_sentence(norms[nxt])):
        state.claim(nxt, _BOILERPLATE)
        return nxt
    return i


def _credits(state: LineState, start: int, end: int) -> frozenset[str]:
    """The body lines that are credits, not story.

    Captions that end in a credit (``"... Photograph: Name"``) are debris, except on
    gallery pages, where most of the text is captions and the captions are the
    story. A short line printed more than once in the body (an agency name under
    each photo) is a credit too.
    """
    seen: dict[str, int] = {}
    captions: set[str] = set()
    prose = 0
    kinds, shapes, norms = state.kinds, state.shapes, state.norms
    rules = state.rules
    assert rules is not None  # the aggregator layout compiles them first
    pattern, separators = rules.captions, rules.credit_separators
    text = Shape.TEXT
    for i in range(start, end):
        if kinds[i] is not None or shapes[i] is not text:
            continue
        norm = norms[i]
        size = len(norm)
        if size <= 40:
            seen[norm] = seen.get(norm, 0) + 1
        # Captions are short, and end in a name, not a full stop; a credit stands
        # in the last characters, after a separator, so the pattern only runs
        # where one stands there.
        if size <= CAPTION_MAX and pattern is not None and norm[-1] not in CREDIT_ENDS:
            tail = size - 80 if size > 80 else 0
            for separator in separators:
                if norm.find(separator, tail) >= 0:
                    if pattern.search(norm, tail):
                        captions.add(norm)
                        prose -= 1
                    break
        prose += 1
    repeated = {norm for norm, count in seen.items() if count > 1 and len(norm.split()) <= 4}
    if len(captions) >= 3 and len(captions) >= prose:
        captions.clear()  # a gallery: the captions are the story
    return frozenset(captions | repeated)


def _widget(state: LineState, i: int, end: int) -> int:
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
    return i


def _link_block(state: LineState, i: int, end: int) -> int:
    """A bracketed link block: ``[``, a title, ``Opens in new window``, ``]``."""
    for j in range(i + 1, min(end, i + 6)):
        if state.shapes[j] is Shape.LINK_CLOSE:
            for k in range(i, j + 1):
                blank = state.shapes[k] is Shape.BLANK
                state.claim(k, _BLANK if blank else _BOILERPLATE)
            return j + 1
    state.claim(i, _BOILERPLATE)
    return i + 1


def _is_heading(state: LineState, i: int, start: int, end: int) -> bool:
    """A sub-heading: a short title-like line between finished paragraphs."""
    norms = state.norms
    if not _looks_like_heading(norms[i]):
        return False
    nxt = i + 1
    if nxt >= end or state.shapes[nxt] is not Shape.TEXT:
        return False
    if not _starts_paragraph(norms[nxt]) and not (
            nxt == len(norms) - 1 and starts_capitalised(norms[nxt])):
        return False  # a cut last line is a paragraph's start, however short
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
