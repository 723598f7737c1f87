"""The public entry points: check the arguments, then run the stages.

The stages (:mod:`pagedump._tokenizer`, :mod:`pagedump._parser`, ...) trust their
arguments; every check a caller can trip lives here, so that the errors are the same
whether the stages run as Python or as compiled code.
"""

from __future__ import annotations

from datetime import datetime

from pagedump._dates import check_fetched_at
from pagedump._dialects import Dialect, resolve_dialect
from pagedump._lines import line_starts
from pagedump._parser import assemble
from pagedump._records import Page
from pagedump._sniff import sniff_text
from pagedump._tokenizer import classify
from pagedump._tokens import Line
from pagedump.exceptions import InputTypeError

__all__ = ["parse", "sniff", "tokenize"]


def tokenize(text: str, *, dialect: Dialect | str | None = None) -> tuple[Line, ...]:
    """Classify every line of a dump.

    Args:
        text: The dump: the visible text of one page.
        dialect: The layout to read it with: a :class:`~pagedump.Dialect`, the name
            of a registered one, or ``None`` to choose one from the text
            (see :func:`~pagedump.sniff`).

    Returns:
        One :class:`~pagedump.Line` per element of ``text.splitlines()``, in order,
        with its kind, and the role and value the parser reads from it.
        It never raises on the content of ``text``.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (a ``TypeError``).
        DialectNotFoundError: ``dialect`` names no registered dialect.
    """
    _check_text(text)
    tokens = classify(text, _dialect(dialect))
    starts = line_starts(text)
    return tuple(
        Line(kind, line, number, start, start + len(line), role, value)
        for number, (kind, line, start, role, value) in enumerate(
            zip(tokens.kinds, tokens.lines, starts, tokens.roles, tokens.values, strict=True),
            start=1)
    )


def parse(text: str, *, fetched_at: datetime | None = None,
          dialect: Dialect | str | None = None) -> Page:
    """Read a dump into a :class:`~pagedump.Page`.

    Args:
        text: The dump: the visible text of one page.
        fetched_at: When the page was fetched, timezone-aware. Relative times such as
            ``"4 days ago"`` resolve against it; without it their ``value`` is ``None``.
            The clock is never read.
        dialect: The layout to read it with: a :class:`~pagedump.Dialect`, the name
            of a registered one, or ``None`` to choose one from the text
            (see :func:`~pagedump.sniff`).

    Returns:
        The page. It never raises on the content of ``text``.

    Raises:
        InputTypeError: ``text`` is not a ``str``, or ``fetched_at`` is not a datetime.
        NaiveDatetimeError: ``fetched_at`` has no time zone (a ``ValueError``).
        DialectNotFoundError: ``dialect`` names no registered dialect.
    """
    _check_text(text)
    checked = check_fetched_at(fetched_at)
    return assemble(classify(text, _dialect(dialect)), fetched_at=checked)


def sniff(text: str) -> Dialect:
    """Choose the registered dialect that best reads ``text``.

    Args:
        text: The dump (only its first and last few thousand characters are read).

    Returns:
        The dialect whose own evidence explains most lines of the sample; without any,
        Daily8 for a dense dump and the generic dialect for an ordinary page.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (a ``TypeError``).
    """
    _check_text(text)
    return sniff_text(text)


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise InputTypeError("text", type(text), _hint(text))


def _hint(value: object) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return "decode the bytes first (data.decode('utf-8')), or use pagedump.parse_bytes()"
    return "pass the dump's text as a str"


def _dialect(dialect: Dialect | str | None) -> Dialect | None:
    return None if dialect is None else resolve_dialect(dialect)
