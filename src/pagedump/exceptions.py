"""Exceptions raised by pagedump.

Every error pagedump raises on purpose derives from :class:`PagedumpError`. Each
subclass also inherits the builtin exception it stands for, so callers can catch
either ``PagedumpError`` or the familiar builtin (``TypeError``, ``ValueError``,
``LookupError``).

Page *content* never raises: any ``str`` tokenizes and parses. These errors are
about misuse (wrong argument types, naive datetimes, unknown dialect names) and
about data handed to :func:`pagedump.from_dict` that is not a serialized page.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "DialectNotFoundError",
    "InputTypeError",
    "NaiveDatetimeError",
    "PagedumpError",
    "SchemaError",
]


class PagedumpError(Exception):
    """Base class of every exception pagedump raises on purpose."""


class InputTypeError(PagedumpError, TypeError):
    """An argument has the wrong type, such as ``bytes`` where ``str`` is expected.

    Attributes:
        argument: The name of the offending parameter.
        received: The type that was passed.
    """

    def __init__(self, argument: str, received: type, hint: str, *, expected: str = "str") -> None:
        self.argument = argument
        self.received = received
        name = (received.__qualname__ if received.__module__ == "builtins"
                else f"{received.__module__}.{received.__qualname__}")
        super().__init__(f"{argument} must be {expected}, not {name}; {hint}")


class NaiveDatetimeError(PagedumpError, ValueError):
    """A datetime without a time zone was given where an aware one is required.

    Attributes:
        argument: The name of the offending parameter.
        value: The naive datetime that was passed.
    """

    def __init__(self, argument: str, value: object) -> None:
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
        self.name = name
        self.known = known
        super().__init__(f"unknown dialect {name!r}; registered dialects: {', '.join(known)}")


class SchemaError(PagedumpError, ValueError):
    """Data handed to ``from_dict``/``from_json`` is not a serialized page.

    Attributes:
        detail: What the structure check reported.
    """

    def __init__(self, detail: str) -> None:
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
        self.source = source
        self.offset = offset
        self.encoding = encoding
        self.reason = reason
        where = f"{source}: " if source is not None else ""
        super().__init__(
            f"{where}cannot decode byte offset {offset} as {encoding} ({reason}); "
            "pass fallback='cp1252' (or another encoding) to read such files"
        )
