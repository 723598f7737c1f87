"""The aggregator layout: a story page or a listing, read from line shapes in context.

The first pass gives every line its shape (:mod:`pagedump._shapes`). Then the header
is read (:mod:`~pagedump._layouts.header`), which also tells a listing from a story
(:mod:`~pagedump._layouts.listing`); the teasers of other stories are found in the
dialect's teaser form (:mod:`~pagedump._layouts.teasers`), which bounds the story;
and a story's body is read between its header and its teasers
(:mod:`~pagedump._layouts.body`). Whatever no reader claimed is trailer chrome,
settled last.
"""

from __future__ import annotations

from pagedump._layouts.body import read_body
from pagedump._layouts.header import read_header
from pagedump._layouts.teasers import read_related
from pagedump._shapes import rules_for, shapes
from pagedump._state import LineState

__all__ = ["read"]


def read(state: LineState) -> None:
    """Claim every line of an aggregator page."""
    rules = state.rules = rules_for(state.dialect)
    state.shapes, state.marked = shapes(state.norms, rules)
    body_start = read_header(state)
    if None in state.kinds:
        body_end = read_related(state, body_start)
        if not state.listing:
            read_body(state, body_start, body_end)
    state.settle_free()
