"""pagedump.read_wet: Common Crawl WET files in, pages with their URL and fetch time out.

The WET files are written here with fastwarc itself (the library read_wet uses), as
Common Crawl writes them: a warcinfo record, then one conversion record per page, each
record its own gzip member (or the same records uncompressed).
"""

from __future__ import annotations

import codecs
import gzip
import importlib
import io
import json
import pickle
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster
from fastwarc.warc import WarcRecordType

import pagedump
from pagedump.dask import COLUMNS, parse_wet, to_row
from pagedump.exceptions import PagedumpError, WetError
from wet import WARC_DATE, warc_record

FETCHED_AT = datetime(2025, 7, 14, 12, tzinfo=UTC)
TIMEOUT = 60  # seconds, for the Dask cluster


# -- writing WET files -----------------------------------------------------------------


def warcinfo() -> bytes:
    return warc_record(b"software: pagedump tests\r\n", record_type=WarcRecordType.warcinfo,
                       number=999_999)


def page_record(text: str, number: int, *, host: str = "daily8.com",
                date: str = WARC_DATE) -> bytes:
    return warc_record(text.encode("utf-8"), url=f"https://{host}/article/{number}",
                       date=date, number=number)


def members(records: list[bytes], *, compressed: bool) -> list[bytes]:
    """The records as they lie in the file: one gzip member each, or as they are."""
    return [gzip.compress(record) for record in records] if compressed else records


def wet_file(path: Path, records: list[bytes], *, compressed: bool = True) -> Path:
    path.write_bytes(b"".join(members([warcinfo(), *records], compressed=compressed)))
    return path


@pytest.fixture(params=[True, False], ids=["gzip", "plain"])
def compressed(request) -> bool:
    return request.param


@pytest.fixture
def pages(daily8_dumps) -> list[bytes]:
    return [page_record(dump.text, number) for number, dump in enumerate(daily8_dumps)]


def items(path_or_file, **options):
    return list(pagedump.read_wet(path_or_file, **options))


def urls(found) -> list[str | None]:
    return [item.url for item in found]


# -- reading ---------------------------------------------------------------------------


def test_records_carry_url_fetch_time_text_id_and_offset(tmp_path, daily8_dumps, compressed):
    records = [page_record(dump.text, n) for n, dump in enumerate(daily8_dumps)]
    path = wet_file(tmp_path / "crawl.warc.wet", records, compressed=compressed)
    laid_out = members([warcinfo(), *records], compressed=compressed)

    found = items(path)

    assert [item.text for item in found] == [dump.text for dump in daily8_dumps]
    assert urls(found) == [f"https://daily8.com/article/{n}" for n in range(len(records))]
    assert all(item.fetched_at == FETCHED_AT for item in found)
    assert all(item.fetched_at.utcoffset() == timedelta(0) for item in found)
    assert found[1].record_id == "<urn:uuid:00000000-0000-0000-0000-000000000001>"
    starts = [sum(len(member) for member in laid_out[:n]) for n in range(1, len(laid_out))]
    assert [item.offset for item in found] == starts


def test_an_offset_is_where_the_record_can_be_read_alone(tmp_path, pages):
    path = wet_file(tmp_path / "crawl.warc.wet.gz", pages)
    third = items(path)[2]

    with path.open("rb") as stream:
        stream.seek(third.offset)
        alone = next(pagedump.read_wet(stream))

    assert alone == third


