"""The ``pagedump`` command: parse dumps to JSON, or show how their lines are classified.

``pagedump parse`` turns one dump into one JSON document, and many dumps (files,
directory trees, JSON Lines records) into JSON Lines, one record per input in input
order. ``pagedump tokens`` prints each line of a dump with its kind.
``pagedump inspect`` writes an HTML page showing a dump's lines beside the parsed page;
``pagedump schema`` prints the JSON Schema of the output.

Batch runs stream: directories are walked lazily, JSON Lines input is read line by line,
work goes to worker processes in batches with a bounded number in flight, and each
output line is written as soon as its turn comes. Memory therefore stays flat however
many inputs there are.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import itertools
import json
import multiprocessing
import os
import queue
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from multiprocessing.process import BaseProcess
from pathlib import PurePath
from types import FrameType
from typing import IO, TYPE_CHECKING, NamedTuple, Protocol, TextIO

import attrs

from pagedump import LineKind, __version__, list_dialects, load, parse, to_dict, tokenize
from pagedump._inspect import render_html
from pagedump._io import decode
from pagedump._schema import schema_text
from pagedump._warc import read_wet, require_fastwarc
from pagedump.exceptions import DecodeError, WetError

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
"""Some input could not be read or parsed, or the run was aborted."""
EXIT_USAGE = 2
"""A usage error; argparse exits with it (``SystemExit(2)``)."""
EXIT_BROKEN_PIPE = 141
"""The reader of standard output went away (128 + SIGPIPE, as a shell reports it)."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C (128 + SIGINT)."""

STDIN = "<stdin>"
"""The name standard input goes by in output records and error messages."""

# Files travel to workers as paths, so a batch costs little to send but a lot to
# parse: keep it small so that a few large files spread over all workers. Records
# travel as byte ranges of their file, or as their text when there is no file to read
# again (standard input, WET): batch enough of them to amortise the round trip, few
# enough that the last batches of a run still spread over all workers.
_FILE_BATCH = 8
_RECORD_BATCH = 64
_BATCH_BYTES = 1 << 20
_WINDOW_PER_WORKER = 2
"""Batches in flight per worker: one being parsed, one waiting, so no worker idles."""
_POLL_SECONDS = 0.5
"""How often a waiting process checks that the other side is still alive."""

_GLOBS = {"text": "*.txt", "jsonl": "*.jsonl", "wet": "*.wet.gz"}


# -- command line ----------------------------------------------------------------------

_DESCRIPTION = """\
Turn plain-text dumps of news-aggregator pages into structured JSON records."""

_EPILOG = """\
Run 'pagedump COMMAND --help' for the options of a command, e.g.
'pagedump parse --help'."""

_PARSE_DESCRIPTION = """\
Parse dumps into pages.

One input file (or - for standard input) prints one JSON document: the page.
Anything more (several inputs, a directory, or --input-format jsonl or wet)
prints JSON Lines, one object per input in input order:

  {"path": ..., "line": ..., "id": ..., "fetched_at": ..., "page": {...}}

"path" is the input file (<stdin> for standard input); "line", "id" and
"fetched_at" are the JSON Lines line number, the record's id and the time used
to resolve relative dates, or null; for wet input, "id" is the page's URL and
"fetched_at" its WARC-Date. Inputs that cannot be read or parsed are
reported on standard error and the exit status is 1; the run goes on."""

_PARSE_EPILOG = """\
examples:
  pagedump parse dump.txt --fetched-at 2025-07-14T12:00:00Z --indent 2
  pagedump parse crawl/ --glob '*.dump' --output pages.jsonl
  pagedump parse --input-format jsonl --time-field crawled_at records.jsonl
  pagedump parse --input-format wet --url-match 'daily8\\.com' CC-MAIN-*.warc.wet.gz
  cat dump.txt | pagedump parse -

exit status: 0 ok, 1 some input failed, 2 usage error, 130 interrupted
(Ctrl-C), 141 standard output closed early."""

_TOKENS_DESCRIPTION = """\
Print every line of a dump with its line number and kind, aligned, coloured by
kind on a terminal. Control characters are shown as Unicode control pictures."""


if TYPE_CHECKING:
    # Generic only in the type stubs (at run time, from Python 3.12 on).
    from multiprocessing.queues import Queue

    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]
    _TaskQueue = Queue[tuple[int, list["_Task"]] | None]
    _ResultQueue = Queue[tuple[int, "_Done"]]


def build_kind() -> str:
    """Which build of pagedump runs: ``"compiled with mypyc"`` or ``"pure Python"``.

    The compiled wheel ships the hot modules, the tokenizer among them, as extension
    modules; the pure wheel, and every editable install, runs their ``.py`` sources.
    ``pagedump --version`` prints it, for benchmarks and bug reports.
    """
    from importlib.machinery import EXTENSION_SUFFIXES  # noqa: PLC0415 - --version only

    from pagedump import _tokenizer  # noqa: PLC0415

    compiled = (_tokenizer.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))
    return "compiled with mypyc" if compiled else "pure Python"


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pagedump", description=_DESCRIPTION, epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {__version__} ({build_kind()})",
                        help="print the version and the build, then exit")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    reading = _reading_options()
    _add_parse_command(commands, reading)
    _add_tokens_command(commands, reading)
    _add_inspect_command(commands, reading)
    _add_schema_command(commands)
    return parser


