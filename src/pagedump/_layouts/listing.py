"""Listing pages of the aggregator layout: what makes a page a listing, and its title.

A hashtag listing prints the listing's title under the logo (``"Latest news with
#Japan"``), then teasers, read by the page's teaser form as a story's related teasers
are. An author page prints the author's name, then one line per story: its teaser
sentence and its date, read here. (A front page of nothing but teaser cards is found
by the cards form, :func:`pagedump._layouts.teasers.cards`.)
"""

from __future__ import annotations

from pagedump._shapes import Shape
from pagedump._state import LineState
from pagedump._text import ends_sentence
from pagedump._tokens import LineKind, Role

__all__ = ["read_author_page", "read_title"]


def read_title(state: LineState, i: int) -> int:
    """Claim line ``i`` as the listing's title; return where its teasers begin."""
    state.listing = True
    state.claim(i, LineKind.HEADLINE, Role.LISTING_TITLE)
    return i + 1


def read_author_page(state: LineState, first: int) -> bool:
    """Read an author page, if it is one: a name line, then items ending in a date stutter.

    Returns:
        Whether the page is an author page (then every line is claimed).
    """
    rules, norms = state.rules, state.norms
    pattern = rules.author_item if rules is not None else None
    if pattern is None or len(norms[first]) > 60 or ends_sentence(norms[first]):
        return False
    nxt = state.next_nonblank(first + 1)
    if nxt is None or not pattern.fullmatch(norms[nxt]):
        return False
    state.listing = True
    state.claim(first, LineKind.HEADLINE, Role.LISTING_TITLE)
    shapes = state.shapes
    for i in range(first + 1, len(norms)):
        if shapes[i] is not Shape.BLANK:
            match = pattern.fullmatch(norms[i])
            if match is None:
                state.claim(i, LineKind.RELATED, Role.ORPHAN)  # cut before its time
            else:
                state.claim(i, LineKind.RELATED, Role.AUTHOR_ITEM, match["time"])
                state.item_starts.add(i)
    return True
