"""Reading printed times: absolute dates, relative times, and what they resolve to.

Everything here is pure: no clock, no local time zone, no environment. Relative times
("4 days ago") resolve only against the ``fetched_at`` the caller passes; absolute
dates without a zone are read in ``fetched_at``'s zone, or in UTC without one.
"""

from __future__ import annotations

import functools
import re
import warnings
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser
from dateutil.parser import UnknownTimezoneWarning
from dateutil.relativedelta import relativedelta

from pagedump._dialects import Dialect
from pagedump._records import Published
from pagedump.exceptions import InputTypeError, NaiveDatetimeError

__all__ = ["check_fetched_at", "is_aware", "resolve"]

_UNITS = {
    "s": "seconds", "sec": "seconds", "secs": "seconds", "second": "seconds", "seconds": "seconds",
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "month": "months", "months": "months",
    "y": "years", "yr": "years", "yrs": "years", "year": "years", "years": "years",
}

# "4 days ago", "an hour ago", "a few seconds ago", "2 hrs ago", and the compact "2h"/"1d".
_RELATIVE = re.compile(
    r"(?:(?P<count>\d{1,4})|(?P<one>an?|one)|(?P<few>a few))\s?"
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?"
    r"|[smhdwy]|mo)"
    r"(?:\s+ago)?",
    re.IGNORECASE,
)
_COMPACT_UNITS = frozenset("smhdwy") | {"mo"}
_NAMED = {"just now": timedelta(0), "now": timedelta(0), "yesterday": timedelta(days=1)}

# Zone abbreviations seen in dumps. dateutil would otherwise read an unknown one as
# naive, or a trailing "Z"/"GMT" as the machine's local zone.
def _us_zones() -> dict[str, tzinfo]:
    """"ET", "CT", "MT" and "PT" name a region's clock, daylight saving included."""
    names = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
             "PT": "America/Los_Angeles"}
    try:
        return {short: ZoneInfo(name) for short, name in names.items()}
    except (ZoneInfoNotFoundError, ValueError):  # no time zone database here: no such names
        return {}


_TZINFOS: dict[str, tzinfo] = {
    "UTC": UTC, "GMT": UTC, "Z": UTC,
    "BST": timezone(timedelta(hours=1), "BST"),
    "CET": timezone(timedelta(hours=1), "CET"),
    "CEST": timezone(timedelta(hours=2), "CEST"),
    "IST": timezone(timedelta(hours=5, minutes=30), "IST"),
    "SGT": timezone(timedelta(hours=8), "SGT"),
    "HKT": timezone(timedelta(hours=8), "HKT"),
    "JST": timezone(timedelta(hours=9), "JST"),
    "KST": timezone(timedelta(hours=9), "KST"),
    "AEST": timezone(timedelta(hours=10), "AEST"),
    "EST": timezone(timedelta(hours=-5), "EST"),
    "EDT": timezone(timedelta(hours=-4), "EDT"),
    "CST": timezone(timedelta(hours=-6), "CST"),
    "CDT": timezone(timedelta(hours=-5), "CDT"),
    "PST": timezone(timedelta(hours=-8), "PST"),
    "PDT": timezone(timedelta(hours=-7), "PDT"),
    **_us_zones(),
}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?",
                    re.IGNORECASE)


def is_aware(value: datetime) -> bool:
    """Whether ``value`` names its offset from UTC (a ``tzinfo`` that gives one).

    A ``tzinfo`` whose ``utcoffset`` returns ``None`` leaves a datetime naive, as
    Python's own comparisons treat it.
    """
    return value.utcoffset() is not None


def check_fetched_at(fetched_at: object) -> datetime | None:
    """Validate a ``fetched_at`` argument.

    Raises:
        InputTypeError: It is neither a datetime nor ``None``.
        NaiveDatetimeError: It is a datetime without a time zone.
    """
    if fetched_at is None:
        return None
    if not isinstance(fetched_at, datetime):
        raise InputTypeError("fetched_at", type(fetched_at),
                             "pass a timezone-aware datetime.datetime or None",
                             expected="a datetime or None")
    if not is_aware(fetched_at):
        raise NaiveDatetimeError("fetched_at", fetched_at)
    return fetched_at


