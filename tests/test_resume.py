"""Resumable runs: ``pagedump parse --output FILE --resume`` and the journal beside FILE.

Whatever stops a run (a kill, a crash, Ctrl-C) and however often, resuming it ends
with the FILE an uninterrupted run writes, byte for byte, and the same messages and
exit status. A run that cannot be resumed is refused, and nothing is touched.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from pagedump import __version__
from pagedump._batch import RunAbortedError, _Slice, skipping
from pagedump._cli import main
from pagedump._resume import (
    SUFFIX,
    Identity,
    Journal,
    Position,
    ResumeError,
    discard,
    fingerprint,
    start,
)
from pagedump.exceptions import PagedumpError
from wet import warc_record

FETCHED = "2025-07-14T12:00:00+00:00"
DUMP = ("logo\nHeadline {n}\n\nHeadline {n}\n\nNHK2 hours ago\n"
        "First paragraph of story {n}, long enough to be read as a paragraph of the story.\n")
IDENTITY = Identity(__version__, (("--fetched-at", FETCHED), ("--dialect", None)),
                    ("crawl/",), 2, 300, "0" * 64)


# -- inputs ----------------------------------------------------------------------------


def write_folder(directory: Path, count: int, texts: list[str]) -> Path:
    """Dumps in a directory tree, some in a subdirectory, two of them undecodable."""
    for n in range(count):
        path = directory / ("deep" if n % 7 == 3 else "") / f"{n:04}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{texts[n % len(texts)]}\nStory {n}.\n", encoding="utf-8")
    for n in (count // 4, count // 2):
        (directory / f"{n:04}.txt").write_bytes(b"Caf\xe9 owners\n")
    return directory


def write_records(path: Path, count: int, texts: list[str]) -> Path:
    """JSON Lines records, some of them bad, a blank line among them."""
    with path.open("w", encoding="utf-8") as stream:
        for n in range(count):
            if n % 97 == 13:
                stream.write("{not json\n")
            elif n % 89 == 40:
                stream.write(json.dumps({"id": n}) + "\n")
            else:
                stream.write(json.dumps({"id": n, "text": texts[n % len(texts)]}) + "\n")
            if n % 50 == 0:
                stream.write("\n")
    return path


def write_wet(path: Path, count: int, texts: list[str]) -> Path:
    """A gzip WET file with a record that is not UTF-8, and garbage between two records."""
    with path.open("wb") as stream:
        for n in range(count):
            payload = b"caf\xe9" if n == count // 3 else texts[n % len(texts)].encode()
            record = warc_record(payload, url=f"https://daily8.com/{n}", number=n)
            stream.write(gzip.compress(record))
            if n == 2 * count // 3:
                stream.write(b"not a record at all")
    return path


@pytest.fixture(scope="module")
def texts() -> list[str]:
    data = Path(__file__).parent / "data" / "daily8"
    return [path.read_text(encoding="utf-8") for path in sorted(data.glob("*.txt"))]


@pytest.fixture
def small(tmp_path: Path) -> list[str]:
    """A few JSON Lines records, some bad: the arguments of a run over them."""
    source = write_records(tmp_path / "records.jsonl", 300, [DUMP.format(n=n) for n in range(7)])
    return ["--input-format", "jsonl", "--fetched-at", FETCHED, str(source)]


# -- running ---------------------------------------------------------------------------


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pagedump", *args]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(*args), capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False)


def parse_here(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run ``pagedump parse`` in this process (one job); its status and standard error."""
    status = main(["parse", "--jobs", "1", *args])
    return status, capsys.readouterr().err


def messages(stderr: str) -> list[str]:
    """The messages of the inputs that failed, without the note a resumed run begins with."""
    return [line for line in stderr.splitlines()
            if not line.startswith(("pagedump: resuming ", "pagedump: cannot resume "))
            and " is already complete (" not in line]


def journal_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n")[:-1]]


