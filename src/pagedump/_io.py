"""Reading dumps from files and bytes."""

from __future__ import annotations

import codecs
import os
from datetime import datetime
from pathlib import Path

from pagedump._api import parse
from pagedump._dialects import Dialect
from pagedump._records import Page
from pagedump.exceptions import DecodeError, InputTypeError

__all__ = ["decode", "load", "parse_bytes"]

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_REPLACEMENT = "\ufffd"


def decode(data: bytes | bytearray | memoryview, *, encoding: str = "utf-8",
           fallback: str | None = None, source: str | None = None) -> str:
    """Decode the bytes of a dump.

    A byte-order mark decides the encoding when there is one (UTF-8, UTF-16 or
    UTF-32), and is dropped. Otherwise ``encoding`` is used, strictly, except that a
    multi-byte character cut off at the very end (dumps are often cut at a byte
    count) becomes U+FFFD REPLACEMENT CHARACTER instead of failing.

    Args:
        data: The bytes.
        encoding: The encoding to read when there is no byte-order mark.
        fallback: An encoding to read with when ``encoding`` fails (for example
            ``"cp1252"``); ``None`` to fail instead.
        source: Where the bytes come from, for error messages.

    Returns:
        The text.

    Raises:
        DecodeError: The bytes are not valid in ``encoding`` and no ``fallback``
            was given (or it fails too). A ``ValueError``.
        InputTypeError: ``data`` is not bytes-like.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputTypeError("data", type(data), "pass the file's bytes, or use pagedump.load()",
                             expected="bytes")
    raw = bytes(data)
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raw, encoding = raw[len(bom):], name
            break
    try:
        return _decode_cut(raw, encoding)
    except UnicodeDecodeError as exc:
        if fallback is not None:
            try:
                return _decode_cut(raw, fallback)
            except UnicodeDecodeError as again:
                raise DecodeError(source, again.start, fallback, again.reason) from again
        raise DecodeError(source, exc.start, encoding, exc.reason) from exc
    except LookupError as exc:
        raise DecodeError(source, 0, encoding, f"unknown encoding: {exc}") from exc


def _decode_cut(raw: bytes, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    text = decoder.decode(raw, final=False)
    pending, _ = decoder.getstate()
    # What the decoder still holds is an incomplete character at the end: the cut.
    return text + _REPLACEMENT if pending else text


def load(path: str | os.PathLike[str], *, encoding: str = "utf-8",
         fallback: str | None = None) -> str:
    """Read a dump from a file.

    Args:
        path: The file.
        encoding: See :func:`decode`.
        fallback: See :func:`decode`.

    Returns:
        The text.

    Raises:
        DecodeError: The file's bytes cannot be decoded; the error names the file
            and the byte offset.
        OSError: The file cannot be read.
    """
    file = Path(path)
    return decode(file.read_bytes(), encoding=encoding, fallback=fallback, source=str(file))


def parse_bytes(data: bytes | bytearray | memoryview, *, encoding: str = "utf-8",
                fallback: str | None = None, fetched_at: datetime | None = None,
                dialect: Dialect | str | None = None) -> Page:
    """Decode and parse a dump given as bytes.

    See :func:`decode` for ``encoding`` and ``fallback``, and :func:`pagedump.parse`
    for ``fetched_at`` and ``dialect``.
    """
    return parse(decode(data, encoding=encoding, fallback=fallback),
                 fetched_at=fetched_at, dialect=dialect)
