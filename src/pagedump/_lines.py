"""Splitting a dump into lines with offsets, and the normal form used to classify them."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["LONG", "length_flags", "line_starts", "normalize", "normalize_all"]

LONG = 300
"""Lines longer than this are prose whatever they hold: only their ends are cleaned."""

# Characters a dump may carry that a reader does not see. Zero-width ones vanish and
# unusual spaces become plain spaces, so "Comments\u200b" and "Comments" classify alike.
# A regex finds them: far faster than str.translate on the long lines of a dump.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Everything str.isspace() knows, and the invisible characters.
_EDGES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
          "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
          "\u200b\u200c\u200d\u2060\ufeff\u00ad")
_ODD = re.compile("[\t\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]")


def length_flags(phrases: Iterable[str], longest: int) -> tuple[bool, ...]:
    """Per length from 0 to ``longest``, whether one of ``phrases`` is that long.

    A line whose length no phrase has is looked up in none of them: indexing this by
    the line's length costs less than a set of lengths, and far less than hashing the
    line.
    """
    return tuple(map(frozenset(map(len, phrases)).__contains__, range(longest + 1)))


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character, for the lines of ``text.splitlines()``.

    Args:
        text: The dump.

    Returns:
        One offset per line; ``text[start:start + len(line)]`` is the line.
    """
    starts: list[int] = []
    offset = 0
    for piece in text.splitlines(keepends=True):
        starts.append(offset)
        offset += len(piece)
    return starts


def normalize_all(lines: list[str], text: str | None = None) -> list[str]:
    """Return the normal form of every line (see :func:`normalize`).

    Lines longer than :data:`LONG` characters are only stripped, of whitespace and
    invisible characters at their ends: they can only be prose, whose inner text
    is kept as it is, and scanning every character of them would cost more than
    everything else the tokenizer does.

    Args:
        lines: The lines.
        text: The text ``lines`` were split from, if at hand: one search of it tells
            whether any line holds a tab, instead of one search per line.
    """
    # Most lines are ASCII, whose only odd character is a tab: they are stripped in
    # one comprehension, and their tabs looked for only in a dump that holds one.
    out = [line.strip() if line.isascii() else line.strip(_EDGES) if len(line) > LONG
           else normalize(line) for line in lines]
    if "\t" in text if text is not None else any("\t" in line for line in lines):
        return [norm.replace("\t", " ") if "\t" in norm and line.isascii() else norm
                for norm, line in zip(out, lines, strict=True)]
    return out


def normalize(line: str) -> str:
    """Return the form of ``line`` that classification looks at.

    Invisible characters are dropped, unusual spaces (NBSP, tabs, ...) become plain
    spaces, and surrounding whitespace is removed. Inner runs of spaces are kept: the
    two-space bullet ``"  • X"`` is recognised before stripping.

    Args:
        line: One line of a dump.

    Returns:
        The normalized line.
    """
    # Every character _ODD finds is unprintable: a line that prints whole holds none,
    # and str.isprintable reads it in about half the time a search takes.
    if line.isprintable() or _ODD.search(line) is None:
        return line.strip()
    return _INVISIBLE.sub("", _SPACES.sub(" ", line)).strip()