def _reading_options() -> argparse.ArgumentParser:
    """Options both commands share: how bytes become text, and which dialect reads it."""
    shared = argparse.ArgumentParser(add_help=False)
    group = shared.add_argument_group("reading")
    group.add_argument(
        "--encoding", default="utf-8", type=_encoding_arg, metavar="NAME",
        help="encoding of inputs without a byte-order mark (default: utf-8, strict)")
    group.add_argument(
        "--fallback-encoding", type=_encoding_arg, metavar="NAME",
        help="encoding to retry with when --encoding fails, e.g. cp1252 (default: none)")
    group.add_argument(
        "--dialect", choices=list_dialects(), metavar="NAME",
        help=f"page layout to read: {', '.join(list_dialects())} (default: daily8)")
    return shared


def _add_parse_command(commands: _Commands, reading: argparse.ArgumentParser) -> None:
    sub: argparse.ArgumentParser = commands.add_parser(
        "parse", parents=[reading],
        help="parse dumps to JSON: one document for one input, JSON Lines for many",
        description=_PARSE_DESCRIPTION, epilog=_PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.set_defaults(run=_run_parse, command_parser=sub)
    sub.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="a dump file, a directory (searched recursively), or - for standard input")
    inputs = sub.add_argument_group("inputs")
    inputs.add_argument(
        "--input-format", choices=list(_GLOBS), default="text",
        help="text: each file is one dump; jsonl: one JSON object per line; wet: Common "
             "Crawl WET files, gzip or not, one page per record (default: text)")
    inputs.add_argument(
        "--glob", metavar="PATTERN",
        help="files to take from directories (default: *.txt; *.jsonl or *.wet.gz for "
             "jsonl or wet input)")
    inputs.add_argument(
        "--text-field", metavar="NAME",
        help='jsonl: the field holding the dump (default: "text")')
    inputs.add_argument(
        "--id-field", metavar="NAME",
        help='jsonl: the field copied to "id" in the output (default: "id")')
    inputs.add_argument(
        "--time-field", metavar="NAME",
        help="jsonl: the field holding the fetch time, ISO 8601 with zone (default: none)")
    inputs.add_argument(
        "--url-match", type=_regex_arg, metavar="REGEX",
        help="wet: only the records whose URL matches REGEX (searched anywhere in the URL, "
             "as by grep -E)")
    parsing = sub.add_argument_group("parsing")
    parsing.add_argument(
        "--fetched-at", type=_fetched_at_arg, metavar="TIME",
        help="fetch time of every input, ISO 8601 with zone, to resolve '4 days ago'")
    output = sub.add_argument_group("output")
    output.add_argument(
        "-o", "--output", metavar="FILE",
        help="write to FILE instead of standard output")
    output.add_argument(
        "--indent", type=_count_arg, metavar="N",
        help="indent a single JSON document by N spaces (JSON Lines stay one per line)")
    running = sub.add_argument_group("running")
    running.add_argument(
        "-j", "--jobs", type=_positive_arg, default=os.cpu_count() or 1, metavar="N",
        help="worker processes (default: the number of CPUs; 1 runs in this process)")
    running.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress bar (it is shown only on a terminal, for several inputs)")


def _add_tokens_command(commands: _Commands, reading: argparse.ArgumentParser) -> None:
    sub: argparse.ArgumentParser = commands.add_parser(
        "tokens", parents=[reading],
        help="print each line of a dump with its kind (headline, body, related, ...)",
        description=_TOKENS_DESCRIPTION)
    sub.set_defaults(run=_run_tokens, command_parser=sub)
    sub.add_argument("file", metavar="FILE", help="the dump, or - for standard input")
    sub.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto", metavar="WHEN",
        help="colour by kind: auto (default: on a terminal, unless NO_COLOR is set), "
             "always or never")


def _encoding_arg(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r}") from None


