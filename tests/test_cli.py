"""The ``pagedump`` command, run for real in a subprocess (``python -m pagedump``)."""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import pagedump

FETCHED = "2025-07-14T12:00:00+00:00"
FETCHED_AT = datetime(2025, 7, 14, 12, tzinfo=UTC)
DUMP = ("logo\nHeadline {n}\n\nHeadline {n}\n\nNHK2 hours ago\n"
        "First paragraph of story {n}, long enough to be read as a paragraph of the story.\n")
KIND_WIDTH = max(len(kind.value) for kind in pagedump.LineKind)


# -- helpers ---------------------------------------------------------------------------


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pagedump", *args]


def environment(**overrides: str) -> dict[str, str]:
    """The test's environment without colour preferences, plus ``overrides``."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env["TERM"] = "xterm"
    return env | overrides


def run(*args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    done = subprocess.run(command(*args), input=data, capture_output=True,
                          env=env or environment(), timeout=120, check=False)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode(), done.stderr.decode())


def page_json(text: str, fetched_at: datetime | None = FETCHED_AT) -> str:
    return pagedump.to_json(pagedump.parse(text, fetched_at=fetched_at)) + "\n"


def page_dict(text: str, fetched_at: datetime | None = FETCHED_AT) -> dict[str, Any]:
    return pagedump.to_dict(pagedump.parse(text, fetched_at=fetched_at))


def json_lines(output: str) -> list[dict[str, Any]]:
    # JSON Lines are split on "\n" only: a page may hold U+2028, which splitlines() cuts.
    assert output.endswith("\n") or not output
    return [json.loads(line) for line in output.split("\n")[:-1]]


def wrapped(path: Path | str, text: str, **identity: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"path": str(path), "line": None, "id": None, "fetched_at": FETCHED}
    return record | identity | {"page": page_dict(text)}


def write_dumps(directory: Path, names: Sequence[str]) -> list[Path]:
    paths = []
    for n, name in enumerate(names):
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DUMP.format(n=n), encoding="utf-8")
        paths.append(path)
    return paths


def write_records(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for n in range(count):
            stream.write(json.dumps({"id": n, "text": DUMP.format(n=n)}) + "\n")
    return path


def read_terminal(primary: int) -> bytes:
    """Everything written to a pseudo-terminal until its last writer closes it."""
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def run_on_terminal(*args: str, stream: str, env: dict[str, str] | None = None,
                    ) -> tuple[int, bytes]:
    """Run with ``stream`` ("stdout" or "stderr") on a terminal; return status and output."""
    pty = pytest.importorskip("pty", reason="needs pseudo-terminals")
    primary, secondary = pty.openpty()
    streams: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    streams[stream] = secondary
    with subprocess.Popen(command(*args), env=env or environment(), **streams) as process:
        os.close(secondary)
        captured = read_terminal(primary)
    os.close(primary)
    return process.returncode, captured


def wait_for_line(path: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while b"\n" not in (path.read_bytes() if path.exists() else b""):
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "no output line in time"
        time.sleep(0.02)


@pytest.fixture
def dumps(tmp_path: Path) -> list[Path]:
    return write_dumps(tmp_path, ["one.txt", "two.txt", "three.txt"])


@pytest.fixture(scope="module")
def many_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough records that a run takes seconds: long enough to interrupt."""
    return write_records(tmp_path_factory.mktemp("many") / "records.jsonl", 50_000)


# -- the program -----------------------------------------------------------------------


def test_the_installed_console_script_runs(seed_text: str, daily8_dir: Path) -> None:
    script = Path(sys.executable).with_name("pagedump")
    assert script.exists(), "reinstall: .venv/bin/pip install -e '.[test]'"

    done = subprocess.run([str(script), "parse", str(daily8_dir / "daily8-000-seed.txt"),
                           "--fetched-at", FETCHED], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False)

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == page_json(seed_text)


@pytest.mark.parametrize("option", [
    "INPUT", "--input-format", "--glob", "--encoding", "--fallback-encoding", "--text-field",
    "--id-field", "--time-field", "--dialect", "--fetched-at", "--output", "--resume",
    "--indent", "--jobs", "--quiet",
])
def test_parse_help_lists_every_option(option: str) -> None:
    done = run("parse", "--help")

    assert done.returncode == 0
    assert option in done.stdout


