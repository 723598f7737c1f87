"""A JSON Schema (draft 2020-12) of serialized pages, generated from the records.

The schema is derived from the attrs classes in :mod:`pagedump._records` and their
type hints, so it cannot drift from what :func:`pagedump.to_dict` writes and
:func:`pagedump.from_dict` accepts:

========================  ============================================================
type hint                 schema
========================  ============================================================
``str``                   ``{"type": "string"}``
``bool``, ``int``         ``{"type": "boolean"}``, ``{"type": "integer"}``
``datetime``              ``{"type": "string", "format": "date-time"}``, and a
                          ``pattern`` that requires the offset
an ``enum.StrEnum``       ``{"type": "string", "enum": [its values]}``, under ``$defs``
``X | None``              ``{"anyOf": [X, {"type": "null"}]}``
``tuple[X, ...]``         ``{"type": "array", "items": X}``
an attrs record           an object under ``$defs``: every field required, nothing else
========================  ============================================================

Field descriptions come from the ``Attributes:`` section of each record's docstring.

The same schema ships as ``pagedump/schema.json``; regenerate it with
``pagedump schema > src/pagedump/schema.json`` after changing a record.
"""

from __future__ import annotations

import copy
import enum
import inspect
import json
import re
import types
import typing
from datetime import datetime
from typing import Any

import attrs

from pagedump._records import Page

__all__ = ["json_schema", "schema_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect the generated schema declares."""

_SCALARS: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    # "format" is only an annotation to most validators: the pattern enforces an ISO
    # 8601 time with its offset, which is what to_dict writes and from_dict requires.
    datetime: {"type": "string", "format": "date-time", "pattern": (
        r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?"
        r"(Z|[+-]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)$")},
}

_ENTRY = re.compile(r"^(?P<indent> +)(?P<name>\w+): (?P<text>.*)$")


class _Builder:
    """Walks records and their field types, collecting named definitions in ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, hint: object) -> dict[str, Any]:
        """Return the schema of a value of type ``hint``.

        Raises:
            TypeError: ``hint`` is a type the generator does not know.
        """
        if hint in _SCALARS:
            return dict(_SCALARS[hint])
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return self._named(hint, self._enum)
        if isinstance(hint, type) and attrs.has(hint):
            return self._named(hint, self._record)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (types.UnionType, typing.Union):
            return {"anyOf": [self.of(arg) if arg is not type(None) else {"type": "null"}
                              for arg in args]}
        if origin is tuple:
            return self._tuple(args)
        raise TypeError(f"no JSON Schema for the type {hint!r}")

    def _tuple(self, args: tuple[object, ...]) -> dict[str, Any]:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0])}
        return {"type": "array", "prefixItems": [self.of(arg) for arg in args],
                "items": False}

    def _named(self, cls: type, build: typing.Callable[[type], dict[str, Any]]
               ) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: a record may refer to itself
            self.defs[name] = build(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _enum(self, cls: type) -> dict[str, Any]:
        members: list[enum.Enum] = list(typing.cast("type[enum.Enum]", cls))
        return {"description": _summary(cls), "type": "string",
                "enum": [member.value for member in members]}

    def _record(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        notes = _attribute_notes(cls)
        properties: dict[str, Any] = {}
        for field in attrs.fields(cls):
            schema = self.of(hints[field.name])
            if field.name in notes:
                schema = {"description": notes[field.name], **schema}
            properties[field.name] = schema
        return {
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    doc = inspect.getdoc(cls) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _attribute_notes(cls: type) -> dict[str, str]:
    """The ``Attributes:`` entries of a class's Napoleon docstring, each on one line."""
    doc = inspect.getdoc(cls) or ""
    _, found, section = doc.partition("Attributes:\n")
    if not found:
        return {}
    notes: dict[str, list[str]] = {}
    entry_indent: int | None = None
    current: list[str] | None = None
    for line in section.splitlines():
        if not line.strip():
            continue
        match = _ENTRY.match(line)
        indent = len(line) - len(line.lstrip())
        if match and (entry_indent is None or indent == entry_indent):
            entry_indent = indent
            current = notes.setdefault(match["name"], [match["text"]])
        elif current is not None and entry_indent is not None and indent > entry_indent:
            current.append(line.strip())
        else:
            break  # the section ended
    return {name: _plain(" ".join(parts)) for name, parts in notes.items()}


def _plain(text: str) -> str:
    """Napoleon/reST markup reduced to plain JSON words (``None`` reads ``null``)."""
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?([^`]+)`", r"\1", text)
    return text.replace("``None``", "null").replace("``", "")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of :func:`~pagedump.to_dict` output.

    The schema is generated from the record classes, so it always matches what
    :func:`~pagedump.to_dict` writes and :func:`~pagedump.from_dict` accepts: every
    field is required, no other field is allowed, times are ISO 8601 strings with an
    offset (``"format": "date-time"``). Validate with any draft 2020-12 validator,
    e.g. ``jsonschema.Draft202012Validator(pagedump.json_schema()).validate(data)``.

    Returns:
        A new dict each call, JSON-native, with the nested records under ``$defs``.
        The package ships the same document as ``pagedump/schema.json``.
    """
    builder = _Builder()
    root = builder.of(Page)
    name = root["$ref"].rsplit("/", 1)[1]
    page = copy.deepcopy(builder.defs.pop(name))
    return {
        "$schema": DIALECT,
        "title": "pagedump Page",
        **page,
        "$defs": builder.defs,
    }


def schema_text() -> str:
    """Return :func:`json_schema` as JSON text, indented by two spaces, with a newline.

    This is the exact content of the shipped ``pagedump/schema.json``.
    """
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
