"""The ``pagedump`` command: parse dumps to JSON, or show how their lines are classified.

``pagedump parse`` turns one dump into one JSON document, and many dumps (files,
directory trees, JSON Lines records) into JSON Lines, one record per input in input
order. ``pagedump tokens`` prints each line of a dump with its kind.
``pagedump inspect`` writes an HTML page showing a dump's lines beside the parsed page;
``pagedump schema`` prints the JSON Schema of the output.

Batch runs stream: directories are walked lazily, JSON Lines input is read line by line,
work goes to worker processes in batches with a bounded number in flight
(:mod:`pagedump._batch`), and each batch of output lines is written as soon as its turn
comes. Memory therefore stays flat however many inputs there are. With ``--resume``, a
journal beside the output file notes each batch once it is written, so that a run that
stops goes on from there when it is run again (:mod:`pagedump._resume`).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import itertools
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import PurePath
from types import FrameType
from typing import IO, TYPE_CHECKING, TextIO

import attrs

from pagedump import Line, LineKind, Role, __version__, list_dialects, parse, tokenize
from pagedump._batch import (
    FILE_BATCH,
    GLOBS,
    RECORD_BATCH,
    STDIN,
    Done,
    InProcess,
    InputError,
    Job,
    RunAbortedError,
    Runner,
    Settings,
    Task,
    WorkerPool,
    aware_time,
    find_tasks,
    group_batches,
    input_files,
    matching,
    read_text,
    skipping,
)
from pagedump._inspect import render_html
from pagedump._resume import Identity, Journal, Position, ResumeError, discard, fingerprint, start
from pagedump._schema import schema_text
from pagedump._warc import require_fastwarc

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
"""Some input could not be read or parsed, or the run was aborted."""
EXIT_USAGE = 2
"""A usage error; argparse exits with it (``SystemExit(2)``). Also a run that --resume
cannot go on from."""
EXIT_BROKEN_PIPE = 141
"""The reader of standard output went away (128 + SIGPIPE, as a shell reports it)."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C (128 + SIGINT)."""



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
  pagedump parse crawl/ --output pages.jsonl --resume   # run again after a crash
  cat dump.txt | pagedump parse -

exit status: 0 ok, 1 some input failed, 2 usage error or a run --resume cannot
go on from, 130 interrupted (Ctrl-C), 141 standard output closed early."""

_TOKENS_DESCRIPTION = """\
Print every line of a dump with its line number and kind, aligned, coloured by
kind on a terminal. Control characters are shown as Unicode control pictures."""


if TYPE_CHECKING:
    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]


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
        help=(f"page layout to read: {', '.join(list_dialects())} (default: sniffed from "
              "each dump's text; a dump without evidence of a known site reads as generic)"))
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
        "--input-format", choices=list(GLOBS), default="text",
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
        "--resume", action="store_true",
        help="with --output: keep a journal of the run in FILE.resume, and if FILE holds "
             "a run that stopped, go on after its last complete record")
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
    sub.add_argument(
        "--roles", action="store_true",
        help="also print each line's role (what parse takes from it) and, after the "
             "text, the value the role carries")


def _encoding_arg(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r}") from None


def _fetched_at_arg(text: str) -> datetime:
    try:
        return aware_time(text)
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
    """Where output goes: whole lines, a batch at a time, each batch flushed at once.

    Attributes:
        stream: Standard output or the output file.
        guard: Holds Ctrl-C back while lines are written.
        journal: With ``--resume``, where each batch is noted once it is written.
    """

    stream: IO[bytes]
    guard: _InterruptGuard
    journal: Journal | None = None

    def write(self, lines: bytes) -> None:
        """Write complete lines; a Ctrl-C meanwhile takes effect once they are out."""
        if not lines:
            return
        with self.guard.deferred():
            self.stream.write(lines)
            self.stream.flush()

    def write_batch(self, done: Done) -> None:
        """Write a batch's lines, then note in the journal that its inputs are done."""
        with self.guard.deferred():
            if done.output:
                self.stream.write(done.output)
                self.stream.flush()
            if self.journal is not None:
                self.journal.record(done.output, done.inputs, done.errors)

    def finish(self) -> None:
        """Note in the journal that the run is complete."""
        if self.journal is not None:
            with self.guard.deferred():
                self.journal.finish()


