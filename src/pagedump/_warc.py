"""Reading WET files: Common Crawl's plain-text extracts, one record per page.

A WET file is a WARC file of ``conversion`` records, usually gzip-compressed with one
gzip member per record. :func:`read_wet` streams it with fastwarc (the ``warc``
extra) and turns each record into a :class:`WetRecord`.

Damage never costs more than the damaged bytes. A record that is framed correctly but
unusable (its text is not UTF-8, its date is unreadable) is reported by itself, and
reading goes on with the next record. A record's text is UTF-8 by definition: bytes
that are not (even when they start like a UTF-16 byte-order mark) are damage, never
read as another encoding. Bytes that are not a record at all (garbage, a
broken header, a cut gzip member) make the WARC library stop; reading then resumes at
the next place a record can start (a gzip member header, or ``WARC/1.`` in an
uncompressed file), and the whole damaged stretch is reported once, at the offset
where it begins.
"""

from __future__ import annotations

import functools
import io
import os
import re
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Final, Literal, overload

import attrs

from pagedump._dates import is_aware
from pagedump._io import decode_text
from pagedump.exceptions import DecodeError, InputTypeError, WetError

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord, WarcRecordType

__all__ = ["WetRecord", "read_wet", "require_fastwarc"]

ErrorMode = Literal["report", "skip", "raise"]
_ERROR_MODES: Final = ("report", "skip", "raise")

_GZIP_MAGIC: Final = b"\x1f\x8b\x08"
_WARC_START: Final = b"WARC/1."
"""An uncompressed record starts like this (the version line)."""
_CHUNK: Final = 1 << 16
_HEADER_LIMIT: Final = 1 << 16
"""Longest header block looked at when measuring a record by hand."""
_CONTENT_LENGTH: Final = re.compile(rb"\r?\nContent-Length:[ \t]*(\d+)[ \t]*\r?\n", re.IGNORECASE)


@attrs.frozen
class WetRecord:
    """One page of a WET file.

    Attributes:
        url: The page's address (``WARC-Target-URI``).
        fetched_at: When the page was fetched (``WARC-Date``), timezone-aware (UTC):
            pass it to :func:`pagedump.parse` so that ``4 days ago`` resolves.
        text: The page's text, decoded as UTF-8, strictly (a UTF-8 byte-order mark is
            dropped; a multi-byte character cut at the very end becomes U+FFFD). A
            record whose text is not UTF-8 is a
            :class:`~pagedump.exceptions.WetError` instead.
        record_id: The record's ``WARC-Record-ID`` as written, e.g.
            ``"<urn:uuid:...>"``.
        offset: Where the record starts in the file, in bytes: for a gzip file, the
            offset of its gzip member in the compressed file (where a reader can seek
            to read this record alone).
    """

    url: str
    fetched_at: datetime
    text: str
    record_id: str
    offset: int


@overload
def read_wet(path_or_file: str | os.PathLike[str] | IO[bytes], *,
             errors: Literal["report"] = ...) -> Iterator[WetRecord | WetError]: ...


@overload
def read_wet(path_or_file: str | os.PathLike[str] | IO[bytes], *,
             errors: Literal["skip", "raise"]) -> Iterator[WetRecord]: ...


def read_wet(path_or_file: str | os.PathLike[str] | IO[bytes], *,
             errors: ErrorMode = "report") -> Iterator[WetRecord | WetError]:
    """Read the pages of a WET file, one record at a time.

    The file is read lazily, in constant memory: one record is in memory at a time.
    Gzip-compressed and uncompressed files are both read; which one is told by the
    first bytes. Only ``conversion`` records are pages; the others (the ``warcinfo``
    record heading every WET file) are passed over.

    Args:
        path_or_file: A path, or a binary file object. A path is opened and closed by
            the iterator; a file object is read from its current position and left open.
            Damage can only be skipped in a seekable file: in a pipe, reading stops
            at the first damaged stretch (after reporting it).
        errors: What to do with a damaged record or stretch of bytes: ``"report"``
            (the default) yields a :class:`~pagedump.exceptions.WetError` in its
            place and goes on, ``"skip"`` goes on silently, ``"raise"`` raises the
            :class:`~pagedump.exceptions.WetError`. A record whose text is not UTF-8
            is such damage; its error names the record's URL and offset, and the
            first bad byte's offset in the payload (and in the file, for an
            uncompressed one).

    Returns:
        An iterator over the records, in file order (and, with ``"report"``, the
        errors in their places).

    Raises:
        ImportError: fastwarc is not installed (``pip install 'pagedump[warc]'``).
        InputTypeError: ``path_or_file`` is neither a path nor a binary file.
        ValueError: ``errors`` is not one of the three modes.
        OSError: The file cannot be opened or read (raised while iterating).
        WetError: With ``errors="raise"``, at the first damage (while iterating).

    Example:
        >>> for item in read_wet("CC-MAIN-...warc.wet.gz"):  # doctest: +SKIP
        ...     if isinstance(item, WetError):
        ...         print(item)                 # path:offset: [url: ]reason
        ...     else:
        ...         page = pagedump.parse(item.text, fetched_at=item.fetched_at)
    """
    if errors not in _ERROR_MODES:
        raise ValueError(f"errors must be one of {', '.join(map(repr, _ERROR_MODES))}, "
                         f"not {errors!r}")
    if not isinstance(path_or_file, str | os.PathLike) and not hasattr(path_or_file, "read"):
        raise InputTypeError("path_or_file", type(path_or_file),
                             "pass a path or a file opened with 'rb'",
                             expected="a path or a binary file")
    require_fastwarc()
    return _read(path_or_file, errors)


