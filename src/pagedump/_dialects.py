"""Dialects: what differs between page layouts, as data.

A :class:`Dialect` names the chrome phrases, line shapes and date formats of one
layout. The tokenizer is written once and reads everything layout-specific from the
dialect it is given, the way :mod:`csv` reads quoting rules from a ``csv.Dialect``.

A dialect checks its fields when it is built (and when ``attrs.evolve`` copies it):
collections become frozensets or tuples of strings, the layout and teaser form become
enums, and every pattern is compiled; a value that cannot serve raises
:class:`~pagedump.exceptions.DialectError` naming the field. The registry keeps the
built-in dialects apart from those a caller registers: the built-ins come first when
sniffing breaks a tie (see :mod:`pagedump._sniff`), and cannot be unregistered.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, cast

import attrs

from pagedump._words import (
    BYLINE_MARKERS,
    CHROME_MARKERS,
    CREDIT_MARKERS,
    DATE,
    END_MARKERS,
    FOOTER_MARKERS,
    FUNCTION_WORDS,
    TITLE_SEPARATORS,
)
from pagedump.exceptions import (
    BuiltInDialectError,
    DialectError,
    DialectExistsError,
    DialectNotFoundError,
    InputTypeError,
)

__all__ = [
    "AUTOBLOG",
    "BING_MIRROR",
    "BUILT_IN",
    "DAILY8",
    "EXPRESS_DIGEST",
    "FEED",
    "GENERIC",
    "GROUND_NEWS",
    "IFTTT_BLOGGER",
    "INSHORTS",
    "MSN",
    "NEWSBREAK",
    "NEWSLETTER_MIRROR",
    "ONE_NEWS_PAGE",
    "PORTAL_NEWS",
    "RSSING",
    "RSS_RENDER",
    "TOP_STORIES",
    "WIRE",
    "WORDPRESS",
    "WORLDNEWS",
    "YAHOO",
    "Dialect",
    "Layout",
    "TeaserForm",
    "get_dialect",
    "list_dialects",
    "register_dialect",
    "registered",
    "resolve_dialect",
    "unregister_dialect",
]


class Layout(enum.StrEnum):
    """How a page is laid out, which decides how its lines are read in context."""

    AGGREGATOR = "aggregator"
    """A story with a header, a trailer and related teasers, or a listing of teasers."""
    ARTICLE = "article"
    """An ordinary news page: one story amid menus, footers and links, found by the
    evidence its lines carry."""
    FEED = "feed"
    """A page that repeats one record shape (a title, a source and/or time line, teaser
    text): a listing of items found by that repetition (Inshorts, rssing.com)."""


class TeaserForm(enum.StrEnum):
    """How an aggregator prints teasers for other stories, which decides what anchors one."""

    TIMED = "timed"
    """A time line anchors each teaser (Daily8)."""
    CARDS = "cards"
    """A bulleted title followed by indented labels (Yahoo)."""
    TITLES = "titles"
    """Bare titles, one per line, after the related heading (wire pages)."""


# -- converters and validators: what each field takes ---------------------------------------
#
# A converter turns a value it can take into the field's type. One it cannot take is
# handed on unchanged to the field's validator, which knows the field's name and
# raises the DialectError (a converter is not told which field it converts).

_STRINGS = "an iterable of non-empty str (a list, tuple or set)"
_PATTERN = "a regular expression source (a str) or None"
_PATTERNS = "an iterable of regular expression sources (non-empty str)"


def _items(value: object) -> object:
    """The items of ``value`` as a tuple, or ``value`` itself when it is no collection."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _to_frozenset(value: Iterable[str]) -> frozenset[str]:
    items = _items(value)
    if isinstance(items, tuple) and all(isinstance(item, str) and item for item in items):
        return frozenset(items)
    return cast("frozenset[str]", items)  # for the validator to refuse


def _to_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _items(value))  # its validator checks the items


def _to_pair(value: Iterable[str] | None) -> tuple[str, str] | None:
    return None if value is None else cast("tuple[str, str]", _items(value))


def _to_layout(value: str) -> Layout:
    try:
        return Layout(value)
    except ValueError:
        return cast("Layout", value)  # for the validator to refuse


def _to_teasers(value: str) -> TeaserForm:
    try:
        return TeaserForm(value)
    except ValueError:
        return cast("TeaserForm", value)  # for the validator to refuse


def _type_name(value: object) -> str:
    return type(value).__qualname__


