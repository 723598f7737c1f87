"""Splitting a dump into lines with offsets, and the normal form used to classify them."""

from __future__ import annotations

__all__ = ["normalize", "split_lines"]

# Every line boundary str.splitlines() knows. "\r\n" counts as one.
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

# Characters a dump may carry that a reader does not see. Zero-width ones vanish and
# unusual spaces become plain spaces, so "Comments\u200b" and "Comments" classify alike.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                                  "\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")
_TABLE = _INVISIBLE | _SPACES


def split_lines(text: str) -> tuple[list[str], list[int]]:
    """Split ``text`` exactly as ``str.splitlines()`` does, and note where each line starts.

    Args:
        text: The dump.

    Returns:
        The lines (without their breaks) and, for each, the offset of its first character.
    """
    lines: list[str] = []
    starts: list[int] = []
    offset = 0
    for piece in text.splitlines(keepends=True):
        starts.append(offset)
        offset += len(piece)
        if piece.endswith("\r\n"):
            lines.append(piece[:-2])
        elif piece[-1] in _BREAKS:
            lines.append(piece[:-1])
        else:
            lines.append(piece)
    return lines, starts


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
    if line.isascii():
        return line.replace("\t", " ").strip() if "\t" in line else line.strip()
    return line.translate(_TABLE).strip()
