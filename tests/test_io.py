"""Reading dumps from files and bytes: encodings, byte-order marks, cut characters."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pagedump
from pagedump._io import decode
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
        pytest.param(codecs.BOM_UTF32_BE + DUMP.encode("utf-32-be"), DUMP, id="utf-32-be BOM"),
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


# -- UTF-16 and UTF-32 byte-order marks: taken only when the text bears them out --------

WIDE = [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)]
WIDE_IDS = [name for name, _ in WIDE]


CORPUS = sorted((Path(__file__).parent / "data").glob("**/*.txt"))


@pytest.mark.parametrize(("encoding", "bom"), WIDE, ids=WIDE_IDS)
def test_real_dumps_with_a_wide_byte_order_mark_load(
        tmp_path: Path, encoding: str, bom: bytes) -> None:
    # Every dump of the test corpus, in many languages; some hold private-use characters
    # (icon fonts, up to 2%) or stray control characters.
    assert len(CORPUS) > 700
    path = tmp_path / "dump.txt"
    for dump in CORPUS:
        text = dump.read_bytes().decode("utf-8")
        path.write_bytes(bom + text.encode(encoding))

        assert pagedump.load(path) == text, dump.name


@pytest.mark.parametrize("text", [
    "", "你好", "你好\n", "Schöne Grüße", "\U0001f600",
    "Newer than these tables: \U0001fae8 (an emoji), \U0003fffd (plane 3)\n",
    "logo\n\ue853 Rezept drucken\nHeadline\n" + "A paragraph, long enough. " * 4,
])
@pytest.mark.parametrize(("encoding", "bom"), WIDE, ids=WIDE_IDS)
def test_short_texts_with_their_mark_load(text: str, encoding: str, bom: bytes) -> None:
    assert pagedump.parse_bytes(bom + text.encode(encoding)) == pagedump.parse(text)


DAMAGED_AT_START = b"\xff\xfe broken bytes \xfa\n"
"""Bytes damaged in transit that start like a UTF-16 LE byte-order mark: read as UTF-16,
they would be the paragraph 戠潲敫⁮祢整⁳ૺ."""


@pytest.mark.parametrize(("data", "offset", "encoding", "why"), [
    pytest.param(DAMAGED_AT_START, 8, "utf-16-le", "U+206E is an invisible format character",
                 id="the-damaged-bytes"),
    pytest.param(b"\xfe\xffbroken bytes and more\n", 8, "utf-16-be",
                 "U+2062 is an invisible format character", id="ascii-behind-be-mark"),
    pytest.param(b"\xff\xfeBytes are damaged\n", 6, "utf-16-le", "U+2073 is unassigned",
                 id="ascii-behind-le-mark"),
    pytest.param(b"\xff\xfe" + b"Some ordinary text, damaged at its start.\n" * 4, 28,
                 "utf-16-le", "U+2064 is an invisible format character", id="longer-ascii"),
    pytest.param(b"\xff\xfe" + "中华人民共和国国务院".encode(), 4, "utf-16-le",
                 "private-use characters make more than 5% of the 15 characters",
                 id="utf8-cjk-behind-mark"),
    pytest.param(b"\xff\xfe" + "Нормальный текст, без пробелов?".encode().replace(b" ", b"")
                 * 3, 2, "utf-16-le", "no character below U+0100", id="long-and-spaceless"),
    pytest.param(b"\xff\xfeok" + b"\x00\xd8" + b"ok", 4, "utf-16-le",
                 "illegal UTF-16 surrogate", id="lone-surrogate"),
    pytest.param(b"\xff\xfe" + "text\x01\x02".encode("utf-16-le"), 10, "utf-16-le",
                 "control characters make more than 1%", id="controls"),
    pytest.param(codecs.BOM_UTF32_BE + b"\x00\x00\x00A\x7f\x00\x00\x00", 8, "utf-32-be",
                 "code point not in range", id="utf32-out-of-range"),
])
def test_a_wide_mark_the_text_does_not_bear_out_is_a_decode_error(
        tmp_path: Path, data: bytes, offset: int, encoding: str, why: str) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)

    with pytest.raises(DecodeError) as caught:
        pagedump.load(path)

    error = caught.value
    assert (error.source, error.offset, error.encoding) == (str(path), offset, encoding)
    assert why in error.reason
    assert f"the {encoding.upper()} byte-order mark is not trusted" in error.reason
    assert str(error).startswith(f"{path}: cannot decode byte offset {offset} as {encoding} (")
    with pytest.raises(DecodeError) as again:
        pagedump.parse_bytes(data)
    assert (again.value.offset, again.value.encoding) == (offset, encoding)


def test_a_fallback_reads_bytes_whose_mark_is_not_taken(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(DAMAGED_AT_START)

    assert pagedump.load(path, fallback="cp1252") == "ÿþ broken bytes ú\n"


def test_an_encoding_the_caller_names_is_their_choice() -> None:
    # A non-UTF encoding named by the caller reads the bytes whose mark is not taken;
    # naming the mark's own encoding reads them in it, plausible or not.
    assert decode(DAMAGED_AT_START, encoding="cp1252") == "ÿþ broken bytes ú\n"
    for named in ("utf-16", "UTF-16LE", "utf_16_le"):
        assert decode(DAMAGED_AT_START, encoding=named) == "戠潲敫⁮祢整⁳ૺ"
    # A mark the text bears out wins over a named encoding, as it always has.
    assert decode(codecs.BOM_UTF16_LE + DUMP.encode("utf-16-le"),
                               encoding="cp1252") == DUMP


@pytest.mark.parametrize(("options", "offset", "encoding"), [
    pytest.param({"fallback": "ascii"}, 10, "utf-16-le", id="fallback-fails-on-the-mark"),
    pytest.param({"encoding": "cp1252"}, 4, "cp1252", id="named-fails-after-the-mark"),
])
def test_when_nothing_reads_the_bytes_the_error_says_most(options, offset, encoding) -> None:
    # A reading that fails on the mark itself says nothing new: the error then tells
    # why the mark was not taken. One that fails further on is the caller's to see.
    data = DAMAGED_AT_START[:4] + b"\x81x" + DAMAGED_AT_START[4:]

    with pytest.raises(DecodeError) as caught:
        pagedump.parse_bytes(data, **options)

    assert (caught.value.offset, caught.value.encoding) == (offset, encoding)


def test_an_unknown_fallback_is_reported_as_such_after_a_mark() -> None:
    with pytest.raises(DecodeError, match="unknown encoding") as caught:
        pagedump.parse_bytes(DAMAGED_AT_START, fallback="no-such-codec")

    assert caught.value.encoding == "no-such-codec"


def test_offsets_after_a_utf8_mark_count_from_the_start_of_the_file() -> None:
    with pytest.raises(DecodeError) as caught:
        pagedump.parse_bytes(codecs.BOM_UTF8 + b"Caf\xe9 au lait")

    assert caught.value.offset == 6


def _plausible_text() -> st.SearchStrategy[str]:
    """Text as pages hold it: letters of any script, digits, punctuation, spaces, breaks."""
    return st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"])
                   | st.sampled_from("\n\r\t "))


@given(_plausible_text(), st.sampled_from(WIDE))
def test_any_plausible_text_behind_its_own_mark_loads(text: str, wide: tuple[str, bytes]) -> None:
    encoding, bom = wide
    text = "".join(char for char in text
                   if unicodedata.category(char) != "Cn" and not 0x2061 <= ord(char) <= 0x206F)

    assert decode(bom + text.encode(encoding)) == text


@given(st.text(min_size=128).filter(lambda text: "\x00" not in text),
       st.sampled_from([codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
def test_utf8_text_behind_a_utf16_mark_is_never_read_as_utf16(text: str, bom: bytes) -> None:
    # 128 bytes or more, none of them zero: read as UTF-16, 64 characters or more, and
    # none below U+0100 (each would need a zero byte).
    with pytest.raises(DecodeError):
        decode(bom + text.encode("utf-8"))