def _strings_problem(value: object) -> tuple[str, int | None] | None:
    """What keeps ``value`` (a converted collection) from being one of non-empty str."""
    if isinstance(value, str):
        return (f"got the str {value!r}, which would be read as a collection of its "
                f"characters; wrap it: [{value!r}]"), None
    if not isinstance(value, tuple | frozenset):
        return f"got {_type_name(value)}, which is not a collection of str", None
    for index, item in enumerate(value):
        if not isinstance(item, str):
            return f"got {_type_name(item)} ({item!r}), not a str", index
        if not item:
            return "got an empty str", index
    return None


def _check_strings(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = _strings_problem(value)
    if problem is not None:
        raise DialectError(attribute.name, problem[0], _STRINGS, index=problem[1])


# Flags set for a whole pattern, which only its start may hold: "(?i)".
_GLOBAL_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def _check_pattern_source(field: str, source: object, index: int | None) -> None:
    accepted = _PATTERN if index is None else _PATTERNS
    if not isinstance(source, str):
        raise DialectError(field, f"got {_type_name(source)}, not a str", accepted, index=index)
    try:
        re.compile(source)
    except re.error as error:
        raise DialectError(field, f"{source!r} does not compile: {error}", accepted,
                           index=index) from error
    # A dialect's patterns are combined into one, where flags for a whole pattern no
    # longer stand at the start: they must be scoped to it.
    flags = _GLOBAL_FLAGS.match(source)
    if flags is not None:
        scoped = f"(?{flags[1]}:{source[flags.end():]})"
        raise DialectError(field, f"{source!r} sets flags for the whole pattern, which "
                           f"cannot be combined with other patterns: write {scoped!r}",
                           accepted, index=index)


def _check_pattern(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # Fail at definition, not on the first page read with a broken pattern.
    if value is not None:
        _check_pattern_source(attribute.name, value, None)


def _check_patterns(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = _strings_problem(value)
    if problem is not None:
        raise DialectError(attribute.name, problem[0], _PATTERNS, index=problem[1])
    for index, source in enumerate(cast("tuple[str, ...]", value)):
        _check_pattern_source(attribute.name, source, index)


def _check_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise DialectError(attribute.name, f"got {_type_name(value)}", "a str")


def _check_name(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    accepted = "a non-empty str without surrounding spaces"
    if not isinstance(value, str):
        raise DialectError(attribute.name, f"got {_type_name(value)}", accepted)
    if not value or value.strip() != value:
        raise DialectError(attribute.name, f"got {value!r}", accepted)


def _check_marker(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        shown = repr(value) if isinstance(value, str) else _type_name(value)
        raise DialectError(attribute.name, f"got {shown}", "a non-empty str or None")


def _check_pair(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    accepted = "a pair of non-empty str (opening line, closing line) or None"
    if value is None:
        return
    problem = _strings_problem(value)
    if problem is not None:
        raise DialectError(attribute.name, problem[0], accepted, index=problem[1])
    size = len(value) if isinstance(value, tuple) else 0
    if size != 2:
        raise DialectError(attribute.name, f"got {size} items", accepted)


def _check_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise DialectError(attribute.name, f"got {_type_name(value)} ({value!r})",
                           "True or False")


def _member_of(kind: type[enum.StrEnum]) -> Callable[[object, attrs.Attribute[Any], object],
                                                     None]:
    """A validator refusing anything but a member of ``kind``."""
    allowed = ", ".join(repr(member.value) for member in kind)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise DialectError(attribute.name, f"unknown value {value!r}",
                               f"one of {allowed} (or pagedump.{kind.__name__})")

    return check


# The hash is cached: dialects key the caches of compiled rules, looked up per parse.
@attrs.frozen(cache_hash=True)
class Dialect:
    r"""The layout-specific knowledge the tokenizer needs.

    Patterns are regular-expression *sources*; they are matched against a line's
    normal form (see :func:`pagedump.tokenize`) with ``re.fullmatch`` semantics unless
    said otherwise. Exact lines and patterns apply to lines of at most 300 characters:
    longer lines are prose. Keep patterns free of nested unbounded repeats: they run
    on every line.

    Every field is checked when the dialect is built, and when ``attrs.evolve`` copies
    it: set fields take any iterable of non-empty ``str`` and hold a ``frozenset``;
    tuple fields take any iterable of non-empty ``str`` and hold a ``tuple`` (a bare
    ``str`` is refused in both: it would be a collection of its characters); ``layout``
    and ``teasers`` take their enum or its value; every pattern is compiled. A value a
    field cannot take raises :class:`~pagedump.exceptions.DialectError` (a
    ``ValueError``) naming the field.

    Attributes:
        name: The registry key, also reported as ``Page.site``: a non-empty str.
        description: One line saying which pages the dialect reads.
        layout: How the page is laid out (a :class:`Layout`), which decides how lines
            are read in context: ``"aggregator"`` (a story with a header, a trailer and
            related teasers, or a listing of teasers), ``"feed"`` (a page repeating one
            record shape, read as a listing of the records) or ``"article"`` (an
            ordinary news page: one story amid menus, footers and links, found by the
            evidence its lines carry). Only aggregator and feed dialects are sniffed by
            their evidence.
        logo_marks: First lines that open a logo header (Daily8: ``"logo"``).
        listing_marks: Lines that, right after a logo mark, say the page is a listing
            (Daily8: a lone ``"#"``).
        listing_title: Pattern of a listing page's title line.
        chrome: Exact lines of the site's own interface (trailer, app block).
        related_heading: Chrome lines after which related teasers follow.
        end_block: Chrome lines that start the end-of-page block (no teasers after).
        junk_lines: Exact lines of leaked widget text and promos, boilerplate anywhere.
        junk_patterns: Patterns of whole boilerplate lines (credits, promos, encoded debris).
        credit_labels: Words that introduce a credit at the end of a photo or video
            caption (``"Photograph"`` in ``"... harbour. Photograph: Ellen Moritz"``).
        credit_separators: What stands between a credit label and the name.
        widget_starts: Lines that open a widget block: the short lines after them are
            boilerplate until prose resumes (video players).
        link_block: The opening and closing lines of a bracketed link block: a pair of
            strings, or ``None``.
        pipe_caption: The ending of a caption whose credit follows on the next line.
        time_pattern: Pattern of a printed time (absolute or relative), as the site
            prints it; used to split glued lines and to anchor teasers.
        time_prefix: The label glued before times in spaced teasers (``"time"``).
        bullets: Bullet markers of teaser bullet lines, after stripping. Sniffing
            also reads them: a bullet line right under one of the dialect's time
            lines, or an indented one, is evidence of the dialect.
        byline_pattern: Pattern of an author line.
        stamp_pattern: Pattern of a live-blog post stamp; the line after it is the
            post's title.
        author_item_pattern: Pattern of one item of an author listing: named groups
            ``title`` and ``time``. Each such line is evidence of the dialect when
            sniffing.
        paragraph_closers: Endings that finish a paragraph as a full stop does
            (a glued ``"» READ MORE"``).
        meta_patterns: Patterns of the story's metadata line after the headline, with
            named groups among ``source``, ``agency``, ``place``, ``time`` and ``byline``
            (``"PTI | Nagpur | Updated: ... | Created: 03-08-2025 18:40 IST"``).
        teasers: How teasers for other stories are laid out (a :class:`TeaserForm`),
            which decides what anchors one: ``"timed"`` (a time line, Daily8),
            ``"cards"`` (a bulleted title followed by indented labels, Yahoo) or
            ``"titles"`` (bare titles, one per line, after the related heading).
        date_formats: ``strptime`` formats of absolute dates, tried first.
        dayfirst: How to read ambiguous numeric dates that no format matched (a bool).
        function_words: Lower-case function words (articles, pronouns, prepositions,
            conjunctions, auxiliaries) of the languages the dialect reads; their share of
            a line's words tells prose from labels, names and menus.
        chrome_markers: Lower-case words and phrases that mark interface lines on any
            site (``"subscribe"``, ``"cookies"``, ``"©"``), matched case-insensitively as
            whole words anywhere in a line.
        footer_markers: Lower-case phrases of a page's closing rights notice (``"all rights
            reserved"``): the story never runs across a chrome line holding one.
        end_markers: Lower-case headings that close a story on an ordinary page
            (``"related articles"``, ``"leave a reply"``, ``"lesen sie auch"``): a line
            that is only one of them, after the story's prose, ends the story.
        credit_markers: Words that label a picture's credit at the end of a caption
            (``"Photograph"``, ``"Foto"``), before a colon and the name, or in brackets.
        byline_markers: Words that open an author line (``"By"``, ``"Von"``, ``"Par"``),
            matched case-insensitively before a capitalised name, or alone on a line.
        date_pattern: Pattern of a printed date or time, *searched* for within a line
            (not full-matched); what it matches is the time value as printed.
        title_separators: What joins the headline and the site name in a page's title
            line (``"Headline - Site"``).
        item_pattern: Pattern of a whole teaser printed on one line (feed layout), with
            named groups among ``source``, ``time``, ``title`` and ``teaser``
            (``"Coastline Courier on MSNPilots to meet ...Both sides agreed ..."``).
            Each such line is evidence of the dialect when sniffing.
        briefing: Feed layout: whether the page's records are the sections of one story
            (a briefing: the first title is the headline, each later title that
            paragraphs follow a sub-heading, other title-like lines chrome) rather than
            items of a listing (a bool).
        shapes: Patterns of a run of lines only the site prints, laid out as it
            lays them out (``"  • <image alt>"``, a blank, a kicker over a headline),
            *searched* for in the first 2,000 characters of the dump, whose lines are
            joined by ``"\n"`` with their spaces kept. Sniffing looks for them only
            when no dialect has enough evidence line by line, and each one found is
            enough evidence of the dialect by itself: open each with the text that
            makes it the site's (``\A``, a bullet, an ellipsis), not with a bare
            character class, so that searching stays cheap.
    """

    # Each converter is a named, typed function (not ``converter=tuple``), so that
    # mypy --strict types the arguments of ``Dialect(...)`` from it.
    name: str = attrs.field(validator=_check_name)
    description: str = attrs.field(default="", validator=_check_text)
    layout: Layout = attrs.field(default=Layout.AGGREGATOR, converter=_to_layout,
                                 validator=_member_of(Layout))
    logo_marks: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                             validator=_check_strings)
    listing_marks: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                                validator=_check_strings)
    listing_title: str | None = attrs.field(default=None, validator=_check_pattern)
    chrome: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                         validator=_check_strings)
    related_heading: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                                  validator=_check_strings)
    end_block: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                            validator=_check_strings)
    junk_lines: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                             validator=_check_strings)
    junk_patterns: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                 validator=_check_patterns)
    credit_labels: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                 validator=_check_strings)
    credit_separators: tuple[str, ...] = attrs.field(default=(": ", " / "), converter=_to_tuple,
                                                     validator=_check_strings)
    widget_starts: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                                validator=_check_strings)
    link_block: tuple[str, str] | None = attrs.field(default=None, converter=_to_pair,
                                                     validator=_check_pair)
    pipe_caption: str | None = attrs.field(default=None, validator=_check_marker)
    time_pattern: str | None = attrs.field(default=None, validator=_check_pattern)
    time_prefix: str | None = attrs.field(default=None, validator=_check_marker)
    bullets: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                           validator=_check_strings)
    byline_pattern: str | None = attrs.field(default=None, validator=_check_pattern)
    stamp_pattern: str | None = attrs.field(default=None, validator=_check_pattern)
    author_item_pattern: str | None = attrs.field(default=None, validator=_check_pattern)
    paragraph_closers: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                     validator=_check_strings)
    meta_patterns: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                 validator=_check_patterns)
    teasers: TeaserForm = attrs.field(default=TeaserForm.TIMED, converter=_to_teasers,
                                      validator=_member_of(TeaserForm))
    date_formats: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                validator=_check_strings)
    dayfirst: bool = attrs.field(default=True, validator=_check_bool)
    function_words: frozenset[str] = attrs.field(default=frozenset(), converter=_to_frozenset,
                                                 validator=_check_strings)
    chrome_markers: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                  validator=_check_strings)
    footer_markers: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                  validator=_check_strings)
    end_markers: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                               validator=_check_strings)
    credit_markers: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                  validator=_check_strings)
    byline_markers: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                  validator=_check_strings)
    date_pattern: str | None = attrs.field(default=None, validator=_check_pattern)
    title_separators: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                                    validator=_check_strings)
    item_pattern: str | None = attrs.field(default=None, validator=_check_pattern)
    briefing: bool = attrs.field(default=False, validator=_check_bool)
    shapes: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple,
                                          validator=_check_patterns)


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
    logo_marks=["logo"],
    listing_marks=["#"],
    listing_title=r"Latest news with #\S.*",
    chrome=[
        "logo", "#", "Hashtags", "Orange background", "Try Our AI Features",
        "Explore what Daily8 AI can do for you:", "Comments", "No comments yet...",
        "Related Articles", "DOWNLOAD THE APP", "Get Started Now: Download the App",
        (
            "Ready to dive into a world of global content with local flavor? Download Daily8 "
            "app today from your preferred app store and start exploring."
        ),
        "app-storeplay-store",
    ],
    related_heading=["Related Articles"],
    end_block=["DOWNLOAD THE APP"],
    junk_lines=[
        *_VIDEO_PLAYER,
        "Loading", "Show more", "by Taboola", "Sponsored Links", "Related Internet Links",
        "THREE KEY FACTS", "Further Reading", "Advertisement", "ADVERTISEMENT", "READ MORE",
        "Read more", "Full story.", "See also", "Latest posts", "Opens in new window",
        "subscribing", "Watch the full conversation above.",
    ],
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
    widget_starts=["Video Player is loading."],
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
    chrome=[
        ("Our goal is to create a safe and engaging place for users to connect over interests "
        "and passions. In order to improve our community experience, we are temporarily "
        "suspending article commenting."),
    ],
    teasers="cards",
    bullets=("• ",),
    junk_lines=["Advertisement", "ADVERTISEMENT", "Story continues", "Read more"],
    # The comment notice, when the page's end cuts it or its full stop is lost.
    junk_patterns=(
        r"Our goal is to create a safe and engaging place for users to connect.{0,200}",
    ),
    date_formats=("%d-%m-%Y",),
)

