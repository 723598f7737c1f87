"""Batch runs of ``pagedump parse``: inputs found lazily, parsed in batches, in order.

What one input becomes (read, parsed, written as a JSON line) runs in the worker
processes; finding the inputs (files, directory trees, JSON Lines records as byte
ranges, WET pages) runs lazily in the main process; :class:`WorkerPool` hands batches
to the workers with a bounded number in flight and gives their results back in input
order, so memory stays flat however many inputs there are.
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import queue
import re
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from multiprocessing.process import BaseProcess
from pathlib import PurePath
from typing import IO, TYPE_CHECKING, NamedTuple, Protocol

import attrs

from pagedump import load, parse, to_dict
from pagedump._dates import is_aware
from pagedump._io import decode, decode_text
from pagedump._warc import read_wet
from pagedump.exceptions import DecodeError, WetError

__all__ = [
    "FILE_BATCH",
    "GLOBS",
    "RECORD_BATCH",
    "STDIN",
    "Done",
    "InProcess",
    "InputError",
    "Job",
    "RunAbortedError",
    "Runner",
    "Settings",
    "Task",
    "WorkerPool",
    "aware_time",
    "find_tasks",
    "group_batches",
    "input_files",
    "matching",
    "read_text",
    "skipping",
]

STDIN = "<stdin>"
"""The name standard input goes by in output records and error messages."""

# Files travel to workers as paths, so a batch costs little to send but a lot to
# parse: keep it small so that a few large files spread over all workers. Records
# travel as byte ranges of their file, or as their text when there is no file to read
# again (standard input, WET): batch enough of them to amortise the round trip, few
# enough that the last batches of a run still spread over all workers.
FILE_BATCH = 8
RECORD_BATCH = 64
_BATCH_BYTES = 1 << 20
_WINDOW_PER_WORKER = 2
"""Batches in flight per worker: one being parsed, one waiting, so no worker idles."""
_POLL_SECONDS = 0.5
"""How often a waiting process checks that the other side is still alive."""

GLOBS = {"text": "*.txt", "jsonl": "*.jsonl", "wet": "*.wet.gz"}


if TYPE_CHECKING:
    # Generic only in the type stubs (at run time, from Python 3.12 on).
    from multiprocessing.queues import Queue

    _TaskQueue = Queue[tuple[int, list["Task"]] | None]
    _ResultQueue = Queue[tuple[int, "Done"] | None]


def aware_time(text: str) -> datetime:
    """Read an ISO 8601 time that names its zone.

    Raises:
        ValueError: ``text`` is not ISO 8601, or has no zone; the message says which.
    """
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 time") from None
    if not is_aware(value):
        raise ValueError(f"{text!r} has no time zone; add an offset such as +00:00 or Z")
    return value


# -- what one input becomes (runs in the workers) --------------------------------------


@attrs.frozen
class Settings:
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


class Job(NamedTuple):
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


class Done(NamedTuple):
    """What became of a batch, as it goes back from a worker."""

    output: bytes
    """The output lines of its inputs, joined, in input order."""
    errors: list[str]
    """The messages of its inputs that failed, in input order."""
    inputs: int
    """How many inputs it held."""


Task = Job | _WetJob | _Slice | _Failure


class _Record(NamedTuple):
    text: str
    id: object
    fetched_at: datetime | None


class InputError(Exception):
    """An input that cannot be read or parsed; the message says where and why."""


def _process_batch(settings: Settings, batch: Sequence[Task]) -> Done:
    """Parse a batch, in a worker process or in this one."""
    lines: list[bytes] = []
    errors: list[str] = []
    inputs = 0
    for task in batch:
        if isinstance(task, _Slice):
            try:
                jobs: Sequence[Job | _WetJob | _Failure] = _read_slice(task)
            except InputError as exc:
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
    return Done(b"".join(lines), errors, inputs)


def _read_slice(task: _Slice) -> list[Job]:
    """The records of a slice, read from its file and split as :func:`_jsonl_jobs` does."""
    try:
        with open(task.path, "rb") as stream:
            stream.seek(task.offset)
            data = stream.read(task.length)
    except OSError as exc:
        raise InputError(f"{task.source}: {exc.strerror or exc}") from exc
    if len(data) < task.length:
        raise InputError(f"{task.source}:{task.line}: the file changed while it was read")
    return list(_jsonl_jobs(task.source, io.BytesIO(data), start=task.line))


def _process(settings: Settings, task: Job | _WetJob | _Failure) -> _Outcome:
    if isinstance(task, _Failure):
        return _Outcome(None, task.message)
    if isinstance(task, _WetJob):
        return _process_wet(settings, task)
    try:
        return _Outcome(_render(settings, task), None)
    except InputError as exc:
        return _Outcome(None, str(exc))
    except Exception as exc:  # a parser bug must not end a long batch run
        return _Outcome(None, f"{_where(task)}: cannot parse: {type(exc).__name__}: {exc}")


def _process_wet(settings: Settings, job: _WetJob) -> _Outcome:
    try:
        page = to_dict(parse(job.text, fetched_at=job.fetched_at, dialect=settings.dialect))
    except Exception as exc:  # a parser bug must not end a long batch run
        return _Outcome(None, f"{job.source}:{job.offset}: cannot parse: "
                              f"{type(exc).__name__}: {exc}")
    return _Outcome(_dumps({"path": job.source, "line": None, "id": job.url,
                            "fetched_at": job.fetched_at.isoformat(), "page": page},
                           indent=None), None)


def _render(settings: Settings, job: Job) -> bytes:
    if settings.input_format == "jsonl":
        record = _read_record(settings, job)
    else:
        text = read_text(job, encoding=settings.encoding, fallback=settings.fallback)
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


def _where(job: Job) -> str:
    return job.source if job.line is None else f"{job.source}:{job.line}"


def read_text(job: Job, *, encoding: str, fallback: str | None, known: bool = False) -> str:
    """The text of a job's bytes.

    A dump's encoding may be told by a byte-order mark (:func:`pagedump.load`); a JSON
    Lines record's is ``known``: it is text by definition, never guessed at.

    Raises:
        InputError: The file cannot be read, or its bytes cannot be decoded.
    """
    try:
        if job.data is None:
            return load(job.source, encoding=encoding, fallback=fallback)
        read = decode_text if known else decode
        return read(job.data, encoding=encoding, fallback=fallback, source=job.source)
    except OSError as exc:
        raise InputError(f"{job.source}: {exc.strerror or exc}") from exc
    except DecodeError as exc:
        hint = "" if fallback else "; try --fallback-encoding cp1252"
        raise InputError(f"{_where(job)}: cannot decode byte {exc.offset} as {exc.encoding} "
                          f"({exc.reason}){hint}") from exc


def _read_record(settings: Settings, job: Job) -> _Record:
    where = _where(job)
    line = read_text(job, encoding=settings.encoding, fallback=settings.fallback, known=True)
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(value, dict):
        raise InputError(f"{where}: expected a JSON object, got {_json_type(value)}")
    text = value.get(settings.text_field)
    if not isinstance(text, str):
        problem = "is missing" if text is None else f"is {_json_type(text)}, not a string"
        raise InputError(f"{where}: field {settings.text_field!r} {problem}")
    fetched_at = settings.fetched_at
    stamp = value.get(settings.time_field) if settings.time_field else None
    if stamp is not None:
        fetched_at = _record_time(where, settings.time_field, stamp)
    return _Record(text, value.get(settings.id_field), fetched_at)


def _record_time(where: str, field: str | None, stamp: object) -> datetime:
    if not isinstance(stamp, str):
        raise InputError(f"{where}: field {field!r} is {_json_type(stamp)}, not a string")
    try:
        return aware_time(stamp)
    except ValueError as exc:
        raise InputError(f"{where}: field {field!r}: {exc}") from exc


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string",
             list: "an array", dict: "an object"}
    return names.get(type(value), "null")


# -- finding inputs (runs in the main process, lazily) ---------------------------------


def find_tasks(inputs: Sequence[str], *, input_format: str, pattern: str) -> Iterator[Task]:
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


def _stdin_tasks(input_format: str) -> Iterator[Task]:
    if input_format == "jsonl":
        yield from _jsonl_jobs(STDIN, sys.stdin.buffer)
    elif input_format == "wet":
        yield from _wet_tasks(STDIN, sys.stdin.buffer)
    else:
        yield Job(STDIN, None, sys.stdin.buffer.read())


def _file_tasks(path: str, input_format: str) -> Iterator[Task]:
    if input_format == "text":
        yield Job(path, None, None)
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


def _jsonl_jobs(source: str, stream: IO[bytes], *, start: int = 1) -> Iterator[Job]:
    """The records of a JSON Lines stream whose first line is line ``start``."""
    for number, raw in enumerate(stream, start=start):
        if not raw.isspace():  # (a line read from a stream is never empty)
            yield Job(source, number, raw)


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
        if records and (records >= RECORD_BATCH or end - start >= _BATCH_BYTES):
            yield _Slice(source, path, start, end - start, first, records)
            start, first, records = end, number + 1, 0
    if records:
        yield _Slice(source, path, start, end - start, first, records)


def _wet_tasks(source: str, path_or_file: str | IO[bytes]) -> Iterator[Task]:
    """The pages of a WET file, and its damage, in file order."""
    try:
        for item in read_wet(path_or_file):
            if isinstance(item, WetError):
                yield _wet_failure(source, item)
            else:
                yield _WetJob(source, item.offset, item.url, item.fetched_at, item.text)
    except OSError as exc:
        yield _Failure(f"{source}: {exc.strerror or exc}")


def _wet_failure(source: str, error: WetError) -> _Failure:
    """The report of damage in a WET file: where, the record's URL if known, and why."""
    url = "" if error.url is None else f"{error.url}: "
    return _Failure(f"{source}:{error.offset}: {url}{error.reason}")


