"""Printed times: every Daily8 date form, what it resolves to, and determinism.

The rules (``docs/dates.md``): absolute dates are ``DD-MM-YYYY``, day first;
relative times are moment.js wordings that resolve only against the caller's
``fetched_at``; absolute dates without a zone are midnight in ``fetched_at``'s zone
(UTC without one). Nothing depends on the clock, the local zone or the hash seed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

import pagedump
from pagedump import DAILY8, Published
from pagedump._dates import resolve
from pagedump.exceptions import InputTypeError, NaiveDatetimeError, PagedumpError

FETCHED = datetime(2025, 7, 14, 12, 0, tzinfo=UTC)
TOKYO_OFFSET = timezone(timedelta(hours=9))
FETCHED_TOKYO = datetime(2025, 7, 14, 21, 0, tzinfo=TOKYO_OFFSET)
NEW_YORK = ZoneInfo("America/New_York")

# (printed form, shortest interval it may stand for, longest interval it may stand for)
RELATIVE_FORMS = [
    ("36 minutes ago", timedelta(minutes=36), timedelta(minutes=36)),
    ("2 minutes ago", timedelta(minutes=2), timedelta(minutes=2)),
    ("3 hours ago", timedelta(hours=3), timedelta(hours=3)),
    ("21 hours ago", timedelta(hours=21), timedelta(hours=21)),
    ("4 days ago", timedelta(days=4), timedelta(days=4)),
    ("7 days ago", timedelta(days=7), timedelta(days=7)),
    ("a day ago", timedelta(days=1), timedelta(days=1)),
    ("an hour ago", timedelta(hours=1), timedelta(hours=1)),
    ("a minute ago", timedelta(minutes=1), timedelta(minutes=1)),
    # moment.js says "a few seconds" for anything under 45 seconds.
    ("a few seconds ago", timedelta(0), timedelta(seconds=44)),
]
RELATIVE_IDS = [form for form, _, _ in RELATIVE_FORMS]

# (printed form, the calendar day it names): DD-MM-YYYY, day first, never month first.
ABSOLUTE_FORMS = [
    ("05-07-2025", date(2025, 7, 5)),
    ("26-04-2025", date(2025, 4, 26)),
    ("12-03-2025", date(2025, 3, 12)),
    ("04-06-2025", date(2025, 6, 4)),
    ("02-07-2025", date(2025, 7, 2)),
    ("11-06-2025", date(2025, 6, 11)),
]
ABSOLUTE_IDS = [form for form, _ in ABSOLUTE_FORMS]

# DD-MM-YYYY dates as Daily8 prints them, spread over the year: days above 12, which
# cannot be a month, and days of 12 or less, which a month-first reading takes for one.
SEEN_DATES = [
    "12-03-2025", "23-04-2025", "26-04-2025", "30-04-2025", "16-05-2025", "23-05-2025",
    "27-05-2025", "04-06-2025", "11-06-2025", "14-06-2025", "21-06-2025", "02-07-2025",
    "04-07-2025", "05-07-2025", "06-07-2025", "19-07-2025", "27-07-2025", "28-07-2025",
]

ALL_FORMS = RELATIVE_IDS + ABSOLUTE_IDS


def header_dump(form: str, label: str = "NHK") -> str:
    """An A1 page: logo, headline twice, the label glued to the time, one paragraph."""
    return f"logo\nH\n\nH\n\n{label}{form}\nBody."


def spaced_item_dump(form: str) -> str:
    """A T1 page whose one related item prints its time with the ``time`` prefix."""
    return (
        "logo\nHeadline\n\nHeadline\n\nNHK2 hours ago\nBody text of the story.\n"
        "Orange background\n\nTry Our AI Features\n\nExplore what Daily8 AI can do for you:\n\n"
        "Comments\n\nNo comments yet...\n\nRelated Articles\n\n"
        "Other story\nOther story\n\nUPI\n\n"
        f"time{form}\n\n  • UPI\n\nOther story\n\nThe other story's teaser.\n"
    )


def compact_item_dump(form: str) -> str:
    """A T2 page whose one related item prints its time as a bare line."""
    return (
        "\nHeadline\nBody text of the story.\nHashtags\n\nTry Our AI Features\n"
        "Explore what Daily8 AI can do for you:\nComments\nNo comments yet...\n"
        "Related Articles\n\n\n"
        f"Khaleej Times\n{form}\n- Khaleej Times\nOther story\nThe other story's teaser."
    )


def header_published(form: str, fetched_at: datetime | None) -> Published | None:
    article = pagedump.parse(header_dump(form), fetched_at=fetched_at).article
    assert article is not None
    return article.published


def spaced_item_published(form: str, fetched_at: datetime | None) -> Published | None:
    (item,) = pagedump.parse(spaced_item_dump(form), fetched_at=fetched_at).related
    return item.published


def compact_item_published(form: str, fetched_at: datetime | None) -> Published | None:
    (item,) = pagedump.parse(compact_item_dump(form), fetched_at=fetched_at).related
    return item.published


PLACES = [
    pytest.param(header_published, id="glued-header"),
    pytest.param(spaced_item_published, id="time-prefixed-item"),
    pytest.param(compact_item_published, id="bare-item"),
]


# -- relative forms --------------------------------------------------------------


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(("form", "shortest", "longest"), RELATIVE_FORMS, ids=RELATIVE_IDS)
def test_relative_form_resolves_to_fetched_at_minus_the_interval(
        place, form, shortest, longest) -> None:
    published = place(form, FETCHED)

    assert published is not None
    assert published.text == form
    assert published.relative is True
    assert published.value is not None
    assert FETCHED - longest <= published.value <= FETCHED - shortest


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("form", RELATIVE_IDS)
def test_relative_form_without_fetched_at_has_no_value(place, form) -> None:
    assert place(form, None) == Published(text=form, value=None, relative=True)


def test_four_days_ago_from_noon_utc_is_noon_four_days_earlier() -> None:
    published = header_published("4 days ago", FETCHED)

    assert published == Published(
        text="4 days ago", value=datetime(2025, 7, 10, 12, 0, tzinfo=UTC), relative=True)
    assert published.value is not None
    assert published.value.isoformat() == "2025-07-10T12:00:00+00:00"


@pytest.mark.parametrize(("form", "shortest", "longest"), RELATIVE_FORMS, ids=RELATIVE_IDS)
def test_resolve_reads_every_relative_form(form, shortest, longest) -> None:
    published = resolve(form, fetched_at=FETCHED_TOKYO, dialect=DAILY8)

    assert published.text == form
    assert published.relative is True
    assert published.value is not None
    assert FETCHED_TOKYO - longest <= published.value <= FETCHED_TOKYO - shortest


@pytest.mark.parametrize(("form", "shortest", "longest"), RELATIVE_FORMS, ids=RELATIVE_IDS)
def test_relative_value_keeps_the_offset_of_fetched_at(form, shortest, longest) -> None:
    published = header_published(form, FETCHED_TOKYO)

    assert published is not None
    assert published.value is not None
    assert published.value.utcoffset() == timedelta(hours=9)
    assert published.value.isoformat().endswith("+09:00")
    assert FETCHED_TOKYO - longest <= published.value <= FETCHED_TOKYO - shortest


def test_four_days_ago_in_tokyo_serializes_with_the_tokyo_offset() -> None:
    page = pagedump.parse(header_dump("4 days ago"), fetched_at=FETCHED_TOKYO)

    published = json.loads(pagedump.to_json(page))["article"]["published"]
    assert published == {"text": "4 days ago", "value": "2025-07-10T21:00:00+09:00",
                         "relative": True}


# (fetched_at in a zone with daylight saving time, form, elapsed time it stands for)
DST_CASES = [
    pytest.param(datetime(2025, 3, 9, 3, 30, tzinfo=NEW_YORK), "an hour ago",
                 timedelta(hours=1), id="an-hour-across-spring-forward"),
    pytest.param(datetime(2025, 3, 9, 3, 30, tzinfo=NEW_YORK), "4 hours ago",
                 timedelta(hours=4), id="hours-across-spring-forward"),
    pytest.param(datetime(2025, 11, 2, 1, 30, fold=1, tzinfo=NEW_YORK), "a minute ago",
                 timedelta(minutes=1), id="a-minute-in-the-repeated-hour"),
    pytest.param(datetime(2025, 11, 2, 3, 0, tzinfo=NEW_YORK), "3 hours ago",
                 timedelta(hours=3), id="hours-across-fall-back"),
]


@pytest.mark.parametrize(("fetched_at", "form", "elapsed"), DST_CASES)
def test_minutes_and_hours_ago_count_elapsed_time_across_a_dst_change(
        fetched_at, form, elapsed) -> None:
    published = header_published(form, fetched_at)

    assert published is not None
    assert published.value is not None
    assert published.value.astimezone(UTC) == fetched_at.astimezone(UTC) - elapsed


@pytest.mark.parametrize(
    ("fetched_at", "form"),
    [
        pytest.param(datetime.min.replace(tzinfo=UTC), "4 days ago", id="days-from-datetime.min"),
        pytest.param(datetime(1, 1, 1, 0, 30, tzinfo=TOKYO_OFFSET), "3 hours ago",
                     id="hours-from-year-one-in-tokyo"),
        pytest.param(datetime(3, 6, 1, tzinfo=UTC), "5 years ago", id="years-from-year-three"),
    ],
)
def test_relative_time_before_year_one_is_unresolved_not_an_error(fetched_at, form) -> None:
    published = header_published(form, fetched_at)

    assert published is not None
    assert published.text == form
    assert published.relative is True
    assert published.value is None


# -- absolute forms ----------------------------------------------------------------


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(("form", "day"), ABSOLUTE_FORMS, ids=ABSOLUTE_IDS)
def test_absolute_form_without_fetched_at_is_midnight_utc(place, form, day) -> None:
    published = place(form, None)

    assert published == Published(
        text=form, value=datetime(day.year, day.month, day.day, tzinfo=UTC), relative=False)
    assert published.value.utcoffset() == timedelta(0)


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(("form", "day"), ABSOLUTE_FORMS, ids=ABSOLUTE_IDS)
def test_absolute_form_is_midnight_in_the_zone_of_fetched_at(place, form, day) -> None:
    published = place(form, FETCHED_TOKYO)

    assert published == Published(
        text=form, value=datetime(day.year, day.month, day.day, tzinfo=TOKYO_OFFSET),
        relative=False)
    assert published.value.isoformat() == f"{day.isoformat()}T00:00:00+09:00"


def test_absolute_form_takes_the_local_offset_of_that_day_in_an_iana_zone() -> None:
    winter_fetch = datetime(2025, 1, 15, 12, 0, tzinfo=ZoneInfo("America/Los_Angeles"))

    published = resolve("05-07-2025", fetched_at=winter_fetch, dialect=DAILY8)

    assert published.value == datetime(2025, 7, 5, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert published.value.utcoffset() == timedelta(hours=-7)  # PDT in July, not PST


@pytest.mark.parametrize("form", SEEN_DATES)
def test_every_date_seen_on_daily8_is_read_day_first(form) -> None:
    day, month, year = (int(part) for part in form.split("-"))

    published = resolve(form, fetched_at=None, dialect=DAILY8)

    assert published == Published(text=form, value=datetime(year, month, day, tzinfo=UTC),
                                   relative=False)


@pytest.mark.parametrize("fetched_at", [None, FETCHED, FETCHED_TOKYO],
                         ids=["no-fetch-time", "utc", "tokyo"])
def test_five_seven_is_fifth_of_july_not_seventh_of_may(fetched_at) -> None:
    published = resolve("05-07-2025", fetched_at=fetched_at, dialect=DAILY8)

    assert published.value is not None
    assert (published.value.month, published.value.day) == (7, 5)


# -- the author page's stuttered dates ------------------------------------------------

AUTHOR_PAGE = (
    "Priya Castellanos\n"
    "A regional hospital will open a dedicated children's emergency area next year after a ..."
    " Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm\n"
    "Grain growers say a dry winter has left crops patchy across the northern wheatbelt, ..."
    " Tue 29 Jul Tue 29 Jul Tue 29 Jul 2025 at 7:05am\n"
)

STUTTERS = [
    ("Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm", datetime(2025, 8, 5, 18, 20)),
    ("Tue 29 Jul Tue 29 Jul Tue 29 Jul 2025 at 7:05am", datetime(2025, 7, 29, 7, 5)),
    ("Tue 5 Aug Tue 5 Aug 2025 at 6:20pm", datetime(2025, 8, 5, 18, 20)),
    ("Tue 5 Aug 2025 at 6:20pm", datetime(2025, 8, 5, 18, 20)),
    ("Mon 4 Aug Mon 4 Aug Mon 4 Aug 2025 at 12:05am", datetime(2025, 8, 4, 0, 5)),
    ("Mon 4 Aug Mon 4 Aug Mon 4 Aug 2025 at 12:30pm", datetime(2025, 8, 4, 12, 30)),
]


@pytest.mark.parametrize(("form", "wall_time"), STUTTERS, ids=[f for f, _ in STUTTERS])
@pytest.mark.parametrize("zone", [UTC, TOKYO_OFFSET], ids=["utc", "tokyo"])
def test_stuttered_author_date_is_read_once_with_its_time_of_day(form, wall_time, zone) -> None:
    fetched_at = None if zone is UTC else FETCHED_TOKYO

    published = resolve(form, fetched_at=fetched_at, dialect=DAILY8)

    assert published == Published(text=form, value=wall_time.replace(tzinfo=zone),
                                  relative=False)


def test_author_page_items_carry_their_stuttered_dates() -> None:
    page = pagedump.parse(AUTHOR_PAGE)

    assert [item.published for item in page.related] == [
        Published(text="Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm",
                  value=datetime(2025, 8, 5, 18, 20, tzinfo=UTC), relative=False),
        Published(text="Tue 29 Jul Tue 29 Jul Tue 29 Jul 2025 at 7:05am",
                  value=datetime(2025, 7, 29, 7, 5, tzinfo=UTC), relative=False),
    ]


# -- fetched_at must be an aware datetime or None ---------------------------------------


class _NoOffset(tzinfo):
    """A tzinfo that does not know its offset: the datetime is naive in all but name."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


