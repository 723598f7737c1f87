"""``pagedump inspect``: the HTML page beside the dump, escaped, complete, and working.

The last tests load the page in headless Chromium (Debian package ``chromium``): the
DOM must show the legend and every line, the script must run without an error, and
hovering a line must highlight where it went. They skip only when Chromium is not
installed; CI installs it. ``PAGEDUMP_UPDATE_SCREENSHOT=1`` makes the screenshot test
refresh ``docs/_static/inspect-seed.png``, the picture the documentation shows.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

import pagedump
from pagedump import LineKind
from pagedump._cli import main
from pagedump._inspect import render_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "daily8-seed.txt"
SCREENSHOT = ROOT / "docs" / "_static" / "inspect-seed.png"
FETCHED_AT = datetime(2025, 7, 14, 12, tzinfo=UTC)
DUMPS = [SEED, *sorted((ROOT / "tests" / "data" / "daily8").glob("synthetic-0*.txt"))]

HOSTILE = "\n".join([
    "logo",
    "<script>alert('headline')</script>",
    "",
    "<script>alert('headline')</script>",
    "",
    "NHK2 hours ago",
    'A paragraph with "quotes", <b>tags</b>, &amp; entities and </div></section> ends.',
    "</script><script>document.body.dataset.pwned = 'yes'</script>",
    "An escape \x1b[31m, a NUL \x00 and a lone surrogate \ud800 in one line.",
    "<!-- a comment --> <img src=x onerror=alert(1)>",
])


class _Rows(HTMLParser):
    """Collects the dump pane's rows: line number, kind and text, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[int, str, str]] = []
        self.legend: list[str] = []
        self._field: str | None = None
        self._row: dict[str, str] = {}
        self._in_legend = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "div" and "line" in classes:
            self._row = {"no": values["data-line"] or "", "kind": values["data-kind"] or "",
                         "text": ""}
        elif tag == "span" and "text" in classes and self._row:
            self._field = "text"
        elif tag == "ul" and "legend" in classes:
            self._in_legend = True
        elif tag == "li" and self._in_legend:
            self.legend.append(classes[0].removeprefix("k-"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._field == "text":
            self.rows.append((int(self._row["no"]), self._row["kind"], self._row["text"]))
            self._row, self._field = {}, None
        elif tag == "ul":
            self._in_legend = False

    def handle_data(self, data: str) -> None:
        if self._field == "text":
            self._row["text"] += data


def inspect(text: str, *, name: str = "dump.txt") -> str:
    page = pagedump.parse(text, fetched_at=FETCHED_AT)
    return render_html(pagedump.tokenize(text), page, name=name, fetched_at=FETCHED_AT)


def rows_of(document: str) -> _Rows:
    parser = _Rows()
    parser.feed(document)
    parser.close()
    return parser


def shown(text: str) -> str:
    """A line as the page shows it: controls as control pictures, surrogates as U+FFFD."""
    pictures = {code: 0x2400 + code for code in range(32) if code != 9} | {127: 0x2421}
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c
                   for c in text.translate(pictures))


# -- the document --------------------------------------------------------------------


def test_markup_in_the_dump_is_escaped() -> None:
    document = inspect(HOSTILE)

    # The page's own two scripts, and nothing the dump smuggled in.
    assert document.count("<script>") == 2
    assert "<script>alert" not in document
    assert "<img" not in document
    assert "<b>" not in document
    assert "<!-- a comment" not in document
    assert "&lt;script&gt;alert(&#x27;headline&#x27;)&lt;/script&gt;" in document
    assert "&lt;/div&gt;&lt;/section&gt;" in document


def test_controls_and_lone_surrogates_are_shown_and_the_page_encodes() -> None:
    document = inspect(HOSTILE)

    document.encode("utf-8")
    assert "\x1b" not in document
    assert "\x00" not in document
    assert "␛[31m" in document
    assert "a lone surrogate \ufffd in one line" in document


@pytest.mark.parametrize("path", DUMPS, ids=[p.stem for p in DUMPS])
def test_every_line_is_shown_once_in_order_with_its_kind(path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = pagedump.tokenize(text)

    rows = rows_of(inspect(text)).rows

    assert rows == [(line.lineno, line.kind.value, shown(line.text)) for line in lines]


def test_hostile_lines_come_back_as_written() -> None:
    rows = rows_of(inspect(HOSTILE)).rows

    assert [text for _, _, text in rows] == [shown(line) for line in HOSTILE.splitlines()]


def test_the_legend_names_the_seven_kinds_with_their_counts() -> None:
    text = SEED.read_text(encoding="utf-8")
    document = inspect(text)
    counts = Counter(line.kind.value for line in pagedump.tokenize(text))

    assert rows_of(document).legend == [kind.value for kind in LineKind]
    shown_counts = re.findall(r'<li class="k-(\w+)".*?<span class="count">(\d+)</span>',
                              document)
    assert [(kind, int(count)) for kind, count in shown_counts] == [
        (kind.value, counts[kind.value]) for kind in LineKind]
    assert '<li class="k-headline" title="the story&#x27;s headline">' in document


def test_the_page_needs_nothing_from_outside() -> None:
    document = inspect(SEED.read_text(encoding="utf-8"))

    for external in ("<link", " src=", "href=", "url(", "@import", "http://", "https://"):
        assert external not in document


def test_the_parsed_page_is_shown_beside_the_dump() -> None:
    document = inspect(SEED.read_text(encoding="utf-8"), name="daily8-seed.txt")

    for expected in [
        "<title>pagedump inspect: daily8-seed.txt</title>",
        '<h3 class="part headline" data-lines="2 4">US Is Selling weapons to NATO Allies',
        "Yomiuri Shimbun",
        "4 days ago",
        "2025-07-10T12:00:00+00:00",
        '<span class="label">location</span>WASHINGTON',
        '<span class="label">agency</span>AP',
        "Details still are being worked out on Trump&#x27;s plan",
        "Related: 2",
        "The Diplomat",
        "22 minutes ago",
        "Boilerplate: 11 lines",
        "Orphans: 0 lines",
    ]:
        assert expected in document


def test_teaser_lines_link_to_their_item() -> None:
    document = inspect(SEED.read_text(encoding="utf-8"))

    # The title printed three times, the outlet on its own line and as a bullet.
    assert ('<h4 class="part" data-lines="59 60 68">China&#x27;s Cultural Offensive'
            in document)
    assert ('<div class="part" data-lines="62 66"><div class="field"><span class="label">'
            "source</span>The Diplomat</div></div>") in document


# -- the command ---------------------------------------------------------------------


def test_the_command_writes_beside_the_dump_by_default(tmp_path, capsys) -> None:
    dump = tmp_path / "page.txt"
    dump.write_bytes(SEED.read_bytes())

    assert main(["inspect", str(dump), "--fetched-at", "2025-07-14T12:00:00Z"]) == 0

    document = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "fetched_at 2025-07-14T12:00:00+00:00" in document
    assert f"wrote {tmp_path / 'page.html'}" in capsys.readouterr().err


def test_the_command_writes_to_the_output_or_standard_output(tmp_path) -> None:
    target = tmp_path / "seed-inspected.html"
    command = [sys.executable, "-m", "pagedump", "inspect", str(SEED)]

    to_file = subprocess.run([*command, "-o", str(target)], capture_output=True, check=True)
    to_stdout = subprocess.run([*command, "-o", "-"], capture_output=True, check=True)
    from_stdin = subprocess.run([sys.executable, "-m", "pagedump", "inspect", "-"],
                                input=SEED.read_bytes(), capture_output=True, check=True)

    assert to_file.stdout == b""
    assert to_stdout.stdout == (tmp_path / "seed-inspected.html").read_bytes()
    assert b"<title>pagedump inspect: daily8-seed.txt</title>" in to_stdout.stdout
    assert b"<title>pagedump inspect: &lt;stdin&gt;</title>" in from_stdin.stdout
    assert from_stdin.stdout.count(b'class="line ') == len(pagedump.tokenize(
        SEED.read_text(encoding="utf-8")))


def test_the_command_takes_the_reading_options(tmp_path) -> None:
    dump = tmp_path / "latin.txt"
    dump.write_bytes("logo\nCaf\xe9 news\n\nCaf\xe9 news\n\nNHK2 hours ago\n".encode("cp1252"))
    out = tmp_path / "latin.html"

    assert main(["inspect", str(dump), "--encoding", "cp1252", "--dialect", "daily8",
                 "-o", str(out)]) == 0
    assert "Café news" in out.read_text(encoding="utf-8")


def test_a_missing_dump_fails_with_a_message(tmp_path, capsys) -> None:
    assert main(["inspect", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert not (tmp_path / "missing.html").exists()


def test_a_naive_fetch_time_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["inspect", str(SEED), "--fetched-at", "2025-07-14T12:00:00"])
    assert exit_info.value.code == 2


# -- in a browser --------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")

# After the page's own script: hover line 2 (the headline) and record what lit up.
PROBE = """<script>
document.getElementById("L2").dispatchEvent(new MouseEvent("mouseenter"));
document.body.dataset.lit = Array.prototype.map.call(
  document.querySelectorAll(".hl"), function (n) { return n.id || n.tagName; }).join(" ");
</script>"""


def chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True,
                          errors="replace")


def dump_dom(tmp_path: Path, document: str) -> tuple[str, str]:
    page = tmp_path / "page.html"
    page.write_text(document.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = chromium(tmp_path, "--dump-dom", page.as_uri())
    return done.stdout, done.stderr


@needs_chromium
@pytest.mark.parametrize(("name", "text"), [
    ("seed", SEED.read_text(encoding="utf-8")),
    ("hostile", HOSTILE),
])
def test_chromium_shows_the_legend_and_every_line_without_script_errors(
        tmp_path, name, text) -> None:
    dom, log = dump_dom(tmp_path, inspect(text, name=name))
    lines = pagedump.tokenize(text)

    assert 'data-ready="yes"' in dom, "the page's script did not run to its end"
    assert 'class="js-error"' not in dom
    assert "Uncaught" not in log
    assert "data-pwned" not in dom
    rows = rows_of(dom)
    assert rows.legend == [kind.value for kind in LineKind]
    assert rows.rows == [(line.lineno, line.kind.value, shown(line.text)) for line in lines]
    # Hovering the headline lit the line and the headline on the page.
    assert 'data-lit="L2 H3"' in dom


@needs_chromium
def test_chromium_reports_a_script_error_in_the_page(tmp_path) -> None:
    broken = inspect(HOSTILE).replace("</body>", "<script>undefinedFunction()</script></body>")

    dom, _ = dump_dom(tmp_path, broken)

    assert '<div class="js-error">script error:' in dom


@needs_chromium
def test_chromium_screenshot_of_the_seed(tmp_path) -> None:
    page = tmp_path / "seed.html"
    page.write_text(inspect(SEED.read_text(encoding="utf-8"), name="daily8-seed.txt"),
                    encoding="utf-8")
    shot = tmp_path / "seed.png"

    chromium(tmp_path, "--hide-scrollbars", "--window-size=1400,1000",
             f"--screenshot={shot}", page.as_uri())

    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (1400, 1000)
    if os.environ.get("PAGEDUMP_UPDATE_SCREENSHOT"):
        SCREENSHOT.write_bytes(png)
    assert SCREENSHOT.is_file(), "run with PAGEDUMP_UPDATE_SCREENSHOT=1 to make it"