class _Progress:
    """A one-line progress report on a terminal, redrawn at most ten times a second.

    Args:
        stream: Where to draw, or ``None`` for no report at all.
        total: How many inputs there are, when that is known up front.
        done: How many were done before this run (one resumed).
        clock: Seconds, monotonic.
    """

    _INTERVAL = 0.1
    _BAR = 20

    def __init__(self, stream: TextIO | None, total: int | None, done: int = 0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._total = total
        self._clock = clock
        self._start = self._drawn = clock()
        self._count = self._done = done
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
        rate = (count - self._done) / max(now - self._start, 1e-9)
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
    if args.resume:
        return _run_resumable(command, args, guard)
    stream = _open_output(command, args.output)
    if args.output is not None:
        discard(args.output)  # FILE is written anew: a journal of a run in it is void
    try:
        return _parse_inputs(args, _Output(stream, guard))
    finally:
        if stream is not sys.stdout.buffer:
            stream.close()


def _run_resumable(command: argparse.ArgumentParser, args: argparse.Namespace,
                   guard: _InterruptGuard) -> int:
    """Run with a journal beside the output file, going on from where it says, if anywhere."""
    target: str = args.output
    try:
        identity = _identity(args)
    except ValueError as exc:
        raise ResumeError(target, str(exc)) from None
    try:
        stream, journal, position = start(target, identity)
    except OSError as exc:
        command.error(f"argument -o/--output: cannot write {target}: {exc.strerror or exc}")
    try:
        _report_resumed(target, position)
        if position.complete:
            return EXIT_FAILED if position.errors else EXIT_OK
        return _parse_inputs(args, _Output(stream, guard, journal), position)
    finally:
        journal.close()
        stream.close()


def _identity(args: argparse.Namespace) -> Identity:
    """What a run reads and how: the options that can change its output, and its files.

    Raises:
        ValueError: An input is not a regular file, and cannot be read again the same.
    """
    pattern: str = args.glob or GLOBS[args.input_format]
    fetched_at: datetime | None = args.fetched_at
    url_match: re.Pattern[str] | None = args.url_match
    options = (
        ("--input-format", args.input_format),
        ("--glob", pattern),
        ("--encoding", args.encoding),
        ("--fallback-encoding", args.fallback_encoding),
        ("--dialect", args.dialect),
        ("--fetched-at", None if fetched_at is None else fetched_at.isoformat()),
        ("--text-field", args.text_field or "text"),
        ("--id-field", args.id_field or "id"),
        ("--time-field", args.time_field),
        ("--url-match", None if url_match is None else url_match.pattern),
    )
    files, size, digest = fingerprint(input_files(args.inputs, pattern=pattern))
    return Identity(__version__, options, tuple(args.inputs), files, size, digest)


def _report_resumed(target: str, position: Position) -> None:
    """Say where a resumed run stands, and repeat the messages of the inputs that failed.

    So the messages of the run that ends are those of every input, as if it had never
    stopped.
    """
    if position.inputs == 0 and not position.complete:
        return
    inputs = f"{position.inputs:,} input{'' if position.inputs == 1 else 's'}"
    failed = f"; {len(position.errors):,} failed:" if position.errors else ""
    if position.complete:
        _error(f"{target} is already complete ({inputs}){failed}")
    else:
        _error(f"resuming {target} after {inputs}{failed}")
    for message in position.errors:
        _error(message)


def _one_document(args: argparse.Namespace) -> bool:
    """Whether the output is one JSON document rather than JSON Lines."""
    inputs: list[str] = args.inputs
    return (args.input_format == "text" and len(inputs) == 1
            and not os.path.isdir(inputs[0]))


def _parse_inputs(args: argparse.Namespace, output: _Output,
                  position: Position | None = None) -> int:
    """Parse the inputs, or those after ``position`` in a resumed run."""
    inputs: list[str] = args.inputs
    input_format: str = args.input_format
    done = Position() if position is None else position
    single = _one_document(args)
    total = len(inputs) if input_format == "text" and not any(
        os.path.isdir(name) for name in inputs) else None
    size = RECORD_BATCH if input_format in ("jsonl", "wet") else FILE_BATCH
    tasks = find_tasks(inputs, input_format=input_format,
                   pattern=args.glob or GLOBS[input_format])
    if args.url_match is not None:
        tasks = matching(tasks, args.url_match)
    if done.inputs:
        tasks = skipping(tasks, done.inputs)
    batches = group_batches(tasks, size=size)
    # Workers take a few tenths of a second to start: not worth it for one batch.
    head = list(itertools.islice(batches, 2))
    workers = args.jobs if len(head) > 1 else 1
    if total is not None:
        workers = min(workers, -(-(total - done.inputs) // size))
    settings = _settings(args, wrap=not single)
    runner: Runner = WorkerPool(settings, workers) if workers > 1 else InProcess(settings)
    show = not (single or args.quiet) and sys.stderr.isatty()
    progress = _Progress(sys.stderr if show else None, total, done.inputs)
    return _drive(runner, itertools.chain(head, batches), output, progress,
                  failed=bool(done.errors))


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
    if args.resume:
        _check_resume_args(command, args)


def _check_resume_args(command: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.output is None:
        command.error("--resume needs --output FILE: the run it goes on with is in FILE")
    if "-" in args.inputs:
        command.error("--resume cannot read standard input again: name the files instead")
    if _one_document(args):
        command.error("--resume applies to JSON Lines output (several inputs, a directory, "
                      "or --input-format jsonl or wet), not to one document")


def _check_wet_args(command: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.fetched_at is not None:
        command.error("--fetched-at does not apply to --input-format wet: "
                      "each record's WARC-Date is its fetch time")
    try:
        require_fastwarc()
    except ImportError as exc:
        command.error(str(exc))


def _settings(args: argparse.Namespace, *, wrap: bool) -> Settings:
    return Settings(
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


def _drive(runner: Runner, batches: Iterable[list[Task]], output: _Output,
           progress: _Progress, *, failed: bool = False) -> int:
    """Run the batches and write their outcomes; return the exit status.

    ``failed`` says whether an input failed before (in the run this one resumes).
    """
    try:
        for done in runner.results(batches):
            if done.errors:
                progress.clear()
                for message in done.errors:
                    _error(message)
                failed = True
            output.write_batch(done)
            progress.advance(done.inputs)
    except BaseException:
        progress.clear()
        runner.terminate()
        raise
    runner.close()
    output.finish()
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
_ROLE_WIDTH = max(len(role.value) for role in Role)
# C0 controls and DEL as Unicode control pictures, so a stray escape in a dump cannot
# drive the terminal. Tabs stay.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {127: 0x2421}


def _run_tokens(args: argparse.Namespace, guard: _InterruptGuard) -> int:
    job = Job(STDIN, None, sys.stdin.buffer.read()) if args.file == "-" else Job(
        args.file, None, None)
    try:
        text = read_text(job, encoding=args.encoding, fallback=args.fallback_encoding)
    except InputError as exc:
        _error(str(exc))
        return EXIT_FAILED
    colour = _wants_colour(args.color, sys.stdout)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    lines = tokenize(text, dialect=args.dialect)
    width = len(str(len(lines)))
    for line in lines:
        sys.stdout.write(_token_row(line, width, colour=colour, roles=args.roles))
    sys.stdout.flush()
    return EXIT_OK


def _wants_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False  # https://no-color.org: any non-empty NO_COLOR value
    return stream.isatty()


def _token_row(line: Line, width: int, *, colour: bool, roles: bool) -> str:
    kind, text = line.kind, line.text
    number = f"{line.lineno:>{width}}"
    label = f"{kind.value:<{_KIND_WIDTH}}" if text or roles else kind.value
    if roles:
        role = f"{line.role.value:<{_ROLE_WIDTH}}" if text else line.role.value
        label = f"{label}  {role}"
    shown = text.translate(_CONTROL_PICTURES)
    if roles and line.value is not None:
        shown += " → " + line.value.translate(_CONTROL_PICTURES)
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
    job = Job(STDIN, None, sys.stdin.buffer.read()) if source == "-" else Job(
        source, None, None)
    try:
        text = read_text(job, encoding=args.encoding, fallback=args.fallback_encoding)
    except InputError as exc:
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
        was aborted, 2 for a usage error (raised as ``SystemExit`` by argparse) or a
        run that ``--resume`` cannot go on from, 130 when interrupted, 141 when
        standard output was closed early.
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
    except RunAbortedError as exc:
        _error(f"{exc}; stopping")
        return EXIT_FAILED
    except ResumeError as exc:
        _error(str(exc))
        return EXIT_USAGE


def _silence_stdout() -> None:
    # Python flushes stdout at exit; into a closed pipe that would fail once more.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
