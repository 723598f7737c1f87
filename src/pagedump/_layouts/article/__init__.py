"""The article layout: find the one story on an ordinary news page.

A news site's dump carries its story amid menus, footers, share widgets, cookie
notices, link lists, comment threads and related stories. Nothing marks where the
story is, so it is found in four steps, one module each:

1. :mod:`~pagedump._layouts.article.evidence`: each line alone gets a class (prose,
   near-prose, short, chrome) and a weight; a caption that ends in its picture's credit
   is beside the story, unless most of the page's prose is captions (a gallery).
2. :mod:`~pagedump._layouts.article.region`: the story is the densest run of prose,
   preferably one right after a copy of the page's title; the story never runs
   across a line that is only a date or a rights notice. Its edges are then settled:
   a closing list whose items share a shape, a fragment's cut last line, the
   standfirst under the headline, a lead cut off by the story's date, the line that
   opens the first paragraph and a list of items right above it (a recipe's
   ingredients); inside, sub-headings, credits and links to other stories.
3. :mod:`~pagedump._layouts.article.ending`: the story ends at a closing heading
   ("Related articles", "Lesen Sie auch") or a box about its author that follows most
   of its prose, or at a line of chrome that follows nearly all of it (a newsletter
   prompt).
4. :mod:`~pagedump._layouts.article.header`: the headline shortly before the region,
   and the byline and time around it.

Everything language-specific (function words, chrome phrases, byline words, month
names) is data in the :class:`~pagedump.Dialect` (:mod:`pagedump._words`).
"""

from __future__ import annotations

from pagedump._layouts.article.ending import story_end
from pagedump._layouts.article.evidence import (
    CUT,
    NEAR,
    ArticlePage,
    article_data,
    first_pass,
    title_like,
)
from pagedump._layouts.article.header import (
    HEADLINE_GAP,
    find_headline,
    read_header,
    title_lines,
)
from pagedump._layouts.article.region import (
    anchored_run,
    claim_lead,
    claim_list_before,
    claim_standfirst,
    cut_last_line,
    densest_run,
    extend_over_list,
    open_story,
    settle_region,
)
from pagedump._lines import LONG
from pagedump._state import LineState
from pagedump._text import CLAUSE_ENDS
from pagedump._tokens import LineKind, Role

__all__ = ["read"]

# How many lines repeating the page title are tried as the headline.
_TITLE_CANDIDATES = 4
# The share of the densest run's weight a run after the headline needs to win.
_ANCHOR_SHARE = 0.2


def read(state: LineState) -> None:
    """Claim every line of an ordinary news page.

    Every line starts as boilerplate (or blank); the story's lines, its headline and
    its byline and time are then claimed as such.
    """
    norms, kinds, roles = state.norms, state.kinds, state.roles
    blank, boilerplate = LineKind.BLANK, LineKind.BOILERPLATE
    kinds[:] = [boilerplate if norm else blank for norm in norms]
    if not any(norms):
        return
    data = article_data(state.dialect)
    classes, weights = first_pass(norms, data)
    page = ArticlePage(norms=norms, data=data, classes=classes, weights=weights,
                       kinds=kinds, roles=roles, values=state.values)
    start, end, score = densest_run(weights)
    titles = title_lines(page)
    headline = None
    paywalled = _paywalled(page, titles) if score == 0.0 else None
    if paywalled is not None:
        headline, start = paywalled
        end = start + 1
    # The story starts soon after its headline: a dense run right after a line that
    # repeats the page's title is the story even when a longer run (a footer's wall
    # of legalese, a comment thread) outweighs it.
    best = 0.0
    candidates = [] if paywalled is not None else [
        t for t in titles if not _in_link_list(page, t)][:_TITLE_CANDIDATES]
    for t in candidates:
        s, e, total = anchored_run(weights, t + 1, t + 1 + HEADLINE_GAP)
        # Equal runs follow two copies of the title: the fuller copy is the headline.
        better = total > best or (total == best and headline is not None
                                  and len(norms[t]) > len(norms[headline]))
        if better and total >= _ANCHOR_SHARE * score:
            best, start, end, headline = total, s, e, t
    if headline is None and score > 0.0:
        headline = find_headline(page, start, titles)
    elif headline is None and not any(norm.endswith(CUT) for norm in norms):
        # A page with no story (only a carousel of captions after its headline) still
        # has its headline; a page of teasers cut to length is a listing, and has none.
        headline = find_headline(page, len(norms), titles)
    if headline is not None:
        kinds[headline], roles[headline] = LineKind.HEADLINE, Role.HEADLINE
        text = norms[headline]
        # A copy before it may add the site's name after a separator ("Title - Site").
        separators = data.separators
        for i, norm in enumerate(norms):
            if i != headline and (norm == text or (
                    i < headline and norm.startswith(text) and len(norm) <= LONG
                    and norm[len(text):].startswith(separators))):
                kinds[i], roles[i] = LineKind.HEADLINE, Role.COPY
    end = story_end(page, start, extend_over_list(page, end), headline)
    end = cut_last_line(page, end)
    read_header(page, headline, start, end)
    settle_region(page, start, end)
    claim_lead(page, start)
    if headline is not None and headline < start <= headline + HEADLINE_GAP:
        claim_standfirst(page, headline, start)
    open_story(page, start)
    claim_list_before(page, start)


def _paywalled(page: ArticlePage, titles: list[int]) -> tuple[int, int] | None:
    """The headline and the lead of a story a paywall cuts, on a page with no prose.

    A paywall shows a story's first paragraph only, cut short with an ellipsis, a few
    lines under the headline. It is the story when it is the page's one line cut so
    (a page of several is a listing of teasers) and a copy of the page's title stands
    shortly before it.
    """
    norms = page.norms
    cut = [i for i, norm in enumerate(norms) if norm.endswith(CUT)]
    if len(cut) != 1 or page.classes[cut[0]] < NEAR:
        return None
    lead = cut[0]
    title = next((t for t in reversed(titles) if t < lead <= t + HEADLINE_GAP), None)
    return None if title is None else (title, lead)


def _in_link_list(page: ArticlePage, i: int) -> bool:
    """Whether line ``i`` is one item of a list of links: titles packed on both sides.

    A copy of the page's title in a list of the site's latest stories stands between
    other titles, with no blank line between; the headline stands apart.
    """
    norms = page.norms
    if i == 0 or i + 1 >= len(norms):
        return False
    return all(norms[j] and page.weights[j] <= 0.0 and title_like(norms[j])
               and norms[j][-1] not in CLAUSE_ENDS for j in (i - 1, i + 1))
