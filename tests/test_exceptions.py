"""Exceptions: one base class, the builtin each stands for, data, and helpful messages.

Every error pagedump raises on purpose derives from ``PagedumpError`` and from the
builtin it stands for, carries its data in attributes, and says what went wrong and
how to fix it. Page content never raises; misuse does.
"""

from __future__ import annotations

import pickle
from datetime import datetime

import pytest

import pagedump
from pagedump import exceptions
from pagedump.exceptions import (
    BuiltInDialectError,
    DecodeError,
    DialectError,
    DialectExistsError,
    DialectNotFoundError,
    InputTypeError,
    NaiveDatetimeError,
    PagedumpError,
    SchemaError,
    WetError,
)

NAIVE = datetime(2025, 7, 14, 12, 0)

HIERARCHY = [
    (InputTypeError, TypeError),
    (NaiveDatetimeError, ValueError),
    (DialectNotFoundError, LookupError),
    (DialectExistsError, ValueError),
    (DialectError, ValueError),
    (BuiltInDialectError, ValueError),
    (SchemaError, ValueError),
    (DecodeError, ValueError),
    (WetError, ValueError),
]


def test_base_class_is_an_exception() -> None:
    assert issubclass(PagedumpError, Exception)
    assert not issubclass(PagedumpError, (TypeError, ValueError, LookupError))


@pytest.mark.parametrize(("cls", "builtin"), HIERARCHY, ids=[c.__name__ for c, _ in HIERARCHY])
def test_each_exception_inherits_the_base_and_its_builtin(cls, builtin) -> None:
    assert issubclass(cls, PagedumpError)
    assert issubclass(cls, builtin)


def test_every_exported_exception_is_covered() -> None:
    exported = {getattr(exceptions, name) for name in exceptions.__all__}

    assert exported == {cls for cls, _ in HIERARCHY} | {PagedumpError}


# -- each exception, raised for real, with its data and its message -----------------------


@pytest.mark.parametrize(
    "data",
    [b"logo\nHeadline", bytearray(b"logo\nHeadline"), memoryview(b"logo\nHeadline")],
    ids=["bytes", "bytearray", "memoryview"],
)
@pytest.mark.parametrize("function", [pagedump.parse, pagedump.tokenize],
                         ids=["parse", "tokenize"])
def test_bytes_input_is_an_input_type_error_that_says_to_decode(function, data) -> None:
    with pytest.raises(InputTypeError) as info:
        function(data)

    error = info.value
    assert isinstance(error, TypeError)
    assert error.argument == "text"
    assert error.received is type(data)
    message = str(error)
    assert "text must be str" in message
    assert type(data).__name__ in message
    assert "decode" in message


def test_parse_of_bytes_message_names_bytes_and_decode() -> None:
    with pytest.raises(TypeError, match=r"text must be str, not bytes; .*decode") as info:
        pagedump.parse(b"bytes")

    assert "decode('utf-8')" in str(info.value)


@pytest.mark.parametrize("value", [None, 42, ["logo", "Headline"], object()],
                         ids=["none", "int", "list-of-lines", "object"])
def test_other_non_str_input_is_an_input_type_error_asking_for_a_str(value) -> None:
    with pytest.raises(InputTypeError, match=r"text must be str, not .*pass the dump's text"):
        pagedump.parse(value)


def test_non_builtin_type_is_named_with_its_module() -> None:
    with pytest.raises(InputTypeError, match=r"not datetime\.datetime") as info:
        pagedump.to_dict(NAIVE)

    assert info.value.argument == "page"
    assert info.value.received is datetime


def test_naive_fetched_at_error_carries_the_value_and_shows_the_fix() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        pagedump.parse("logo\nH", fetched_at=NAIVE)

    error = info.value
    assert isinstance(error, ValueError)
    assert error.argument == "fetched_at"
    assert error.value is NAIVE
    message = str(error)
    assert "fetched_at must be timezone-aware" in message
    assert repr(NAIVE) in message
    assert "tzinfo=datetime.timezone.utc" in message