NAIVE = [
    pytest.param(datetime(2025, 7, 14, 12, 0), id="no-tzinfo"),
    pytest.param(datetime(2025, 7, 14, 12, 0, tzinfo=_NoOffset()), id="tzinfo-without-offset"),
]


@pytest.mark.parametrize("fetched_at", NAIVE)
def test_naive_fetched_at_is_a_naive_datetime_error_naming_fetched_at(fetched_at) -> None:
    with pytest.raises(NaiveDatetimeError, match="fetched_at") as info:
        pagedump.parse(header_dump("4 days ago"), fetched_at=fetched_at)

    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, PagedumpError)
    assert info.value.argument == "fetched_at"
    assert info.value.value is fetched_at


@pytest.mark.parametrize("fetched_at", NAIVE)
def test_naive_fetched_at_is_rejected_even_for_a_dump_without_times(fetched_at) -> None:
    with pytest.raises(NaiveDatetimeError):
        pagedump.parse("", fetched_at=fetched_at)


@pytest.mark.parametrize(
    "fetched_at",
    ["2025-07-14T12:00:00+00:00", 1752494400, 1752494400.0, date(2025, 7, 14), True],
    ids=["iso-string", "int-timestamp", "float-timestamp", "date", "bool"],
)
def test_non_datetime_fetched_at_is_a_type_error(fetched_at) -> None:
    with pytest.raises(TypeError, match="fetched_at") as info:
        pagedump.parse(header_dump("4 days ago"), fetched_at=fetched_at)

    assert isinstance(info.value, InputTypeError)
    assert info.value.argument == "fetched_at"
    assert info.value.received is type(fetched_at)