MSN = Dialect(
    name="msn",
    layout="feed",
    briefing=True,
    description=("MSN portal pages: a browser banner, a headline, a date and byline line; "
                 "briefings of sub-headlines and paragraphs."),
    logo_marks=[
        ("You are using an older browser version. Please use a supported version for the best "
        "MSN experience."),
    ],
    chrome=[
        "Top Stories",
        ("You are using an older browser version. Please use a supported version for the best "
        "MSN experience."),
    ],
    junk_lines=["Advertisement", "ADVERTISEMENT", "image beacon"],
    junk_patterns=(r"(?:image beacon){2,20}",),
    meta_patterns=(
        r"(?P<time>\d{2}/\d{2}/\d{4}) (?P<byline>[^\W\d_].{0,80})",
        (r"(?P<source>\S.{0,40}?) (?P<time>\d{1,2} (?:hrs?|mins?|days?) ago)"
        r"(?: (?P<byline>[^\W\d_].{0,80}))?"),
    ),
    date_formats=("%d/%m/%Y",),
    dayfirst=True,
)

_WIRE_DISCLAIMER = ("(This story has not been edited by Devdiscourse staff and is auto-generated "
                    "from a syndicated feed.)")
"""The line after a wire story: chrome, and the heading of the bare titles under it."""