@pytest.mark.parametrize(
    "call",
    [
        lambda: pagedump.get_dialect("daily9"),
        lambda: pagedump.parse("logo\nH", dialect="daily9"),
        lambda: pagedump.tokenize("logo\nH", dialect="daily9"),
    ],
    ids=["get_dialect", "parse", "tokenize"],
)
def test_unknown_dialect_error_names_it_and_lists_the_registered_ones(call) -> None:
    with pytest.raises(DialectNotFoundError) as info:
        call()

    error = info.value
    assert isinstance(error, LookupError)
    assert error.name == "daily9"
    assert error.known == pagedump.list_dialects()
    assert "daily8" in error.known
    message = str(error)
    assert "unknown dialect 'daily9'" in message
    assert "daily8" in message


def test_dialect_error_names_the_field_what_is_wrong_and_what_it_takes() -> None:
    with pytest.raises(DialectError) as info:
        pagedump.Dialect(name="mirror", junk_patterns=[r"Image: .+", "(?P<time>oops"])

    error = info.value
    assert isinstance(error, ValueError)
    assert (error.field, error.index) == ("junk_patterns", 1)
    assert "does not compile" in error.reason
    assert "missing ), unterminated subpattern" in error.reason
    assert str(error) == (f"Dialect.junk_patterns[1]: {error.reason}; junk_patterns takes "
                          f"{error.accepted}")
    assert "regular expression" in error.accepted


def test_unregistering_a_built_in_dialect_says_what_to_do_instead() -> None:
    with pytest.raises(BuiltInDialectError) as info:
        pagedump.unregister_dialect("yahoo")

    assert isinstance(info.value, ValueError)
    assert info.value.name == "yahoo"
    message = str(info.value)
    assert "'yahoo' is a built-in dialect" in message
    assert "replace=True" in message
    assert "candidates=" in message


def test_schema_error_carries_the_detail_and_points_at_the_field() -> None:
    with pytest.raises(SchemaError) as info:
        pagedump.from_dict({"kind": 3})

    error = info.value
    assert isinstance(error, ValueError)
    assert "kind" in error.detail
    assert str(error) == f"not a serialized pagedump Page: {error.detail}"


def test_schema_error_for_invalid_json_quotes_the_parser() -> None:
    with pytest.raises(SchemaError, match=r"invalid JSON: .*line 1 column") as info:
        pagedump.from_json('{"site": ')

    assert info.value.detail.startswith("invalid JSON")


def test_decode_error_names_source_offset_encoding_and_the_fallback_fix() -> None:
    with pytest.raises(DecodeError) as info:
        pagedump.parse_bytes(b"logo\nCaf\xe9 society\n")

    error = info.value
    assert isinstance(error, ValueError)
    assert error.offset == 8
    assert error.encoding == "utf-8"
    assert error.reason
    message = str(error)
    assert "byte offset 8" in message
    assert "utf-8" in message
    assert "fallback=" in message


def test_decode_error_from_a_file_names_the_file(tmp_path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"logo\nCaf\xe9 society\n")

    with pytest.raises(DecodeError) as info:
        pagedump.load(path)

    assert info.value.source == str(path)
    assert str(info.value).startswith(f"{path}: ")


# -- every deliberate misuse raises a PagedumpError --------------------------------------