def matching(tasks: Iterable[Task], pattern: re.Pattern[str]) -> Iterator[Task]:
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


def input_files(inputs: Sequence[str], *, pattern: str) -> Iterator[tuple[str, str | None]]:
    """Every file the inputs name, in the order :func:`find_tasks` reads them.

    Yields:
        ``(path, None)`` for a file named, or found in a directory; ``(where, message)``
        for a directory that cannot be listed. ``-`` is passed on as it is.
    """
    for name in inputs:
        if name != "-" and os.path.isdir(name):
            for found in _walk(name, pattern):
                yield (found, None) if isinstance(found, str) else ("", found.message)
        else:
            yield name, None


def _drain(errors: list[OSError]) -> Iterator[_Failure]:
    for error in errors:
        yield _Failure(f"{error.filename}: {error.strerror or error}")
    errors.clear()


def skipping(tasks: Iterable[Task], count: int) -> Iterator[Task]:
    """The tasks after the first ``count`` inputs, where a slice counts as its records.

    A run resumed after ``count`` inputs goes on from here. It stopped after a batch,
    and batches hold whole tasks, so ``count`` ends a task when the inputs are those of
    the run that stopped.

    Raises:
        RunAbortedError: There are fewer inputs, or ``count`` ends within a slice of
            JSON Lines records (raised while iterating).
    """
    found = 0
    remaining = iter(tasks)
    while found < count:
        task = next(remaining, None)
        if task is None:
            raise RunAbortedError(f"there are {found:,} inputs, fewer than the {count:,} "
                                  "done before the run stopped; the inputs have changed")
        if not isinstance(task, _Slice):
            found += 1
            continue
        found += task.records
        if found > count:
            raise RunAbortedError(f"{task.source}: the run that stopped left off within the "
                                  f"records from line {task.line}; the file has changed")
    yield from remaining