WIRE = Dialect(
    name="wire",
    description="Wire syndication pages (Devdiscourse style): an agency | city | time line.",
    logo_marks=["Left Menu"],
    chrome=[_WIRE_DISCLAIMER],
    related_heading=[_WIRE_DISCLAIMER],
    junk_patterns=(r".{0,80}\bImage Credit: .{1,80}",),
    meta_patterns=(
        (r"(?P<agency>[A-Z][\w.&' -]{0,30}?) \| (?:(?P<place>[^|]{2,40}?) \| )?"
        r"Updated: [^|]{5,30}\| Created: (?P<time>[^|]{5,30})"),
    ),
    teasers="titles",
    date_formats=("%d-%m-%Y %H:%M",),
    dayfirst=True,
)

# -- feed families: pages that repeat one record shape --------------------------------------

_RELATIVE_UNITS = r"(?:second|minute|hour|day|week|month|year)s?"

_INSHORTS_BANNER = ("For the best experience use inshorts app on your smartphone", "Mini app app")
"""The app banner that opens an Inshorts page: its logo marks, and chrome."""

INSHORTS = Dialect(
    name="inshorts",
    layout="feed",
    description="Inshorts list pages and mirrors: 60-word summaries with 'short by' stamps.",
    logo_marks=_INSHORTS_BANNER,
    chrome=_INSHORTS_BANNER,
    meta_patterns=(
        (r"short by (?P<byline>[^/]{1,60}?) / on "
         r"(?P<time>\d{1,2} [A-Z][a-z]{2} \d{4},[A-Z][a-z]+)"),
        (r"short by (?P<byline>[^/]{1,60}?) / "
         r"(?P<time>\d{1,2}:\d{2} [ap]m on \d{1,2} [A-Z][a-z]{2})"),
    ),
    date_formats=("%d %b %Y,%A",),
    dayfirst=True,
)