# -- determinism: no clock, no local zone, no hash seed ---------------------------------

DETERMINISM_SCRIPT = r"""
import sys, time
from datetime import datetime, timedelta, timezone
import pagedump

dumps = [
    "logo\nH\n\nH\n\nNHK4 days ago\nBody.",
    "logo\nH\n\nH\n\nThe Citizena day ago\nWASHINGTON (AP) — Body.",
    "logo\nH\n\nH\n\nNews2405-07-2025\nBody.",
    "Latest news with #Tag\n\n\nYahoo\n26-04-2025\n- Yahoo\nTitle\nTeaser.\n"
    "NHK\na few seconds ago\n- NHK\nOther\nTeaser two.",
    "Priya Castellanos\nA regional hospital will open a new ward next year after a ..."
    " Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm",
]
fetch_times = [None, datetime(2025, 7, 14, 12, tzinfo=timezone.utc),
               datetime(2025, 7, 14, 21, tzinfo=timezone(timedelta(hours=9)))]
print(time.strftime("%z", time.localtime(0)))
for text in dumps:
    for fetched_at in fetch_times:
        print(pagedump.to_json(pagedump.parse(text, fetched_at=fetched_at)))
"""

ENVIRONMENTS = [
    {"TZ": "UTC", "PYTHONHASHSEED": "0"},
    {"TZ": "Asia/Tokyo", "PYTHONHASHSEED": "1"},
    {"TZ": "America/Los_Angeles", "PYTHONHASHSEED": "4242"},
    {"TZ": "Australia/Adelaide", "PYTHONHASHSEED": "random"},
]