# -- the journal -----------------------------------------------------------------------


def test_a_new_run_starts_from_nothing_with_a_header(tmp_path: Path) -> None:
    output = tmp_path / "pages.jsonl"

    data, journal, position = start(str(output), IDENTITY)
    journal.close()
    data.close()

    assert position == Position()
    assert output.read_bytes() == b""
    header = journal_lines(Path(f"{output}{SUFFIX}"))
    assert header == [{"format": "pagedump resume journal", "version": 1,
                       "pagedump": __version__,
                       "options": {"--fetched-at": FETCHED, "--dialect": None},
                       "inputs": ["crawl/"], "files": 2, "bytes": 300, "sha256": "0" * 64}]
    assert Identity.from_header(header[0]) == IDENTITY


def write_run(output: Path, batches: list[tuple[bytes, int, list[str]]], *,
              complete: bool = False) -> None:
    """A run as the command writes it: each batch's lines into FILE, then the journal."""
    data, journal, _ = start(str(output), IDENTITY)
    for lines, inputs, errors in batches:
        data.write(lines)
        data.flush()
        journal.record(lines, inputs, errors)
    if complete:
        journal.finish()
    journal.close()
    data.close()


BATCHES = [(b'{"n": 1}\n{"n": 2}\n', 3, ["a.txt: No such file or directory"]),
           (b"", 2, ["b.txt: cannot decode", "c.txt: cannot decode"]),
           (b'{"n": 6}\n', 1, []),
           (b'{"n": 7}\n{"n": 8}\n', 2, [])]


def test_the_journal_counts_each_batch_after_it_is_written(tmp_path: Path) -> None:
    output = tmp_path / "pages.jsonl"

    write_run(output, BATCHES, complete=True)

    assert journal_lines(Path(f"{output}{SUFFIX}"))[1:] == [
        {"inputs": 3, "bytes": 18, "crc32": zlib.crc32(BATCHES[0][0]), "complete": False,
         "errors": ["a.txt: No such file or directory"]},
        {"inputs": 5, "bytes": 18, "crc32": 0, "complete": False,
         "errors": ["b.txt: cannot decode", "c.txt: cannot decode"]},
        {"inputs": 6, "bytes": 27, "crc32": zlib.crc32(BATCHES[2][0]), "complete": False,
         "errors": []},
        {"inputs": 8, "bytes": 45, "crc32": zlib.crc32(BATCHES[3][0]), "complete": False,
         "errors": []},
        {"inputs": 8, "bytes": 45, "crc32": 0, "complete": True, "errors": []},
    ]


ALL_ERRORS = ("a.txt: No such file or directory", "b.txt: cannot decode",
              "c.txt: cannot decode")


@pytest.mark.parametrize(("tail", "journal_cut", "expected"), [
    pytest.param(b"", 0, Position(8, 45, ALL_ERRORS), id="where the journal says"),
    pytest.param(b'{"n": 9}\n{"n"', 0, Position(8, 45, ALL_ERRORS),
                 id="lines past the journal, the last one cut"),
    pytest.param(b"", -1, Position(6, 27, ALL_ERRORS), id="the journal's last newline cut"),
    pytest.param(b'{"n": 9}\n', -100, Position(5, 18, ALL_ERRORS),
                 id="two journal lines cut, a batch of errors last"),
])
def test_resuming_goes_on_from_the_last_point_both_files_hold(
        tmp_path: Path, tail: bytes, journal_cut: int, expected: Position) -> None:
    output = tmp_path / "pages.jsonl"
    write_run(output, BATCHES)
    journal_path = Path(f"{output}{SUFFIX}")
    with output.open("ab") as stream:
        stream.write(tail)
    raw = journal_path.read_bytes()
    journal_path.write_bytes(raw[:len(raw) + journal_cut])

    data, journal, position = start(str(output), IDENTITY)
    data.write(b'{"n": 99}\n')
    data.flush()
    journal.record(b'{"n": 99}\n', 1, [])
    journal.close()
    data.close()

    assert position == expected
    assert output.read_bytes() == b'{"n": 1}\n{"n": 2}\n{"n": 6}\n{"n": 7}\n{"n": 8}\n'[
        :expected.size] + b'{"n": 99}\n'
    lines = journal_lines(journal_path)
    assert [line.get("inputs") for line in lines[1:]][-2:] == [expected.inputs,
                                                              expected.inputs + 1]