def test_relative_times_resolve_against_the_warc_date(tmp_path, seed_text):
    path = wet_file(tmp_path / "seed.warc.wet.gz",
                    [page_record(seed_text, 0, date="2025-08-01T06:30:00Z")])

    (record,) = items(path)
    page = pagedump.parse(record.text, fetched_at=record.fetched_at)

    assert record.fetched_at == datetime(2025, 8, 1, 6, 30, tzinfo=UTC)
    assert page.article.published.text == "4 days ago"
    assert page.article.published.value == record.fetched_at - timedelta(days=4)


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-07-14T12:00:00Z", FETCHED_AT),
    ("2025-07-14T12:00:00.250Z", FETCHED_AT + timedelta(milliseconds=250)),
    ("2025-07-14T12:00:00", FETCHED_AT),  # WARC dates are UTC, written or not
    ("2025-07-14T21:00:00+09:00", FETCHED_AT),
])
def test_warc_dates_are_aware(tmp_path, date, expected):
    path = wet_file(tmp_path / "dates.warc.wet.gz", [page_record("text", 0, date=date)])

    (record,) = items(path)

    assert record.fetched_at == expected
    assert record.fetched_at.utcoffset() is not None


def test_paths_and_binary_files_read_alike(tmp_path, pages, compressed):
    path = wet_file(tmp_path / "crawl.warc.wet", pages, compressed=compressed)

    with path.open("rb") as stream:
        from_file = items(stream)
        assert not stream.closed
    from_bytes = items(io.BytesIO(path.read_bytes()))

    assert from_file == from_bytes == items(str(path)) == items(path)


def test_text_is_decoded_bom_aware_and_a_cut_character_tolerated(tmp_path):
    payloads = [b"\xef\xbb\xbfBOM first", "cut at the end: caf\u00e9".encode()[:-1]]
    path = wet_file(tmp_path / "text.warc.wet.gz", [
        warc_record(payload, url=f"https://daily8.com/{n}", number=n)
        for n, payload in enumerate(payloads)])

    assert [item.text for item in items(path)] == ["BOM first", "cut at the end: caf\ufffd"]


def test_records_other_than_conversions_are_passed_over(tmp_path):
    path = wet_file(tmp_path / "mixed.warc.wet.gz", [
        page_record("one", 1),
        warc_record(b"meta", url="https://daily8.com/m", record_type=WarcRecordType.metadata),
        page_record("two", 2),
    ])

    assert [item.text for item in items(path)] == ["one", "two"]


# -- damage ----------------------------------------------------------------------------


def layout(tmp_path: Path, parts: list[bytes], name: str = "damaged.warc.wet") -> Path:
    path = tmp_path / name
    path.write_bytes(b"".join(parts))
    return path


def test_a_record_that_is_not_utf8_is_reported_alone(tmp_path, compressed):
    good = [page_record(f"page {n}", n) for n in range(3)]
    bad = warc_record(b"caf\xe9 latin-1", url="https://daily8.com/latin", number=7)
    parts = members([good[0], bad, good[1], good[2]], compressed=compressed)
    path = layout(tmp_path, parts)

    found = items(path)

    assert [type(item) for item in found] == [
        pagedump.WetRecord, WetError, pagedump.WetRecord, pagedump.WetRecord]
    error = found[1]
    assert error.offset == len(parts[0])
    assert error.url == "https://daily8.com/latin"
    assert error.payload_offset == 3
    assert error.reason.startswith("cannot decode byte 3 of the payload")
    assert error.reason.endswith(" as UTF-8 (invalid continuation byte)")
    assert str(error) == f"{path}:{error.offset}: https://daily8.com/latin: {error.reason}"


DAMAGED_PAYLOADS = [
    pytest.param(b"\xff\xfe broken bytes \xfa\n", 0, id="starts-like-a-utf16-mark"),
    pytest.param(b"\xfe\xffbroken bytes and more\n", 0, id="starts-like-a-utf16-be-mark"),
    pytest.param(codecs.BOM_UTF32_LE + "text".encode("utf-32-le"), 0, id="utf32-with-mark"),
    pytest.param(codecs.BOM_UTF16_LE + "Héadline\n\nA real paragraph.\n".encode("utf-16-le"),
                 0, id="real-utf16-with-mark"),
    pytest.param(codecs.BOM_UTF8 + b"Caf\xe9 au lait\n", 6, id="utf8-mark-then-latin-1"),
    pytest.param("Stra\u00dfe ".encode() * 40 + b"\x80 stray\n", 320, id="stray-byte-far-in"),
]


