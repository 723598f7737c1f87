"""Reading dumps from files and bytes.

A dump file is UTF-8 unless the caller names another encoding. A byte-order mark
changes that only when the bytes bear it out: a UTF-8 mark is dropped, and a UTF-16 or
UTF-32 mark is taken at its word only when the whole file decodes in that encoding
*and* reads as plausible text (see :func:`decode`). Bytes that are text by definition
(a JSON Lines record, the text of a WET record) are never guessed at:
:func:`decode_text` drops a UTF-8 mark and reads the rest in the encoding given.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from pagedump._api import parse
from pagedump._dialects import Dialect
from pagedump._records import Page
from pagedump.exceptions import DecodeError, InputTypeError

__all__ = ["decode", "decode_text", "load", "parse_bytes"]

_UTF8_BOM = codecs.BOM_UTF8
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one (and a UTF-16 LE text
# whose first character is U+0000 starts with the UTF-32 LE mark).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE_STARTS = frozenset(bom[:1] for bom, _ in _WIDE_BOMS)
_REPLACEMENT = "\ufffd"

# What a text read after a UTF-16 or UTF-32 byte-order mark must look like.
_NEWER_PLANES = range(0x10000, 0x40000)
"""Planes 1-3, where new characters (emoji, CJK) keep being assigned: one unassigned in
the Unicode tables of this Python may be newer than they are, so it is let through."""
_INVISIBLE = frozenset(map(chr, [*range(0x2061, 0x2065), *range(0x206A, 0x2070)]))
"""The invisible mathematical operators and the deprecated format characters: no text
holds them, but ASCII read as UTF-16 does (a letter and a space make U+2061 to U+207A)."""
_LAYOUT_CONTROLS = frozenset("\t\n\v\f\r")
_CONTROLS_PER = 100
"""At most one control character (other than the layout ones) per this many characters."""
_PRIVATE_PER = 20
"""At most one private-use character per this many characters. Icon fonts leave a few in
the text of a page (up to 2% in the test corpus); UTF-8 CJK text read as UTF-16 is about
a third private-use characters."""
_LATIN1_FROM = 64
"""A text this long holds a character below U+0100 (a space, a line break, a digit, ...).
Each is a code unit with a zero byte, so UTF-8 or ASCII bytes read as UTF-16 or UTF-32
never give one."""


def decode(data: bytes | bytearray | memoryview, *, encoding: str = "utf-8",
           fallback: str | None = None, source: str | None = None) -> str:
    """Decode the bytes of a dump.

    The bytes are read in ``encoding``, strictly, except that a multi-byte character
    cut off at the very end (dumps are often cut at a byte count) becomes U+FFFD
    REPLACEMENT CHARACTER instead of failing. A byte-order mark changes the encoding:

    - A UTF-8 mark is dropped, and the rest is read as UTF-8.
    - A UTF-16 or UTF-32 mark is a guess (damaged bytes can start with ``FF FE``
      too), taken only when the rest of the bytes decode in that encoding and read as
      plausible text (the rule is :func:`_implausible`'s, and docs/guarantees.md
      states it). A mark not taken leaves the bytes to be read as if it were not
      there: in ``encoding``, then ``fallback``. When that fails on the mark itself,
      as UTF-8 always does, the error says why the mark was not taken. When
      ``encoding`` names the mark's own encoding (``"utf-16"``, ``"utf-16-le"``,
      ...), it is the caller's choice, not a guess: it is only decoded.

    Args:
        data: The bytes.
        encoding: The encoding to read them in.
        fallback: An encoding to read with when ``encoding`` fails (for example
            ``"cp1252"``); ``None`` to fail instead.
        source: Where the bytes come from, for error messages.

    Returns:
        The text.

    Raises:
        DecodeError: The bytes are not valid in ``encoding`` and no ``fallback``
            was given (or it fails too). A ``ValueError``. Its ``offset`` counts from
            the first byte, the byte-order mark included.
        InputTypeError: ``data`` is not bytes-like.
    """
    raw = _bytes(data)
    if raw[:1] in _WIDE_STARTS:
        marks = [(bom, name) for bom, name in _WIDE_BOMS if raw.startswith(bom)]
        if marks:
            return _decode_marked(raw, marks, encoding, fallback, source)
    return _decode_known(raw, encoding, fallback, source)


def decode_text(data: bytes | bytearray | memoryview, *, encoding: str = "utf-8",
                fallback: str | None = None, source: str | None = None) -> str:
    """Decode bytes whose encoding is known: of the byte-order marks, only UTF-8's counts.

    For bytes that are text by definition, such as a JSON Lines record or the text of
    a WET record (both UTF-8): a UTF-8 byte-order mark is dropped and the rest read as
    UTF-8; anything else is read in ``encoding``, then ``fallback``, as :func:`decode`
    reads bytes without a mark. A multi-byte character cut off at the very end
    becomes U+FFFD.

    Raises:
        DecodeError: As for :func:`decode`; its ``offset`` counts from the first byte,
            the byte-order mark included.
        InputTypeError: ``data`` is not bytes-like.
    """
    return _decode_known(_bytes(data), encoding, fallback, source)


def _bytes(data: bytes | bytearray | memoryview) -> bytes:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputTypeError("data", type(data), "pass the file's bytes, or use pagedump.load()",
                             expected="bytes")
    return bytes(data)


def _decode_known(raw: bytes, encoding: str, fallback: str | None, source: str | None) -> str:
    if raw.startswith(_UTF8_BOM):
        return _decode(raw, len(_UTF8_BOM), "utf-8", fallback, source)
    return _decode(raw, 0, encoding, fallback, source)


def _decode(raw: bytes, start: int, encoding: str, fallback: str | None,
            source: str | None) -> str:
    """``raw`` from byte ``start`` in ``encoding``, else ``fallback``."""
    body = raw[start:] if start else raw
    try:
        return _decode_cut(body, encoding)
    except UnicodeDecodeError as exc:
        if fallback is None:
            raise DecodeError(source, start + exc.start, encoding, exc.reason) from exc
    except LookupError as exc:
        raise DecodeError(source, 0, encoding, f"unknown encoding: {exc}") from exc
    try:
        return _decode_cut(body, fallback)
    except UnicodeDecodeError as again:
        raise DecodeError(source, start + again.start, fallback, again.reason) from again
    except LookupError as again:
        raise DecodeError(source, 0, fallback, f"unknown encoding: {again}") from again


def _decode_cut(raw: bytes, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    text = decoder.decode(raw, final=False)
    pending, _ = decoder.getstate()
    # What the decoder still holds is an incomplete character at the end: the cut.
    return text + _REPLACEMENT if pending else text


def _decode_marked(raw: bytes, marks: list[tuple[bytes, str]], encoding: str,
                   fallback: str | None, source: str | None) -> str:
    """Bytes that start with a UTF-16 or UTF-32 byte-order mark (each of ``marks``)."""
    named = _codec_name(encoding, source)
    if fallback is not None:
        _codec_name(fallback, source)  # an unknown one is reported as such, not as the mark
    for bom, name in marks:
        if named in (name, name[:6]):  # "utf-16-le" or "utf-16": the caller's choice
            return _decode(raw, len(bom), name, fallback, source)
    rejections: list[DecodeError] = []
    for bom, name in marks:
        guess = _guess(raw, len(bom), name, source)
        if isinstance(guess, str):
            return guess
        rejections.append(guess)
    try:
        return _decode(raw, 0, encoding, fallback, source)
    except DecodeError as exc:
        if exc.offset < len(marks[0][0]):
            # It failed on the mark itself: why the mark was not taken says more.
            raise rejections[0] from exc
        raise


def _codec_name(encoding: str, source: str | None) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError as exc:
        raise DecodeError(source, 0, encoding, f"unknown encoding: {exc}") from exc


def _guess(raw: bytes, start: int, encoding: str, source: str | None) -> str | DecodeError:
    """The text after a byte-order mark, or why it is not to be trusted."""
    label = encoding.upper()
    try:
        text = _decode_cut(raw[start:], encoding)
    except UnicodeDecodeError as exc:
        return DecodeError(source, start + exc.start, encoding,
                           f"{exc.reason}: the {label} byte-order mark is not trusted")
    problem = _implausible(text)
    if problem is None:
        return text
    index, what = problem
    offset = start + len(text[:index].encode(encoding))
    return DecodeError(source, offset, encoding,
                       f"{what}: the {label} byte-order mark is not trusted")


def _implausible(text: str) -> tuple[int, str] | None:
    """Why ``text`` is not plausible text, and at which character; ``None`` if it is.

    Plausible text holds no unassigned character (outside planes 1-3, which keep
    receiving new emoji and CJK characters), no invisible mathematical operator
    (U+2061 to U+2064) and no deprecated format character (U+206A to U+206F); at most
    5% of it are private-use characters, and at most 1% control characters other
    than tab, line feed, vertical tab, form feed and carriage return; and a text of
    64 characters or more holds a character below U+0100 (a space, a line break, a
    digit, ...).

    Each distinct character is looked at once, so this costs little more than a pass
    over the text in C.
    """
    distinct = set(text)
    odd = [char for char in distinct if char in _INVISIBLE or _unassigned(char)]
    if odd:
        index = min(map(text.index, odd))
        char = text[index]
        what = "unassigned" if _unassigned(char) else "an invisible format character"
        return index, f"U+{ord(char):04X} is {what}"
    categories = {char: unicodedata.category(char) for char in distinct}
    for category, kind, per in (("Co", "private-use", _PRIVATE_PER),
                                ("Cc", "control", _CONTROLS_PER)):
        chars = [char for char, found in categories.items()
                 if found == category and char not in _LAYOUT_CONTROLS]
        allowed = len(text) // per
        if sum(map(text.count, chars)) > allowed:
            pattern = re.compile("[" + re.escape("".join(chars)) + "]")
            over = next(itertools.islice(pattern.finditer(text), allowed, None))
            return over.start(), (f"{kind} characters make more than {100 // per}% of the "
                                  f"{len(text)} characters (this U+{ord(over.group()):04X} "
                                  "is one too many)")
    if len(text) >= _LATIN1_FROM and min(distinct) >= "\u0100":
        return 0, f"no character below U+0100 (not even a space) in {len(text)} characters"
    return None


def _unassigned(char: str) -> bool:
    return unicodedata.category(char) == "Cn" and ord(char) not in _NEWER_PLANES


def load(path: str | os.PathLike[str], *, encoding: str = "utf-8",
         fallback: str | None = None) -> str:
    """Read a dump from a file.

    The file is read in ``encoding`` (UTF-8 by default). A UTF-8 byte-order mark is
    dropped. A UTF-16 or UTF-32 one decides the encoding only when the whole file
    decodes in it as plausible text (the rule is in docs/guarantees.md); otherwise it
    is ignored, so that bytes that merely start like one (damage) are reported as not
    UTF-8, not read as UTF-16.

    Args:
        path: The file.
        encoding: The encoding to read it in (default UTF-8, strictly). A multi-byte
            character cut off at the very end becomes U+FFFD.
        fallback: An encoding to read with when ``encoding`` fails (for example
            ``"cp1252"``); ``None`` to fail instead.

    Returns:
        The text.

    Raises:
        DecodeError: The file's bytes cannot be decoded; the error names the file
            and the byte offset (from the start of the file).
        OSError: The file cannot be read.
    """
    file = Path(path)
    return decode(file.read_bytes(), encoding=encoding, fallback=fallback, source=str(file))


def parse_bytes(data: bytes | bytearray | memoryview, *, encoding: str = "utf-8",
                fallback: str | None = None, fetched_at: datetime | None = None,
                dialect: Dialect | str | None = None) -> Page:
    """Decode and parse a dump given as bytes.

    The bytes are decoded as :func:`load` decodes a file's (``encoding``, ``fallback``
    and byte-order marks alike); see :func:`pagedump.parse` for ``fetched_at`` and
    ``dialect``.

    Raises:
        DecodeError: The bytes cannot be decoded; the error names the byte offset.
        InputTypeError: ``data`` is not bytes-like.
    """
    return parse(decode(data, encoding=encoding, fallback=fallback),
                 fetched_at=fetched_at, dialect=dialect)
