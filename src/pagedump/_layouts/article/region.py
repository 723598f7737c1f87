"""The story's region on an ordinary page, and the lines inside it.

The main content is the densest run of prose: the maximum-sum run of line weights
(Kadane), so menus, footers and link lists fall outside while a heading or a caption
inside the story does not break it. A run right after a copy of the page's title is
preferred (:func:`anchored_run`), and a story may end in a list of short lines
(:func:`extend_over_list`). Inside the region, short lines become sub-headings or
list items, and chrome stays chrome (:func:`settle_region`).
"""

from __future__ import annotations

from pagedump._layouts.article.evidence import (
    BAD,
    CAPTION,
    COST_ITEM,
    GOOD,
    NEAR,
    SHORT,
    ArticlePage,
    title_like,
)
from pagedump._text import CLAUSE_ENDS
from pagedump._tokens import LineKind, Role

__all__ = ["anchored_run", "densest_run", "extend_over_list", "settle_region"]


_BOILERPLATE = LineKind.BOILERPLATE
_BODY = LineKind.BODY
_HEADING = LineKind.HEADING


def densest_run(weights: list[float]) -> tuple[int, int, float]:
    """The maximum-sum run of weights (Kadane): the main content, as ``[start, end)``."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0.0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end, best


def anchored_run(weights: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    """The maximum-sum run that starts in ``[lo, hi)``, as ``[start, end)`` and its sum."""
    n = len(weights)
    # Suffix maxima of prefix sums: the best end for any start, in one backward pass.
    prefix = [0.0] * (n + 1)
    for i, weight in enumerate(weights):
        prefix[i + 1] = prefix[i] + weight
    best_end = [0] * (n + 1)
    best_end[n] = n
    for i in range(n - 1, lo - 1, -1):
        nxt = best_end[i + 1]
        best_end[i] = i + 1 if prefix[i + 1] >= prefix[nxt] else nxt
    best = (lo, lo, 0.0)
    for s in range(lo, min(hi, n)):
        if weights[s] <= 0.0:
            continue
        e = best_end[s]
        total = prefix[e] - prefix[s]
        if total > best[2]:
            best = (s, e, total)
    return best


def extend_over_list(weights: list[float], end: int) -> int:
    """Carry the story's end over the list that closes it.

    The densest run stops at its last prose line, but a story may end in a list (tour
    dates, results, ingredients) of short lines that are no labels: they cost little,
    and nothing but chrome or labels follows them.
    """
    n = len(weights)
    i = end
    while i < n:
        weight = weights[i]
        if weight in (0.0, -COST_ITEM):
            i += 1
            if weight:
                end = i
        else:
            break
    return end


def settle_region(page: ArticlePage, start: int, end: int) -> None:
    """Settle the lines of the story's region: paragraphs, headings and chrome."""
    norms, classes, kinds, roles = page.norms, page.classes, page.kinds, page.roles
    weights = page.weights
    chrome = False
    for i in range(start, end):
        norm = norms[i]
        if not norm or kinds[i] is not _BOILERPLATE:
            continue
        cls = classes[i]
        if cls == BAD:
            chrome = True
            continue
        if weights[i] == CAPTION:
            continue  # a picture's caption: beside the story, not in it
        if weights[i] > 0.0:
            chrome = False
            kinds[i], roles[i] = _BODY, Role.PARAGRAPH
        elif _is_heading(page, i, end, after_chrome=chrome):
            chrome = False
            kinds[i], roles[i] = _HEADING, Role.HEADING
        elif not chrome:
            # Short lines between paragraphs are the story's (list items, a short
            # sentence), unless a chrome line opened them (a link list, a widget).
            kinds[i], roles[i] = _BODY, Role.PARAGRAPH


def _is_heading(page: ArticlePage, i: int, end: int, *, after_chrome: bool) -> bool:
    """A sub-heading: a short title-like line right before a paragraph.

    After chrome (an advertisement, a "Related" label) the paragraph must be a full
    one: a teaser's title stands before a teaser's shorter text.
    """
    norm = page.norms[i]
    if page.classes[i] != SHORT or not title_like(norm) or norm[-1] in CLAUSE_ENDS:
        return False
    nxt = i + 1
    while nxt < end and not page.norms[nxt]:
        nxt += 1
    return nxt < end and page.classes[nxt] >= (GOOD if after_chrome else NEAR)