BING_MIRROR = Dialect(
    name="bing-mirror",
    layout="feed",
    description="Bing News result pages on proxy mirrors: '<Publisher> on MSN' glued to titles.",
    junk_lines=["Digest more", "Explore more", "LIVE", "News"],
    meta_patterns=(r"(?P<time>\d{1,2}[mhd])(?:on MSN)?",),
    item_pattern=(
        r"(?P<source>[^\W\d_][^\t]{0,60}?) on MSN"
        r"(?P<title>\S.{8,250}?[a-z'’?!.)%])(?P<teaser>[A-Z“‘\"][a-z ].*)"
    ),
    shapes=(
        # A sparse capture: "News", a blank, then snippets cut short, one per line.
        r"\ANews\n\n[^\n]{20,} \.\.\.\n[^\n]{20,} \.\.\.(?:\n|\Z)",
        # One result over several lines: a snippet, a blank, the headline alone (not
        # cut short), a blank, the publisher alone (no time), a snippet.
        (r" \.\.\.\n\n(?![^\n]*\.\.\.\n)[^\s.][^\n]{14,200}\n\n"
         r"[^\W\d_][^\n]{0,48}[\w)]\n[^\n]{20,} \.\.\.(?:\n|\Z)"),
    ),
)

RSSING = Dialect(
    name="rssing",
    layout="feed",
    description="rssing.com feed archives: a channel header, then posts with Key: value lines.",
    logo_marks=["Quantcast"],
    chrome=["Quantcast", "Browse latest View live"],
    junk_lines=["$", "0"],
    junk_patterns=(r"Viewing all \d[\d,]* articles",),
    listing_title=r"Channel: \S.{0,150}",
    meta_patterns=(
        r"Source: (?P<source>\S.{0,150})",
        r"Date: (?P<time>\S.{0,60})",
        r"(?:Country|Countries|Disaster|Disasters|Disaster type): \S.{0,200}",
    ),
)