def group_batches(tasks: Iterable[Task], *, size: int) -> Iterator[list[Task]]:
    """Group tasks into batches of ``size`` inputs, or fewer if their data reach a megabyte.

    A slice counts as the records it holds, and is never split.
    """
    batch: list[Task] = []
    count = weight = 0
    for task in tasks:
        batch.append(task)
        count += task.records if isinstance(task, _Slice) else 1
        if isinstance(task, Job) and task.data is not None:
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


class Runner(Protocol):
    """Turns batches of tasks into what became of them, in input order."""

    def results(self, batches: Iterable[list[Task]]) -> Iterator[Done]: ...

    def close(self) -> None: ...

    def terminate(self) -> None: ...


class RunAbortedError(Exception):
    """The run cannot go on (a worker process died)."""


@attrs.define
class InProcess:
    """Runs every batch in this process: for ``--jobs 1`` and single inputs."""

    settings: Settings

    def results(self, batches: Iterable[list[Task]]) -> Iterator[Done]:
        for batch in batches:
            yield _process_batch(self.settings, batch)

    def close(self) -> None:
        pass

    def terminate(self) -> None:
        pass


class WorkerPool:
    """Worker processes parsing batches, with a bounded window of batches in flight.

    Batches go out on one queue tagged with their sequence number and come back on
    another in whatever order the workers finish them; :meth:`results` hands them on in
    input order. Only so many batches are out at once, so memory stays flat however long
    the input is (``Pool.imap`` would read all of it ahead through its feeder thread).
    """

    def __init__(self, settings: Settings, workers: int) -> None:
        context = (multiprocessing.get_context("fork") if _can_fork()
                   else multiprocessing.get_context("spawn"))
        self._tasks: _TaskQueue = context.Queue()
        self._results: _ResultQueue = context.Queue()
        self._window = _WINDOW_PER_WORKER * workers
        self._processes: list[BaseProcess] = [
            context.Process(target=_worker,
                            args=(settings, self._tasks, self._results, os.getpid()),
                            name=f"pagedump-worker-{n}", daemon=True)
            for n in range(workers)
        ]
        # Started with SIGINT ignored, which they inherit: a Ctrl-C at the terminal goes
        # to the whole process group, and only this process should act on it.
        with _sigint_ignored():
            for process in self._processes:
                process.start()
        self._received: queue.Queue[tuple[int, Done]] = queue.Queue()
        self._receiver = threading.Thread(target=self._receive, name="pagedump-results",
                                          daemon=True)
        self._receiver.start()

    def results(self, batches: Iterable[list[Task]]) -> Iterator[Done]:
        finished: dict[int, Done] = {}
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

    def _wait_for(self, number: int, finished: dict[int, Done]) -> Done:
        while number not in finished:
            done, result = self._next_result()
            finished[done] = result
        return finished.pop(number)

    def _next_result(self) -> tuple[int, Done]:
        while True:
            # Checked before every result, not only when results stop coming, so that
            # a worker that dies always ends the run, even one that died idle.
            self._check_workers()
            try:
                return self._received.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                pass

    def _receive(self) -> None:
        """Take the workers' results from their queue, on a thread of its own.

        A worker killed while it writes a result leaves half a message in the pipe, and
        a read of it waits for the rest for good (the other workers hold the pipe open).
        Read here, it holds up only this thread: the main thread waits for received
        results a little at a time, and sees the worker's end. Each worker's last
        message, once it has no more tasks, is ``None``; after every worker's, this
        thread ends.
        """
        running = len(self._processes)
        while running:
            try:
                result = self._results.get()
            except (EOFError, OSError):
                return  # the queue was closed: the run was stopped
            if result is None:
                running -= 1
            else:
                self._received.put(result)

    def _check_workers(self) -> None:
        for process in self._processes:
            if process.exitcode is not None:
                raise RunAbortedError(
                    f"worker process {process.name} stopped unexpectedly "
                    f"(exit code {process.exitcode})")

    def close(self) -> None:
        """Let the workers finish and wait for them."""
        for _ in self._processes:
            self._tasks.put(None)
        for process in self._processes:
            process.join()
        self._receiver.join()
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