def test_a_file_shorter_than_the_journal_goes_on_from_what_it_holds(tmp_path: Path) -> None:
    # After a crash of the machine, the journal may count lines the disk never got.
    output = tmp_path / "pages.jsonl"
    write_run(output, BATCHES)
    output.write_bytes(output.read_bytes()[:30])  # half of the last batches

    data, journal, position = start(str(output), IDENTITY)
    journal.close()
    data.close()

    assert position == Position(6, 27, ALL_ERRORS)
    assert output.read_bytes() == b'{"n": 1}\n{"n": 2}\n{"n": 6}\n'


def test_a_complete_run_says_so(tmp_path: Path) -> None:
    output = tmp_path / "pages.jsonl"
    write_run(output, BATCHES, complete=True)
    before = output.read_bytes()

    data, journal, position = start(str(output), IDENTITY)
    journal.close()
    data.close()

    assert position == Position(8, 45, ALL_ERRORS, complete=True)
    assert output.read_bytes() == before


def test_an_empty_file_starts_again(tmp_path: Path) -> None:
    output = tmp_path / "pages.jsonl"
    write_run(output, BATCHES)
    output.write_bytes(b"")
    other = Identity(__version__, (), ("other/",), 0, 0, "1" * 64)

    data, journal, position = start(str(output), other)
    journal.close()
    data.close()

    assert position == Position()
    assert journal_lines(Path(f"{output}{SUFFIX}")) == [other.header()]


def damage(output: Path, journal: Path, how: str) -> None:
    if how == "no journal":
        journal.unlink()
    elif how == "not a journal":
        journal.write_text("name,size\n")
    elif how == "damaged line":
        lines = journal.read_bytes().split(b"\n")
        lines[2] = b'{"inputs": "five"}'
        journal.write_bytes(b"\n".join(lines))
    elif how == "line going back":
        lines = journal.read_bytes().split(b"\n")
        lines[2], lines[3] = lines[3], lines[2]
        journal.write_bytes(b"\n".join(lines))
    elif how == "newer format":
        journal.write_bytes(journal.read_bytes().replace(b'"version": 1', b'"version": 2', 1))
    elif how == "damaged header":
        journal.write_bytes(journal.read_bytes().replace(b'"files": 2', b'"files": "2"', 1))
    elif how == "bytes changed":
        data = bytearray(output.read_bytes())
        data[-3] = ord("9")
        output.write_bytes(bytes(data))


@pytest.mark.parametrize(("how", "reason"), [
    ("no journal", ("it holds output, but there is no {journal} to tell what run wrote it; "
                   "remove it to start again, or leave out --resume to overwrite it")),
    ("not a journal", "{journal} is not a pagedump journal"),
    ("damaged line", "{journal} is damaged at line 3"),
    ("line going back", "{journal} is damaged at line 4"),
    ("newer format", "{journal} is in format 2, which this pagedump (format 1) cannot read"),
    ("damaged header", "{journal} is damaged at line 1"),
    ("bytes changed", ("its bytes 27 to 45 are not those {journal} says were written there; "
                      "remove both to start again")),
])
def test_what_cannot_be_resumed_is_refused_untouched(tmp_path: Path, how: str,
                                                      reason: str) -> None:
    output = tmp_path / "pages.jsonl"
    journal = Path(f"{output}{SUFFIX}")
    write_run(output, BATCHES)
    damage(output, journal, how)
    before = (output.read_bytes(), journal.read_bytes() if journal.exists() else None)

    with pytest.raises(ResumeError) as caught:
        start(str(output), IDENTITY)

    assert caught.value.output == str(output)
    assert caught.value.reason == reason.format(journal=journal)
    assert str(caught.value) == f"cannot resume {output}: {caught.value.reason}"
    assert (output.read_bytes(), journal.read_bytes() if journal.exists() else None) == before