@pytest.mark.parametrize(("payload", "bad_byte"), DAMAGED_PAYLOADS)
def test_a_payload_that_is_not_utf8_is_damage_never_another_encoding(
        tmp_path, compressed, payload, bad_byte):
    records = [page_record(f"Headline {n}\n\nParagraph {n}.\n", n) for n in range(3)]
    damaged = warc_record(payload, url="https://daily8.com/damaged", number=9)
    parts = members([warcinfo(), records[0], damaged, records[1], records[2]],
                    compressed=compressed)
    path = layout(tmp_path, parts)

    found = items(path)

    assert [getattr(item, "text", None) for item in found] == [
        "Headline 0\n\nParagraph 0.\n", None, "Headline 1\n\nParagraph 1.\n",
        "Headline 2\n\nParagraph 2.\n"]
    error = found[1]
    assert isinstance(error, WetError)
    assert (error.source, error.url) == (str(path), "https://daily8.com/damaged")
    assert error.offset == len(parts[0]) + len(parts[1])
    assert error.payload_offset == bad_byte
    if compressed:
        # A byte inside a gzip member has no offset in the compressed file.
        assert error.file_offset is None
        where = f"byte {bad_byte} of the payload"
    else:
        data = path.read_bytes()
        assert data[error.file_offset:error.file_offset + 8] == payload[bad_byte:bad_byte + 8]
        assert data.index(payload) + bad_byte == error.file_offset
        where = f"byte {bad_byte} of the payload (byte {error.file_offset} of the file)"
    assert error.reason.startswith(f"cannot decode {where} as UTF-8 (")
    assert str(error) == f"{path}:{error.offset}: https://daily8.com/damaged: {error.reason}"


def test_a_damaged_payload_is_skipped_or_raised_as_asked(tmp_path):
    records = [page_record("one", 1), warc_record(b"\xff\xfe broken bytes \xfa\n",
                                                  url="https://daily8.com/2", number=2),
               page_record("three", 3)]
    path = wet_file(tmp_path / "damaged.warc.wet.gz", records)

    skipped = items(path, errors="skip")
    raising = pagedump.read_wet(path, errors="raise")

    assert [item.text for item in skipped] == ["one", "three"]
    assert next(raising).text == "one"
    with pytest.raises(WetError, match=r"https://daily8\.com/2: cannot decode byte 0 of the "
                                       r"payload as UTF-8 \(invalid start byte\)"):
        next(raising)


