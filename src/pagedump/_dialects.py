"""Dialects: what differs between page layouts, as data.

A :class:`Dialect` names the chrome phrases, line shapes and date formats of one
layout. The tokenizer is written once and reads everything layout-specific from the
dialect it is given, the way :mod:`csv` reads quoting rules from a ``csv.Dialect``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import attrs

from pagedump.exceptions import DialectExistsError, DialectNotFoundError, InputTypeError

__all__ = [
    "DAILY8",
    "MSN",
    "WIRE",
    "YAHOO",
    "Dialect",
    "get_dialect",
    "list_dialects",
    "register_dialect",
    "registered",
]


def _frozen(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


# The hash is cached: dialects key the caches of compiled rules, looked up per parse.
@attrs.frozen(cache_hash=True)
class Dialect:
    """The layout-specific knowledge the tokenizer needs.

    Patterns are regular-expression *sources*; they are matched against a line's
    normal form (see :func:`pagedump.tokenize`) with ``re.fullmatch`` semantics unless
    said otherwise. Exact lines and patterns apply to lines of at most 300 characters:
    longer lines are prose. Keep patterns free of nested unbounded repeats: they run
    on every line.

    Attributes:
        name: The registry key, also reported as ``Page.site``.
        description: One line saying which pages the dialect reads.
        layout: How the page is laid out, which decides how lines are read in
            context: ``"aggregator"`` (a story with a header, a trailer and related
            teasers, or a listing of teasers) or ``"article"`` (an ordinary news page:
            one story amid menus, footers and links, found by the evidence its lines
            carry).
        logo_marks: First lines that open a logo header (Daily8: ``"logo"``).
        listing_marks: Lines that, right after a logo mark, say the page is a listing
            (Daily8: a lone ``"#"``).
        listing_title: Pattern of a listing page's title line.
        chrome: Exact lines of the site's own interface (trailer, app block).
        trailer_starts: Chrome lines that end the story's body.
        related_heading: Chrome lines after which related teasers follow.
        end_block: Chrome lines that start the end-of-page block (no teasers after).
        junk_lines: Exact lines of leaked widget text and promos, boilerplate anywhere.
        junk_patterns: Patterns of whole boilerplate lines (credits, promos, encoded debris).
        credit_labels: Words that introduce a credit at the end of a photo or video
            caption (``"Photograph"`` in ``"... harbour. Photograph: Ellen Moritz"``).
        credit_separators: What stands between a credit label and the name.
        widget_starts: Lines that open a widget block: the short lines after them are
            boilerplate until prose resumes (video players).
        link_block: The opening and closing lines of a bracketed link block.
        pipe_caption: The ending of a caption whose credit follows on the next line.
        time_pattern: Pattern of a printed time (absolute or relative), as the site
            prints it; used to split glued lines and to anchor teasers.
        time_prefix: The label glued before times in spaced teasers (``"time"``).
        bullets: Bullet markers of teaser bullet lines, after stripping.
        byline_pattern: Pattern of an author line.
        stamp_pattern: Pattern of a live-blog post stamp; the line after it is the
            post's title.
        author_item_pattern: Pattern of one item of an author listing: named groups
            ``title`` and ``time``.
        paragraph_closers: Endings that finish a paragraph as a full stop does
            (a glued ``"» READ MORE"``).
        meta_patterns: Patterns of the story's metadata line after the headline, with
            named groups among ``source``, ``agency``, ``place``, ``time`` and ``byline``
            (``"PTI | Nagpur | Updated: ... | Created: 03-08-2025 18:40 IST"``).
        teasers: How teasers for other stories are laid out, which decides what
            anchors one: ``"timed"`` (a time line, Daily8), ``"cards"`` (a bulleted
            title followed by indented labels, Yahoo) or ``"titles"`` (bare titles,
            one per line, after the related heading).
        date_formats: ``strptime`` formats of absolute dates, tried first.
        dayfirst: How to read ambiguous numeric dates that no format matched.
        function_words: Lower-case function words (articles, pronouns, prepositions,
            conjunctions, auxiliaries) of the languages the dialect reads; their share of
            a line's words tells prose from labels, names and menus.
        chrome_markers: Lower-case words and phrases that mark interface lines on any
            site (``"subscribe"``, ``"cookies"``, ``"©"``), matched case-insensitively as
            whole words anywhere in a line.
        footer_markers: Lower-case phrases of a page's closing rights notice (``"all rights
            reserved"``): the story never runs across a chrome line holding one.
        byline_markers: Words that open an author line (``"By"``, ``"Von"``, ``"Par"``),
            matched case-insensitively before a capitalised name, or alone on a line.
        date_pattern: Pattern of a printed date or time, *searched* for within a line
            (not full-matched); what it matches is the time value as printed.
        title_separators: What joins the headline and the site name in a page's title
            line (``"Headline - Site"``).
    """

    name: str
    description: str = ""
    layout: Literal["aggregator", "article"] = "aggregator"
    logo_marks: frozenset[str] = frozenset()
    listing_marks: frozenset[str] = frozenset()
    listing_title: str | None = None
    chrome: frozenset[str] = frozenset()
    trailer_starts: frozenset[str] = frozenset()
    related_heading: frozenset[str] = frozenset()
    end_block: frozenset[str] = frozenset()
    junk_lines: frozenset[str] = frozenset()
    junk_patterns: tuple[str, ...] = ()
    credit_labels: tuple[str, ...] = ()
    credit_separators: tuple[str, ...] = (": ", " / ")
    widget_starts: frozenset[str] = frozenset()
    link_block: tuple[str, str] | None = None
    pipe_caption: str | None = None
    time_pattern: str | None = None
    time_prefix: str | None = None
    bullets: tuple[str, ...] = ()
    byline_pattern: str | None = None
    stamp_pattern: str | None = None
    author_item_pattern: str | None = None
    paragraph_closers: tuple[str, ...] = ()
    meta_patterns: tuple[str, ...] = ()
    teasers: Literal["timed", "cards", "titles"] = "timed"
    date_formats: tuple[str, ...] = ()
    dayfirst: bool = True
    function_words: frozenset[str] = frozenset()
    chrome_markers: tuple[str, ...] = ()
    footer_markers: tuple[str, ...] = ()
    byline_markers: tuple[str, ...] = ()
    date_pattern: str | None = None
    title_separators: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Fail at definition, not on the first page read with a broken pattern.
        sources = (self.listing_title, self.time_pattern, self.byline_pattern,
                   self.stamp_pattern, self.author_item_pattern, *self.junk_patterns,
                   *self.meta_patterns)
        for source in sources:
            if source is not None:
                re.compile(source)


# Daily8 prints times the way moment.js words them, with its own bounds: a count of
# one is always spelled "a"/"an", hours run to 21, days to 7; older stories show a
# DD-MM-YYYY date. Tight counts make a glued "CNA21 hours ago" split one way only.
_DAILY8_TIME = (
    r"\d{2}-\d{2}-\d{4}"
    r"|a few seconds ago|an? (?:minute|hour|day|month|year) ago"
    r"|(?:[2-9]|[1-5]\d) minutes ago"
    r"|(?:[2-9]|1\d|2[0-3]) hours ago"
    r"|(?:[2-9]|[12]\d) days ago"
    r"|(?:[2-9]|1[01]) months ago"
    r"|\d{1,2} years ago"
)

_VIDEO_PLAYER = (
    "Video Player is loading.", "Play Video", "Play", "Pause", "Unmute", "Mute",
    "Current Time", "Duration", "Loaded :", "Stream Type LIVE",
    "Seek to live, currently behind live", "LIVE", "Remaining Time", "This is a modal window.",
    "Playback Rate", "Chapters", "Descriptions",
    "Captions", "Audio Track", "Fullscreen", "Non-Fullscreen", "Close Modal Dialog",
    "Beginning of dialog window. Escape will cancel and close the window.", "End of dialog window.",
)

DAILY8 = Dialect(
    name="daily8",
    description="Daily8 article pages, hashtag listings and author pages.",
    logo_marks=_frozen(["logo"]),
    listing_marks=_frozen(["#"]),
    listing_title=r"Latest news with #\S.*",
    chrome=_frozen([
        "logo", "#", "Hashtags", "Orange background", "Try Our AI Features",
        "Explore what Daily8 AI can do for you:", "Comments", "No comments yet...",
        "Related Articles", "DOWNLOAD THE APP", "Get Started Now: Download the App",
        (
            "Ready to dive into a world of global content with local flavor? Download Daily8 "
            "app today from your preferred app store and start exploring."
        ),
        "app-storeplay-store",
    ]),
    trailer_starts=_frozen(["Orange background", "Hashtags", "Try Our AI Features"]),
    related_heading=_frozen(["Related Articles"]),
    end_block=_frozen(["DOWNLOAD THE APP"]),
    junk_lines=_frozen([
        *_VIDEO_PLAYER,
        "Loading", "Show more", "by Taboola", "Sponsored Links", "Related Internet Links",
        "THREE KEY FACTS", "Further Reading", "Advertisement", "ADVERTISEMENT", "READ MORE",
        "Read more", "Full story.", "See also", "Latest posts", "Opens in new window",
        "subscribing", "Watch the full conversation above.",
    ]),
    junk_patterns=(
        r"Image: .{1,200}",
        (
            r"(?:ALSO READ|Also read|Also Read|READ ALSO|Read also|SEE ALSO|Read more|READ MORE)"
            r"\s*[:|-] .{1,300}"
        ),
        r"Sign up now: .{1,300}",
        r"Sign up (?:for|to) .{1,200}",
        r"\d{1,2}:\d{2}(?::\d{2})?",
        r"-?\d{1,3}%|-:-|/|-|0:00",
        r"(?=(?:[^%\s]*%[0-9A-Fa-f]{2}){3})\S+",
        r"[\w.+-]+@[\w-]+\.[\w.-]+",
        r"Click to share on .{1,200}",
        r"Learn more about your ad choices\b.{0,200}",
    ),
    credit_labels=("Photograph", "Photo", "Picture", "Video", "Image", "Credit"),
    widget_starts=_frozen(["Video Player is loading."]),
    link_block=("[", "]"),
    pipe_caption=" |",
    time_pattern=_DAILY8_TIME,
    time_prefix="time",
    bullets=("• ", "- "),
    byline_pattern=(
        r"By [A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|van|von|da|and|&)){0,6}"
        r"(?:,? [A-Z][\w ]{1,40})?"
    ),
    stamp_pattern=r"(?:Pinned post|Post|Updated) (?:from|at) \d{1,2}[.:]\d{2} ?[ap]m",
    author_item_pattern=(
        r"(?P<title>.{3,}?) (?P<time>"
        r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} ){1,3}"
        r"\d{4} at \d{1,2}:\d{2} ?[ap]m)"
    ),
    paragraph_closers=("READ MORE", "Read more", "Read More"),
    date_formats=("%d-%m-%Y", "%a %d %b %Y at %I:%M%p"),
    dayfirst=True,
)

YAHOO = Dialect(
    name="yahoo",
    description="Yahoo News front, section and article pages: indented teaser cards.",
    chrome=_frozen([
        ("Our goal is to create a safe and engaging place for users to connect over interests "
        "and passions. In order to improve our community experience, we are temporarily "
        "suspending article commenting."),
    ]),
    teasers="cards",
    bullets=("• ",),
    junk_lines=_frozen(["Advertisement", "ADVERTISEMENT", "Story continues", "Read more"]),
    date_formats=("%d-%m-%Y",),
)

MSN = Dialect(
    name="msn",
    description="MSN portal article pages: a browser banner, a date and byline line.",
    logo_marks=_frozen([
        ("You are using an older browser version. Please use a supported version for the best "
        "MSN experience."),
    ]),
    chrome=_frozen(["Top Stories"]),
    junk_lines=_frozen(["Advertisement", "ADVERTISEMENT", "image beacon"]),
    meta_patterns=(
        r"(?P<time>\d{2}/\d{2}/\d{4}) (?P<byline>[^\W\d_].{0,80})",
        (r"(?P<source>\S.{0,40}?) (?P<time>\d{1,2} (?:hrs?|mins?|days?) ago)"
        r"(?: (?P<byline>[^\W\d_].{0,80}))?"),
    ),
    date_formats=("%d/%m/%Y",),
    dayfirst=True,
)

WIRE = Dialect(
    name="wire",
    description="Wire syndication pages (Devdiscourse style): an agency | city | time line.",
    logo_marks=_frozen(["Left Menu"]),
    chrome=_frozen([
        ("(This story has not been edited by Devdiscourse staff and is auto-generated from a "
        "syndicated feed.)"),
    ]),
    related_heading=_frozen([
        ("(This story has not been edited by Devdiscourse staff and is auto-generated from a "
        "syndicated feed.)"),
    ]),
    junk_patterns=(r".{0,80}\bImage Credit: .{1,80}",),
    meta_patterns=(
        (r"(?P<agency>[A-Z][\w.&' -]{0,30}?) \| (?:(?P<place>[^|]{2,40}?) \| )?"
        r"Updated: [^|]{5,30}\| Created: (?P<time>[^|]{5,30})"),
    ),
    teasers="titles",
    date_formats=("%d-%m-%Y %H:%M",),
    dayfirst=True,
)

_REGISTRY: dict[str, Dialect] = {}
_REGISTERED: tuple[Dialect, ...] = ()
"""The registered dialects in name order, rebuilt on each registration (read per parse)."""


def register_dialect(dialect: Dialect, *, replace: bool = False) -> None:
    """Make ``dialect`` available by its name.

    Args:
        dialect: The dialect to register.
        replace: Allow replacing a dialect already registered under the same name.

    Raises:
        DialectExistsError: The name is taken and ``replace`` is false (a ``ValueError``).
        InputTypeError: ``dialect`` is not a :class:`Dialect` (a ``TypeError``).
    """
    if not isinstance(dialect, Dialect):
        raise InputTypeError(
            "dialect", type(dialect),
            "build one with pagedump.Dialect(...) or attrs.evolve(pagedump.DAILY8, ...)",
            expected="a pagedump.Dialect")
    if dialect.name in _REGISTRY and not replace:
        raise DialectExistsError(dialect.name)
    global _REGISTERED  # noqa: PLW0603 - the registry is module state by design
    _REGISTRY[dialect.name] = dialect
    _REGISTERED = tuple(_REGISTRY[name] for name in sorted(_REGISTRY))


def get_dialect(name: str) -> Dialect:
    """Return the dialect registered as ``name``.

    Raises:
        DialectNotFoundError: No dialect has that name.
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        raise DialectNotFoundError(name, list_dialects()) from None


def list_dialects() -> tuple[str, ...]:
    """Return the names of the registered dialects, sorted."""
    return tuple(dialect.name for dialect in _REGISTERED)


def registered() -> tuple[Dialect, ...]:
    """The registered dialects themselves, in name order (for sniffing)."""
    return _REGISTERED


def resolve_dialect(dialect: Dialect | str) -> Dialect:
    """Turn a ``dialect=`` argument other than ``None`` into a :class:`Dialect`.

    (``None``, sniffing the dialect from the text, is the caller's to handle.)
    """
    if isinstance(dialect, Dialect):
        return dialect
    if isinstance(dialect, str):
        return get_dialect(dialect)
    raise InputTypeError("dialect", type(dialect),
                         f"pass a pagedump.Dialect, one of {', '.join(list_dialects())}, or None",
                         expected="a Dialect, a dialect name or None")


for _builtin in (DAILY8, YAHOO, MSN, WIRE):
    register_dialect(_builtin)