def evolve(**changes: object) -> Identity:
    fields = {"version": IDENTITY.version, "options": IDENTITY.options,
              "inputs": IDENTITY.inputs, "files": IDENTITY.files, "size": IDENTITY.size,
              "digest": IDENTITY.digest} | changes
    return Identity(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("identity", "difference"), [
    (evolve(version="0.0.1"), (f"it was begun by pagedump {__version__}, and this is "
                              "pagedump 0.0.1")),
    (evolve(options=(("--fetched-at", "2025-07-15T12:00:00+00:00"), ("--dialect", None))),
     f"it was begun with --fetched-at {FETCHED}, not --fetched-at 2025-07-15T12:00:00+00:00"),
    (evolve(options=(("--fetched-at", FETCHED), ("--dialect", "daily8"))),
     "it was begun with no --dialect, not --dialect daily8"),
    (evolve(options=(("--fetched-at", None), ("--dialect", None))),
     f"it was begun with --fetched-at {FETCHED}, not no --fetched-at"),
    (evolve(inputs=("crawl2/",)), "its input 1 was crawl/, not crawl2/"),
    (evolve(inputs=("crawl/", "more/")), "it was begun with 1 input, not 2"),
    (evolve(files=3, size=400), ("its inputs have changed since it was begun (a file added, "
                                "removed, renamed or modified): 2 files of 300 bytes then, "
                                "3 files of 400 bytes now")),
    (evolve(digest="1" * 64), ("its inputs have changed since it was begun (a file added, "
                              "removed, renamed or modified): 2 files of 300 bytes then, "
                              "2 files of 300 bytes now")),
])
def test_another_run_is_refused_with_what_differs(tmp_path: Path, identity: Identity,
                                                  difference: str) -> None:
    output = tmp_path / "pages.jsonl"
    write_run(output, BATCHES)

    with pytest.raises(ResumeError) as caught:
        start(str(output), identity)

    assert caught.value.reason == (f"{difference}; resume it with the inputs and options it "
                                   "was begun with, or remove it to start again")


def test_resume_errors_are_pagedump_value_errors_that_pickle() -> None:
    error = ResumeError("pages.jsonl", "why")

    assert isinstance(error, PagedumpError)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.output, copy.reason) == (
        ResumeError, "cannot resume pages.jsonl: why", "pages.jsonl", "why")


def test_a_fingerprint_changes_with_any_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("one")
    second.write_text("two")
    missing = tmp_path / "missing.txt"

    def now() -> tuple[int, int, str]:
        return fingerprint([(str(first), None), (str(second), None), (str(missing), None),
                            ("", "crawl/locked: Permission denied")])

    before = now()
    assert before[:2] == (2, 6)
    assert now() == before
    os.utime(second, ns=(0, 1_000_000_000))
    assert now() != before
    os.utime(second, ns=(0, second.stat().st_mtime_ns))
    second.write_text("twelve")
    assert now()[:2] == (2, 9)
    missing.write_text("")
    assert now()[0] == 3