@functools.lru_cache(maxsize=4096)
def _relative(text: str) -> timedelta | relativedelta | None:
    """The interval a relative time names (``"4 days ago"``), or ``None``.

    Pages print the same few dozen forms over and over: the answers are kept.
    """
    lowered = text.lower()
    named = _NAMED.get(lowered)
    if named is not None:
        return named
    match = _RELATIVE.fullmatch(lowered)
    if match is None:
        return None
    unit = match["unit"]
    compact = unit in _COMPACT_UNITS
    if compact and (match["count"] is None or " " in match[0]):
        return None  # "a m" is not a time; "2 m" without "ago" is too loose either
    if not compact and not lowered.endswith("ago"):
        return None  # "4 days" alone is a duration, not a time
    if match["few"]:
        count = 0  # "a few seconds" is moment.js's word for under 45 seconds
    elif match["one"]:
        count = 1
    else:
        count = int(match["count"])
    name = _UNITS[unit]
    if name == "months":
        return relativedelta(months=count)
    if name == "years":
        return relativedelta(years=count)
    return timedelta(**{name: count})


def _destutter(text: str) -> str:
    """Drop a repeated leading run of words.

    ``"Tue 5 Aug Tue 5 Aug 2025"`` becomes ``"Tue 5 Aug 2025"``.
    """
    words = text.split()
    for size in range(1, len(words) // 2 + 1):
        unit = words[:size]
        repeats = 1
        while words[repeats * size:(repeats + 1) * size] == unit:
            repeats += 1
        if repeats > 1:
            return " ".join(words[(repeats - 1) * size:])
    return text


def _absolute(text: str, dialect: Dialect, zone: tzinfo,
              default: datetime | None) -> datetime | None:
    candidates = (text, _destutter(text))
    for candidate in candidates:
        for fmt in dialect.date_formats:
            try:
                value = datetime.strptime(candidate, fmt)
            except ValueError:
                continue
            return value if value.tzinfo is not None else value.replace(tzinfo=zone)
    # dateutil fills missing fields from `default`; without a fetch time there is no
    # sensible year to borrow, so a text without one stays unresolved. And it reads a
    # lone number as a day of the month: a text with no date in it stays unresolved.
    has_year = _YEAR.search(text) is not None
    if (default is None and not has_year) or not (
            has_year or _NUMERIC_DATE.search(text) or _MONTH.search(text)):
        return None
    base = default or datetime(2000, 1, 1, tzinfo=zone)
    try:
        with warnings.catch_warnings():
            # A zone name dateutil does not know leaves the time naive: it is then
            # read in the fallback zone below, which is what the warning is about.
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            value = dateutil_parser.parse(
                candidates[1], default=base.replace(hour=0, minute=0, second=0, microsecond=0),
                dayfirst=dialect.dayfirst, tzinfos=_TZINFOS,
            )
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def resolve(text: str, *, fetched_at: datetime | None, dialect: Dialect) -> Published:
    """Read a printed time.

    Args:
        text: The time as printed, without any glued label.
        fetched_at: When the page was fetched (timezone-aware), or ``None``.
        dialect: The dialect, for its absolute date formats and day-first rule.

    Returns:
        The :class:`~pagedump.Published` record. ``value`` is ``None`` when the time
        is relative and no ``fetched_at`` was given, or when the text is unreadable.
    """
    delta = _relative(text)
    if delta is not None:
        value = _ago(fetched_at, delta)
    else:
        zone: tzinfo = UTC if fetched_at is None else (fetched_at.tzinfo or UTC)
        value = _fixed(_absolute(text, dialect, zone, fetched_at))
    # (In the fields' order: a call with keywords builds a dictionary of them first.)
    return Published(text, value, delta is not None)


def _ago(fetched_at: datetime | None, delta: timedelta | relativedelta) -> datetime | None:
    """``fetched_at`` minus ``delta``, counted in elapsed time, not wall-clock time.

    Subtracting from a datetime in a zone with daylight saving moves the wall clock,
    so "an hour ago" across a clock change would be off by an hour, or land on a
    time that does not exist. The arithmetic is done in UTC instead.
    """
    if fetched_at is None:
        return None
    try:
        return _fixed((fetched_at.astimezone(UTC) - delta).astimezone(fetched_at.tzinfo))
    except (OverflowError, ValueError):
        return None  # before year 1: nothing a datetime can hold


def _fixed(value: datetime | None) -> datetime | None:
    """``value`` with its zone replaced by the fixed offset in force at that instant.

    A value read back from JSON carries a fixed offset; giving it one here makes
    ``from_json(to_json(page)) == page`` hold for every zone, DST transitions too.
    """
    if value is None or isinstance(value.tzinfo, timezone):
        return value
    offset = value.utcoffset()
    return value if offset is None else value.astimezone(timezone(offset))
