"""Stage one: classify every line of a dump.

The text is split into lines and each line normalized (:mod:`pagedump._lines`); the
dialect is the caller's or sniffed from those lines (:mod:`pagedump._sniff`). Then
the dialect's layout reads the page (:mod:`pagedump._layouts`): every line is claimed
with its :class:`~pagedump.LineKind`, its :class:`~pagedump.Role` within its block and
the value the role carries, which the parser uses to assemble records without looking
at the text again.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from pagedump._dialects import Dialect
from pagedump._layouts import READERS
from pagedump._lines import normalize_all
from pagedump._sniff import sniff_split
from pagedump._state import LineState
from pagedump._tokens import LineKind, Role

__all__ = ["Tokens", "classify"]


@attrs.frozen(slots=False)  # built once per dump: see pagedump._records on slots
class Tokens:
    """The tokenizer's full output, as parallel sequences (one entry per line).

    The sequences are the lists the tokenizer built, handed over without a copy:
    nothing changes them afterwards.

    Attributes:
        dialect: The dialect that classified the lines.
        lines: Each line as it stands in the dump.
        norms: Each line's normal form (see :func:`pagedump._lines.normalize`).
        kinds: Each line's kind.
        roles: Each line's role in its block.
        values: Per line, the text a role carries when it differs from the line
            (a bullet's label, a time without its ``time`` prefix); otherwise ``None``.
        listing: Whether the page is a listing.
        item_starts: The lines that begin a related item.
    """

    dialect: Dialect
    lines: Sequence[str]
    norms: Sequence[str]
    kinds: Sequence[LineKind]
    roles: Sequence[Role]
    values: Sequence[str | None]
    listing: bool
    item_starts: frozenset[int]


def classify(text: str, dialect: Dialect | None = None) -> Tokens:
    """Classify every line of ``text`` and give it its role.

    The arguments are checked by the public functions (:mod:`pagedump._api`).

    Args:
        text: The dump.
        dialect: The layout to read it with; ``None`` to sniff it from the text.

    Returns:
        The tokens, one entry per element of ``text.splitlines()``.
    """
    lines = text.splitlines()
    norms = normalize_all(lines, text)
    chosen = sniff_split(text, lines, norms) if dialect is None else dialect
    state = LineState.of(norms, chosen)
    READERS[chosen.layout](state)
    # (In the fields' order: a call with keywords builds a dictionary of them first.)
    return Tokens(chosen, lines, norms, state.kinds,  # type: ignore[arg-type]  # none left free
                  state.roles, state.values, state.listing, frozenset(state.item_starts))