MISUSE = [
    pytest.param(lambda: pagedump.parse(b"x"), TypeError, id="parse-bytes"),
    pytest.param(lambda: pagedump.parse("x", fetched_at="2025-07-14"), TypeError,
                 id="parse-string-fetched_at"),
    pytest.param(lambda: pagedump.parse("x", fetched_at=NAIVE), ValueError,
                 id="parse-naive-fetched_at"),
    pytest.param(lambda: pagedump.parse("x", dialect="nope"), LookupError,
                 id="parse-unknown-dialect"),
    pytest.param(lambda: pagedump.parse("x", dialect=3), TypeError, id="parse-numeric-dialect"),
    pytest.param(lambda: pagedump.tokenize("x", dialect=3), TypeError,
                 id="tokenize-numeric-dialect"),
    pytest.param(lambda: pagedump.to_dict({}), TypeError, id="to_dict-dict"),
    pytest.param(lambda: pagedump.from_dict([]), ValueError, id="from_dict-list"),
    pytest.param(lambda: pagedump.from_json("{"), ValueError, id="from_json-invalid"),
    pytest.param(lambda: pagedump.from_json(3), TypeError, id="from_json-int"),
    pytest.param(lambda: pagedump.register_dialect("daily8"), TypeError,
                 id="register-a-name"),
    pytest.param(lambda: pagedump.register_dialect(pagedump.DAILY8), DialectExistsError,
                 id="register-a-taken-name"),
    pytest.param(lambda: pagedump.get_dialect("nope"), LookupError, id="get-unknown-dialect"),
    pytest.param(lambda: pagedump.unregister_dialect("nope"), LookupError,
                 id="unregister-unknown-dialect"),
    pytest.param(lambda: pagedump.unregister_dialect("daily8"), ValueError,
                 id="unregister-built-in-dialect"),
    pytest.param(lambda: pagedump.unregister_dialect(pagedump.DAILY8), TypeError,
                 id="unregister-a-dialect-value"),
    pytest.param(lambda: pagedump.Dialect(name="x", chrome="logo"), ValueError,
                 id="dialect-str-for-a-set"),
    pytest.param(lambda: pagedump.Dialect(name="x", teasers="cardz"), ValueError,
                 id="dialect-unknown-teasers"),
    pytest.param(lambda: pagedump.sniff("x", candidates="daily8"), TypeError,
                 id="sniff-a-name-as-candidates"),
    pytest.param(lambda: pagedump.sniff("x", candidates=[3]), TypeError,
                 id="sniff-numeric-candidate"),
    pytest.param(lambda: pagedump.sniff_report("x", candidates=["nope"]), LookupError,
                 id="sniff-report-unknown-candidate"),
    pytest.param(lambda: pagedump.sniff_report(b"x"), TypeError, id="sniff-report-bytes"),
]


@pytest.mark.parametrize(("call", "builtin"), MISUSE)
def test_misuse_raises_a_pagedump_error_that_is_also_the_builtin(call, builtin) -> None:
    with pytest.raises(builtin) as info:
        call()

    assert isinstance(info.value, PagedumpError)


# -- exceptions travel: pickling (process pools, copy.copy) keeps their data ---------------

INSTANCES = [
    pytest.param(InputTypeError("text", bytes, "decode the bytes first"),
                 {"argument": "text", "received": bytes}, id="InputTypeError"),
    pytest.param(NaiveDatetimeError("fetched_at", NAIVE),
                 {"argument": "fetched_at", "value": NAIVE}, id="NaiveDatetimeError"),
    pytest.param(DialectNotFoundError("daily9", ("daily8",)),
                 {"name": "daily9", "known": ("daily8",)}, id="DialectNotFoundError"),
    pytest.param(DialectExistsError("daily8"), {"name": "daily8"}, id="DialectExistsError"),
    pytest.param(DialectError("chrome", "got int", "an iterable of str", index=2),
                 {"field": "chrome", "reason": "got int", "accepted": "an iterable of str",
                  "index": 2}, id="DialectError"),
    pytest.param(BuiltInDialectError("daily8"), {"name": "daily8"}, id="BuiltInDialectError"),
    pytest.param(SchemaError("invalid value for type, expected PageKind @ $.kind"),
                 {"detail": "invalid value for type, expected PageKind @ $.kind"},
                 id="SchemaError"),
    pytest.param(DecodeError("dump.txt", 8, "utf-8", "invalid start byte"),
                 {"source": "dump.txt", "offset": 8, "encoding": "utf-8",
                  "reason": "invalid start byte"}, id="DecodeError"),
]


@pytest.mark.parametrize(("error", "attributes"), INSTANCES)
def test_exception_carries_its_data_attributes(error, attributes) -> None:
    assert {name: getattr(error, name) for name in attributes} == attributes


@pytest.mark.parametrize(("error", "attributes"), INSTANCES)
def test_exception_survives_pickling_with_its_message_and_data(error, attributes) -> None:
    clone = pickle.loads(pickle.dumps(error))

    assert type(clone) is type(error)
    assert str(clone) == str(error)
    assert {name: getattr(clone, name) for name in attributes} == attributes