def test_tokens_help_lists_its_options() -> None:
    done = run("tokens", "--help")

    assert done.returncode == 0
    for option in ("FILE", "--color", "--encoding", "--dialect"):
        assert option in done.stdout


# -- usage errors ----------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    pytest.param([], "required: COMMAND", id="no command"),
    pytest.param(["parse"], "INPUT", id="no input"),
    pytest.param(["parse", "--fetched-at", "2025-07-14T12:00:00", "{dump}"], "no time zone",
                 id="naive fetched-at"),
    pytest.param(["parse", "--fetched-at", "last week", "{dump}"], "not an ISO 8601 time",
                 id="bad fetched-at"),
    pytest.param(["parse", "--dialect", "nosuch", "{dump}"], "'daily8'", id="unknown dialect"),
    pytest.param(["parse", "--jobs", "0", "{dump}"], "must be 1 or more", id="no jobs"),
    pytest.param(["parse", "--indent", "-2", "{dump}"], "must be 0 or more", id="indent"),
    pytest.param(["parse", "--encoding", "klingon", "{dump}"], "unknown encoding",
                 id="unknown encoding"),
    pytest.param(["parse", "--input-format", "xml", "{dump}"], "invalid choice", id="format"),
    pytest.param(["parse", "--time-field", "at", "{dump}"], "only apply to --input-format jsonl",
                 id="jsonl option on text"),
    pytest.param(["parse", "--output", "{tmp}/no/such/dir/out.json", "{dump}"], "cannot write",
                 id="unwritable output"),
    pytest.param(["tokens", "--color", "sometimes", "{dump}"], "invalid choice", id="color"),
])
def test_usage_errors_exit_2_with_a_message(tmp_path: Path, dumps: list[Path], args: list[str],
                                            message: str) -> None:
    args = [a.format(dump=dumps[0], tmp=tmp_path) for a in args]

    done = run(*args)

    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr
    assert "usage: pagedump" in done.stderr
    assert "Traceback" not in done.stderr


# -- one input: one JSON document ------------------------------------------------------


def test_one_file_prints_its_page(seed_text: str, daily8_dir: Path) -> None:
    done = run("parse", str(daily8_dir / "daily8-000-seed.txt"), "--fetched-at", FETCHED)

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == page_json(seed_text)


def test_indent_applies_to_a_single_document(seed_text: str, daily8_dir: Path) -> None:
    done = run("parse", "--indent", "2", str(daily8_dir / "daily8-000-seed.txt"))

    assert done.returncode == 0
    expected = pagedump.to_json(pagedump.parse(seed_text), indent=2) + "\n"
    assert done.stdout == expected


def test_standard_input(seed_text: str) -> None:
    done = run("parse", "-", "--fetched-at", "2025-07-14T12:00:00Z", stdin=seed_text)

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == page_json(seed_text)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_decide_the_encoding(tmp_path: Path, encoding: str) -> None:
    text = DUMP.format(n="— ¥12,300")
    path = tmp_path / "dump.txt"
    path.write_bytes(text.encode(encoding))

    done = run("parse", str(path), "--fetched-at", FETCHED)

    assert done.returncode == 0
    assert done.stdout == page_json(text)


def test_undecodable_input_is_reported_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Headline\nCaf\xe9 owners say\n")

    done = run("parse", str(path))

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (f"pagedump: {path}: cannot decode byte 12 as utf-8 (invalid "
                           "continuation byte); try --fallback-encoding cp1252\n")


def test_a_file_that_only_starts_like_utf16_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(b"\xff\xfe broken bytes \xfa\n")  # not UTF-16 text: damage

    done = run("parse", str(path))
    rescued = run("parse", "--fallback-encoding", "cp1252", str(path))

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (f"pagedump: {path}: cannot decode byte 8 as utf-16-le (U+206E is "
                           "an invisible format character: the UTF-16-LE byte-order mark is "
                           "not trusted); try --fallback-encoding cp1252\n")
    assert (rescued.returncode, rescued.stderr) == (0, "")
    assert rescued.stdout == page_json("ÿþ broken bytes ú\n", fetched_at=None)