def require_fastwarc() -> None:
    """Check that the ``warc`` extra is installed.

    Raises:
        ImportError: It is not; the message says how to install it.
    """
    try:
        import fastwarc.warc  # noqa: F401, PLC0415 - the optional dependency, on demand
    except ImportError as exc:
        raise ImportError("pagedump.read_wet needs fastwarc; install it with: "
                          "pip install 'pagedump[warc]'") from exc


def _read(source: str | os.PathLike[str] | IO[bytes],
          errors: ErrorMode) -> Iterator[WetRecord | WetError]:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            yield from _handle(_scan(stream, os.fsdecode(source)), errors)
    else:
        name = getattr(source, "name", None)
        yield from _handle(_scan(source, name if isinstance(name, str) else None), errors)


def _handle(items: Iterator[WetRecord | WetError],
            errors: ErrorMode) -> Iterator[WetRecord | WetError]:
    for item in items:
        if isinstance(item, WetError):
            if errors == "raise":
                raise item
            if errors == "skip":
                continue
        yield item


# -- finding the records, and the way past damage ---------------------------------------


class _BrokenError(Exception):
    """The stream cannot be read on from here: bytes that are not a (whole) record.

    Args:
        reason: What is wrong.
        offset: Where the damage starts, when it is known (a record that is cut
            short); ``None`` for "right after the last good record".
    """

    def __init__(self, reason: str, offset: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


@attrs.define
class _Damage:
    """A damaged stretch not reported yet: it ends where a record is read again."""

    offset: int
    reason: str
    url: str | None = None


@attrs.define
class _Run:
    """One pass of the WARC library over the stream, from ``start`` to the end or damage.

    Attributes:
        start: Where the pass starts.
        last: The offset of the last record the pass framed, if any.
    """

    start: int
    last: int | None = None


def _scan(stream: IO[bytes], name: str | None) -> Iterator[WetRecord | WetError]:
    """Every record and every damaged stretch of ``stream``, in order."""
    seekable = _seekable(stream)
    start = stream.tell() if seekable else 0
    compressed = seekable and _is_gzip(_peek(stream, start, _CHUNK))
    damage: _Damage | None = None
    position: int | None = start
    while position is not None:
        run = _Run(position)
        try:
            for item in _records(stream, run, name, seekable=seekable, compressed=compressed):
                if damage is not None:
                    yield _error(damage, name)
                    damage = None
                yield item
        except _BrokenError as broken:
            if not seekable:
                damage = _unseekable_damage(run, broken)
                break
            offset = _broken_at(stream, run, broken, compressed=compressed)
            if damage is None:
                damage = _Damage(offset, broken.reason)
            position = _next_start(stream, offset, compressed=compressed)
        else:
            position = None
            if seekable and damage is None:
                damage = _tail_damage(stream, run, compressed=compressed)
    if damage is not None:
        yield _error(damage, name)


def _broken_at(stream: IO[bytes], run: _Run, broken: _BrokenError, *, compressed: bool) -> int:
    """Where the damage that stopped ``run`` starts."""
    if broken.offset is not None:
        return broken.offset
    # The library stopped right after the last record it framed: measure that record.
    end = _end_after(stream, run, compressed=compressed)
    if end is not None:
        return end
    return run.start if run.last is None else run.last


def _unseekable_damage(run: _Run, broken: _BrokenError) -> _Damage:
    """Damage in a stream that cannot seek: nothing after it can be found."""
    if broken.offset is not None:
        return _Damage(broken.offset, f"{broken.reason}; the rest of the stream is not read "
                                      "(it cannot seek)")
    after = "" if run.last is None else f" after the record at {run.last}"
    return _Damage(run.start if run.last is None else run.last,
                   f"{broken.reason}{after}; the rest of the stream is not read (it cannot seek)")


def _records(stream: IO[bytes], run: _Run, name: str | None, *,
             seekable: bool, compressed: bool) -> Iterator[WetRecord | WetError]:
    """The records of one pass; raises :class:`_BrokenError` where the stream breaks."""
    # The optional dependency, imported on demand; read_wet checked that it is there.
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # noqa: PLC0415

    if seekable:
        stream.seek(run.start)
    source = stream if seekable else _Counted(stream)
    # Where a record's payload starts in the file, to place a bad byte in it: only an
    # uncompressed file that can seek has an answer.
    payload_at: Callable[[int], int | None] = (
        functools.partial(_payload_start, stream) if seekable and not compressed else _nowhere)
    records = iter(ArchiveIterator(source, parse_http=False))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        # The library reports damage as OSError mostly; whatever it raises, the stream
        # is unreadable from here, and must not end the read.
        except Exception as exc:
            raise _BrokenError(str(exc) or type(exc).__name__) from exc
        item = _convert(record, WarcRecordType.conversion, name, payload_at)
        run.last = record.stream_pos
        if item is not None:
            yield item


def _convert(record: WarcRecord, page_type: WarcRecordType, name: str | None,
             payload_at: Callable[[int], int | None]) -> WetRecord | WetError | None:
    """A record of the library as a page, an error, or ``None`` for a record to pass over.

    ``payload_at`` tells where the payload of the record at an offset starts in the
    file, if that can be known.

    Raises:
        _BrokenError: The record is cut short, or its header is unusable: what follows
            it cannot be trusted to be where the library looks for the next record.
    """
    offset = record.stream_pos
    # One pass over the header, rather than a (slow) lookup in the library per field.
    fields = {field.lower(): value for field, value in record.headers.items_bytes()}
    if b"warc-type" not in fields:
        raise _BrokenError("not a WARC record (no WARC-Type header)", offset)
    declared = fields.get(b"content-length")
    if declared is None or not declared.strip().isdigit():
        raise _BrokenError("no Content-Length" if declared is None
                           else f"invalid Content-Length: {declared.decode('latin-1')!r}", offset)
    if record.record_type != page_type:
        return None
    body = record.reader.read()
    if len(body) < int(declared):
        raise _BrokenError(f"record cut short: {len(body)} of {int(declared)} bytes", offset)
    return _page(record, fields, body, name, payload_at)


def _page(record: WarcRecord, fields: dict[bytes, bytes], body: bytes, name: str | None,
          payload_at: Callable[[int], int | None]) -> WetRecord | WetError:
    url: str | None = None
    try:
        url = _url(fields.get(b"warc-target-uri"))
        fetched_at = _warc_date(fields.get(b"warc-date"))
    except _BadRecordError as bad:
        return WetError(name, record.stream_pos, str(bad), url=url)
    try:
        # WET text is UTF-8 by definition: nothing else is guessed at.
        text = decode_text(body)
    except DecodeError as exc:
        return _undecodable(name, record.stream_pos, url, exc, payload_at(record.stream_pos))
    return WetRecord(url=url, fetched_at=fetched_at, text=text,
                     record_id=record.record_id or "", offset=record.stream_pos)


class _BadRecordError(Exception):
    """A whole record that cannot become a page; what follows it is fine."""


def _url(raw: bytes | None) -> str:
    if not raw:
        raise _BadRecordError("no WARC-Target-URI header")
    try:
        url = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadRecordError(f"WARC-Target-URI is not UTF-8: {raw!r}") from exc
    # WARC/1.0 drafts wrote the URI in angle brackets, and some writers still do.
    return url[1:-1] if url.startswith("<") and url.endswith(">") else url


def _warc_date(value: bytes | None) -> datetime:
    if value is None:
        raise _BadRecordError("no WARC-Date header")
    try:
        moment = datetime.fromisoformat(value.decode("ascii"))
    except ValueError:  # UnicodeDecodeError included
        raise _BadRecordError(f"WARC-Date is not an ISO 8601 time: "
                              f"{value.decode('latin-1')!r}") from None
    # WARC dates are UTC by definition (the standard writes them with a Z).
    return moment if is_aware(moment) else moment.replace(tzinfo=UTC)


def _undecodable(name: str | None, offset: int, url: str, error: DecodeError,
                 payload_start: int | None) -> WetError:
    """The error for the record at ``offset`` whose payload is not UTF-8."""
    file_offset = None if payload_start is None else payload_start + error.offset
    where = f"byte {error.offset} of the payload"
    if file_offset is not None:
        where = f"{where} (byte {file_offset} of the file)"
    return WetError(name, offset, f"cannot decode {where} as UTF-8 ({error.reason})",
                    url=url, payload_offset=error.offset, file_offset=file_offset)


def _payload_start(stream: IO[bytes], offset: int) -> int | None:
    """Where the payload of the uncompressed record at ``offset`` starts in ``stream``.

    The stream is left where it was: the WARC library goes on reading from there.
    """
    position = stream.tell()
    try:
        head = _peek(stream, offset, _HEADER_LIMIT)
    finally:
        stream.seek(position)
    blank = head.find(b"\r\n\r\n")
    return None if blank < 0 else offset + blank + 4


def _nowhere(offset: int) -> None:
    """A file where a record's payload has no offset (compressed, or unable to seek)."""


def _error(damage: _Damage, name: str | None) -> WetError:
    return WetError(name, damage.offset, damage.reason, url=damage.url)


# -- measuring records and searching for the next one (on damage only) ------------------


class _Counted:
    """A stream that cannot seek, telling how far it has been read.

    fastwarc asks any stream for its position (and fails on a pipe's ``tell``).
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._position += len(data)
        return data

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        raise io.UnsupportedOperation("seek")

    def close(self) -> None:
        """Leave the stream open: it is the caller's."""


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _peek(stream: IO[bytes], offset: int, size: int) -> bytes:
    stream.seek(offset)
    data = stream.read(size)
    stream.seek(offset)
    return data


def _is_gzip(head: bytes) -> bool:
    """Whether a file starting with ``head`` is gzip, even when it starts with damage."""
    if head.startswith((_GZIP_MAGIC, b"WARC/")):
        return head.startswith(_GZIP_MAGIC)
    member, line = head.find(_GZIP_MAGIC), head.find(_WARC_START)
    return member >= 0 and (line < 0 or member < line)


def _end_after(stream: IO[bytes], run: _Run, *, compressed: bool) -> int | None:
    """Where the last record framed by ``run`` ends; ``run.start`` if it framed none."""
    if run.last is None:
        return run.start
    if compressed:
        return _member_end(stream, run.last)
    return _record_end(stream, run.last)


def _member_end(stream: IO[bytes], start: int) -> int | None:
    """The end of the gzip member at ``start``; ``None`` if it does not end."""
    stream.seek(start)
    inflater = zlib.decompressobj(wbits=31)
    read = 0
    while not inflater.eof:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return None
        read += len(chunk)
        try:
            while chunk and not inflater.eof:
                # Output is thrown away: only where the member ends matters.
                inflater.decompress(chunk, _CHUNK)
                chunk = inflater.unconsumed_tail
        except zlib.error:
            return None
    return start + read - len(inflater.unused_data)


def _record_end(stream: IO[bytes], start: int) -> int | None:
    """The end of the uncompressed record at ``start``, with its closing blank lines."""
    head = _peek(stream, start, _HEADER_LIMIT)
    blank = head.find(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head, 0, blank + 2)
    if blank < 0 or length is None:
        return None
    end = start + blank + 4 + int(length.group(1))
    closing = _peek(stream, end, 4)
    return end + len(closing) - len(closing.lstrip(b"\r\n"))


def _next_start(stream: IO[bytes], after: int, *, compressed: bool) -> int | None:
    """The first place after ``after`` where a record could start, or ``None``."""
    signature = _GZIP_MAGIC if compressed else _WARC_START
    position = after + 1
    stream.seek(position)
    carry = b""
    while chunk := stream.read(_CHUNK):
        window = carry + chunk
        found = window.find(signature)
        if found >= 0:
            return position - len(carry) + found
        carry = window[-(len(signature) - 1):]
        position += len(chunk)
    return None


def _tail_damage(stream: IO[bytes], run: _Run, *, compressed: bool) -> _Damage | None:
    """Bytes after the last record that the library gave up on without a word."""
    end = _end_after(stream, run, compressed=compressed)
    if end is None:
        # The last member is cut in its gzip trailer: its record came out whole.
        return None
    tail = _peek(stream, end, 64)
    if len(tail) < 64 and not tail.strip(b"\r\n"):
        return None
    size = stream.seek(0, os.SEEK_END)
    return _Damage(end, f"{size - end} bytes at the end are not a whole record")
