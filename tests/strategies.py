"""Hypothesis strategies that build Daily8-like dumps.

The pieces are those of real Daily8 pages, as in ``tests/data/daily8`` and
``docs/line-kinds.md`` (chrome lines, glued source/time lines, ``time``-prefixed times,
bullets, teasers, datelines, headings, author-page stutters) mixed with arbitrary text:
control characters, lone surrogates, emoji, invisible characters, very long lines, and
every line separator ``str.splitlines()`` knows.

``lines()`` draws single lines (no line break inside); ``dumps()`` draws whole dumps,
either assembled from the page templates or as a free mix of pieces and separators.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import strategies as st

__all__ = [
    "BREAKS",
    "SEPARATORS",
    "aware_datetimes",
    "daily8_times",
    "dumps",
    "join",
    "line_lists",
    "lines",
    "pages",
    "realistic_aware_datetimes",
]

# Every line boundary str.splitlines() knows ("\r\n" counts as one).
BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
SEPARATORS = ("\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", "\v", "\x1c", "\u2029")

CHROME = (
    "logo", "#", "Hashtags", "Orange background", "Try Our AI Features",
    "Explore what Daily8 AI can do for you:", "Comments", "No comments yet...",
    "No comments yet..", "Related Articles", "DOWNLOAD THE APP",
    "Get Started Now: Download the App", "app-storeplay-store",
)
JUNK = (
    "Video Player is loading.", "Play Video", "Loading", "Advertisement", "READ MORE",
    "Opens in new window", "[", "]", "Image: Thandiwe Moyo / Supplied", "1:02", "0:00", "-",
    "ALSO READ: Council to review parking fees", "by Taboola", "Latest posts",
)
SOURCES = (
    "NHK", "Yahoo", "The Citizen", "USA Today", "Straits Times", "9 News", "News24",
    "TimesLIVE", "CNA", "Yomiuri Shimbun", "RTÉ News", "News.com.au", "7NEWS", "Khaleej Times",
)
TITLES = (
    "Senate panel advances bill to pay for coastal flood barriers",
    "‘Quiet carriage' trial extended on commuter trains",
    "Campus Bulletin 14/08/2025",
    "Five things to check before you drive on the long weekend",
    "X''s new plan",
    "Latest news with #HarbourBoard",
)
PARAGRAPHS = (
    "WASHINGTON (AP) — A Senate committee voted 14-7 on Tuesday to advance a bill.",
    "DUBAI (Reuters): A Gulf airline said on Wednesday it had placed a firm order.",
    "JOHANNESBURG - The city council on Thursday approved a R1.2bn programme.",
    "NEW DELHI: The city's metro operator will add 12 trains.",
    "Tokyo, June 8 (Jiji Press)-- Prices rose ¥12,300 on the year.",
    "Jun. 10—The town's harbour board met on Monday. Photo / Supplied The board said.",
    "'This is not a distant problem,' said the chair. » READ MORE",
    "By Jane Doe",
    "Pinned post from 6.45am",
    "1. A numbered item in a plain list.",
    "♬ original sound – someone ❤️ 🥊🤖📍👾",
)
HEADINGS = ("How the money would be shared", "What happens next", "WHAT WE KNOW")
CATEGORIES = ("Business", "General", "Politics", "Entertainment", "Health", "Sport")


_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


def _count(unit: str, low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n} {unit} ago")


_TIMES = st.one_of(
    _dates.map(lambda day: day.strftime("%d-%m-%Y")),
    st.sampled_from(("a few seconds ago", "a minute ago", "an hour ago", "a day ago",
                     "a month ago", "a year ago")),
    _count("minutes", 2, 59),
    _count("hours", 2, 23),
    _count("days", 2, 29),
    _count("months", 2, 11),
    _count("years", 0, 99),
)


def daily8_times() -> st.SearchStrategy[str]:
    """A time as Daily8 prints it (moment.js wordings, ``DD-MM-YYYY``), sometimes off its bounds."""
    return _TIMES


def _no_breaks(text: str) -> str:
    return "".join(" " if c in BREAKS else c for c in text)


_odd_characters = st.one_of(
    st.characters(categories=["Cc", "Cf", "Cs", "Co", "Zs", "Zl", "Zp"]),
    st.sampled_from("\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\t\ufffd"),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.sampled_from("—–−•‘’“”…»▼♬❤\ufe0f¥£é"),
)
_any_text = st.text(
    alphabet=st.one_of(st.characters(categories=["L", "M", "N", "P", "S", "Z", "C"]),
                       _odd_characters),
    max_size=80,
)
_long_line = st.builds(lambda unit, n: unit * n,
                       st.sampled_from(("word ", "a", "1-2 ", "By A ", "%41", " |", "x.")),
                       st.integers(200, 3000))


_label = st.one_of(st.sampled_from(SOURCES), st.text(max_size=12))
_bullet_label = st.one_of(st.sampled_from(SOURCES + CATEGORIES), _label)
_PIECES = st.one_of(
    st.sampled_from(CHROME),
    st.sampled_from(JUNK),
    st.sampled_from(SOURCES),
    st.sampled_from(TITLES),
    st.sampled_from(PARAGRAPHS),
    st.sampled_from(HEADINGS),
    _TIMES,
    st.builds(lambda s, t: s + t, _label, _TIMES),  # glued: "Yomiuri Shimbun4 days ago"
    _TIMES.map(lambda t: "time" + t),
    _bullet_label.map(lambda s: "  • " + s),
    _bullet_label.map(lambda s: "- " + s),
    st.builds(lambda t, n: f"{t} {'Tue 5 Aug ' * n}2025 at 6:20pm",
              st.sampled_from(PARAGRAPHS), st.integers(1, 3)),
    st.builds(lambda p, e: p[:e], st.sampled_from(PARAGRAPHS + CHROME), st.integers(0, 40)),
    st.sampled_from(("", "   ", "\t", "\u00a0", "\u200b")),
)
_LINES = st.one_of(
    _PIECES,
    _any_text,
    _long_line,
    st.builds(lambda a, b: a + b, _PIECES, _any_text),
    st.builds(lambda a, b: a + b, _any_text, _PIECES),
).map(_no_breaks)


def lines() -> st.SearchStrategy[str]:
    """One line of a dump: a layout piece, arbitrary text, or both; never a line break."""
    return _LINES


def line_lists(max_size: int = 40) -> st.SearchStrategy[list[str]]:
    """Lists of lines, some following a page template, some free mixes."""
    return st.one_of(_templates(), st.lists(_LINES, max_size=max_size))


def join(parts: list[str], seps: list[str]) -> str:
    """Join lines with the given separators (cycled); used to vary line endings."""
    if not seps:
        seps = ["\n"]
    return "".join(part + seps[i % len(seps)] for i, part in enumerate(parts))


@st.composite
def _templates(draw: st.DrawFn) -> list[str]:
    """A page built from the header, body, trailer and related-item layouts of Daily8."""
    title = draw(st.one_of(st.sampled_from(TITLES), _LINES))
    header = draw(st.sampled_from(("A1", "A2", "A3", "A4", "H1", "H2", "O", "fragment")))
    out: list[str] = []
    if header in ("A1", "A2"):
        out += ["logo", title, "", title, ""]
        if header == "A1":
            out.append(draw(st.sampled_from(SOURCES)) + draw(_TIMES))
    elif header == "A3":
        out += ["", title]
    elif header == "A4":
        out += [title]
    elif header == "H1":
        out += ["logo", "#", "", "Latest news with #" + draw(st.text(min_size=1, max_size=12)), ""]
    elif header == "H2":
        out += ["Latest news with #Tag", ""]
    elif header == "O":
        out.append("Priya Castellanos")
        n = draw(st.integers(0, 4))
        out += [f"{draw(st.sampled_from(PARAGRAPHS))} Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm"
                for _ in range(n)]
    out += draw(st.lists(st.one_of(st.sampled_from(PARAGRAPHS + HEADINGS), _LINES), max_size=8))
    trailer = draw(st.sampled_from(("T0", "T1", "T2", "T3")))
    if trailer == "T1":
        for chrome in ("Orange background", "Try Our AI Features",
                       "Explore what Daily8 AI can do for you:", "Comments",
                       "No comments yet...", "Related Articles"):
            out += [chrome, ""]
    elif trailer in ("T2", "T3"):
        out += ["Hashtags" if trailer == "T2" else "", "", "Try Our AI Features",
                "Explore what Daily8 AI can do for you:", "Comments", "No comments yet...",
                "Related Articles"]
    for _ in range(draw(st.integers(0, 3))):
        item_title = draw(st.one_of(st.sampled_from(TITLES), _LINES))
        source = draw(st.sampled_from(SOURCES))
        teaser = draw(st.one_of(st.sampled_from(PARAGRAPHS), _LINES))
        if draw(st.booleans()):  # spaced
            bullets = [f"  • {c}" for c in draw(st.lists(st.sampled_from(CATEGORIES), max_size=2))]
            out += [item_title, item_title, "", source, "", "time" + draw(_TIMES), "",
                    *bullets, f"  • {source}", "", item_title, "", teaser, ""]
        else:  # compact
            out += [""] * draw(st.integers(0, 2))
            out += [source, draw(_TIMES), f"- {source}", item_title, teaser]
    if draw(st.booleans()):
        out += ["DOWNLOAD THE APP", "", "Get Started Now: Download the App", "",
                "app-storeplay-store"]
    # Fragments: cut the page at the start and/or the end, possibly mid-line.
    if header == "fragment" or draw(st.booleans()):
        start = draw(st.integers(0, len(out)))
        end = draw(st.integers(start, len(out)))
        out = out[start:end]
        if out and draw(st.booleans()):
            out[-1] = out[-1][: draw(st.integers(0, len(out[-1])))]
    return [_no_breaks(line) for line in out]


@st.composite
def dumps(draw: st.DrawFn) -> str:
    """A whole dump: template or free-mix lines joined by assorted line separators."""
    parts = draw(line_lists())
    seps = draw(st.one_of(
        st.sampled_from(SEPARATORS).map(lambda s: [s]),
        st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=5),
    ))
    text = join(parts, seps)
    if draw(st.booleans()):
        text = text.rstrip("".join(SEPARATORS))  # no break after the last line
    return text


_offsets = st.integers(-24 * 60 + 1, 24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes)))
_zones = st.one_of(st.just(UTC), _offsets, st.timezones())


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Any timezone-aware datetime: fixed offsets and IANA zones, the whole range."""
    return st.datetimes(timezones=_zones)


def realistic_aware_datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes between 1990 and 2100, in fixed offsets and IANA zones."""
    return st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
                        timezones=_zones)


def pages() -> st.SearchStrategy[tuple[str, datetime | None]]:
    """A dump with an optional realistic fetch time, for round-trip properties."""
    return st.tuples(dumps(), st.one_of(st.none(), realistic_aware_datetimes()))
