"""The public surface: names, signatures, enum values, typing marker and version."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import inspect
import re
import tomllib
from pathlib import Path

import attrs
import pytest

import pagedump
from pagedump import exceptions

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

# isort-style order (ruff RUF022): CONSTANTS, then Classes, then everything else.
PUBLIC_NAMES = [
    "DAILY8",
    "GENERIC",
    "MSN",
    "WIRE",
    "YAHOO",
    "Article",
    "Dialect",
    "Layout",
    "Line",
    "LineKind",
    "Page",
    "PageKind",
    "PagedumpError",
    "Published",
    "RelatedItem",
    "Role",
    "Section",
    "SniffReport",
    "TeaserForm",
    "WetRecord",
    "__version__",
    "exceptions",
    "from_dict",
    "from_json",
    "get_dialect",
    "json_schema",
    "list_dialects",
    "load",
    "parse",
    "parse_bytes",
    "read_wet",
    "register_dialect",
    "sniff",
    "sniff_report",
    "to_dict",
    "to_json",
    "tokenize",
    "unregister_dialect",
]

EXCEPTION_NAMES = [
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


def isort_style_key(name: str) -> tuple[int, list[int | str]]:
    """Ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest; natural sort."""
    if len(name) > 1 and name.isupper():
        category = 0
    elif name[:1].isupper():
        category = 1
    else:
        category = 2
    natural = [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
    return category, natural


def test_all_is_pinned() -> None:
    assert pagedump.__all__ == PUBLIC_NAMES


def test_all_is_sorted() -> None:
    assert pagedump.__all__ == sorted(pagedump.__all__, key=isort_style_key)
    assert len(set(pagedump.__all__)) == len(pagedump.__all__)


@pytest.mark.parametrize("name", ["DAILY8", "GENERIC", "MSN", "WIRE", "YAHOO"])
def test_each_dialect_constant_is_the_registered_dialect_of_its_name(name) -> None:
    assert pagedump.get_dialect(name.lower()) is getattr(pagedump, name)


def test_every_public_record_is_frozen(seed_text) -> None:
    page = pagedump.parse(seed_text)
    assert page.article is not None
    assert page.article.published is not None
    records = [page, page.article, page.article.sections[0], page.article.published,
               page.related[0], pagedump.tokenize(seed_text)[0], pagedump.sniff_report(seed_text)]
    assert {type(record).__name__ for record in records} == {
        "Page", "Article", "Section", "Published", "RelatedItem", "Line", "SniffReport"}
    for record in records:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, attrs.fields(type(record))[0].name, None)


def test_star_import_gives_exactly_the_public_names() -> None:
    namespace: dict[str, object] = {}
    exec("from pagedump import *", namespace)

    assert sorted(set(namespace) - {"__builtins__"}) == sorted(PUBLIC_NAMES)


def test_exceptions_module_all_is_pinned_and_sorted() -> None:
    assert exceptions.__all__ == EXCEPTION_NAMES
    assert exceptions.__all__ == sorted(exceptions.__all__, key=isort_style_key)
    assert all(isinstance(getattr(exceptions, name), type) for name in EXCEPTION_NAMES)


def test_facade_reexports_the_exceptions_module_and_base_class() -> None:
    assert pagedump.exceptions is exceptions
    assert pagedump.PagedumpError is exceptions.PagedumpError


# (function, its positional parameters, its keyword-only options)
SIGNATURES = [
    (pagedump.tokenize, ["text"], ["dialect"]),
    (pagedump.parse, ["text"], ["fetched_at", "dialect"]),
    (pagedump.parse_bytes, ["data"], ["encoding", "fallback", "fetched_at", "dialect"]),
    (pagedump.load, ["path"], ["encoding", "fallback"]),
    (pagedump.to_dict, ["page"], []),
    (pagedump.to_json, ["page"], ["indent"]),
    (pagedump.from_dict, ["data"], []),
    (pagedump.from_json, ["text"], []),
    (pagedump.register_dialect, ["dialect"], ["replace"]),
    (pagedump.unregister_dialect, ["name"], []),
    (pagedump.sniff, ["text"], ["candidates"]),
    (pagedump.sniff_report, ["text"], ["candidates"]),
    (pagedump.get_dialect, ["name"], []),
    (pagedump.list_dialects, [], []),
    (pagedump.read_wet, ["path_or_file"], ["errors"]),
]


@pytest.mark.parametrize(("function", "positional", "options"), SIGNATURES,
                         ids=[f.__name__ for f, _, _ in SIGNATURES])
def test_options_are_keyword_only(function, positional, options) -> None:
    parameters = inspect.signature(function).parameters.values()

    assert [p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD] == positional
    assert [p.name for p in parameters if p.kind is p.KEYWORD_ONLY] == options
    assert all(p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) for p in parameters)
    assert all(p.default is not p.empty for p in parameters if p.kind is p.KEYWORD_ONLY)
    assert all(p.default is p.empty for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD)


@pytest.mark.parametrize(
    ("call", "option"),
    [
        (lambda: pagedump.parse("x", None), "fetched_at"),
        (lambda: pagedump.parse("x", None, None), "dialect"),
        (lambda: pagedump.tokenize("x", "daily8"), "dialect"),
        (lambda: pagedump.to_json(pagedump.Page(), 2), "indent"),
    ],
    ids=["parse-fetched_at", "parse-dialect", "tokenize-dialect", "to_json-indent"],
)
def test_passing_an_option_positionally_is_a_type_error(call, option) -> None:
    with pytest.raises(TypeError, match="positional argument"):
        call()


def test_parse_defaults_are_no_fetch_time_and_the_daily8_dialect() -> None:
    parameters = inspect.signature(pagedump.parse).parameters

    assert parameters["fetched_at"].default is None
    assert parameters["dialect"].default is None
    assert pagedump.parse("logo\nH\n\nH\n\nNHK4 days ago\nBody.").site == "daily8"


def test_line_kind_values_are_exactly_the_seven_strings() -> None:
    assert [kind.value for kind in pagedump.LineKind] == [
        "blank", "boilerplate", "headline", "dateline", "body", "heading", "related"]
    assert all(isinstance(kind, str) for kind in pagedump.LineKind)
    assert pagedump.LineKind("dateline") is pagedump.LineKind.DATELINE


def test_page_kind_values_are_exactly_the_three_strings() -> None:
    assert [kind.value for kind in pagedump.PageKind] == ["article", "listing", "unknown"]


def test_dialect_enum_values_are_exactly_these_strings() -> None:
    assert [layout.value for layout in pagedump.Layout] == ["aggregator", "article", "feed"]
    assert [form.value for form in pagedump.TeaserForm] == ["timed", "cards", "titles"]
    assert all(isinstance(member, str) for member in [*pagedump.Layout, *pagedump.TeaserForm])


def test_daily8_is_the_registered_default_dialect() -> None:
    assert "daily8" in pagedump.list_dialects()
    assert pagedump.get_dialect("daily8") is pagedump.DAILY8
    assert pagedump.list_dialects() == tuple(sorted(pagedump.list_dialects()))


def test_py_typed_ships_in_the_package_directory() -> None:
    assert (Path(pagedump.__file__).parent / "py.typed").is_file()
    assert importlib.resources.files("pagedump").joinpath("py.typed").is_file()


def test_version_matches_pyproject() -> None:
    with PYPROJECT.open("rb") as file:
        project = tomllib.load(file)["project"]

    assert pagedump.__version__ == project["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?(?:\.dev\d+)?", pagedump.__version__)


def test_version_matches_installed_metadata() -> None:
    assert importlib.metadata.version("pagedump") == pagedump.__version__