@pytest.mark.parametrize("option", ["--encoding", "--fallback-encoding"])
def test_other_encodings_on_request(tmp_path: Path, option: str) -> None:
    text = DUMP.format(n="Café")
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))

    done = run("parse", option, "cp1252", str(path), "--fetched-at", FETCHED)

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == page_json(text)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"

    done = run("parse", str(path))

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"pagedump: {path}: No such file or directory\n"


# -- many inputs: JSON Lines -----------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_several_files_give_json_lines_in_input_order(dumps: list[Path], jobs: str) -> None:
    ordered = [dumps[2], dumps[0], dumps[1]]

    done = run("parse", "--jobs", jobs, "--fetched-at", FETCHED, *map(str, ordered))

    assert (done.returncode, done.stderr) == (0, "")
    assert json_lines(done.stdout) == [wrapped(p, p.read_text()) for p in ordered]


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    top, first, deep, last, _ = write_dumps(
        tmp_path, ["top.txt", "a/1.txt", "a/deep/3.txt", "b/2.txt", "a/notes.md"])

    done = run("parse", str(tmp_path), "--fetched-at", FETCHED)

    assert (done.returncode, done.stderr) == (0, "")
    expected = [str(p) for p in (top, first, deep, last)]
    assert [r["path"] for r in json_lines(done.stdout)] == expected
    assert json_lines(done.stdout)[0] == wrapped(top, top.read_text())


@pytest.mark.parametrize(("pattern", "expected"), [
    ("*.md", ["a/notes.md"]),
    ("a/*", ["a/1.txt", "a/notes.md"]),
    ("deep/*.txt", ["a/deep/3.txt"]),
])
def test_glob_selects_files_by_their_path_below_the_directory(
        tmp_path: Path, pattern: str, expected: list[str]) -> None:
    write_dumps(tmp_path, ["top.txt", "a/1.txt", "a/deep/3.txt", "a/notes.md"])

    done = run("parse", str(tmp_path), "--glob", pattern)

    assert done.returncode == 0
    assert [r["path"] for r in json_lines(done.stdout)] == [str(tmp_path / e) for e in expected]


def test_a_directory_with_one_file_still_gives_json_lines(tmp_path: Path) -> None:
    (path,) = write_dumps(tmp_path, ["only.txt"])

    done = run("parse", str(tmp_path), "--fetched-at", FETCHED)

    assert json_lines(done.stdout) == [wrapped(path, path.read_text())]