def _fetched_at_arg(text: str) -> datetime:
    try:
        return _aware_time(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _regex_arg(text: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as exc:
        raise argparse.ArgumentTypeError(f"not a regular expression: {exc}") from None


def _count_arg(text: str) -> int:
    number = _int_arg(text)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def _positive_arg(text: str) -> int:
    number = _int_arg(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _int_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def _aware_time(text: str) -> datetime:
    """Read an ISO 8601 time that names its zone.

    Raises:
        ValueError: ``text`` is not ISO 8601, or has no zone; the message says which.
    """
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 time") from None
    if value.utcoffset() is None:
        raise ValueError(f"{text!r} has no time zone; add an offset such as +00:00 or Z")
    return value


# -- what one input becomes (runs in the workers) --------------------------------------


@attrs.frozen
class _Settings:
    """How every input is read, parsed and written; sent once to each worker.

    Attributes:
        input_format: ``"text"`` (a job is a whole dump) or ``"jsonl"`` (a job is one
            JSON Lines record).
        encoding: The encoding of input bytes without a byte-order mark.
        fallback: The encoding to retry with, or ``None``.
        text_field: The JSON Lines field holding the dump.
        id_field: The JSON Lines field copied to the output's ``id``.
        time_field: The JSON Lines field holding the fetch time, or ``None``.
        fetched_at: The fetch time of inputs that carry none of their own.
        dialect: The dialect's registered name, or ``None`` for the default.
        indent: The indent of a single JSON document.
        wrap: Write JSON Lines records carrying the input's identity, rather than one
            bare page document.
    """

    input_format: str
    encoding: str
    fallback: str | None
    text_field: str
    id_field: str
    time_field: str | None
    fetched_at: datetime | None
    dialect: str | None
    indent: int | None
    wrap: bool


class _Job(NamedTuple):
    """One input: a dump file, standard input, or one JSON Lines record."""

    source: str
    """The file it comes from, or :data:`STDIN`."""
    line: int | None
    """The line number of a JSON Lines record."""
    data: bytes | None
    """Its bytes; ``None`` for a file the worker reads itself."""


class _WetJob(NamedTuple):
    """One page of a WET file, read in the main process."""

    source: str
    """The WET file, or :data:`STDIN`."""
    offset: int
    """Where the record starts in the file."""
    url: str
    fetched_at: datetime
    """The record's WARC-Date."""
    text: str


class _Slice(NamedTuple):
    """A run of JSON Lines records in a file, which the worker reads from the file itself."""

    source: str
    """The file, as named on the command line or found in a directory."""
    path: str
    """The file, as the worker opens it: by its own name, symbolic links resolved."""
    offset: int
    """Where its first line starts."""
    length: int
    """How many bytes it spans; it ends where a line ends."""
    line: int
    """The line number of its first line."""
    records: int
    """How many records (lines that are not blank) it holds."""


class _Failure(NamedTuple):
    """An input that failed before it became a job (a file that cannot be opened)."""

    message: str


class _Outcome(NamedTuple):
    """What became of one input: its output line(s), or an error message."""

    output: bytes | None
    error: str | None


class _Done(NamedTuple):
    """What became of a batch, as it goes back from a worker."""

    output: bytes
    """The output lines of its inputs, joined, in input order."""
    errors: list[str]
    """The messages of its inputs that failed, in input order."""
    inputs: int
    """How many inputs it held."""


_Task = _Job | _WetJob | _Slice | _Failure


class _Record(NamedTuple):
    text: str
    id: object
    fetched_at: datetime | None


class _InputError(Exception):
    """An input that cannot be read or parsed; the message says where and why."""


def _process_batch(settings: _Settings, batch: Sequence[_Task]) -> _Done:
    """Parse a batch, in a worker process or in this one."""
    lines: list[bytes] = []
    errors: list[str] = []
    inputs = 0
    for task in batch:
        if isinstance(task, _Slice):
            try:
                jobs: Sequence[_Job | _WetJob | _Failure] = _read_slice(task)
            except _InputError as exc:
                errors.append(str(exc))
                inputs += task.records
                continue
        else:
            jobs = (task,)
        for job in jobs:
            output, error = _process(settings, job)
            if output is not None:
                lines.append(output)
            else:
                errors.append(f"{error}")
        inputs += len(jobs)
    return _Done(b"".join(lines), errors, inputs)


def _read_slice(task: _Slice) -> list[_Job]:
    """The records of a slice, read from its file and split as :func:`_jsonl_jobs` does."""
    try:
        with open(task.path, "rb") as stream:
            stream.seek(task.offset)
            data = stream.read(task.length)
    except OSError as exc:
        raise _InputError(f"{task.source}: {exc.strerror or exc}") from exc
    if len(data) < task.length:
        raise _InputError(f"{task.source}:{task.line}: the file changed while it was read")
    return list(_jsonl_jobs(task.source, io.BytesIO(data), start=task.line))


def _process(settings: _Settings, task: _Job | _WetJob | _Failure) -> _Outcome:
    if isinstance(task, _Failure):
        return _Outcome(None, task.message)
    if isinstance(task, _WetJob):
        return _process_wet(settings, task)
    try:
        return _Outcome(_render(settings, task), None)
    except _InputError as exc:
        return _Outcome(None, str(exc))
    except Exception as exc:  # a parser bug must not end a long batch run
        return _Outcome(None, f"{_where(task)}: cannot parse: {type(exc).__name__}: {exc}")


def _process_wet(settings: _Settings, job: _WetJob) -> _Outcome:
    try:
        page = to_dict(parse(job.text, fetched_at=job.fetched_at, dialect=settings.dialect))
    except Exception as exc:  # a parser bug must not end a long batch run
        return _Outcome(None, f"{job.source}:{job.offset}: cannot parse: "
                              f"{type(exc).__name__}: {exc}")
    return _Outcome(_dumps({"path": job.source, "line": None, "id": job.url,
                            "fetched_at": job.fetched_at.isoformat(), "page": page},
                           indent=None), None)


def _render(settings: _Settings, job: _Job) -> bytes:
    if settings.input_format == "jsonl":
        record = _read_record(settings, job)
    else:
        text = _read_text(job, encoding=settings.encoding, fallback=settings.fallback)
        record = _Record(text, None, settings.fetched_at)
    page = to_dict(parse(record.text, fetched_at=record.fetched_at, dialect=settings.dialect))
    if not settings.wrap:
        return _dumps(page, indent=settings.indent)
    fetched_at = None if record.fetched_at is None else record.fetched_at.isoformat()
    return _dumps({"path": job.source, "line": job.line, "id": record.id,
                   "fetched_at": fetched_at, "page": page}, indent=None)


def _dumps(value: object, *, indent: int | None) -> bytes:
    """JSON text and a newline, as UTF-8."""
    try:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a "\ud800" escape in JSON input) has no UTF-8 form;
        # escaped, it stays valid JSON that reads back the same.
        return (json.dumps(value, indent=indent) + "\n").encode("ascii")


def _where(job: _Job) -> str:
    return job.source if job.line is None else f"{job.source}:{job.line}"


def _read_text(job: _Job, *, encoding: str, fallback: str | None) -> str:
    try:
        if job.data is None:
            return load(job.source, encoding=encoding, fallback=fallback)
        return decode(job.data, encoding=encoding, fallback=fallback, source=job.source)
    except OSError as exc:
        raise _InputError(f"{job.source}: {exc.strerror or exc}") from exc
    except DecodeError as exc:
        hint = "" if fallback else "; try --fallback-encoding cp1252"
        raise _InputError(f"{_where(job)}: cannot decode byte {exc.offset} as {exc.encoding} "
                          f"({exc.reason}){hint}") from exc


def _read_record(settings: _Settings, job: _Job) -> _Record:
    where = _where(job)
    line = _read_text(job, encoding=settings.encoding, fallback=settings.fallback)
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _InputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(value, dict):
        raise _InputError(f"{where}: expected a JSON object, got {_json_type(value)}")
    text = value.get(settings.text_field)
    if not isinstance(text, str):
        problem = "is missing" if text is None else f"is {_json_type(text)}, not a string"
        raise _InputError(f"{where}: field {settings.text_field!r} {problem}")
    fetched_at = settings.fetched_at
    stamp = value.get(settings.time_field) if settings.time_field else None
    if stamp is not None:
        fetched_at = _record_time(where, settings.time_field, stamp)
    return _Record(text, value.get(settings.id_field), fetched_at)


def _record_time(where: str, field: str | None, stamp: object) -> datetime:
    if not isinstance(stamp, str):
        raise _InputError(f"{where}: field {field!r} is {_json_type(stamp)}, not a string")
    try:
        return _aware_time(stamp)
    except ValueError as exc:
        raise _InputError(f"{where}: field {field!r}: {exc}") from exc


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string",
             list: "an array", dict: "an object"}
    return names.get(type(value), "null")


# -- finding inputs (runs in the main process, lazily) ---------------------------------


def _tasks(inputs: Sequence[str], *, input_format: str, pattern: str) -> Iterator[_Task]:
    """Every input named on the command line, in order, one job at a time."""
    for name in inputs:
        if name == "-":
            yield from _stdin_tasks(input_format)
        elif os.path.isdir(name):
            for found in _walk(name, pattern):
                if isinstance(found, _Failure):
                    yield found
                else:
                    yield from _file_tasks(found, input_format)
        else:
            yield from _file_tasks(name, input_format)


def _stdin_tasks(input_format: str) -> Iterator[_Task]:
    if input_format == "jsonl":
        yield from _jsonl_jobs(STDIN, sys.stdin.buffer)
    elif input_format == "wet":
        yield from _wet_tasks(STDIN, sys.stdin.buffer)
    else:
        yield _Job(STDIN, None, sys.stdin.buffer.read())


def _file_tasks(path: str, input_format: str) -> Iterator[_Task]:
    if input_format == "text":
        yield _Job(path, None, None)
        return
    if input_format == "wet":
        yield from _wet_tasks(path, path)
        return
    try:
        with open(path, "rb") as stream:
            real = _reopenable(path, stream)
            if real is None:
                yield from _jsonl_jobs(path, stream)
            else:
                yield from _jsonl_slices(path, real, stream)
    except OSError as exc:
        yield _Failure(f"{path}: {exc.strerror or exc}")


def _reopenable(path: str, stream: IO[bytes]) -> str | None:
    """A name by which any process can open the file that ``stream`` reads, if there is one.

    A pipe cannot be read twice; a name such as ``/dev/fd/3`` may mean another file, or
    none, in another process. The file's own name, symbolic links resolved, must lead to
    this very file.
    """
    if not stream.seekable():
        return None
    real = os.path.realpath(path)
    try:
        same = os.path.samestat(os.stat(real), os.fstat(stream.fileno()))
    except OSError:
        return None
    return real if same else None


def _jsonl_jobs(source: str, stream: IO[bytes], *, start: int = 1) -> Iterator[_Job]:
    """The records of a JSON Lines stream whose first line is line ``start``."""
    for number, raw in enumerate(stream, start=start):
        if not raw.isspace():  # (a line read from a stream is never empty)
            yield _Job(source, number, raw)


def _jsonl_slices(source: str, path: str, stream: IO[bytes]) -> Iterator[_Slice]:
    """The records of a JSON Lines file as byte ranges of a batch each.

    The lines are read here only to find where records start and end: their bytes do
    not have to travel to a worker process, which reads its slice from the file.
    """
    start = end = records = 0
    first = 1
    for number, raw in enumerate(stream, start=1):
        end += len(raw)
        if not raw.isspace():
            records += 1
        if records and (records >= _RECORD_BATCH or end - start >= _BATCH_BYTES):
            yield _Slice(source, path, start, end - start, first, records)
            start, first, records = end, number + 1, 0
    if records:
        yield _Slice(source, path, start, end - start, first, records)


def _wet_tasks(source: str, path_or_file: str | IO[bytes]) -> Iterator[_Task]:
    """The pages of a WET file, and its damage, in file order."""
    try:
        for item in read_wet(path_or_file):
            if isinstance(item, WetError):
                yield _Failure(f"{source}:{item.offset}: {item.reason}")
            else:
                yield _WetJob(source, item.offset, item.url, item.fetched_at, item.text)
    except OSError as exc:
        yield _Failure(f"{source}: {exc.strerror or exc}")


def _matching(tasks: Iterable[_Task], pattern: re.Pattern[str]) -> Iterator[_Task]:
    """Leave out the WET pages whose URL does not match; everything else stays."""
    for task in tasks:
        if not isinstance(task, _WetJob) or pattern.search(task.url):
            yield task


def _walk(top: str, pattern: str) -> Iterator[str | _Failure]:
    """The files under ``top`` whose path relative to it matches ``pattern``, sorted."""
    errors: list[OSError] = []
    for directory, subdirectories, files in os.walk(top, onerror=errors.append):
        yield from _drain(errors)
        subdirectories.sort()  # os.walk descends in the order left here
        relative = os.path.relpath(directory, top)
        for name in sorted(files):
            if PurePath(relative, name).match(pattern):
                yield os.path.join(directory, name)
    yield from _drain(errors)


def _drain(errors: list[OSError]) -> Iterator[_Failure]:
    for error in errors:
        yield _Failure(f"{error.filename}: {error.strerror or error}")
    errors.clear()


def _batches(tasks: Iterable[_Task], *, size: int) -> Iterator[list[_Task]]:
    """Group tasks into batches of ``size`` inputs, or fewer if their data reach a megabyte.

    A slice counts as the records it holds, and is never split.
    """
    batch: list[_Task] = []
    count = weight = 0
    for task in tasks:
        batch.append(task)
        count += task.records if isinstance(task, _Slice) else 1
        if isinstance(task, _Job) and task.data is not None:
            weight += len(task.data)
        elif isinstance(task, _WetJob):
            weight += len(task.text)
        elif isinstance(task, _Slice):
            weight += task.length
        if count >= size or weight >= _BATCH_BYTES:
            yield batch
            batch, count, weight = [], 0, 0
    if batch:
        yield batch


# -- running the batches ---------------------------------------------------------------


class _Runner(Protocol):
    """Turns batches of tasks into what became of them, in input order."""

    def results(self, batches: Iterable[list[_Task]]) -> Iterator[_Done]: ...

    def close(self) -> None: ...

    def terminate(self) -> None: ...


class _RunAbortedError(Exception):
    """The run cannot go on (a worker process died)."""


@attrs.define
class _InProcess:
    """Runs every batch in this process: for ``--jobs 1`` and single inputs."""

    settings: _Settings

    def results(self, batches: Iterable[list[_Task]]) -> Iterator[_Done]:
        for batch in batches:
            yield _process_batch(self.settings, batch)

    def close(self) -> None:
        pass

    def terminate(self) -> None:
        pass


class _WorkerPool:
    """Worker processes parsing batches, with a bounded window of batches in flight.

    Batches go out on one queue tagged with their sequence number and come back on
    another in whatever order the workers finish them; :meth:`results` hands them on in
    input order. Only so many batches are out at once, so memory stays flat however long
    the input is (``Pool.imap`` would read all of it ahead through its feeder thread).
    """

    def __init__(self, settings: _Settings, workers: int) -> None:
        context = (multiprocessing.get_context("fork") if _can_fork()
                   else multiprocessing.get_context("spawn"))
        self._tasks: _TaskQueue = context.Queue()
        self._results: _ResultQueue = context.Queue()
        self._window = _WINDOW_PER_WORKER * workers
        self._processes: list[BaseProcess] = [
            context.Process(target=_worker, args=(settings, self._tasks, self._results),
                            name=f"pagedump-worker-{n}", daemon=True)
            for n in range(workers)
        ]
        # Started with SIGINT ignored, which they inherit: a Ctrl-C at the terminal goes
        # to the whole process group, and only this process should act on it.
        with _sigint_ignored():
            for process in self._processes:
                process.start()

    def results(self, batches: Iterable[list[_Task]]) -> Iterator[_Done]:
        finished: dict[int, _Done] = {}
        sent = handed = 0
        for batch in batches:
            self._tasks.put((sent, batch))
            sent += 1
            if sent - handed == self._window:
                yield self._wait_for(handed, finished)
                handed += 1
        while handed < sent:
            yield self._wait_for(handed, finished)
            handed += 1

    def _wait_for(self, number: int, finished: dict[int, _Done]) -> _Done:
        while number not in finished:
            done, result = self._next_result()
            finished[done] = result
        return finished.pop(number)

    def _next_result(self) -> tuple[int, _Done]:
        while True:
            # Checked before every result, not only when results stop coming, so that
            # a worker that dies always ends the run, even one that died idle.
            self._check_workers()
            try:
                return self._results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                pass

    def _check_workers(self) -> None:
        for process in self._processes:
            if process.exitcode is not None:
                raise _RunAbortedError(
                    f"worker process {process.name} stopped unexpectedly "
                    f"(exit code {process.exitcode})")

    def close(self) -> None:
        """Let the workers finish and wait for them."""
        for _ in self._processes:
            self._tasks.put(None)
        for process in self._processes:
            process.join()
        self._tasks.close()
        self._tasks.join_thread()
        self._results.close()

    def terminate(self) -> None:
        """Stop the workers now, abandoning their work."""
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            process.join()
        # Nobody reads the task queue any more: do not wait at exit for its feeder
        # thread to push the remaining batches into the pipe.
        self._tasks.cancel_join_thread()
        self._tasks.close()
        self._results.close()


def _worker(settings: _Settings, tasks: _TaskQueue, results: _ResultQueue) -> None:
    """The body of a worker process: parse batches until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    while True:
        try:
            task = tasks.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            # A parent killed outright sends no stop message; do not outlive it.
            if parent is not None and not parent.is_alive():
                return
            continue
        if task is None:
            return
        number, batch = task
        results.put((number, _process_batch(settings, batch)))


def _can_fork() -> bool:
    """Whether to start worker processes by forking this one rather than spawning them.

    A forked worker starts in milliseconds with pagedump already imported; a spawned one
    starts a fresh interpreter that imports it again, which costs each worker about a
    fifth of a second of CPU time before it parses anything. Forking is safe on Linux
    while this process runs a single thread: with more, a lock that another thread holds
    at the moment of the fork would stay held in the child for good. The command starts
    no thread before its workers (the queues start their feeder threads on first use),
    but a native library might, so the threads are counted, not assumed. Elsewhere, and
    in doubt, spawn.
    """
    return sys.platform == "linux" and _thread_count() == 1


def _thread_count() -> int:
    """The threads of this process, native ones included, or 0 if that is unknown."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# -- output, interrupts and progress ---------------------------------------------------


class _InterruptGuard:
    """Turns SIGINT into KeyboardInterrupt, except while a line of output is written.

    A KeyboardInterrupt in the middle of a write would leave half a line behind; inside
    :meth:`deferred` an interrupt waits until the lines are complete.
    """

    def __init__(self) -> None:
        self._deferring = False
        self._pending = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self._deferring:
            self._pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold back interrupts for the duration of the block."""
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT with this guard for the duration of the block.

        A SIGINT that is ignored (a background job of a shell) stays ignored.
        """
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            yield
            return
        previous = signal.signal(signal.SIGINT, self)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)


