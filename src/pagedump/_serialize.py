"""Stage three: pages to JSON-native dicts and JSON text, and back.

One private, preconfigured cattrs converter does all the work; every hook is
registered here. Datetimes travel as ISO 8601 strings with their offset.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from cattrs import transform_error
from cattrs.errors import BaseValidationError
from cattrs.preconf.json import make_converter

from pagedump._records import Page
from pagedump.exceptions import InputTypeError, SchemaError

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

_converter = make_converter(forbid_extra_keys=False)
_converter.register_unstructure_hook(datetime, datetime.isoformat)
_converter.register_structure_hook(datetime, lambda value, _: datetime.fromisoformat(value))


def to_dict(page: Page) -> dict[str, Any]:
    """Return ``page`` as a dict of JSON-native values (str, int, bool, None, list, dict).

    Raises:
        InputTypeError: ``page`` is not a :class:`~pagedump.Page`.
    """
    if not isinstance(page, Page):
        raise InputTypeError("page", type(page), "pass a pagedump.Page, as returned by parse()",
                             expected="pagedump.Page")
    data: dict[str, Any] = _converter.unstructure(page)
    return data


def to_json(page: Page, *, indent: int | None = None) -> str:
    """Return ``page`` as JSON text.

    Keys come in the records' field order, so the same page always gives the same text.

    Args:
        page: The page.
        indent: Indent nested structures by this many spaces; ``None`` for one line.
    """
    return json.dumps(to_dict(page), ensure_ascii=False, indent=indent)


def from_dict(data: dict[str, Any]) -> Page:
    """Rebuild a :class:`~pagedump.Page` from :func:`to_dict` output.

    Raises:
        SchemaError: ``data`` is not a serialized page (a ``ValueError``).
    """
    if not isinstance(data, dict):
        raise SchemaError(f"expected a dict, got {type(data).__qualname__}")
    try:
        return _converter.structure(data, Page)
    except (BaseValidationError, KeyError, TypeError, ValueError) as exc:
        raise SchemaError(_describe(exc)) from exc


def from_json(text: str | bytes) -> Page:
    """Rebuild a :class:`~pagedump.Page` from :func:`to_json` output.

    Raises:
        SchemaError: ``text`` is not JSON of a serialized page (a ``ValueError``).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"invalid JSON: {exc}") from exc
    return from_dict(data)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, BaseValidationError):
        return "; ".join(transform_error(exc))
    return f"{type(exc).__name__}: {exc}"