def _run(extra_env: dict[str, str]) -> tuple[str, str]:
    env = {**os.environ, **extra_env}
    completed = subprocess.run(
        [sys.executable, "-c", DETERMINISM_SCRIPT],
        env=env, capture_output=True, check=True, timeout=60,
    )
    local_offset, _, output = completed.stdout.decode("utf-8").partition("\n")
    return local_offset, output


def test_output_is_byte_identical_across_time_zones_and_hash_seeds() -> None:
    runs = [_run(env) for env in ENVIRONMENTS]

    offsets = [offset for offset, _ in runs]
    # The subprocesses really did run in different local zones.
    assert len(set(offsets)) == len(ENVIRONMENTS), offsets
    outputs = [output for _, output in runs]
    assert all(output == outputs[0] for output in outputs)
    # One JSON page per (dump, fetch time); the first dump is "NHK4 days ago".
    pages = [json.loads(line) for line in outputs[0].splitlines()]
    assert len(pages) == 15
    assert [page["article"]["published"]["value"] for page in pages[:3]] == [
        None, "2025-07-10T12:00:00+00:00", "2025-07-10T21:00:00+09:00"]
    assert [page["article"]["published"]["value"] for page in pages[6:9]] == [
        "2025-07-05T00:00:00+00:00", "2025-07-05T00:00:00+00:00", "2025-07-05T00:00:00+09:00"]