def _worker(settings: Settings, tasks: _TaskQueue, results: _ResultQueue,
            parent_pid: int) -> None:
    """The body of a worker process: parse batches until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="pagedump-watch",
                     daemon=True).start()
    while True:
        task = tasks.get()
        if task is None:
            results.put(None)  # the last word: the parent stops reading for this worker
            return
        number, batch = task
        results.put((number, _process_batch(settings, batch)))


def _watch_parent(parent_pid: int) -> None:
    """End this worker once the command that started it is gone.

    A command killed outright sends no stop message, and may die halfway through
    sending a batch: the worker would wait for the rest of it for good (the other
    workers hold the pipe open), or for a full pipe to take its last result. So it
    is ended from this thread, whatever it waits for; nobody wants its work any more.
    """
    while not _orphaned(parent_pid):
        time.sleep(_POLL_SECONDS)
    os._exit(0)


def _orphaned(parent_pid: int) -> bool:
    """Whether the process that started this worker is gone.

    A process whose parent dies gets a new parent. The parent's sentinel alone cannot
    tell: a worker forked after this one holds it open too, so it never reports the
    parent's end while that worker lives.
    """
    if os.getppid() != parent_pid:
        return True
    parent = multiprocessing.parent_process()
    return parent is not None and not parent.is_alive()


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
