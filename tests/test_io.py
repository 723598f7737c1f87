"""Reading dumps from files and bytes: encodings, byte-order marks, cut characters."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime
from pathlib import Path

import pytest

import pagedump
from pagedump.exceptions import DecodeError, PagedumpError

DUMP = "logo\nHéadline — ¥12,300\n\nHéadline — ¥12,300\n\nNHK2 hours ago\nFirst paragraph."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(DUMP.encode("utf-8"), DUMP, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + DUMP.encode("utf-8"), DUMP, id="utf-8 with BOM"),
        pytest.param(codecs.BOM_UTF16_LE + DUMP.encode("utf-16-le"), DUMP, id="utf-16-le BOM"),
        pytest.param(codecs.BOM_UTF16_BE + DUMP.encode("utf-16-be"), DUMP, id="utf-16-be BOM"),
        pytest.param(codecs.BOM_UTF32_LE + DUMP.encode("utf-32-le"), DUMP, id="utf-32-le BOM"),
    ],
)
def test_load_honours_byte_order_marks(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(data)

    assert pagedump.load(path) == expected
    assert pagedump.parse_bytes(data) == pagedump.parse(expected)


def test_a_character_cut_at_the_end_becomes_a_replacement_character() -> None:
    data = "Cut inside a dash —".encode()[:-1]  # the byte cut split the em dash

    page = pagedump.parse_bytes(data, dialect="daily8")

    assert page.article is not None
    assert page.article.headline == "Cut inside a dash \ufffd"


def test_undecodable_bytes_name_the_file_and_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Headline\nCaf\xe9 owners say\n")

    with pytest.raises(DecodeError) as caught:
        pagedump.load(path)

    error = caught.value
    assert isinstance(error, PagedumpError)
    assert isinstance(error, ValueError)
    assert error.source == str(path)
    assert error.offset == 12
    assert error.encoding == "utf-8"
    assert str(path) in str(error)
    assert "offset 12" in str(error)
    assert "fallback=" in str(error)


def test_an_explicit_fallback_encoding_reads_what_utf8_cannot(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Headline\nCaf\xe9 owners say\n")

    assert pagedump.load(path, fallback="cp1252") == "Headline\nCafé owners say\n"


def test_a_fallback_that_fails_too_reports_the_fallback() -> None:
    with pytest.raises(DecodeError) as caught:
        pagedump.parse_bytes(b"ok \x81 not", fallback="ascii")

    assert caught.value.encoding == "ascii"
    assert caught.value.offset == 3


def test_an_unknown_encoding_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="unknown encoding"):
        pagedump.parse_bytes(b"text", encoding="no-such-codec")


def test_parse_bytes_passes_fetched_at_and_dialect_on() -> None:
    fetched = datetime(2025, 7, 14, 12, tzinfo=UTC)
    page = pagedump.parse_bytes(DUMP.encode(), fetched_at=fetched, dialect="daily8")

    assert page.article is not None
    assert page.article.published is not None
    assert page.article.published.value == datetime(2025, 7, 14, 10, tzinfo=UTC)
    # The dump sniffs as Daily8: only a dialect passed on makes it read as another.
    generic = pagedump.parse_bytes(DUMP.encode(), fetched_at=fetched, dialect="generic")
    assert generic.site == "generic"
    assert generic == pagedump.parse(DUMP, fetched_at=fetched, dialect="generic")


@pytest.mark.parametrize("value", ["text", 42, None])
def test_parse_bytes_refuses_what_is_not_bytes(value: object) -> None:
    with pytest.raises(TypeError, match="must be bytes"):
        pagedump.parse_bytes(value)  # type: ignore[arg-type]


def test_parse_names_parse_bytes_when_given_bytes() -> None:
    with pytest.raises(TypeError, match=r"parse_bytes"):
        pagedump.parse(DUMP.encode())  # type: ignore[arg-type]