EXPRESS_DIGEST = Dialect(
    name="express-digest",
    layout="feed",
    description="Express Digest listings: a tagline, then titles over '... read more' teasers.",
    logo_marks=["Express Digest is a giant collection of the best News"],
    chrome=["Express Digest is a giant collection of the best News",
            "and interesting links on the web!"],
    listing_title=r"All posts in: \S.{0,80}",
    paragraph_closers=("read more",),
)

WORDPRESS = Dialect(
    name="wordpress-aggregator",
    layout="feed",
    description=("WordPress news-aggregator plugin pages: a time with a view count, "
                 "'Source: <domain>' after the excerpt."),
    chrome=["Read Entire Article Source", "To remove this article - Removal Request]",
            "[ARTICLE AD BOX]"],
    end_block=["Read Entire Article Source"],
    junk_lines=["["],
    meta_patterns=(
        rf"(?P<time>\d{{1,3}} {_RELATIVE_UNITS} ago) \d[\d,]*",
        r"Source: (?P<source>[\w.-]+\.[a-z]{2,}(?:/\S*)?)",
    ),
)

ONE_NEWS_PAGE = Dialect(
    name="onenewspage",
    layout="feed",
    description=("One News Page link-out stubs: headline, outlet, a bare 'Published', "
                 "'Full Article'."),
    chrome=["Full Article"],
    meta_patterns=(r"Published",),
    paragraph_closers=("Full Article",),
    shapes=(
        # A video page's category word with its trailing spaces kept, over a
        # whitespace-only line and an empty one.
        r"\A[A-Z][a-z]+(?: [A-Z][a-z]+)? {2,}\n[^\S\n]+\n\n",
        # A video page's sentence broken after a middle initial: "Mayor Rosalind T.",
        # a blank, "Okafor, local councillors ...".
        r"\n\n(?:[A-Z][\w'’-]+ ){1,3}[A-Z]\.\n\n[A-Z][\w'’-]+, [a-z]",
    ),
)

NEWSBREAK = Dialect(
    name="newsbreak",
    layout="feed",
    description="NewsBreak pages: a snippet over a capitals trailer ('LOCAL ・ 5 HOURS AGO').",
    meta_patterns=(
        (r"(?:[A-Z][A-Z&' -]{1,30} ・ )?"
         r"(?P<time>(?:\d{1,3}|AN?) (?:SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|YEAR)S? AGO)"),
    ),
    shapes=(
        # The whole page: a headline, the snippet on the next line, and the source's
        # bare domain glued to its last word ("...through the night.countywatch.example").
        (r"\A[^\n]{10,200}\n[^\n]{40,}?[a-z][.!?][\"”’)]?"
         r"[a-z][a-z\d-]*(?:\.[a-z][a-z\d-]*)+\s*\Z"),
    ),
)

WORLDNEWS = Dialect(
    name="worldnews",
    layout="feed",
    description="WorldNews (wn.com) ledes: '... read full story', a pull quote, a Q&A widget.",
    chrome=["Ask about this article",
            "Answer for your question of the article will be displayed here ..."],
    junk_patterns=(r"Answer for your question of the article will be displayed.{0,20}",),
    paragraph_closers=("read full story",),
    shapes=(
        # A framed page's card of the source site: "  • <image alt>", a blank, the
        # kicker and the headline on consecutive lines, a blank, the standfirst.
        (r"\n  • [^\n]{3,100}\n\n[A-Z][\w&'’ -]{1,30}\n[^\s•][^\n]{19,200}\n\n"
         r"[^\s•][^\n]{30,}"),
    ),
)

