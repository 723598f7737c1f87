"""The JSON Schema of serialized pages: generated from the records, shipped, and valid.

Every golden page and every parsed page of the generic corpus must validate; a
document that ``from_dict`` would refuse must not.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

import pagedump
from pagedump import GENERIC
from pagedump._schema import schema_text

DATA = Path(__file__).parent / "data"
GOLDEN = sorted((DATA / "daily8").glob("*.expected.json"))
GENERIC_DUMPS = sorted(path for path in (DATA / "generic").glob("*.txt")
                       if not path.name.endswith(".body.txt"))
FETCHED_AT = datetime(2025, 8, 10, 12, tzinfo=UTC)
DATE_TIME = pagedump.json_schema()["$defs"]["Published"]["properties"]["value"]["anyOf"][0][
    "pattern"]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = pagedump.json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_the_shipped_file_is_the_generated_schema() -> None:
    shipped = resources.files("pagedump").joinpath("schema.json").read_text(encoding="utf-8")

    assert shipped == schema_text(), (
        "src/pagedump/schema.json is stale: run "
        "'.venv/bin/pagedump schema > src/pagedump/schema.json'")


def test_the_schema_is_draft_2020_12_and_closed() -> None:
    schema = pagedump.json_schema()

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["$defs"]) == {"Article", "PageKind", "Published", "RelatedItem",
                                    "Section"}
    for record in [schema, *(d for d in schema["$defs"].values() if d["type"] == "object")]:
        assert record["additionalProperties"] is False
        assert record["required"] == list(record["properties"])


def test_each_call_returns_a_fresh_document() -> None:
    schema = pagedump.json_schema()
    schema["$defs"].clear()

    assert pagedump.json_schema()["$defs"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("properties", "kind"), {"$ref": "#/$defs/PageKind"}),
        (("$defs", "PageKind", "enum"), ["article", "listing", "unknown"]),
        (("$defs", "Published", "properties", "value", "anyOf"),
         [{"type": "string", "format": "date-time", "pattern": DATE_TIME}, {"type": "null"}]),
        (("$defs", "Published", "properties", "relative", "type"), "boolean"),
        (("$defs", "Section", "properties", "paragraphs"),
         {"type": "array", "items": {"type": "string"}}),
        (("properties", "related", "items"), {"$ref": "#/$defs/RelatedItem"}),
    ],
)
def test_type_hints_map_to_schema_types(path, expected) -> None:
    node = pagedump.json_schema()
    for key in path:
        node = node[key]
    if isinstance(node, dict):
        node = {key: value for key, value in node.items() if key != "description"}

    assert node == expected


def test_fields_carry_their_docstring_descriptions() -> None:
    article = pagedump.json_schema()["$defs"]["Article"]

    assert article["description"] == "The page's main story."
    assert article["properties"]["agency"]["description"] == (
        'The wire agency of the first paragraph\'s dateline ("AP").')


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_every_golden_page_validates(validator, path) -> None:
    validator.validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", GENERIC_DUMPS, ids=[p.stem for p in GENERIC_DUMPS])
def test_every_parsed_generic_page_validates(validator, path) -> None:
    text = path.read_text(encoding="utf-8")
    for dialect in (None, GENERIC):
        page = pagedump.parse(text, fetched_at=FETCHED_AT, dialect=dialect)
        validator.validate(json.loads(pagedump.to_json(page)))


def seed_page() -> dict[str, object]:
    text = (Path(__file__).parent.parent / "examples" / "daily8-seed.txt").read_text(
        encoding="utf-8")
    return pagedump.to_dict(pagedump.parse(text, fetched_at=FETCHED_AT))


def _set(document: dict[str, object], path: tuple[object, ...], value: object) -> None:
    node: object = document
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]


def _delete(document: dict[str, object], path: tuple[object, ...]) -> None:
    node: object = document
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    del node[path[-1]]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "path", "value"),
    [
        ("set", ("kind",), "story"),
        ("set", ("article", "headline"), 42),
        ("set", ("article", "published", "value"), "four days ago"),
        ("set", ("article", "published", "value"), "2025-07-10T12:00:00"),
        ("set", ("article", "published", "relative"), "yes"),
        ("set", ("related", 0, "categories"), "Business"),
        ("set", ("extra",), True),
        ("set", ("article", "sections", 0, "colour"), "red"),
        ("delete", ("orphans",), None),
        ("delete", ("related", 0, "teaser"), None),
    ],
    ids=["unknown-kind", "number-headline", "unreadable-time", "naive-time", "string-bool",
         "string-for-array", "extra-key", "nested-extra-key", "missing-key",
         "nested-missing-key"],
)
def test_a_damaged_page_fails_validation_as_from_dict_refuses_it(
        validator, change, path, value) -> None:
    document = copy.deepcopy(seed_page())
    if change == "set":
        _set(document, path, value)
    else:
        _delete(document, path)

    with pytest.raises(ValidationError):
        validator.validate(document)
    with pytest.raises(pagedump.exceptions.SchemaError):
        pagedump.from_dict(document)


def test_the_seed_page_validates(validator) -> None:
    validator.validate(seed_page())


@pytest.mark.parametrize("offset", [UTC, timezone(timedelta(hours=5, minutes=30)),
                                    timezone(timedelta(hours=-3, seconds=15))])
@pytest.mark.parametrize("micro", [0, 250_000])
def test_every_time_to_json_writes_matches_the_pattern(offset, micro) -> None:
    value = datetime(2025, 3, 30, 1, 30, microsecond=micro, tzinfo=offset).isoformat()

    assert re.match(DATE_TIME, value), value
