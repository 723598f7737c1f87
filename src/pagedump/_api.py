"""The public entry points: check the arguments, then run the stages.

The stages (:mod:`pagedump._tokenizer`, :mod:`pagedump._parser`, ...) trust their
arguments; every check a caller can trip lives here, so that the errors are the same
whether the stages run as Python or as compiled code.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pagedump._dates import check_fetched_at
from pagedump._dialects import Dialect, resolve_dialect
from pagedump._lines import line_starts
from pagedump._parser import assemble
from pagedump._records import Page
from pagedump._sniff import SniffReport, sniff_report_text, sniff_text
from pagedump._tokenizer import classify
from pagedump._tokens import Line
from pagedump.exceptions import InputTypeError

__all__ = ["parse", "sniff", "sniff_report", "tokenize"]


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


def sniff(text: str, *, candidates: Iterable[Dialect | str] | None = None) -> Dialect:
    """Choose the dialect that best reads ``text``.

    Each candidate aggregator dialect's own evidence (its chrome lines, header marks,
    time lines, bullets and signature lines) is counted in a sample of the text; the
    one with the most, if it has enough, is chosen, and a tie goes to the candidate
    that comes first. Without enough evidence of any of them the text is read as an
    ordinary page: the result is :data:`~pagedump.GENERIC`, never an aggregator
    chosen for want of anything better. See :func:`sniff_report` for the scores and
    a confidence, and the "Dialects" page of the documentation for the points.

    Args:
        text: The dump (only its first and last few thousand characters are read).
        candidates: The dialects to choose among, as :class:`~pagedump.Dialect`
            values or registered names, in the order that breaks ties (a name given
            twice counts once, at its first place). ``None``, the default, means
            every registered dialect: the built-in ones first, then the others in the
            order they were registered, so that a dialect you register never takes a
            page a built-in one reads just as well.

    Returns:
        The chosen dialect.

    Raises:
        InputTypeError: ``text`` is not a ``str``, or ``candidates`` is not an
            iterable of dialects and names (a ``TypeError``).
        DialectNotFoundError: A name in ``candidates`` is not registered.
    """
    _check_text(text)
    return sniff_text(text, _candidates(candidates))


def sniff_report(text: str, *,
                 candidates: Iterable[Dialect | str] | None = None) -> SniffReport:
    """Sniff ``text`` as :func:`sniff` does, and say how sure the choice is.

    Args:
        text: The dump (only its first and last few thousand characters are read).
        candidates: The dialects to choose among, as for :func:`sniff`.

    Returns:
        A :class:`~pagedump.SniffReport`: the chosen dialect (the one :func:`sniff`
        returns), a confidence from 0.0 (no candidate had enough evidence) to 1.0,
        and each candidate's points of evidence.

    Raises:
        InputTypeError: ``text`` is not a ``str``, or ``candidates`` is not an
            iterable of dialects and names (a ``TypeError``).
        DialectNotFoundError: A name in ``candidates`` is not registered.
    """
    _check_text(text)
    return sniff_report_text(text, _candidates(candidates))


def _candidates(candidates: Iterable[Dialect | str] | None) -> tuple[Dialect, ...] | None:
    """The ``candidates=`` argument as dialects, each name once, or ``None`` for all."""
    if candidates is None:
        return None
    expected = "an iterable of Dialects and dialect names, or None"
    if isinstance(candidates, str | bytes) or not isinstance(candidates, Iterable):
        hint = (f"wrap a single name in a list: candidates=[{candidates!r}]"
                if isinstance(candidates, str) else "pass a list such as ['daily8', 'yahoo']")
        raise InputTypeError("candidates", type(candidates), hint, expected=expected)
    chosen: dict[str, Dialect] = {}
    for index, candidate in enumerate(candidates):
        if not isinstance(candidate, Dialect | str):
            raise InputTypeError(f"candidates[{index}]", type(candidate),
                                 "each candidate is a pagedump.Dialect or a registered name",
                                 expected="a Dialect or a dialect name")
        dialect = resolve_dialect(candidate)
        chosen.setdefault(dialect.name, dialect)
    return tuple(chosen.values())


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise InputTypeError("text", type(text), _hint(text))


def _hint(value: object) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return "decode the bytes first (data.decode('utf-8')), or use pagedump.parse_bytes()"
    return "pass the dump's text as a str"


def _dialect(dialect: Dialect | str | None) -> Dialect | None:
    return None if dialect is None else resolve_dialect(dialect)