AUTOBLOG = Dialect(
    name="autoblog",
    layout="feed",
    description="WordPress autoblogs: posts closed by 'Source link', a comment form after them.",
    chrome=["Source link", "Leave a Reply", "Posted on",
            "Your email address will not be published. Required fields are marked *"],
    junk_patterns=(r"[\w.-]{1,120}\.(?:jpe?g|png|webp|gif)",),
)

IFTTT_BLOGGER = Dialect(
    name="ifttt-blogger",
    layout="feed",
    description="Blogger sites fed by IFTTT: 'from <feed> https://ift.tt/...' under each post.",
    chrome=["via IFTTT", "No comments", "Read more", "Breaking News"],
    junk_patterns=(
        (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
         r"[A-Z][a-z]+ \d{1,2}, \d{4}"),
    ),
    meta_patterns=(
        r"from (?P<source>\S.{0,100}?) https?://ift\.tt/\S{3,20}",
        r"(?P<time>[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} ?[AP]M)",
    ),
    date_formats=("%B %d, %Y at %I:%M%p", "%B %d, %Y at %I:%M %p"),
    dayfirst=False,
)

_RFC_822 = (r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} "
            r"\d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UTC)")

RSS_RENDER = Dialect(
    name="rss-render",
    layout="feed",
    description="RSS-to-HTML renders of feeds: title, description and date in site orders.",
    chrome=["Continue reading...", "Continue reading", "Continue reading →"],
    junk_patterns=(r"Updated: \d{1,2} hours? \d{1,2} min ago",),
    meta_patterns=(
        rf"\(?(?P<time>{_RFC_822})\)?",
        r"Posted: (?P<time>\d{1,2} [A-Z][a-z]+ \d{4} \| \d{1,2}:\d{2} [ap]m)",
    ),
    item_pattern=rf"(?P<time>{_RFC_822})(?P<title>\S.{{3,250}})",
    date_formats=("%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S %Z",
                  "%d %B %Y | %I:%M %p", "%B %d, %Y - %I:%M%p", "%m/%d/%Y %I:%M %p"),
    dayfirst=False,
)

TOP_STORIES = Dialect(
    name="top-stories",
    layout="feed",
    description="Top-stories digest mirrors: headlines over one wire dateline paragraph each.",
    listing_title=r"[A-Z][\w&'. -]{1,30}: Top [Ss]tories(?: of the [Dd]ay)?",
    junk_patterns=(
        r"Here are the [Tt]op [Ss]tories from .{1,80}",
        r".{10,300} (?:REUTERS|Reuters|AFP|AP Photo)/[\w .'’-]{2,60}",
    ),
)

_PORTAL_SECTIONS = ("World", "U.S.", "Business", "Technology", "Entertainment", "Sports",
                    "Health", "Science", "Politics")

PORTAL_NEWS = Dialect(
    name="portal-news",
    layout="feed",
    description=("Portal news sections (Netscape/CompuServe style): a top story, then "
                 "'More <Section> News Stories', headlines over wire ledes ending 'More »'."),
    logo_marks=[f"Today's Top {section} News Story" for section in _PORTAL_SECTIONS],
    chrome=[line for section in _PORTAL_SECTIONS
            for line in (f"Today's Top {section} News Story", f"More {section} News Stories")],
    paragraph_closers=("Learn More", "Read More", "More »"),
)

_BLINDSPOT_CHROME = ("Ground News", "Blindspot Report", "This Week's Blindspots",
                     "Blindspot for the Right:", "Blindspot for the Left:",
                     "Bias chart for story")

GROUND_NEWS = Dialect(
    name="ground-news",
    layout="feed",
    description=("Ground News 'Blindspot Report' newsletter archives: the week's stories "
                 "amid the newsletter's chrome, bias charts and image file names."),
    chrome=["View this email in your browser", *_BLINDSPOT_CHROME],
    junk_patterns=(
        r"Week of \S.{2,60}",
        r"Coverage Distribution: .{1,120}",
        r"(?:[\w-]{8,60}\.(?:png|jpe?g|gif|webp))+",
    ),
)

NEWSLETTER_MIRROR = Dialect(
    name="newsletter-mirror",
    layout="feed",
    description=("Reposts of wire newsletters (Reuters briefings): '- ' items under "
                 "section heads ending ' |', amid lines of table-cell debris ('|')."),
    junk_lines=["|"],
    junk_patterns=(
        r".{10,300} REUTERS/[^|]{2,60} \|",  # a photo caption, its credit closing a cell
        r"[^|]{1,60} \|",  # a section head in its table cell
    ),
    shapes=(
        # A photo caption's credit closing its table cell: "... REUTERS/Ellen Moritz |".
        r" REUTERS/[^\n|]{2,60} \|\n",
        # A line of table-cell debris, a section head in its cell, a "- " item.
        r"\|\n[A-Z][^\n|]{1,60} \|\n(?:\| )?- [^\n]{10,}",
    ),
)

