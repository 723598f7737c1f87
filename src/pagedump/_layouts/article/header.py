"""The header of an ordinary page: its headline, byline and time.

The headline is a title-like line shortly before the story, preferably one that the
page's title line (its first line, often ``"Headline - Site"``) repeats; the lines
between it and the story hold the byline and the time, or else the story's first
lines do, or the lines just above the headline.
"""

from __future__ import annotations

from collections.abc import Iterable

from pagedump._layouts.article.evidence import (
    BAD,
    DIGIT,
    ArticleData,
    ArticlePage,
    title_like,
    words_of,
)
from pagedump._lines import LONG
from pagedump._tokens import LineKind, Role

__all__ = ["HEADLINE_GAP", "find_headline", "fold", "read_header", "title_lines"]

# How far after its headline (in lines) a story's first paragraph may start.
HEADLINE_GAP = 25
# How far before the body a copy of the title may stand, and how near a headline
# that is no copy must be (in non-blank lines).
_HEADLINE_LOOKBACK = 40
_HEADLINE_NEAR = 10
# Where the byline and the time are looked for: lines before the body when no
# headline was found, the body's first lines, lines above the headline.
_HEADER_LINES = 12
_BODY_HEAD_LINES = 4
_ABOVE_LINES = 3


_HEADLINE = LineKind.HEADLINE
_DATELINE = LineKind.DATELINE


# Typographic quotes as the plain ones a page's title line prints.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"'})


def fold(text: str) -> str:
    """Fold case and quotes: a title line prints ``'`` where the headline prints ``’``."""
    return text.casefold().translate(_QUOTES)


def _title_parts(title: str, separators: tuple[str, ...]) -> set[str]:
    parts = {fold(title)}
    for sep in separators:
        if sep in title:
            for raw in title.split(sep):
                piece = raw.strip()
                # A headline is a phrase, not a site name ("National Review"), nor a
                # section ("Breaking News"); unspaced scripts have no words to count.
                if len(piece) >= 12 and (piece.count(" ") >= 2 or not piece.isascii()):
                    parts.add(fold(piece))
    return parts


def title_lines(page: ArticlePage) -> list[int]:
    """Lines that repeat the page's title line (its first), or its headline part."""
    norms = page.norms
    first = next((i for i, norm in enumerate(norms) if norm), None)
    if first is None or len(norms[first]) > LONG:
        return []
    parts = _title_parts(norms[first], page.data.separators)
    shortest = min(map(len, parts))
    longest = max(map(len, parts))
    found: list[int] = []
    for i in range(first + 1, len(norms)):
        norm = norms[i]
        # casefold() may lengthen ("ß" to "ss"), never shorten.
        if shortest <= 2 * len(norm) and len(norm) <= longest and fold(norm) in parts:
            found.append(i)
    return found


def find_headline(page: ArticlePage, start: int, titles: list[int]) -> int | None:
    """The headline when no run of prose follows a copy of the page's title.

    A copy of the title before the body wins; else the title-like line just before
    the body that shares most words with the title; else the title line itself.
    """
    norms = page.norms
    before = page.nonblank_before(start, _HEADLINE_LOOKBACK)
    copies = set(titles)
    for i in before:
        if i in copies:
            return i
    first = next((i for i, norm in enumerate(norms) if norm), None)
    if first is None:
        return None
    title_words = set(words_of(norms[first][:LONG]))
    best, best_overlap = None, 0.5
    for i in before[:_HEADLINE_NEAR]:
        norm = norms[i]
        if (i == first or page.classes[i] == BAD or not title_like(norm)
                or len(norm.split()) < 3 or _is_meta_line(page, i)):
            continue
        words = words_of(norm)
        overlap = sum(1 for w in words if w in title_words) / len(words)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best is not None:
        return best
    title = norms[first]
    if first < start and page.classes[first] != BAD and title_like(title):
        if " " not in title:
            # One word is a section's or a site's name, not a headline: a title-like
            # line of a few words just before the story is the headline.
            for i in before[:_HEADLINE_NEAR]:
                if (i != first and page.classes[i] != BAD and title_like(norms[i])
                        and len(norms[i].split()) >= 3 and not _is_meta_line(page, i)):
                    return i
        return first  # the page's title line holds the headline
    return None


def _is_meta_line(page: ArticlePage, i: int) -> bool:
    norm = page.norms[i]
    if len(norm) > 150:
        return False
    data = page.data
    if _is_byline(norm, data):
        return True
    if norm.casefold() in data.byline_alone:
        return True
    return data.date is not None and data.date.search(norm) is not None


def _is_byline(norm: str, data: ArticleData) -> bool:
    """Whether a line is an author line: a byline word, then a capitalised name."""
    if data.byline is None:
        return False
    found = data.byline.match(norm)
    if found is None:
        return False
    # "By the end of the day ..." is a sentence; a name starts with a capital (or with
    # a letter of a script without case), and a byline is no long finished sentence.
    first = found["name"]
    return not (first.islower() or (norm[-1] in ".!?" and norm.count(" ") > 6))


def read_header(page: ArticlePage, headline: int | None, start: int, end: int) -> None:
    """Find the byline and the time near the headline.

    They stand between the headline and the body, or among the first lines of the
    body (after a standfirst), or just above the headline (a date over the title).
    """
    norms = page.norms
    lo = max(0, start - _HEADER_LINES)
    if headline is not None and headline + HEADLINE_GAP >= start:
        lo = headline + 1
    # (A headline far above the body is the page's title line: the menus below it
    # are no header.)
    hi = start
    # The first few lines of the body may still be header; short ones only.
    seen = 0
    while hi < end and seen < _BODY_HEAD_LINES:
        if norms[hi]:
            seen += 1
        hi += 1
    timed = _mark_meta(page, range(lo, hi), start)
    if not timed and headline is not None:
        above = page.nonblank_before(headline, _ABOVE_LINES)
        _mark_meta(page, reversed(above), start, bylines=False)


def _mark_meta(page: ArticlePage, lines: Iterable[int], start: int, *,
               bylines: bool = True) -> bool:
    """Mark byline and time lines among ``lines``; return whether a time was found."""
    data = page.data
    norms, kinds, roles, values = page.norms, page.kinds, page.roles, page.values
    timed = False
    after_marker = False
    for i in lines:
        norm = norms[i]
        # Past the body's start only short lines are candidates: "By Jane Doe" is a
        # byline, a paragraph that starts "By Monday" is not.
        if not norm or len(norm) > (150 if i < start else 80) or kinds[i] is _HEADLINE:
            continue
        if after_marker and len(norm) <= 60:
            kinds[i], roles[i] = _DATELINE, Role.BYLINE
            after_marker = False
            continue
        after_marker = False
        if bylines and norm.casefold() in data.byline_alone:
            # A bare "By" with the name on the next line: the name is the byline.
            kinds[i], roles[i] = _DATELINE, Role.NONE
            after_marker = True
            continue
        if bylines and len(norm) <= 100 and _is_byline(norm, data):
            kinds[i], roles[i] = _DATELINE, Role.BYLINE
            continue
        if not timed and data.date is not None and len(norm) <= 100 and DIGIT.search(norm):
            found = data.date.search(norm)
            if found is not None:
                kinds[i], roles[i], values[i] = _DATELINE, Role.TIME, found.group().strip()
                timed = True
    return timed


