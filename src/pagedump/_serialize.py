"""Stage three: pages to JSON-native dicts and JSON text, and back.

One private, preconfigured cattrs converter does all the work; every hook is
registered here. Datetimes travel as ISO 8601 strings with their offset, enums as
their string values. Reading back is strict: every field must be present with the
right type, and no unknown field may appear, so that a damaged or foreign document
is reported, not silently turned into a default page.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any

import attrs
from cattrs import transform_error
from cattrs.errors import BaseValidationError
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from pagedump._dates import is_aware
from pagedump._records import Page, PageKind
from pagedump.exceptions import InputTypeError, SchemaError

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

_converter = make_converter()
_converter.register_unstructure_hook(datetime, datetime.isoformat)
_converter.register_unstructure_hook(PageKind, lambda member: member.value)


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _structure_page_kind(value: object, _: type) -> PageKind:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    try:
        return PageKind(value)
    except ValueError:
        choices = ", ".join(repr(kind.value) for kind in PageKind)
        raise ValueError(f"{value!r} is not a page kind; expected one of {choices}") from None


def _structure_datetime(value: object, _: type) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 string, got {type(value).__name__}")
    parsed = datetime.fromisoformat(value)
    if not is_aware(parsed):
        raise ValueError(f"{value!r} has no UTC offset")
    return parsed


def _is_tuple(cls: object) -> bool:
    return typing.get_origin(cls) is tuple


def _tuple_hook(cls: object) -> Callable[[object, type], tuple[object, ...]]:
    (item, _) = typing.get_args(cls)
    structure_item = _converter.get_structure_hook(item)

    def structure(value: object, _: type) -> tuple[object, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        return tuple(structure_item(v, item) for v in value)

    return structure


def _record_hook(cls: type) -> Callable[[object, type], object]:
    structure_fields: Callable[[dict[str, Any], type], object] = make_dict_structure_fn(
        cls, _converter, _cattrs_forbid_extra_keys=True)
    names = frozenset(field.name for field in attrs.fields(cls))

    def structure(value: object, _: type) -> object:
        if not isinstance(value, dict):
            raise TypeError(f"expected a dict (a JSON object) for {cls.__name__}, "
                            f"got {type(value).__name__}")
        # Fields that are there but wrong say more than fields that are missing.
        record = structure_fields(value, cls)
        missing = names - value.keys()
        if missing:
            raise ValueError(f"{cls.__name__} lacks the field(s) {', '.join(sorted(missing))}")
        return record

    return structure


_converter.register_structure_hook(str, _structure_str)
_converter.register_structure_hook(bool, _structure_bool)
_converter.register_structure_hook(datetime, _structure_datetime)
_converter.register_structure_hook(PageKind, _structure_page_kind)
_converter.register_structure_hook_factory(_is_tuple, _tuple_hook)
_converter.register_structure_hook_factory(attrs.has, _record_hook)


def to_dict(page: Page) -> dict[str, Any]:
    """Return ``page`` as a dict of JSON-native values (str, int, bool, None, list, dict).

    Raises:
        InputTypeError: ``page`` is not a :class:`~pagedump.Page` (a ``TypeError``).
    """
    if not isinstance(page, Page):
        raise InputTypeError("page", type(page), "pass a pagedump.Page, as returned by parse()",
                             expected="pagedump.Page")
    data: dict[str, Any] = _converter.unstructure(page)
    return data


def to_json(page: Page, *, indent: int | None = None) -> str:
    """Return ``page`` as JSON text.

    Keys come in the records' field order, so the same page always gives the same
    text. Non-ASCII characters are written as they are, unless the page holds text
    that UTF-8 cannot encode (lone surrogates from a damaged ``str``): then they are
    escaped, so that the output can always be written to a UTF-8 file.

    Args:
        page: The page.
        indent: Indent nested structures by this many spaces; ``None`` for one line.

    Raises:
        InputTypeError: ``page`` is not a :class:`~pagedump.Page` (a ``TypeError``).
    """
    data = to_dict(page)
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(data, ensure_ascii=True, indent=indent)
    return text


def from_dict(data: dict[str, Any]) -> Page:
    """Rebuild a :class:`~pagedump.Page` from :func:`to_dict` output.

    Raises:
        SchemaError: ``data`` is not a serialized page: a field is missing, unknown
            or of the wrong type (a ``ValueError``). The message names the field.
    """
    try:
        return _converter.structure(data, Page)
    except BaseValidationError as exc:
        messages = transform_error(exc, path="page", format_exception=_describe)
        raise SchemaError("; ".join(messages)) from exc
    except (TypeError, ValueError) as exc:
        raise SchemaError(f"{exc} @ page") from exc


def _describe(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, TypeError | ValueError) and str(exc):
        return str(exc)
    return format_exception(exc, type_)


def from_json(text: str | bytes | bytearray) -> Page:
    """Rebuild a :class:`~pagedump.Page` from :func:`to_json` output.

    Raises:
        SchemaError: ``text`` is not JSON of a serialized page (a ``ValueError``).
        InputTypeError: ``text`` is neither ``str`` nor bytes (a ``TypeError``).
    """
    if not isinstance(text, str | bytes | bytearray):
        raise InputTypeError("text", type(text), "pass the JSON text that to_json() wrote",
                             expected="str or bytes")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"invalid JSON: {exc}") from exc
    return from_dict(data)