# -- other aggregators' relative forms ---------------------------------------------------

@pytest.mark.parametrize(
    ("form", "ago"),
    [
        ("2h", timedelta(hours=2)),         # Bing mirrors' compact tokens
        ("1d", timedelta(days=1)),
        ("30m", timedelta(minutes=30)),
        ("7 hrs ago", timedelta(hours=7)),  # MSN
        ("3 mins ago", timedelta(minutes=3)),
        ("2 weeks ago", timedelta(weeks=2)),
        ("yesterday", timedelta(days=1)),
        ("just now", timedelta(0)),
    ],
)
def test_other_relative_forms_resolve_against_fetched_at(form, ago) -> None:
    published = resolve(form, fetched_at=FETCHED, dialect=DAILY8)

    assert published.relative is True
    assert published.value == FETCHED - ago


@pytest.mark.parametrize("form", ["4 days", "2 m", "a h", "h2", "4hon MSN"])
def test_durations_and_glued_tokens_are_not_relative_times(form) -> None:
    published = resolve(form, fetched_at=FETCHED, dialect=DAILY8)

    assert published.relative is False
    assert published.value is None


def test_us_zone_names_follow_daylight_saving() -> None:
    winter = resolve("Nov. 19, 2019 8:03 am ET", fetched_at=None, dialect=DAILY8).value
    summer = resolve("Jul. 19, 2019 8:03 am ET", fetched_at=None, dialect=DAILY8).value

    assert winter is not None
    assert summer is not None
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.utcoffset() == timedelta(hours=-4)