@attrs.define
class _Output:
    """Where output goes: whole lines, a batch at a time, each batch flushed at once."""

    stream: IO[bytes]
    guard: _InterruptGuard

    def write(self, lines: bytes) -> None:
        """Write complete lines; a Ctrl-C meanwhile takes effect once they are out."""
        if not lines:
            return
        with self.guard.deferred():
            self.stream.write(lines)
            self.stream.flush()


class _Progress:
    """A one-line progress report on a terminal, redrawn at most ten times a second.

    Args:
        stream: Where to draw, or ``None`` for no report at all.
        total: How many inputs there are, when that is known up front.
        clock: Seconds, monotonic.
    """

    _INTERVAL = 0.1
    _BAR = 20

    def __init__(self, stream: TextIO | None, total: int | None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._total = total
        self._clock = clock
        self._start = self._drawn = clock()
        self._count = 0
        self._visible = False

    def advance(self, count: int) -> None:
        self._count += count
        now = self._clock()
        if self._stream is not None and now - self._drawn >= self._INTERVAL:
            self._draw(now)

    def clear(self) -> None:
        """Remove the line, so that a message can be printed in its place."""
        if self._stream is not None and self._visible:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._visible = False

    def finish(self) -> None:
        """Draw the final count and leave it on screen."""
        if self._stream is not None:
            self._draw(self._clock())
            self._stream.write("\n")
            self._stream.flush()
            self._visible = False

    def _draw(self, now: float) -> None:
        assert self._stream is not None
        self._drawn = now
        line = self._describe(now)[: _terminal_width(self._stream) - 1]
        self._stream.write(f"\r{line}\x1b[K")
        self._stream.flush()
        self._visible = True

    def _describe(self, now: float) -> str:
        count, total = self._count, self._total
        rate = count / max(now - self._start, 1e-9)
        if total is None:
            return f"pagedump: {count:,} done  {rate:,.0f}/s"
        filled = self._BAR * count // max(total, 1)
        bar = "#" * filled + "-" * (self._BAR - filled)
        eta = _duration((total - count) / rate) if rate > 0 else "?"
        return (f"pagedump: {count:,}/{total:,} [{bar}] {100 * count // max(total, 1)}%"
                f"  {rate:,.0f}/s  ETA {eta}")


def _terminal_width(stream: TextIO) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        columns = 0
    return columns or 80  # a terminal that does not know its size says 0


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _error(message: str) -> None:
    print(f"pagedump: {message}", file=sys.stderr, flush=True)


# -- pagedump parse --------------------------------------------------------------------


def _run_parse(args: argparse.Namespace, guard: _InterruptGuard) -> int:
    command: argparse.ArgumentParser = args.command_parser
    _check_parse_args(command, args)
    stream = _open_output(command, args.output)
    try:
        return _parse_inputs(args, _Output(stream, guard))
    finally:
        if stream is not sys.stdout.buffer:
            stream.close()


def _parse_inputs(args: argparse.Namespace, output: _Output) -> int:
    inputs: list[str] = args.inputs
    input_format: str = args.input_format
    single = input_format == "text" and len(inputs) == 1 and not os.path.isdir(inputs[0])
    total = len(inputs) if input_format == "text" and not any(
        os.path.isdir(name) for name in inputs) else None
    size = _RECORD_BATCH if input_format in ("jsonl", "wet") else _FILE_BATCH
    tasks = _tasks(inputs, input_format=input_format,
                   pattern=args.glob or _GLOBS[input_format])
    if args.url_match is not None:
        tasks = _matching(tasks, args.url_match)
    batches = _batches(tasks, size=size)
    # Workers take a few tenths of a second to start: not worth it for one batch.
    head = list(itertools.islice(batches, 2))
    workers = args.jobs if len(head) > 1 else 1
    if total is not None:
        workers = min(workers, -(-total // size))
    settings = _settings(args, wrap=not single)
    runner: _Runner = _WorkerPool(settings, workers) if workers > 1 else _InProcess(settings)
    show = not (single or args.quiet) and sys.stderr.isatty()
    progress = _Progress(sys.stderr if show else None, total)
    return _drive(runner, itertools.chain(head, batches), output, progress)


def _check_parse_args(command: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.input_format != "jsonl":
        given = [option for option, value in (("--text-field", args.text_field),
                                              ("--id-field", args.id_field),
                                              ("--time-field", args.time_field)) if value]
        if given:
            command.error(f"{', '.join(given)} only apply to --input-format jsonl")
    if args.input_format == "wet":
        _check_wet_args(command, args)
    elif args.url_match is not None:
        command.error("--url-match only applies to --input-format wet")


def _check_wet_args(command: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.fetched_at is not None:
        command.error("--fetched-at does not apply to --input-format wet: "
                      "each record's WARC-Date is its fetch time")
    try:
        require_fastwarc()
    except ImportError as exc:
        command.error(str(exc))


def _settings(args: argparse.Namespace, *, wrap: bool) -> _Settings:
    return _Settings(
        input_format=args.input_format,
        encoding=args.encoding,
        fallback=args.fallback_encoding,
        text_field=args.text_field or "text",
        id_field=args.id_field or "id",
        time_field=args.time_field,
        fetched_at=args.fetched_at,
        dialect=args.dialect,
        indent=args.indent,
        wrap=wrap,
    )


def _open_output(command: argparse.ArgumentParser, path: str | None) -> IO[bytes]:
    if path is None:
        return sys.stdout.buffer
    try:
        return open(path, "wb")  # closed by the caller, after the run
    except OSError as exc:
        command.error(f"argument -o/--output: cannot write {path}: {exc.strerror or exc}")


def _drive(runner: _Runner, batches: Iterable[list[_Task]], output: _Output,
           progress: _Progress) -> int:
    """Run the batches and write their outcomes; return the exit status."""
    failed = False
    try:
        for done in runner.results(batches):
            if done.errors:
                progress.clear()
                for message in done.errors:
                    _error(message)
                failed = True
            output.write(done.output)
            progress.advance(done.inputs)
    except BaseException:
        progress.clear()
        runner.terminate()
        raise
    runner.close()
    progress.finish()
    return EXIT_FAILED if failed else EXIT_OK


# -- pagedump tokens -------------------------------------------------------------------

_COLOURS = {
    LineKind.BLANK: "2",
    LineKind.BOILERPLATE: "90",
    LineKind.HEADLINE: "1;33",
    LineKind.DATELINE: "36",
    LineKind.BODY: "",
    LineKind.HEADING: "1;34",
    LineKind.RELATED: "35",
}
_KIND_WIDTH = max(len(kind.value) for kind in LineKind)
# C0 controls and DEL as Unicode control pictures, so a stray escape in a dump cannot
# drive the terminal. Tabs stay.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {127: 0x2421}


def _run_tokens(args: argparse.Namespace, guard: _InterruptGuard) -> int:
    job = _Job(STDIN, None, sys.stdin.buffer.read()) if args.file == "-" else _Job(
        args.file, None, None)
    try:
        text = _read_text(job, encoding=args.encoding, fallback=args.fallback_encoding)
    except _InputError as exc:
        _error(str(exc))
        return EXIT_FAILED
    colour = _wants_colour(args.color, sys.stdout)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    lines = tokenize(text, dialect=args.dialect)
    width = len(str(len(lines)))
    for line in lines:
        sys.stdout.write(_token_row(line.lineno, line.kind, line.text, width, colour=colour))
    sys.stdout.flush()
    return EXIT_OK


def _wants_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False  # https://no-color.org: any non-empty NO_COLOR value
    return stream.isatty()


def _token_row(lineno: int, kind: LineKind, text: str, width: int, *, colour: bool) -> str:
    number = f"{lineno:>{width}}"
    label = f"{kind.value:<{_KIND_WIDTH}}" if text else kind.value
    shown = text.translate(_CONTROL_PICTURES)
    if colour:
        number = _paint(number, "2")
        label = _paint(label, _COLOURS[kind])
        shown = _paint(shown, _COLOURS[kind])
    return f"{number}  {label}  {shown}\n" if text else f"{number}  {label}\n"


def _paint(text: str, sgr: str) -> str:
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr and text else text


# -- pagedump inspect and pagedump schema ----------------------------------------------

_INSPECT_DESCRIPTION = """\
Write one self-contained HTML page (inline CSS and JavaScript, works offline) that
shows the dump line by line, numbered and coloured by kind, beside the page parsed
from it. Hover or click a line to see where it went, or a part of the page to see
the lines it came from."""


def _add_inspect_command(commands: _Commands, reading: argparse.ArgumentParser) -> None:
    sub: argparse.ArgumentParser = commands.add_parser(
        "inspect", parents=[reading],
        help="write an HTML page showing each line of a dump beside the parsed page",
        description=_INSPECT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.set_defaults(run=_run_inspect, command_parser=sub)
    sub.add_argument("file", metavar="DUMP", help="the dump, or - for standard input")
    sub.add_argument(
        "-o", "--output", metavar="FILE",
        help="where to write the page, - for standard output (default: DUMP with an .html "
             "suffix; standard output when DUMP is -)")
    sub.add_argument(
        "--fetched-at", type=_fetched_at_arg, metavar="TIME",
        help="fetch time of the dump, ISO 8601 with zone, to resolve '4 days ago'")


def _add_schema_command(commands: _Commands) -> None:
    sub: argparse.ArgumentParser = commands.add_parser(
        "schema", help="print the JSON Schema (draft 2020-12) of the pages parse writes",
        description="Print the JSON Schema (draft 2020-12) of one page as 'pagedump parse' "
                    "writes it (the 'page' of each JSON Lines record).")
    sub.set_defaults(run=_run_schema, command_parser=sub)


def _inspect_target(source: str, output: str | None) -> str:
    if output is not None:
        return output
    if source == "-":
        return "-"
    path = PurePath(source)
    return str(path.with_name(path.name + ".html") if path.suffix == ".html"
               else path.with_suffix(".html"))


def _run_inspect(args: argparse.Namespace, guard: _InterruptGuard) -> int:
    source: str = args.file
    job = _Job(STDIN, None, sys.stdin.buffer.read()) if source == "-" else _Job(
        source, None, None)
    try:
        text = _read_text(job, encoding=args.encoding, fallback=args.fallback_encoding)
    except _InputError as exc:
        _error(str(exc))
        return EXIT_FAILED
    page = parse(text, fetched_at=args.fetched_at, dialect=args.dialect)
    # Tokenize with the dialect that read the page, so both panes agree.
    dialect = args.dialect or (page.site if page.site in list_dialects() else None)
    lines = tokenize(text, dialect=dialect)
    name = job.source if source == "-" else PurePath(source).name
    document = render_html(lines, page, name=name, fetched_at=args.fetched_at).encode("utf-8")
    target = _inspect_target(source, args.output)
    if target == "-":
        _Output(sys.stdout.buffer, guard).write(document)
        return EXIT_OK
    stream = _open_output(args.command_parser, target)
    with stream:
        _Output(stream, guard).write(document)
    print(f"pagedump: wrote {target}", file=sys.stderr)
    return EXIT_OK


def _run_schema(args: argparse.Namespace, guard: _InterruptGuard) -> int:
    _Output(sys.stdout.buffer, guard).write(schema_text().encode("utf-8"))
    return EXIT_OK


# -- entry point -----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``pagedump`` command.

    Args:
        argv: The arguments, without the program name; ``None`` for ``sys.argv[1:]``.

    Returns:
        The exit status: 0 when every input was parsed, 1 when some failed or the run
        was aborted, 2 for a usage error (raised as ``SystemExit`` by argparse), 130
        when interrupted, 141 when standard output was closed early.
    """
    try:
        args = _build_parser().parse_args(argv)
        guard = _InterruptGuard()
        with guard.installed():
            status: int = args.run(args, guard)
            return status
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except _RunAbortedError as exc:
        _error(f"{exc}; stopping")
        return EXIT_FAILED


def _silence_stdout() -> None:
    # Python flushes stdout at exit; into a closed pipe that would fail once more.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
