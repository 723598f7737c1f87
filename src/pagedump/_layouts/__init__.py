"""Page layouts: how the lines of a page are read in context, one module each.

Every layout is a *reader* with one small interface: it takes the
:class:`~pagedump._state.LineState` of a dump (every line normalized, every line
free) and claims every line, giving it a kind, a role and a value. The tokenizer
picks the reader from :data:`READERS` by the dialect's ``layout``:

- ``"aggregator"`` (:mod:`~pagedump._layouts.aggregator`): a story page with a
  header, a body, a trailer and teasers of other stories, or a listing of teasers;
  read from each line's shape (:mod:`pagedump._shapes`) in context;
- ``"article"`` (:mod:`~pagedump._layouts.article`): an ordinary news page, one story
  amid a site's menus and footers, found by the evidence its lines carry;
- ``"feed"`` (:mod:`~pagedump._layouts.feed`): a page that repeats one record shape,
  read as a listing of the records.
"""

from __future__ import annotations

from collections.abc import Callable

from pagedump._dialects import Layout
from pagedump._layouts import aggregator, article, feed
from pagedump._state import LineState

__all__ = ["READERS", "Reader"]

Reader = Callable[[LineState], None]
"""A layout's reader: claims every line of the state it is given."""

READERS: dict[Layout, Reader] = {
    Layout.AGGREGATOR: aggregator.read,
    Layout.ARTICLE: article.read,
    Layout.FEED: feed.read,
}
"""The reader of each layout, by :attr:`pagedump.Dialect.layout`."""