def test_a_file_cut_in_its_last_gzip_member_keeps_every_earlier_record(tmp_path, pages):
    parts = members(pages, compressed=True)
    whole = b"".join(parts)
    last = len(whole) - len(parts[-1])
    path = layout(tmp_path, [whole[: last + len(parts[-1]) // 2]])

    found = items(path)

    assert [item.text for item in found[:-1]] == [
        item.text for item in items(io.BytesIO(whole))][:-1]
    assert isinstance(found[-1], WetError)
    assert found[-1].offset == last


@pytest.mark.parametrize("cut", [12, 40, 300], ids=["in-gzip-header", "in-warc-header",
                                                     "in-text"])
def test_wherever_the_last_member_is_cut_the_cut_is_reported(tmp_path, cut):
    noise = " ".join(str(n * 7919 % 10007) for n in range(400))  # compresses poorly
    parts = members([page_record("one", 1), page_record(noise, 2)], compressed=True)
    assert len(parts[1]) > 2 * cut
    path = layout(tmp_path, [parts[0], parts[1][:cut]])

    found = items(path)

    assert found[0].text == "one"
    assert [(type(item), item.offset) for item in found[1:]] == [(WetError, len(parts[0]))]


@pytest.mark.parametrize("garbage", [
    b"this is not a record\r\n\x00\x01\x02",
    gzip.compress(b"NOT A WARC RECORD\r\nfoo: bar\r\n\r\nbody"),
], ids=["raw-bytes", "gzip-member"])
def test_garbage_between_records_is_reported_once_and_skipped(tmp_path, garbage, compressed):
    good = members([page_record(f"page {n}", n) for n in range(4)], compressed=compressed)
    path = layout(tmp_path, [good[0], good[1], garbage, good[2], good[3]])

    found = items(path)

    assert [getattr(item, "text", None) for item in found] == [
        "page 0", "page 1", None, "page 2", "page 3"]
    assert found[2].offset == len(good[0]) + len(good[1])
    assert [item.offset for item in found[3:]] == [
        len(good[0]) + len(good[1]) + len(garbage),
        len(good[0]) + len(good[1]) + len(garbage) + len(good[2])]


def test_garbage_at_the_start_is_reported_and_skipped(tmp_path, compressed):
    good = members([page_record("page", 0)], compressed=compressed)
    path = layout(tmp_path, [b"junk before the first record\n", *good])

    found = items(path)

    assert [(type(item), item.offset) for item in found] == [
        (WetError, 0), (pagedump.WetRecord, 29)]


@pytest.mark.parametrize(("header", "replacement", "reason"), [
    (b"Content-Length: ", b"Content-Length: x", "invalid Content-Length"),
    (b"WARC-Date: ", b"WARC-Date: yesterday ", "WARC-Date is not an ISO 8601 time"),
    (b"WARC-Target-URI: ", b"X-Target: ", "no WARC-Target-URI header"),
])
def test_a_broken_header_costs_one_record(tmp_path, compressed, header, replacement, reason):
    good = [page_record(f"page {n}", n) for n in range(3)]
    broken = page_record("broken", 9).replace(header, replacement)
    path = layout(tmp_path, members([good[0], broken, good[1], good[2]],
                                    compressed=compressed))

    found = items(path)

    assert [getattr(item, "text", None) for item in found] == [
        "page 0", None, "page 1", "page 2"]
    assert reason in found[1].reason


def test_a_stream_that_cannot_seek_stops_at_damage_after_reporting_it(compressed):
    good = members([page_record(f"page {n}", n) for n in range(3)], compressed=compressed)

    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    found = items(io.BufferedReader(Pipe(good[0] + b"garbage\r\n" + good[1] + good[2])))

    assert [getattr(item, "text", None) for item in found] == ["page 0", None]
    assert "cannot seek" in found[1].reason


def test_errors_skip_leaves_out_the_damage(tmp_path, pages):
    parts = members(pages, compressed=True)
    path = layout(tmp_path, [parts[0], b"garbage", *parts[1:]])

    assert urls(items(path, errors="skip")) == urls(
        item for item in items(path) if not isinstance(item, WetError))


def test_errors_raise_raises_the_first_damage(tmp_path, pages):
    parts = members(pages, compressed=True)
    path = layout(tmp_path, [parts[0], b"garbage", *parts[1:]])
    records = pagedump.read_wet(path, errors="raise")

    assert next(records).url == "https://daily8.com/article/0"
    with pytest.raises(WetError, match=r"damaged\.warc\.wet:\d+: ") as caught:
        next(records)
    assert isinstance(caught.value, PagedumpError)
    assert isinstance(caught.value, ValueError)


def test_wet_error_survives_pickling():
    error = WetError("a.wet.gz", 42, "cannot decode byte 3 of the payload as UTF-8",
                     url="https://daily8.com/1", payload_offset=3, file_offset=530)

    again = pickle.loads(pickle.dumps(error))

    assert (again.source, again.offset, again.reason, again.url, again.payload_offset,
            again.file_offset, str(again)) == (
        "a.wet.gz", 42, "cannot decode byte 3 of the payload as UTF-8", "https://daily8.com/1",
        3, 530, "a.wet.gz:42: https://daily8.com/1: cannot decode byte 3 of the payload as UTF-8")


def test_a_wet_error_without_a_url_or_a_path_says_where_it_can():
    assert str(WetError("a.wet.gz", 42, "record cut short")) == "a.wet.gz:42: record cut short"
    assert str(WetError(None, 42, "record cut short")) == "offset 42: record cut short"


@pytest.mark.parametrize(("call", "error"), [
    (lambda: pagedump.read_wet("x.wet.gz", errors="ignore"), ValueError),
    (lambda: pagedump.read_wet(b"WARC/1.0"), TypeError),
    (lambda: pagedump.read_wet(42), TypeError),
])
def test_misuse_fails_at_the_call(call, error):
    with pytest.raises(error):
        call()


def test_a_missing_file_fails_when_read(tmp_path):
    records = pagedump.read_wet(tmp_path / "missing.warc.wet.gz")

    with pytest.raises(FileNotFoundError):
        next(records)


def test_without_fastwarc_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)

    with pytest.raises(ImportError, match=r"pip install 'pagedump\[warc\]'"):
        pagedump.read_wet("crawl.warc.wet.gz")


def test_importing_pagedump_does_not_import_fastwarc():
    code = ("import sys, pagedump, pagedump._cli; "
            "print(any(name.startswith('fastwarc') for name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)

    assert result.stdout.strip() == "False"


def test_warc_import_is_lazy_in_the_module():
    module = importlib.import_module("pagedump._warc")

    assert "fastwarc" not in vars(module)


# -- the command -----------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pagedump", "parse", *args],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def crawl(tmp_path, daily8_dumps) -> list[Path]:
    """Two WET files: daily8.com and other hosts mixed, one file damaged."""
    first = [page_record(dump.text, n, host="daily8.com" if n % 2 else "example.org")
             for n, dump in enumerate(daily8_dumps * 20)]
    second = members([page_record(dump.text, 500 + n) for n, dump in enumerate(daily8_dumps)],
                     compressed=True)
    bad = warc_record(b"caf\xe9 au lait", url="https://daily8.com/bad", number=1)
    return [wet_file(tmp_path / "a.warc.wet.gz", first),
            layout(tmp_path, [second[0], gzip.compress(bad), *second[1:]], "b.warc.wet.gz")]


def test_cli_writes_one_line_per_record_with_url_and_fetch_time(crawl, daily8_dumps):
    result = run_cli("--input-format", "wet", "--jobs", "1", str(crawl[0]))

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0, result.stderr
    assert len(lines) == len(daily8_dumps) * 20
    assert list(lines[0]) == ["path", "line", "id", "fetched_at", "page"]
    assert lines[1]["path"] == str(crawl[0])
    assert lines[1]["line"] is None
    assert lines[1]["id"] == "https://daily8.com/article/1"
    assert lines[1]["fetched_at"] == "2025-07-14T12:00:00+00:00"
    expected = pagedump.parse(daily8_dumps[1].text, fetched_at=FETCHED_AT)
    assert lines[1]["page"] == pagedump.to_dict(expected)


def test_cli_reports_damage_with_path_and_offset_and_goes_on(crawl, daily8_dumps):
    result = run_cli("--input-format", "wet", "--jobs", "1", str(crawl[1]))

    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert result.returncode == 1
    assert ids == [f"https://daily8.com/article/{500 + n}" for n in range(len(daily8_dumps))]
    offset = len(gzip.compress(page_record(daily8_dumps[0].text, 500)))
    assert result.stderr == (f"pagedump: {crawl[1]}:{offset}: https://daily8.com/bad: cannot "
                             "decode byte 3 of the payload as UTF-8 (invalid continuation "
                             "byte)\n")


@pytest.mark.parametrize("compressed", [True, False], ids=["gzip", "plain"])
def test_cli_reports_a_payload_that_only_starts_like_utf16(tmp_path, compressed):
    broken = b"\xff\xfe broken bytes \xfa\n"
    records = [page_record("Headline\n\nFirst paragraph.\n", 1),
               warc_record(broken, url="https://daily8.com/broken", number=2),
               page_record("Headline\n\nLast paragraph.\n", 3)]
    path = wet_file(tmp_path / "damaged.warc.wet", records, compressed=compressed)
    data = path.read_bytes()
    offset = len(b"".join(members([warcinfo(), records[0]], compressed=compressed)))

    result = run_cli("--input-format", "wet", "--jobs", "1", str(path))

    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "https://daily8.com/article/1", "https://daily8.com/article/3"]
    where = "byte 0 of the payload"
    if not compressed:
        where += f" (byte {data.index(broken)} of the file)"
    assert result.stderr == (f"pagedump: {path}:{offset}: https://daily8.com/broken: cannot "
                             f"decode {where} as UTF-8 (invalid start byte)\n")


def test_cli_output_is_the_same_with_one_or_two_jobs(crawl):
    one = run_cli("--input-format", "wet", "--jobs", "1", *map(str, crawl))
    two = run_cli("--input-format", "wet", "--jobs", "2", *map(str, crawl))

    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert len(one.stdout.splitlines()) > 64  # more than one batch: the workers did run


def test_cli_url_match_keeps_only_matching_pages(crawl):
    result = run_cli("--input-format", "wet", "--url-match", r"^https://daily8\.com/",
                     "--jobs", "2", str(crawl[0]))

    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert result.returncode == 0, result.stderr
    assert ids
    assert all(url.startswith("https://daily8.com/") for url in ids)
    assert len(ids) == len(result.stdout.splitlines())
    assert "https://daily8.com/article/1" in ids


def test_cli_reads_a_directory_of_wet_files_in_order(crawl):
    result = run_cli("--input-format", "wet", "--jobs", "1", str(crawl[0].parent))

    paths = [json.loads(line)["path"] for line in result.stdout.splitlines()]
    assert paths == sorted(paths)
    assert set(paths) == {str(path) for path in crawl}


@pytest.mark.parametrize(("args", "message"), [
    (["--url-match", "daily8", "x.txt"], "--url-match only applies to --input-format wet"),
    (["--input-format", "wet", "--url-match", "(", "x"], "not a regular expression"),
    (["--input-format", "wet", "--fetched-at", "2025-07-14T12:00:00Z", "x"],
     "--fetched-at does not apply to --input-format wet"),
    (["--input-format", "wet", "--text-field", "body", "x"], "only apply to --input-format jsonl"),
])
def test_cli_usage_errors(args, message):
    result = run_cli(*args)

    assert result.returncode == 2
    assert message in result.stderr


# -- Dask ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                     dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2, timeout=TIMEOUT)
        yield client


def test_dask_parses_one_partition_per_file_like_the_serial_loop(client, crawl):
    bag = parse_wet([str(path) for path in crawl])
    assert isinstance(bag, db.Bag)
    assert bag.npartitions == 2

    rows = client.compute(bag).result(timeout=TIMEOUT)

    expected = []
    for path in crawl:
        for item in pagedump.read_wet(path):
            if isinstance(item, WetError):
                expected.append(f"{path}:{item.offset}: {item.reason}")
            else:
                page = pagedump.parse(item.text, fetched_at=item.fetched_at)
                expected.append(to_row(page, record_id=item.url, fetched_at=item.fetched_at))
    assert [row["error"] or row for row in rows] == expected
    assert [list(row) for row in rows] == [[name for name, _ in COLUMNS]] * len(rows)


def test_dask_url_match_and_nested_rows(client, crawl):
    bag = parse_wet([str(crawl[0])], url_match=r"daily8\.com", flatten=False)

    rows = client.compute(bag).result(timeout=TIMEOUT)

    assert rows
    assert all("daily8.com" in row["id"] for row in rows)
    assert all(row["fetched_at"] == "2025-07-14T12:00:00+00:00" for row in rows)
    assert pagedump.from_dict(rows[0]["page"]).site == "daily8"


def test_dask_rejects_a_single_path_string():
    with pytest.raises(TypeError, match="list of paths"):
        parse_wet("one.warc.wet.gz")