def test_the_number_of_jobs_does_not_change_the_output(daily8_dir: Path) -> None:
    outputs = {jobs: run("parse", str(daily8_dir), "--jobs", jobs, "--fetched-at", FETCHED)
               for jobs in ("1", "3")}

    assert {done.returncode for done in outputs.values()} == {0}
    assert outputs["1"].stdout == outputs["3"].stdout
    paths = [r["path"] for r in json_lines(outputs["1"].stdout)]
    assert paths == sorted(str(p) for p in daily8_dir.glob("*.txt"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path, jobs: str) -> None:
    good = write_dumps(tmp_path, [f"{n:02}.txt" for n in range(20)])  # several batches
    missing = tmp_path / "missing.txt"
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Caf\xe9 owners\n")
    inputs = [*good[:9], missing, *good[9:15], latin, *good[15:]]

    done = run("parse", "--jobs", jobs, "--fetched-at", FETCHED, *map(str, inputs))

    assert done.returncode == 1
    assert json_lines(done.stdout) == [wrapped(p, p.read_text()) for p in good]
    assert done.stderr.splitlines() == [
        f"pagedump: {missing}: No such file or directory",
        (f"pagedump: {latin}: cannot decode byte 3 as utf-8 (invalid continuation byte); "
         "try --fallback-encoding cp1252"),
    ]


def test_output_goes_to_a_file(dumps: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "out" / "pages.jsonl"
    target.parent.mkdir()

    done = run("parse", "--output", str(target), "--fetched-at", FETCHED, *map(str, dumps))

    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert json_lines(text) == [wrapped(p, p.read_text()) for p in dumps]


# -- JSON Lines input ------------------------------------------------------------------


def test_jsonl_records_carry_their_id_and_fetch_time(tmp_path: Path) -> None:
    source = tmp_path / "crawl.jsonl"
    records = [
        {"id": "a-1", "text": DUMP.format(n=1), "crawled": "2025-07-01T08:00:00+09:00"},
        {"id": 2, "text": DUMP.format(n=2)},
        {"text": DUMP.format(n=3), "crawled": None},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    done = run("parse", "--input-format", "jsonl", "--time-field", "crawled",
               "--fetched-at", FETCHED, str(source))

    assert (done.returncode, done.stderr) == (0, "")
    own_time = datetime.fromisoformat("2025-07-01T08:00:00+09:00")
    assert json_lines(done.stdout) == [
        {"path": str(source), "line": 1, "id": "a-1", "fetched_at": own_time.isoformat(),
         "page": page_dict(records[0]["text"], own_time)},  # its own time wins
        wrapped(source, DUMP.format(n=2), line=2, id=2),
        wrapped(source, DUMP.format(n=3), line=3),
    ]
    published = json_lines(done.stdout)[0]["page"]["article"]["published"]
    assert published == {"text": "2 hours ago", "value": "2025-07-01T06:00:00+09:00",
                         "relative": True}


def test_jsonl_field_names_are_options(tmp_path: Path) -> None:
    source = tmp_path / "crawl.jsonl"
    source.write_text(json.dumps({"key": [7], "body": DUMP.format(n=7), "at": FETCHED}) + "\n",
                      encoding="utf-8")

    done = run("parse", "--input-format", "jsonl", "--text-field", "body", "--id-field", "key",
               "--time-field", "at", str(source))

    assert (done.returncode, done.stderr) == (0, "")
    assert json_lines(done.stdout) == [wrapped(source, DUMP.format(n=7), line=1, id=[7])]


def test_bad_jsonl_records_are_reported_by_line(tmp_path: Path) -> None:
    source = tmp_path / "crawl.jsonl"
    good = [json.dumps({"id": n, "text": DUMP.format(n=n)}) for n in range(100)]  # 2 batches
    bad = [
        "{not json",
        "[1, 2]",
        json.dumps({"id": 4}),
        json.dumps({"id": 5, "text": 5}),
        json.dumps({"id": 6, "text": "x", "t": "2025-07-14T12:00:00"}),
        json.dumps({"id": 7, "text": "x", "t": "soon"}),
        "   ",
    ]
    source.write_text("\n".join([*good, *bad, good[0]]) + "\n", encoding="utf-8")

    done = run("parse", "--input-format", "jsonl", "--time-field", "t", "--jobs", "2",
               str(source))

    assert done.returncode == 1
    assert [r["id"] for r in json_lines(done.stdout)] == [*range(100), 0]
    assert done.stderr.splitlines() == [
        (f"pagedump: {source}:101: invalid JSON: Expecting property name enclosed in double "
         "quotes (column 2)"),
        f"pagedump: {source}:102: expected a JSON object, got an array",
        f"pagedump: {source}:103: field 'text' is missing",
        f"pagedump: {source}:104: field 'text' is a number, not a string",
        (f"pagedump: {source}:105: field 't': '2025-07-14T12:00:00' has no time zone; "
         "add an offset such as +00:00 or Z"),
        f"pagedump: {source}:106: field 't': 'soon' is not an ISO 8601 time",
    ]
    assert json_lines(done.stdout)[-1]["line"] == 108  # the blank line 107 is skipped


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_records_are_utf8_never_guessed_at(tmp_path: Path, jobs: str) -> None:
    # JSON Lines are UTF-8: a record starting like a UTF-16 byte-order mark is damage,
    # and a record in UTF-16 with its mark is not JSON Lines, even where it would decode.
    records = [json.dumps({"id": n, "text": DUMP.format(n=n)}).encode() for n in range(3)]
    damaged = b"\xff\xfe" + records[1]
    utf16 = codecs.BOM_UTF16_LE + records[2].decode().replace('"id": 2', '"id": 9').encode(
        "utf-16-le")
    assert b"\n" not in utf16  # the last line, whole
    source = tmp_path / "crawl.jsonl"
    source.write_bytes(b"\n".join([codecs.BOM_UTF8 + records[0], damaged, records[2], utf16]))

    done = run("parse", "--input-format", "jsonl", "--jobs", jobs, "--fetched-at", FETCHED,
               str(source))

    assert done.returncode == 1
    assert json_lines(done.stdout) == [wrapped(source, DUMP.format(n=0), line=1, id=0),
                                       wrapped(source, DUMP.format(n=2), line=3, id=2)]
    assert done.stderr.splitlines() == [
        (f"pagedump: {source}:{line}: cannot decode byte 0 as utf-8 (invalid start byte); "
         "try --fallback-encoding cp1252") for line in (2, 4)]


def test_jsonl_from_standard_input() -> None:
    records = "".join(json.dumps({"id": n, "text": DUMP.format(n=n)}) + "\n" for n in range(3))

    done = run("parse", "--input-format", "jsonl", "--fetched-at", FETCHED, "-", stdin=records)

    assert (done.returncode, done.stderr) == (0, "")
    assert json_lines(done.stdout) == [
        wrapped("<stdin>", DUMP.format(n=n), line=n + 1, id=n) for n in range(3)]


def test_jsonl_directories_take_jsonl_files(tmp_path: Path) -> None:
    write_records(tmp_path / "b.jsonl", 2)
    (tmp_path / "a").mkdir()
    write_records(tmp_path / "a" / "c.jsonl", 1)
    (tmp_path / "notes.txt").write_text("not records")

    done = run("parse", "--input-format", "jsonl", str(tmp_path))

    assert (done.returncode, done.stderr) == (0, "")
    identities = [(r["path"], r["line"]) for r in json_lines(done.stdout)]
    b, c = str(tmp_path / "b.jsonl"), str(tmp_path / "a" / "c.jsonl")
    assert identities == [(b, 1), (b, 2), (c, 1)]


def test_many_records_come_out_in_order_whatever_the_jobs(tmp_path: Path) -> None:
    source = write_records(tmp_path / "records.jsonl", 1000)

    serial = run("parse", "--input-format", "jsonl", "--jobs", "1", str(source))
    parallel = run("parse", "--input-format", "jsonl", "--jobs", "3", str(source))

    assert serial.returncode == parallel.returncode == 0
    assert parallel.stdout == serial.stdout
    assert [r["id"] for r in json_lines(serial.stdout)] == list(range(1000))


def awkward_records() -> bytes:
    """JSON Lines that make a reader count bytes and lines right: a byte-order mark, CRLF
    and LF endings, blank lines, records that fail, records of over a megabyte, and a
    last line without a newline."""
    lines = []
    for n in range(400):
        if n % 97 == 5:
            lines.append(b"{not json")
        elif n % 89 == 7:
            lines.append(b'{"id": %d, "text": "caf\xe9"}' % n)  # not UTF-8
        elif n in (150, 151, 300):
            big = "\n".join(f"Paragraph {k} of story {n}, long enough to be read as one."
                            for k in range(20_000))
            lines.append(json.dumps({"id": n, "text": DUMP.format(n=n) + big}).encode())
        else:
            lines.append(json.dumps({"id": n, "text": DUMP.format(n=n)}).encode())
        if n % 13 == 0:
            lines.append(b"   " if n % 2 else b"")
    ends = [b"\r\n" if n % 3 == 0 else b"\n" for n in range(len(lines))]
    ends[-1] = b""
    return codecs.BOM_UTF8 + b"".join(map(bytes.__add__, lines, ends))


def open_for_writing(pipe: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> int:
    """The writing end of a named pipe, once ``process`` has opened it for reading."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            descriptor = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            assert process.poll() is None, "the run ended before it opened the pipe"
            assert time.monotonic() < deadline, "the pipe was not opened in time"
            time.sleep(0.02)
        else:
            os.set_blocking(descriptor, True)
            return descriptor


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_files_read_in_byte_ranges_give_what_a_stream_gives(tmp_path: Path,
                                                                   jobs: str) -> None:
    # A file's records are found in it by byte offset and line number, and read from it
    # again where they are parsed; a named pipe cannot be read twice, so its records are
    # read once and passed on. Both must give the same output, byte for byte.
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    source = tmp_path / "crawl.jsonl"
    data = awkward_records()
    os.mkfifo(source)
    streamed = tmp_path / "streamed.jsonl"
    with subprocess.Popen(command("parse", "--input-format", "jsonl", "--jobs", jobs,
                                  "-o", str(streamed), str(source)),
                          stderr=subprocess.PIPE) as process:
        with os.fdopen(open_for_writing(source, process), "wb") as writer:
            writer.write(data)
        _, streamed_errors = process.communicate(timeout=120)
    source.unlink()
    source.write_bytes(data)  # now a file, at the same path

    done = run("parse", "--input-format", "jsonl", "--jobs", jobs, str(source))

    assert process.returncode == done.returncode == 1
    assert done.stdout.encode() == streamed.read_bytes()
    assert done.stderr == streamed_errors.decode()
    assert len(done.stderr.splitlines()) == 10
    records = json_lines(done.stdout)
    assert len(records) == 390
    assert (records[0]["id"], records[0]["line"]) == (0, 1)
    assert (records[-1]["id"], records[-1]["line"]) == (399, 431)


def test_a_file_named_by_a_descriptor_is_read_whole(tmp_path: Path) -> None:
    # /dev/stdin names whatever standard input is in the process that opens it: the
    # workers must read the file it named in the command's own process.
    if not Path("/dev/stdin").exists():
        pytest.skip("needs /dev/stdin")
    source = write_records(tmp_path / "records.jsonl", 300)

    with source.open("rb") as stdin:
        done = subprocess.run(command("parse", "--input-format", "jsonl", "--jobs", "2",
                                      "/dev/stdin"),
                              stdin=stdin, capture_output=True, timeout=120, check=False)

    assert (done.returncode, done.stderr) == (0, b"")
    records = json_lines(done.stdout.decode())
    assert [(r["path"], r["id"]) for r in records] == [("/dev/stdin", n) for n in range(300)]


# -- pagedump tokens -------------------------------------------------------------------


def expected_rows(text: str) -> list[str]:
    lines = pagedump.tokenize(text)
    width = len(str(len(lines)))
    return [f"{line.lineno:>{width}}  {line.kind.value:<{KIND_WIDTH}}  {line.text}" if line.text
            else f"{line.lineno:>{width}}  {line.kind.value}" for line in lines]


def test_tokens_prints_aligned_lines_with_their_kinds(seed_text: str, daily8_dir: Path) -> None:
    done = run("tokens", str(daily8_dir / "daily8-000-seed.txt"))

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.split("\n")[:-1] == expected_rows(seed_text)
    assert done.stdout.startswith(" 1  boilerplate  logo\n 2  headline     US Is Selling")


def test_tokens_with_roles_shows_each_role_and_its_value(seed_text: str,
                                                         daily8_dir: Path) -> None:
    done = run("tokens", "--roles", str(daily8_dir / "daily8-000-seed.txt"))

    assert (done.returncode, done.stderr) == (0, "")
    rows = done.stdout.split("\n")[:-1]
    lines = pagedump.tokenize(seed_text)
    assert len(rows) == len(lines)
    role_width = max(len(role.value) for role in pagedump.Role)
    for row, line in zip(rows, lines, strict=True):
        assert row.split()[1:3] == [line.kind.value, line.role.value]
        if line.text:
            assert f"  {line.role.value:<{role_width}}  {line.text}" in row
        assert row.endswith(f" \u2192 {line.value}") == (line.value is not None)
    assert rows[5] == " 6  dateline     " + "source-time".ljust(role_width) + (
        "  Yomiuri Shimbun4 days ago \u2192 4 days ago")


def test_tokens_reads_standard_input_and_shows_control_characters() -> None:
    done = run("tokens", "-", stdin="Headline\x1b[31m\n\nBody\x07 text.\n")

    assert done.returncode == 0
    assert "\x1b" not in done.stdout
    assert "Headline␛[31m" in done.stdout
    assert "Body␇ text." in done.stdout


def test_tokens_reports_a_missing_file(tmp_path: Path) -> None:
    done = run("tokens", str(tmp_path / "missing.txt"))

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"pagedump: {tmp_path / 'missing.txt'}: No such file or directory\n"


@pytest.mark.parametrize(("args", "env", "terminal", "coloured"), [
    pytest.param([], {}, False, False, id="auto, piped"),
    pytest.param([], {}, True, True, id="auto, terminal"),
    pytest.param([], {"NO_COLOR": "1"}, True, False, id="auto, terminal, NO_COLOR"),
    pytest.param([], {"TERM": "dumb"}, True, False, id="auto, dumb terminal"),
    pytest.param(["--color", "always"], {}, False, True, id="always, piped"),
    pytest.param(["--color", "always"], {"NO_COLOR": "1"}, False, True, id="always wins"),
    pytest.param(["--color", "never"], {}, True, False, id="never, terminal"),
])
def test_tokens_colour(daily8_dir: Path, args: list[str], env: dict[str, str], terminal: bool,
                       coloured: bool) -> None:
    argv = ["tokens", *args, str(daily8_dir / "daily8-000-seed.txt")]

    if terminal:
        status, raw = run_on_terminal(*argv, stream="stdout", env=environment(**env))
        output = raw.decode()
    else:
        done = run(*argv, env=environment(**env))
        status, output = done.returncode, done.stdout

    assert status == 0
    assert ("\x1b[" in output) is coloured
    assert "headline" in output
    if coloured:
        assert "\x1b[1;33mheadline   \x1b[0m" in output


# -- progress --------------------------------------------------------------------------


def test_progress_bar_on_a_terminal(dumps: list[Path]) -> None:
    status, shown = run_on_terminal("parse", "--jobs", "2", *map(str, dumps), stream="stderr")

    assert status == 0
    text = shown.decode()
    assert text.startswith("\rpagedump: ")
    assert "\rpagedump: 3/3 [####################] 100%" in text
    assert "/s  ETA 0:00" in text
    assert text.endswith("\n")


def test_progress_counts_when_the_total_is_unknown(tmp_path: Path) -> None:
    source = write_records(tmp_path / "records.jsonl", 100)

    status, shown = run_on_terminal("parse", "--input-format", "jsonl", "-o",
                                    str(tmp_path / "out.jsonl"), str(source), stream="stderr")

    assert status == 0
    assert "\rpagedump: 100 done  " in shown.decode()


@pytest.mark.parametrize("args", [["--quiet"], ["-q"]])
def test_quiet_or_single_inputs_show_no_progress(dumps: list[Path], args: list[str]) -> None:
    quiet = run_on_terminal("parse", *args, *map(str, dumps), stream="stderr")
    single = run_on_terminal("parse", str(dumps[0]), stream="stderr")

    assert quiet == single == (0, b"")


# -- interruptions ---------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("to", ["stdout", "--output"])
def test_ctrl_c_stops_cleanly_after_a_complete_line(
        tmp_path: Path, many_records: Path, jobs: str, to: str) -> None:
    target = tmp_path / "out.jsonl"
    args = ["parse", "--input-format", "jsonl", "--jobs", jobs, str(many_records)]
    with target.open("wb") as sink:
        stdout = sink if to == "stdout" else subprocess.DEVNULL
        options = [] if to == "stdout" else ["--output", str(target)]
        with subprocess.Popen(command(*args, *options), stdout=stdout,
                              stderr=subprocess.PIPE) as process:
            wait_for_line(target, process)
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=30)

    assert process.returncode == 130
    assert stderr.decode() == "pagedump: interrupted\n"
    written = target.read_bytes()
    assert written.endswith(b"\n")
    ids = [json.loads(line)["id"] for line in written.split(b"\n")[:-1]]
    assert ids == list(range(len(ids)))
    assert len(ids) < 50_000


def test_a_closed_standard_output_ends_the_run_quietly(many_records: Path) -> None:
    args = ["parse", "--input-format", "jsonl", "--jobs", "2", str(many_records)]
    with subprocess.Popen(command(*args), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        process.stdout.readline()
        process.stdout.close()
        _, stderr = process.communicate(timeout=30)

    assert process.returncode == 141
    assert stderr == b""


def children(pid: int) -> Iterator[tuple[int, bytes]]:
    listing = Path(f"/proc/{pid}/task/{pid}/children")
    if not listing.exists():
        pytest.skip("needs Linux /proc/PID/task/PID/children")
    for child in listing.read_text().split():
        yield int(child), Path(f"/proc/{child}/cmdline").read_bytes()


def test_a_worker_that_dies_stops_the_run(tmp_path: Path, many_records: Path) -> None:
    target = tmp_path / "out.jsonl"
    args = ["parse", "--input-format", "jsonl", "--jobs", "2", "-o", str(target),
            str(many_records)]
    with subprocess.Popen(command(*args), stderr=subprocess.PIPE) as process:
        wait_for_line(target, process)
        # Forked workers share the command line of the run; spawned ones run spawn_main.
        worker = next(pid for pid, line in children(process.pid)
                      if b"resource_tracker" not in line)
        os.kill(worker, signal.SIGKILL)
        _, stderr = process.communicate(timeout=30)

    assert process.returncode == 1
    assert b"stopped unexpectedly (exit code -9); stopping" in stderr
    assert target.read_bytes().endswith(b"\n")


def test_a_worker_killed_halfway_through_a_result_stops_the_run() -> None:
    # A worker killed while it writes a result leaves half a message in the pipe the
    # workers share. The run must still see the worker's end and stop, not wait for
    # the rest of the message for good.
    import struct  # noqa: PLC0415
    import threading  # noqa: PLC0415

    from pagedump._batch import RunAbortedError, Settings, WorkerPool  # noqa: PLC0415

    settings = Settings(input_format="text", encoding="utf-8", fallback=None,
                        text_field="text", id_field="id", time_field=None, fetched_at=None,
                        dialect=None, indent=None, wrap=True)
    pool = WorkerPool(settings, 2)
    try:
        # The start of a result of 1,000 bytes, of which only 10 ever come.
        os.write(pool._results._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
        outcome: list[BaseException] = []

        def wait() -> None:
            try:
                pool._next_result()
            except RunAbortedError as error:
                outcome.append(error)

        waiting = threading.Thread(target=wait, daemon=True)
        waiting.start()
        time.sleep(1.0)  # the wait has begun, and the half message is being read
        os.kill(pool._processes[0].pid, signal.SIGKILL)
        waiting.join(timeout=10)
        assert not waiting.is_alive(), "the run waited for the rest of the message"
        assert "stopped unexpectedly (exit code -9)" in str(outcome[0])
    finally:
        pool.terminate()


def test_workers_do_not_outlive_a_command_killed_outright(tmp_path: Path,
                                                          many_records: Path) -> None:
    target = tmp_path / "out.jsonl"
    args = ["parse", "--input-format", "jsonl", "--jobs", "2", "-o", str(target),
            str(many_records)]
    with subprocess.Popen(command(*args), stderr=subprocess.DEVNULL) as process:
        wait_for_line(target, process)
        workers = [pid for pid, line in children(process.pid)
                   if b"resource_tracker" not in line]
        process.kill()
        process.wait(timeout=30)

    assert len(workers) == 2
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the command"
        time.sleep(0.05)


def test_version_names_the_build_that_runs() -> None:
    # The compiled wheel ships the hot modules as extension modules (.so), the pure
    # build and editable installs their .py sources. CI's run against the compiled wheel
    # sets PAGEDUMP_EXPECT_BUILD=compiled, so that a pure import fails there.
    from importlib.machinery import EXTENSION_SUFFIXES  # noqa: PLC0415

    from pagedump import _tokenizer  # noqa: PLC0415

    compiled = _tokenizer.__file__.endswith(tuple(EXTENSION_SUFFIXES))
    build = "compiled with mypyc" if compiled else "pure Python"

    done = run("--version")

    assert (done.returncode, done.stdout, done.stderr) == (
        0, f"pagedump {pagedump.__version__} ({build})\n", "")
    expected = os.environ.get("PAGEDUMP_EXPECT_BUILD")
    if expected is not None:
        assert ("compiled" if compiled else "pure") == expected, _tokenizer.__file__