def test_a_pipe_has_no_fingerprint(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    pipe = tmp_path / "records.jsonl"
    os.mkfifo(pipe)

    with pytest.raises(ValueError, match="is not a regular file"):
        fingerprint([(str(pipe), None)])


def test_only_a_regular_file_can_be_resumed_into(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    pipe = tmp_path / "pages.jsonl"
    os.mkfifo(pipe)

    with pytest.raises(ResumeError, match="it is not a regular file"):
        start(str(pipe), IDENTITY)

    assert not Path(f"{pipe}{SUFFIX}").exists()


def test_discard_removes_a_journal_and_nothing_else(tmp_path: Path) -> None:
    output = tmp_path / "pages.jsonl"
    write_run(output, BATCHES)
    discard(str(output))
    assert not Path(f"{output}{SUFFIX}").exists()

    Path(f"{output}{SUFFIX}").write_text("my own notes\n")
    discard(str(output))
    assert Path(f"{output}{SUFFIX}").read_text() == "my own notes\n"
    discard(str(tmp_path / "none.jsonl"))


def test_a_journal_flushes_to_disk_every_few_seconds(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    ticks = iter([0.0, 1.0, 6.0, 6.5])
    output = tmp_path / "pages.jsonl"
    with output.open("ab") as data, Path(f"{output}{SUFFIX}").open("ab") as log:
        journal = Journal(data, log, Position(), clock=lambda: next(ticks))
        journal.record(b"{}\n", 1, [])   # at 1 s: not yet
        journal.record(b"{}\n", 1, [])   # at 6 s: FILE, then the journal
        journal.record(b"{}\n", 1, [])   # at 6.5 s: not yet
        journal.finish()                  # always

        assert synced == [data.fileno(), log.fileno(), data.fileno(), log.fileno()]


def slice_of(records: int) -> _Slice:
    return _Slice("crawl.jsonl", "/abs/crawl.jsonl", 0, 10, 1, records)


def test_skipping_leaves_out_whole_tasks() -> None:
    tasks = [slice_of(64), slice_of(64), slice_of(10)]

    assert list(skipping(tasks, 128)) == [slice_of(10)]
    with pytest.raises(RunAbortedError, match="left off within the records from line 1"):
        list(skipping(tasks, 100))
    with pytest.raises(RunAbortedError, match="there are 138 inputs, fewer than the 139"):
        list(skipping(tasks, 139))


# -- the command -----------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["--resume", "{dir}"], "--resume needs --output FILE"),
    (["--resume", "-o", "{out}", "-", "{dir}"], "--resume cannot read standard input again"),
    (["--resume", "-o", "{out}", "{dir}/0000.txt"],
     ("--resume applies to JSON Lines output (several inputs, a directory, or --input-format "
     "jsonl or wet), not to one document")),
])
def test_resume_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    write_folder(tmp_path / "crawl", 3, [DUMP])
    args = [a.format(dir=tmp_path / "crawl", out=tmp_path / "out.jsonl") for a in args]

    done = run("parse", *args)

    assert (done.returncode, done.stdout) == (2, "")
    assert message in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_a_run_with_resume_writes_what_a_run_without_writes(
        tmp_path: Path, small: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    plain, resumable = tmp_path / "plain.jsonl", tmp_path / "resumable.jsonl"

    status, stderr = parse_here(capsys, *small, "-o", str(plain))
    assert parse_here(capsys, *small, "-o", str(resumable), "--resume") == (status, stderr)

    assert status == 1
    assert len(stderr.splitlines()) == 6
    assert resumable.read_bytes() == plain.read_bytes()
    assert not Path(f"{plain}{SUFFIX}").exists()
    assert journal_lines(Path(f"{resumable}{SUFFIX}"))[-1]["complete"] is True


def test_a_complete_run_is_left_as_it_is_and_says_what_it_did(
        tmp_path: Path, small: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "pages.jsonl"
    status, stderr = parse_here(capsys, *small, "-o", str(output), "--resume")
    before = output.read_bytes(), Path(f"{output}{SUFFIX}").read_bytes()

    again = parse_here(capsys, *small, "-o", str(output), "--resume")

    assert again == (status, (f"pagedump: {output} is already complete (300 inputs); "
                             f"6 failed:\n{stderr}"))
    assert (output.read_bytes(), Path(f"{output}{SUFFIX}").read_bytes()) == before


def test_a_run_without_resume_overwrites_the_file_and_drops_its_journal(
        tmp_path: Path, small: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "pages.jsonl"
    parse_here(capsys, *small, "-o", str(output), "--resume")
    output.write_bytes(output.read_bytes()[:5000])

    parse_here(capsys, *small, "-o", str(output))

    assert not Path(f"{output}{SUFFIX}").exists()
    assert len(output.read_bytes()) > 5000


def reference(tmp_path: Path, args: list[str]) -> tuple[bytes, int, list[str]]:
    """What an uninterrupted run without --resume writes: FILE, status, messages."""
    target = tmp_path / "reference.jsonl"
    done = run("parse", *args, "-o", str(target))
    return target.read_bytes(), done.returncode, done.stderr.splitlines()


@pytest.mark.parametrize("seed", range(12))
def test_wherever_the_files_are_cut_resuming_ends_with_the_same_bytes(
        tmp_path: Path, small: list[str], capsys: pytest.CaptureFixture[str],
        seed: int) -> None:
    expected = tmp_path / "expected.jsonl"
    status, stderr = parse_here(capsys, *small, "-o", str(expected))
    output = tmp_path / "pages.jsonl"
    journal = Path(f"{output}{SUFFIX}")
    parse_here(capsys, *small, "-o", str(output), "--resume")
    rng = random.Random(seed)
    data, log = output.read_bytes(), journal.read_bytes()
    output.write_bytes(data[:rng.randrange(len(data) + 1)])
    header = log.index(b"\n") + 1
    journal.write_bytes(log[:rng.randrange(header, len(log) + 1)])

    again, resumed = parse_here(capsys, *small, "-o", str(output), "--resume")

    assert output.read_bytes() == expected.read_bytes()
    assert again == status
    assert messages(resumed) == stderr.splitlines()


def test_resuming_repeats_the_messages_of_inputs_that_failed_before(
        tmp_path: Path, small: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "pages.jsonl"
    _, stderr = parse_here(capsys, *small, "-o", str(output), "--resume")
    output.write_bytes(output.read_bytes()[:60_000])

    status, resumed = parse_here(capsys, *small, "-o", str(output), "--resume")

    first, *rest = resumed.splitlines()
    assert status == 1
    assert first == f"pagedump: resuming {output} after 64 inputs; 2 failed:"
    assert rest == stderr.splitlines()


def test_the_number_of_jobs_may_change_between_runs(tmp_path: Path, texts: list[str]) -> None:
    crawl = write_folder(tmp_path / "crawl", 60, texts)
    args = ["--fetched-at", FETCHED, str(crawl)]
    expected, status, errors = reference(tmp_path, args)
    output = tmp_path / "pages.jsonl"
    run("parse", "--jobs", "1", *args, "-o", str(output), "--resume")
    output.write_bytes(output.read_bytes()[:len(expected) // 3])

    done = run("parse", "--jobs", "2", *args, "-o", str(output), "--resume")

    assert output.read_bytes() == expected
    assert done.returncode == status == 1
    assert messages(done.stderr) == errors


def test_a_run_stopped_by_ctrl_c_goes_on(tmp_path: Path, texts: list[str]) -> None:
    source = write_records(tmp_path / "records.jsonl", 3000, texts)
    args = ["--input-format", "jsonl", str(source)]
    expected, status, errors = reference(tmp_path, args)
    output = tmp_path / "pages.jsonl"
    with subprocess.Popen(command("parse", "--jobs", "2", *args, "-o", str(output),
                                  "--resume"), stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 60
        while not output.exists() or output.stat().st_size < len(expected) // 4:
            assert process.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)
        _, interrupted = process.communicate(timeout=60)
    stopped = output.stat().st_size

    done = run("parse", "--jobs", "1", *args, "-o", str(output), "--resume")

    assert process.returncode == 130
    assert interrupted.decode().endswith("pagedump: interrupted\n")
    assert stopped < len(expected)
    assert output.read_bytes() == expected
    assert done.returncode == status == 1
    assert done.stderr.startswith(f"pagedump: resuming {output} after ")
    assert messages(done.stderr) == errors


def change(tmp_path: Path, args: list[str], how: str) -> tuple[list[str], str]:
    """Change the inputs or options of a run; the new arguments and the reason given."""
    crawl = tmp_path / "crawl"
    if how == "option":
        return ([*args, "--dialect", "daily8"],
                "it was begun with no --dialect, not --dialect daily8")
    if how == "inputs":
        return [*args, str(crawl / "0001.txt")], "it was begun with 1 input, not 2"
    if how == "file added":
        (crawl / "9999.txt").write_text(DUMP)
    elif how == "file modified":
        (crawl / "0002.txt").write_text(DUMP.format(n="changed"))
    return args, "its inputs have changed since it was begun"


@pytest.mark.parametrize("how", ["option", "inputs", "file added", "file modified"])
def test_the_command_refuses_another_run_with_status_2(tmp_path: Path, how: str) -> None:
    crawl = write_folder(tmp_path / "crawl", 20, [DUMP.format(n=n) for n in range(5)])
    output = tmp_path / "pages.jsonl"
    args = ["--fetched-at", FETCHED, str(crawl)]
    run("parse", *args, "-o", str(output), "--resume")
    output.write_bytes(output.read_bytes()[:1000])
    before = output.read_bytes(), Path(f"{output}{SUFFIX}").read_bytes()
    args, reason = change(tmp_path, args, how)

    done = run("parse", *args, "-o", str(output), "--resume")

    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"pagedump: cannot resume {output}: {reason}")
    assert done.stderr.endswith("; resume it with the inputs and options it was begun with, "
                                "or remove it to start again\n")
    assert (output.read_bytes(), Path(f"{output}{SUFFIX}").read_bytes()) == before


def test_the_command_refuses_a_file_it_has_no_journal_for(tmp_path: Path) -> None:
    crawl = write_folder(tmp_path / "crawl", 3, [DUMP])
    output = tmp_path / "pages.jsonl"
    output.write_text("{}\n")

    done = run("parse", str(crawl), "-o", str(output), "--resume")

    assert done.returncode == 2
    assert done.stderr == (f"pagedump: cannot resume {output}: it holds output, but there is "
                           f"no {output}{SUFFIX} to tell what run wrote it; remove it to start "
                           "again, or leave out --resume to overwrite it\n")
    assert output.read_text() == "{}\n"


def test_the_command_refuses_input_that_cannot_be_read_again(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    pipe = tmp_path / "records.jsonl"
    os.mkfifo(pipe)
    output = tmp_path / "pages.jsonl"

    done = run("parse", "--input-format", "jsonl", str(pipe), "-o", str(output), "--resume")

    assert done.returncode == 2
    assert done.stderr == (f"pagedump: cannot resume {output}: {pipe} is not a regular file: "
                           "what it holds cannot be told to be the same when it is read "
                           "again\n")
    assert not output.exists()


def test_a_second_run_cannot_write_a_file_another_is_writing(tmp_path: Path) -> None:
    source = write_records(tmp_path / "records.jsonl", 20_000,
                           [DUMP.format(n=n) for n in range(10)])
    output = tmp_path / "pages.jsonl"
    args = ["parse", "--input-format", "jsonl", "--jobs", "1", str(source), "-o", str(output),
            "--resume"]
    with subprocess.Popen(command(*args), stderr=subprocess.DEVNULL) as first:
        deadline = time.monotonic() + 60
        while not output.exists() or output.stat().st_size == 0:
            assert first.poll() is None, "the first run ended too soon"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        second = run(*args)
        first.kill()

    assert second.returncode == 2
    assert second.stderr == (f"pagedump: cannot resume {output}: another pagedump run is "
                             "writing it\n")


# -- killed at random moments ----------------------------------------------------------

KILLS = 18
"""Kills per kind of input: 54 in all."""


def input_args(kind: str, tmp_path: Path, texts: list[str]) -> list[str]:
    if kind == "text":
        return ["--fetched-at", FETCHED, str(write_folder(tmp_path / "crawl", 160, texts))]
    if kind == "jsonl":
        source = write_records(tmp_path / "records.jsonl", 1200, texts)
        return ["--input-format", "jsonl", "--fetched-at", FETCHED, str(source)]
    wet = [write_wet(tmp_path / f"{n}.warc.wet.gz", 600, texts) for n in range(2)]
    return ["--input-format", "wet", *map(str, wet)]


def workers_of(pid: int) -> list[int]:
    try:
        return [int(child) for child in
                Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def running(pid: int) -> bool:
    """Whether a process of pagedump runs with this id (a zombie does not)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
        line = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return status.rpartition(")")[2].split()[0] not in ("Z", "X") and b"pagedump" in line


def counted(output: Path) -> int:
    """How many bytes of FILE the journal's last complete line counts."""
    journal = Path(f"{output}{SUFFIX}")
    lines = journal.read_bytes().split(b"\n")[1:-1] if journal.exists() else []
    return json.loads(lines[-1])["bytes"] if lines else 0


def run_until_killed(args: list[str], output: Path, final: int,
                     rng: random.Random) -> tuple[bool, list[int]]:
    """Run, and kill the run at a random moment: at a random time from its start, or once
    FILE has grown past a random size. Whether it was killed, and its workers."""
    size = output.stat().st_size if output.exists() else 0
    threshold = rng.randrange(size, max(final, size + 1)) + 1
    by_time = rng.random() < 0.3
    deadline = time.monotonic() + rng.uniform(0, 0.4)
    workers: list[int] = []
    with subprocess.Popen(command("parse", *args), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as process:
        while process.poll() is None:
            if by_time:
                due = time.monotonic() >= deadline
            else:
                due = output.exists() and output.stat().st_size >= threshold
            workers = workers_of(process.pid) or workers
            if due:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.002)
        process.wait(timeout=60)
    return process.returncode == -signal.SIGKILL, workers


@pytest.mark.parametrize("kind", ["text", "jsonl", "wet"])
def test_killed_at_random_moments_resuming_ends_with_the_same_bytes(
        tmp_path: Path, texts: list[str], kind: str) -> None:
    args = input_args(kind, tmp_path, texts)
    expected, status, errors = reference(tmp_path, args)
    assert len(errors) >= 2
    output = tmp_path / "pages.jsonl"
    rng = random.Random(kind)
    kills, workers = 0, set()
    while kills < KILLS:
        # A run killed one to six times, resumed after each kill, then let finish.
        for _ in range(rng.randint(1, 6)):
            jobs = str(rng.randint(1, 2))
            run_args = ["--jobs", jobs, *args, "-o", str(output), "--resume"]
            killed, seen = run_until_killed(run_args, output, len(expected), rng)
            kills += killed
            workers.update(seen)
            if not killed:
                break
            # Whenever it stops, FILE is the start of what it will be (at most its last
            # line cut short), and the journal counts no more than FILE holds.
            written = output.read_bytes() if output.exists() else b""
            assert expected.startswith(written), f"after {kills} kills"
            assert counted(output) <= len(written), f"after {kills} kills"
        done = run("parse", "--jobs", str(rng.randint(1, 2)), *args, "-o", str(output),
                   "--resume")
        assert output.read_bytes() == expected, f"after {kills} kills"
        assert done.returncode == status
        assert messages(done.stderr) == errors
        output.unlink()
        Path(f"{output}{SUFFIX}").unlink()

    assert kills >= KILLS
    # Workers of killed runs stop by themselves.
    deadline = time.monotonic() + 30
    while alive := [pid for pid in workers if running(pid)]:
        assert time.monotonic() < deadline, f"workers {alive} outlived their run"
        time.sleep(0.05)