FEED = Dialect(
    name="feed",
    layout="feed",
    description=("Listings of aggregators no dialect knows: records found by the shape "
                 "they repeat (a title, teaser text cut short)."),
)

# Ordinary pages have no site of their own: their word lists (pagedump._words) hold
# the evidence of story and chrome in many languages.
GENERIC = Dialect(
    name="generic",
    layout="article",
    description="Ordinary news pages: one story amid a site's menus, footers and links.",
    function_words=FUNCTION_WORDS,
    chrome_markers=CHROME_MARKERS,
    footer_markers=FOOTER_MARKERS,
    end_markers=END_MARKERS,
    credit_markers=CREDIT_MARKERS,
    byline_markers=BYLINE_MARKERS,
    date_pattern=DATE,
    title_separators=TITLE_SEPARATORS,
    date_formats=("%B %d, %Y", "%b. %d, %Y", "%d.%m.%Y", "%d.%m.%Y %H:%M", "%Y-%m-%d"),
    dayfirst=True,
)

BUILT_IN: tuple[str, ...] = (
    "daily8", "generic", "msn", "wire", "yahoo", "inshorts", "bing-mirror", "rssing",
    "express-digest", "wordpress-aggregator", "onenewspage", "newsbreak", "worldnews",
    "autoblog", "ifttt-blogger", "rss-render", "top-stories", "portal-news", "ground-news",
    "newsletter-mirror", "feed",
)
"""The names of the built-in dialects, in the order they win ties when sniffing."""

_REGISTRY: dict[str, Dialect] = {}
"""Every registered dialect by name, in the order the names were first registered."""
_REGISTERED: tuple[Dialect, ...] = ()
"""The registered dialects in precedence order, rebuilt on each change (read per parse)."""
_NAMES: tuple[str, ...] = ()
"""The registered names, sorted."""


def _rebuild() -> None:
    """Derive the tuples read per parse from :data:`_REGISTRY` (after any change to it)."""
    global _REGISTERED, _NAMES  # noqa: PLW0603 - the registry is module state by design
    built_in = [_REGISTRY[name] for name in BUILT_IN if name in _REGISTRY]
    added = [dialect for name, dialect in _REGISTRY.items() if name not in BUILT_IN]
    _REGISTERED = (*built_in, *added)
    _NAMES = tuple(sorted(_REGISTRY))


def register_dialect(dialect: Dialect, *, replace: bool = False) -> None:
    """Make ``dialect`` available by its name, and to sniffing.

    A dialect registered under a new name comes after every dialect registered before
    it when sniffing breaks a tie (and after all built-in ones); one that replaces
    another takes its place.

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
    _REGISTRY[dialect.name] = dialect
    _rebuild()


def unregister_dialect(name: str) -> Dialect:
    """Remove the dialect registered as ``name``, and return it.

    Only dialects registered by callers can be removed; the built-in names
    (:data:`BUILT_IN`) stay registered, though each can be replaced with
    ``register_dialect(..., replace=True)``.

    Raises:
        DialectNotFoundError: No dialect has that name (a ``LookupError``).
        BuiltInDialectError: ``name`` is a built-in dialect's (a ``ValueError``).
        InputTypeError: ``name`` is not a ``str`` (a ``TypeError``).
    """
    if not isinstance(name, str):
        raise InputTypeError("name", type(name), "pass the name the dialect was registered as")
    if name in BUILT_IN:
        raise BuiltInDialectError(name)
    try:
        dialect = _REGISTRY.pop(name)
    except KeyError:
        raise DialectNotFoundError(name, list_dialects()) from None
    _rebuild()
    return dialect


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
    return _NAMES


def registered() -> tuple[Dialect, ...]:
    """The registered dialects in the order sniffing breaks ties.

    The built-in ones first, in the order of :data:`BUILT_IN`; then the others, in
    the order their names were first registered.
    """
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


for _builtin in (DAILY8, GENERIC, YAHOO, MSN, WIRE, INSHORTS, BING_MIRROR, RSSING,
                 EXPRESS_DIGEST, WORDPRESS, ONE_NEWS_PAGE, NEWSBREAK, WORLDNEWS, AUTOBLOG,
                 IFTTT_BLOGGER, RSS_RENDER, TOP_STORIES, PORTAL_NEWS, GROUND_NEWS,
                 NEWSLETTER_MIRROR, FEED):
    register_dialect(_builtin)
