"""The lines of one dump while the tokenizer reads them: one object every reader shares.

A layout's readers (header, body, teasers, ...) each claim the lines they recognise,
giving a line its :class:`~pagedump.LineKind`, its :class:`~pagedump.Role` and the
value the role carries. A line no reader has claimed yet is *free*; what is still
free when the layout is done is settled as blank or boilerplate, so every line ends
with a kind.
"""

from __future__ import annotations

import attrs

from pagedump._dialects import Dialect
from pagedump._shapes import Rules, Shape
from pagedump._tokens import LineKind, Role

__all__ = ["LineState"]

# Members as module constants: looking one up on its enum class costs far more, and
# these are read for every line.
_BLANK_SHAPE, _TEXT = Shape.BLANK, Shape.TEXT
_BLANK, _BOILERPLATE = LineKind.BLANK, LineKind.BOILERPLATE
_NONE = Role.NONE


@attrs.define(slots=True)
class LineState:
    """Every line of a dump, with what the readers have settled about it so far.

    The per-line columns are lists of equal length, indexed by line number (from 0):
    hot loops bind a column to a local name and index it, which is the cheapest way
    Python has to read a line's data. Readers change kinds, roles and values only
    through :meth:`claim`, or in their inner loops by the same three columns.

    Attributes:
        dialect: The dialect the page is read with.
        norms: Each line's normal form (``""`` for a blank line).
        kinds: Each line's kind; ``None`` while the line is free.
        roles: Each line's role in its block.
        values: The text a role carries when it differs from the line (a bullet's
            label, a time without its prefix), else ``None``.
        rules: The dialect's compiled phrases and patterns (aggregator layout only).
        shapes: Each line's shape from the first pass (aggregator layout only).
        marked: The lines whose shape is neither blank nor plain text, in order.
        listing: Whether the page is a listing rather than a story.
        item_starts: The lines that begin a related item.
    """

    dialect: Dialect
    norms: list[str]
    kinds: list[LineKind | None]
    roles: list[Role]
    values: list[str | None]
    rules: Rules | None = None
    shapes: list[Shape] = attrs.Factory(list)
    marked: list[int] = attrs.Factory(list)
    listing: bool = False
    item_starts: set[int] = attrs.Factory(set)

    @classmethod
    def of(cls, norms: list[str], dialect: Dialect) -> LineState:
        """A state with every line free."""
        n = len(norms)
        return cls(dialect, norms, [None] * n, [_NONE] * n, [None] * n)

    def claim(self, i: int, kind: LineKind, role: Role = Role.NONE,
              value: str | None = None) -> None:
        """Settle line ``i``: its kind, its role and the value the role carries."""
        self.kinds[i] = kind
        self.roles[i] = role
        self.values[i] = value

    def free_text(self, i: int) -> bool:
        """Whether line ``i`` is plain text that no reader has claimed yet."""
        return self.kinds[i] is None and self.shapes[i] is _TEXT

    def next_nonblank(self, i: int, stop: int | None = None) -> int | None:
        """The first non-blank line from ``i`` on (before ``stop``), or ``None``."""
        shapes, blank = self.shapes, _BLANK_SHAPE
        end = len(shapes) if stop is None else stop
        while i < end:
            if shapes[i] is not blank:
                return i
            i += 1
        return None

    def prev_nonblank(self, i: int, stop: int = 0) -> int | None:
        """The last non-blank line from ``i`` back (down to ``stop``), or ``None``."""
        shapes, blank = self.shapes, _BLANK_SHAPE
        while i >= stop:
            if shapes[i] is not blank:
                return i
            i -= 1
        return None

    def settle_free(self) -> None:
        """Settle every line still free: blank if it is, boilerplate otherwise.

        What no reader claims sits between the body and the teasers, or after the
        teasers: trailer chrome, the end block, and anything cut or unknown there.
        """
        kinds, norms = self.kinds, self.norms
        boilerplate, blank = _BOILERPLATE, _BLANK
        end = len(kinds)
        kinds.append(None)  # where the search stops, rather than in an exception
        i = kinds.index(None)
        while i < end:
            kinds[i] = boilerplate if norms[i] else blank
            i = kinds.index(None, i + 1)
        kinds.pop()
