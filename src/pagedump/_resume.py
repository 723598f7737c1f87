"""Resumable runs of ``pagedump parse --output FILE --resume``, and the journal they keep.

A resumable run keeps a journal beside its output, ``FILE.resume``, in JSON Lines. The
first line, the header, says what the run reads and how: the pagedump version, the
options that change the output, the inputs as named, and the number, total size and a
SHA-256 digest of the files they stand for (the path, size and modification time of
each). After every batch of output lines written to FILE, one line says where the run
stands: how many inputs are done, how many bytes of FILE hold their lines, the CRC-32
of the bytes the batch added, and the messages of the batch's inputs that failed. The
last line of a run that finished says so.

FILE is the truth; the journal may lag behind it but never runs ahead: a batch's lines
are written to FILE before the journal counts them, and whenever FILE is flushed to
disk (every few seconds, and at the end) that happens before the journal line that
counts on it. Resuming takes the last journal line whose bytes FILE holds (checking the
CRC of the batch it ends with), cuts FILE and the journal back to it, and goes on with
the next input. Whatever FILE holds past that point (a line cut short, or whole lines
the journal had not counted yet) is written again, the same.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Final, TypeGuard

import attrs

from pagedump.exceptions import PagedumpError

__all__ = [
    "SUFFIX",
    "SYNC_SECONDS",
    "Identity",
    "Journal",
    "Position",
    "ResumeError",
    "discard",
    "fingerprint",
    "start",
]

SUFFIX: Final = ".resume"
"""The journal of ``FILE`` is ``FILE`` with this added."""
SYNC_SECONDS: Final = 5.0
"""How often FILE and the journal are flushed to disk: what a crash of the machine,
rather than of the command, can cost in work done again."""
_FORMAT: Final = "pagedump resume journal"
_FORMAT_VERSION: Final = 1
_MARK: Final = json.dumps({"format": _FORMAT})[:-1].encode()
"""How every journal starts (its header's first key)."""


class ResumeError(PagedumpError, ValueError):
    """A run that cannot be resumed; the message says why, and what to do instead.

    Attributes:
        output: The output file.
        reason: Why the run cannot be resumed into it.
    """

    def __init__(self, output: str, reason: str) -> None:
        self._remember(output, reason)
        self.output = output
        self.reason = reason
        super().__init__(f"cannot resume {output}: {reason}")


@attrs.frozen
class Identity:
    """What a run reads and how: what must be the same for it to be resumed.

    Attributes:
        version: The pagedump version (another may write other output).
        options: The options that can change the output, by name, each with its value
            as text, or ``None`` when it is not given.
        inputs: The inputs as named on the command line.
        files: How many files they stand for: those named, and those found in the
            directories named.
        size: The files' total size, in bytes.
        digest: The SHA-256 of every file's path, size and modification time, and of
            every file or directory that could not be read, in input order.
    """

    version: str
    options: tuple[tuple[str, str | None], ...]
    inputs: tuple[str, ...]
    files: int
    size: int
    digest: str

    def header(self) -> dict[str, object]:
        """The journal's first line."""
        return {"format": _FORMAT, "version": _FORMAT_VERSION, "pagedump": self.version,
                "options": dict(self.options), "inputs": list(self.inputs),
                "files": self.files, "bytes": self.size, "sha256": self.digest}

    @classmethod
    def from_header(cls, header: Mapping[str, object]) -> Identity:
        """Read the journal's first line.

        Raises:
            ValueError: It is not a header this version can read.
        """
        options, inputs = header.get("options"), header.get("inputs")
        version, digest = header.get("pagedump"), header.get("sha256")
        files, size = header.get("files"), header.get("bytes")
        if not (isinstance(options, dict) and isinstance(inputs, list)
                and isinstance(version, str) and isinstance(digest, str)
                and _is_count(files) and _is_count(size)
                and all(isinstance(k, str) and (v is None or isinstance(v, str))
                        for k, v in options.items())
                and all(isinstance(name, str) for name in inputs)):
            raise ValueError("not a journal header")
        return cls(version, tuple(options.items()), tuple(inputs), files, size, digest)


@attrs.frozen
class Position:
    """Where a resumable run stands.

    Attributes:
        inputs: How many inputs are done.
        size: How many bytes of FILE their lines take, from its start.
        errors: The messages of the inputs done that failed, in input order.
        complete: Whether the run has finished: every input is done.
    """

    inputs: int = 0
    size: int = 0
    errors: tuple[str, ...] = ()
    complete: bool = False


@attrs.frozen
class _Checkpoint:
    """One line of the journal (the header standing for the start of the run).

    Attributes:
        inputs: How many inputs are done.
        size: How many bytes of FILE their lines take.
        crc: The CRC-32 of the bytes of FILE this step added.
        errors: The messages of this step's inputs that failed.
        complete: Whether the run finished here.
        end: Where the line ends in the journal (after its newline).
    """

    inputs: int
    size: int
    crc: int
    errors: tuple[str, ...]
    complete: bool
    end: int


def fingerprint(files: Iterable[tuple[str, str | None]]) -> tuple[int, int, str]:
    """The number, total size and digest of the files a run reads, for its identity.

    Args:
        files: Each file as ``(path, None)``, or ``(where, message)`` for a directory
            that cannot be listed, in input order.

    Raises:
        ValueError: A file is not a regular file (a pipe, a device): what it gives
            cannot be told to be the same when it is read again.
    """
    digest = hashlib.sha256()
    count = size = 0
    for path, problem in files:
        if problem is not None:
            entry = f"\0{problem}"
        else:
            try:
                found = os.stat(path)
            except OSError as exc:  # the run reports it; a resumed one must see the same
                entry = f"{path}\0{exc.strerror or exc}"
            else:
                if not stat.S_ISREG(found.st_mode):
                    raise ValueError(f"{path} is not a regular file: what it holds cannot "
                                     "be told to be the same when it is read again")
                count += 1
                size += found.st_size
                entry = f"{path}\0{found.st_size}\0{found.st_mtime_ns}"
        digest.update(os.fsencode(entry) + b"\n")
    return count, size, digest.hexdigest()


def start(output: str, identity: Identity) -> tuple[IO[bytes], Journal, Position]:
    """Open FILE for a resumable run: a new one, or the one its journal describes.

    When FILE is missing or empty, the run starts from the beginning, with a new
    journal. Otherwise the journal must describe a run with the same identity: FILE and
    the journal are cut back to the last point that both hold, and the run goes on
    from there. FILE stays locked against other runs until it is closed.

    Returns:
        FILE, open for appending; the journal to note the run's progress in; and where
        the run stands.

    Raises:
        ResumeError: FILE holds output that this run cannot go on from; the message
            says why.
        OSError: FILE or its journal cannot be opened, read or written.
    """
    journal = output + SUFFIX
    descriptor = os.open(output, os.O_RDWR | os.O_CREAT | os.O_APPEND
                         | getattr(os, "O_BINARY", 0), 0o666)
    found = os.fstat(descriptor)
    if not stat.S_ISREG(found.st_mode):
        os.close(descriptor)
        raise ResumeError(output, "it is not a regular file, which a run can be cut back "
                                  "in and go on writing")
    data = os.fdopen(descriptor, "a+b")  # the caller closes it, after the run
    try:
        _lock(output, data)
        size = found.st_size
        if size == 0:
            _create(journal, identity)
            position = Position()
        else:
            position = _recover(output, journal, identity, data, size)
        log = open(journal, "ab")  # noqa: SIM115 - closed by Journal.close
    except BaseException:
        data.close()
        raise
    return data, Journal(data, log, position), position


def discard(output: str) -> None:
    """Remove the journal beside FILE, if there is one: for a run that overwrites FILE."""
    journal = output + SUFFIX
    try:
        with open(journal, "rb") as stream:
            ours = stream.read(len(_MARK)) == _MARK
    except OSError:
        return
    if ours:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(journal)


class Journal:
    """Notes in the journal how far the run has written FILE, a batch at a time.

    Args:
        data: FILE.
        log: The journal, open for appending.
        position: Where the run starts.
        clock: Seconds, monotonic: when to flush to disk.
    """

    def __init__(self, data: IO[bytes], log: IO[bytes], position: Position,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._data = data
        self._log = log
        self._inputs = position.inputs
        self._size = position.size
        self._clock = clock
        self._synced = clock()

    def record(self, lines: bytes, inputs: int, errors: Sequence[str]) -> None:
        """Note a batch whose output ``lines`` FILE now holds (written and flushed).

        Args:
            lines: The batch's output lines.
            inputs: How many inputs the batch held.
            errors: The messages of those that failed.
        """
        self._inputs += inputs
        self._size += len(lines)
        now = self._clock()
        sync = now - self._synced >= SYNC_SECONDS
        self._append(zlib.crc32(lines), errors, sync=sync, complete=False)
        if sync:
            self._synced = now

    def finish(self) -> None:
        """Note that every input is done, and flush FILE and the journal to disk."""
        self._append(0, (), sync=True, complete=True)

    def close(self) -> None:
        """Close the journal (FILE is the caller's to close)."""
        self._log.close()

    def _append(self, crc: int, errors: Sequence[str], *, sync: bool, complete: bool) -> None:
        if sync:
            os.fsync(self._data.fileno())  # FILE first: the journal must not run ahead
        line = {"inputs": self._inputs, "bytes": self._size, "crc32": crc,
                "complete": complete, "errors": list(errors)}
        # ASCII: a lone surrogate (from a file name in no encoding) survives escaped.
        self._log.write(json.dumps(line).encode("ascii") + b"\n")
        self._log.flush()
        if sync:
            os.fsync(self._log.fileno())


# -- starting and recovering -----------------------------------------------------------


def _lock(output: str, data: IO[bytes]) -> None:
    """Lock FILE against a second run, until this process closes it or ends.

    A POSIX record lock: unlike ``flock``, worker processes forked later do not share
    it, so a worker that outlives a killed command cannot hold it. A file system
    without locks runs unlocked.
    """
    if sys.platform == "win32":
        return
    import fcntl  # noqa: PLC0415 - POSIX only

    try:
        fcntl.lockf(data.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            raise ResumeError(output, "another pagedump run is writing it") from None


def _create(journal: str, identity: Identity) -> None:
    """Write a new journal, whole or not at all."""
    temporary = journal + ".new"
    with open(temporary, "wb") as stream:
        stream.write(json.dumps(identity.header()).encode("ascii") + b"\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, journal)
    _sync_directory(journal)


def _sync_directory(path: str) -> None:
    """Flush a directory's entries to disk, where the system can (not on Windows)."""
    try:
        descriptor = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _recover(output: str, journal: str, identity: Identity, data: IO[bytes],
             size: int) -> Position:
    """Where the run in FILE stands, with FILE and the journal cut back to it."""
    try:
        raw = Path(journal).read_bytes()
    except FileNotFoundError:
        raise ResumeError(output, f"it holds output, but there is no {journal} to tell what "
                                  "run wrote it; remove it to start again, or leave out "
                                  "--resume to overwrite it") from None
    then, points = _read_journal(output, journal, raw)
    difference = _difference(then, identity)
    if difference is not None:
        raise ResumeError(output, f"{difference}; resume it with the inputs and options "
                                  "it was begun with, or remove it to start again")
    held = _last_held(output, journal, data, points, size)
    with open(journal, "r+b") as log:
        log.truncate(points[held].end)
    data.truncate(points[held].size)
    data.seek(0, os.SEEK_END)
    return Position(points[held].inputs, points[held].size,
                    tuple(error for point in points[1:held + 1] for error in point.errors),
                    points[held].complete)


def _read_journal(output: str, journal: str,
                  raw: bytes) -> tuple[Identity, list[_Checkpoint]]:
    """The journal's header and its checkpoints, the start of the run first.

    A last line without its newline was cut short when a run stopped, and does not count.
    """
    if not raw.startswith(_MARK):
        raise ResumeError(output, f"{journal} is not a pagedump journal")
    lines = raw.split(b"\n")[:-1]
    header = _json_object(lines[0]) if lines else None
    if header is None:
        raise ResumeError(output, f"{journal} is damaged at line 1")
    if header.get("version") != _FORMAT_VERSION:
        raise ResumeError(output, f"{journal} is in format {header.get('version')}, which "
                                  f"this pagedump (format {_FORMAT_VERSION}) cannot read")
    try:
        identity = Identity.from_header(header)
    except ValueError:
        raise ResumeError(output, f"{journal} is damaged at line 1") from None
    end = len(lines[0]) + 1
    points = [_Checkpoint(0, 0, 0, (), complete=False, end=end)]
    for number, line in enumerate(lines[1:], start=2):
        end += len(line) + 1
        point = _checkpoint(_json_object(line), end, points[-1])
        if point is None:
            raise ResumeError(output, f"{journal} is damaged at line {number}")
        points.append(point)
    return identity, points


def _json_object(line: bytes) -> dict[str, object] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _checkpoint(value: dict[str, object] | None, end: int,
                previous: _Checkpoint) -> _Checkpoint | None:
    """A journal line after the first, or ``None`` if it is not one going on from ``previous``."""
    if value is None or previous.complete:
        return None
    inputs, size, crc = value.get("inputs"), value.get("bytes"), value.get("crc32")
    complete, errors = value.get("complete"), value.get("errors")
    if not (_is_count(inputs) and _is_count(size) and _is_count(crc)
            and isinstance(complete, bool) and isinstance(errors, list)
            and all(isinstance(error, str) for error in errors)):
        return None
    if inputs < previous.inputs or size < previous.size:
        return None
    return _Checkpoint(inputs, size, crc, tuple(errors), complete, end)


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _difference(then: Identity, now: Identity) -> str | None:
    """What differs between the run that was begun and this one, first thing first."""
    if then.version != now.version:
        return f"it was begun by pagedump {then.version}, and this is pagedump {now.version}"
    before, after = dict(then.options), dict(now.options)
    for name in [*before, *(name for name in after if name not in before)]:
        if before.get(name) != after.get(name):
            return (f"it was begun with {_option(name, before.get(name))}, "
                    f"not {_option(name, after.get(name))}")
    if then.inputs != now.inputs:
        for number, (old, new) in enumerate(zip(then.inputs, now.inputs, strict=False),
                                            start=1):
            if old != new:
                return f"its input {number} was {old}, not {new}"
        return (f"it was begun with {_count(len(then.inputs), 'input')}, "
                f"not {len(now.inputs)}")
    if (then.files, then.size, then.digest) != (now.files, now.size, now.digest):
        return ("its inputs have changed since it was begun (a file added, removed, "
                f"renamed or modified): {_files(then)} then, {_files(now)} now")
    return None


def _option(name: str, value: str | None) -> str:
    return f"no {name}" if value is None else f"{name} {value}"


def _files(identity: Identity) -> str:
    return f"{_count(identity.files, 'file')} of {_count(identity.size, 'byte')}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _last_held(output: str, journal: str, data: IO[bytes], points: list[_Checkpoint],
               size: int) -> int:
    """The last checkpoint whose bytes FILE holds, having checked they are the ones written.

    A checkpoint past the end of FILE counts on bytes lost with the machine, before
    they reached the disk. The batch of lines that ends at the checkpoint (the last
    one that added any) must have the CRC the journal gives it.
    """
    held = max(n for n, point in enumerate(points) if point.size <= size)
    last = held
    while last > 0 and points[last].size == points[last - 1].size:
        last -= 1
    if last > 0:
        begin, end = points[last - 1].size, points[last].size
        data.seek(begin)
        if zlib.crc32(data.read(end - begin)) != points[last].crc:
            raise ResumeError(output, f"its bytes {begin:,} to {end:,} are not those {journal} "
                                      "says were written there; remove both to start again")
    return held
