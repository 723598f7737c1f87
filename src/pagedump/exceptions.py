"""Exceptions raised by pagedump.

Every error pagedump raises on purpose derives from :class:`PagedumpError`. Each
subclass also inherits the builtin exception it stands for, so callers can catch
either ``PagedumpError`` or the familiar builtin (``TypeError``, ``ValueError``,
``LookupError``). Each carries its data in attributes, and survives pickling (so it
crosses process boundaries intact).

Page *content* never raises: any ``str`` tokenizes and parses. These errors are
about misuse (wrong argument types, naive datetimes, unknown dialect names, a
:class:`~pagedump.Dialect` built with a field it cannot take), about bytes that cannot
be decoded, and about data handed to :func:`pagedump.from_dict`
that is not a serialized page.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "BuiltInDialectError",
    "DecodeError",
    "DialectError",
    "DialectExistsError",
    "DialectNotFoundError",
    "InputTypeError",
    "NaiveDatetimeError",
    "PagedumpError",
    "SchemaError",
    "WetError",
]


class PagedumpError(Exception):
    """Base class of every exception pagedump raises on purpose.

    Subclasses keep the arguments they were built from, so that pickling (and
    ``copy``) rebuilds them with the same message and attributes.
    """

    _init_args: tuple[Any, ...] = ()
    _init_kwargs: dict[str, Any] = {}  # noqa: RUF012 - replaced per instance, never mutated

    def _remember(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - any data
        self._init_args = args
        self._init_kwargs = kwargs

    def __reduce__(self) -> str | tuple[Any, ...]:
        if not self._init_args and not self._init_kwargs:
            return super().__reduce__()
        return (_rebuild, (type(self), self._init_args, self._init_kwargs))


def _rebuild(cls: type[PagedumpError], args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> PagedumpError:
    return cls(*args, **kwargs)


def _type_name(received: type) -> str:
    if received.__module__ == "builtins":
        return received.__qualname__
    return f"{received.__module__}.{received.__qualname__}"


class InputTypeError(PagedumpError, TypeError):
    """An argument has the wrong type, such as ``bytes`` where ``str`` is expected.

    Attributes:
        argument: The name of the offending parameter.
        received: The type that was passed.
        expected: What the parameter takes.
        hint: What to do instead.
    """

    def __init__(self, argument: str, received: type, hint: str, *, expected: str = "str") -> None:
        self._remember(argument, received, hint, expected=expected)
        self.argument = argument
        self.received = received
        self.expected = expected
        self.hint = hint
        super().__init__(f"{argument} must be {expected}, not {_type_name(received)}; {hint}")


class NaiveDatetimeError(PagedumpError, ValueError):
    """A datetime without a time zone was given where an aware one is required.

    Attributes:
        argument: The name of the offending parameter.
        value: The naive datetime that was passed.
    """

    def __init__(self, argument: str, value: object) -> None:
        self._remember(argument, value)
        self.argument = argument
        self.value = value
        super().__init__(
            f"{argument} must be timezone-aware, got naive {value!r}; "
            f"attach a zone, e.g. {argument}.replace(tzinfo=datetime.timezone.utc)"
        )


class DialectNotFoundError(PagedumpError, LookupError):
    """No dialect is registered under the requested name.

    Attributes:
        name: The name that was looked up.
        known: The names that are registered.
    """

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self._remember(name, known)
        self.name = name
        self.known = known
        super().__init__(f"unknown dialect {name!r}; registered dialects: {', '.join(known)}")


class DialectExistsError(PagedumpError, ValueError):
    """A dialect is registered already under the name being registered.

    Attributes:
        name: The name that is taken.
    """

    def __init__(self, name: str) -> None:
        self._remember(name)
        self.name = name
        super().__init__(f"a dialect named {name!r} is registered already; "
                         "pass replace=True to replace it, or choose another name")


class BuiltInDialectError(PagedumpError, ValueError):
    """A built-in dialect cannot be unregistered.

    The built-in dialects (``daily8``, ``generic``, ``msn``, ``wire``, ``yahoo``) stay
    registered, so that a name a page's ``site`` reports can always be looked up; one
    can be *replaced* (``register_dialect(..., replace=True)``) but not removed.

    Attributes:
        name: The built-in name that was to be unregistered.
    """

    def __init__(self, name: str) -> None:
        self._remember(name)
        self.name = name
        super().__init__(
            f"{name!r} is a built-in dialect and cannot be unregistered; register a "
            "replacement under its name with replace=True, or sniff among chosen dialects "
            "with candidates=[...]")


class DialectError(PagedumpError, ValueError):
    """A :class:`~pagedump.Dialect` field was given a value it cannot take.

    Raised when the dialect is built (and by ``attrs.evolve``), never later on the
    first page read with it. The message reads ``Dialect.FIELD: what is wrong;
    FIELD takes what is accepted``.

    Attributes:
        field: The name of the offending field (``"chrome"``, ``"junk_patterns"``).
        reason: What is wrong with the value, e.g. ``does not compile: missing ),
            unterminated subpattern at position 0``.
        accepted: What the field takes, e.g. ``an iterable of non-empty str``.
        index: The position of the offending item within a collection field, or
            ``None`` when the value as a whole is wrong.
    """

    def __init__(self, field: str, reason: str, accepted: str, *,
                 index: int | None = None) -> None:
        self._remember(field, reason, accepted, index=index)
        self.field = field
        self.reason = reason
        self.accepted = accepted
        self.index = index
        where = field if index is None else f"{field}[{index}]"
        super().__init__(f"Dialect.{where}: {reason}; {field} takes {accepted}")


class SchemaError(PagedumpError, ValueError):
    """Data handed to ``from_dict``/``from_json`` is not a serialized page.

    Attributes:
        detail: What the structure check reported, with where (``@ page.article``).
    """

    def __init__(self, detail: str) -> None:
        self._remember(detail)
        self.detail = detail
        super().__init__(f"not a serialized pagedump Page: {detail}")


class DecodeError(PagedumpError, ValueError):
    """The bytes of a dump cannot be decoded as text.

    Attributes:
        source: Where the bytes came from (a file path), or ``None``.
        offset: The offset of the first undecodable byte.
        encoding: The encoding that was tried.
        reason: What the codec reported.
    """

    def __init__(self, source: str | None, offset: int, encoding: str, reason: str) -> None:
        self._remember(source, offset, encoding, reason)
        self.source = source
        self.offset = offset
        self.encoding = encoding
        self.reason = reason
        where = f"{source}: " if source is not None else ""
        super().__init__(
            f"{where}cannot decode byte offset {offset} as {encoding} ({reason}); "
            "pass fallback='cp1252' (or another encoding) to read such files"
        )


class WetError(PagedumpError, ValueError):
    """Damage in a WET file: a record, or a stretch of bytes, that is not a page.

    :func:`pagedump.read_wet` yields these in place of the damage (or raises one, with
    ``errors="raise"``); reading goes on after it. The message reads
    ``PATH:OFFSET: reason``, or ``PATH:OFFSET: URL: reason`` for a record whose URL
    could be read.

    Attributes:
        source: The file's path (or its file object's name), or ``None``.
        offset: Where the damage starts, in bytes from the start of the file (of the
            compressed file, for a gzip file): for a damaged record, where the record
            starts.
        reason: What is wrong, e.g. ``cannot decode byte 12 of the payload (byte 530
            of the file) as UTF-8 (invalid start byte)``.
        url: The record's ``WARC-Target-URI`` when it could be read, else ``None``.
        payload_offset: For a record whose text is not UTF-8, the offset of the first
            bad byte in the record's payload (its content block, the bytes after the
            header that the text is decoded from), else ``None``.
        file_offset: The same byte's offset from the start of the file, when the file
            is uncompressed and can seek; ``None`` otherwise (a byte inside a gzip
            member has no offset in the compressed file).
    """

    def __init__(self, source: str | None, offset: int, reason: str, *,  # noqa: PLR0913 - data
                 url: str | None = None, payload_offset: int | None = None,
                 file_offset: int | None = None) -> None:
        self._remember(source, offset, reason, url=url, payload_offset=payload_offset,
                       file_offset=file_offset)
        self.source = source
        self.offset = offset
        self.reason = reason
        self.url = url
        self.payload_offset = payload_offset
        self.file_offset = file_offset
        where = f"{source}:{offset}" if source is not None else f"offset {offset}"
        if url is not None:
            where = f"{where}: {url}"
        super().__init__(f"{where}: {reason}")
