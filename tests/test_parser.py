"""Spec of ``pagedump.parse``: how a Daily8 dump becomes a ``Page``.

The tests are grouped by behaviour, numbered below; each uses small invented dumps
written in the real Daily8 layouts (headers with and without the logo, the trailers,
spaced and compact related items, listings, fragments), as in the pages of
``tests/data/daily8``, and the last group pins the reference dump
``tests/data/daily8/daily8-000-seed.txt``. ``docs/line-kinds.md`` says where each kind
of line goes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import attrs
import pytest

import pagedump
from pagedump import PageKind, Published, RelatedItem, Section
from pagedump.exceptions import InputTypeError, NaiveDatetimeError, PagedumpError

FETCHED_AT = datetime.fromisoformat("2025-07-14T12:00:00+00:00")

HEADLINE = "Senate panel advances bill to pay for coastal flood barriers"
FIRST = "WASHINGTON (AP) — A Senate committee voted 14-7 on Tuesday to advance the bill."
SECOND = "Supporters said the money would help communities that now see tidal flooding."

T1_TRAILER = (
    "Orange background\n"
    "\n"
    "Try Our AI Features\n"
    "\n"
    "Explore what Daily8 AI can do for you:\n"
    "\n"
    "Comments\n"
    "\n"
    "No comments yet...\n"
    "\n"
    "Related Articles\n"
    "\n"
)
T2_TRAILER = (
    "Hashtags\n"
    "\n"
    "Try Our AI Features\n"
    "Explore what Daily8 AI can do for you:\n"
    "Comments\n"
    "No comments yet...\n"
    "Related Articles\n"
)
T3_TRAILER = (
    "\n"
    "Try Our AI Features\n"
    "Explore what Daily8 AI can do for you:\n"
    "Comments\n"
    "No comments yet...\n"
    "Related Articles\n"
)
TRAILER_CHROME = (
    "Try Our AI Features", "Explore what Daily8 AI can do for you:", "Comments",
    "No comments yet...", "Related Articles",
)

# A logo page (A1) and a no-logo page (A3) up to the end of their bodies.
A1_TOP = (
    "logo\n"
    f"{HEADLINE}\n"
    "\n"
    f"{HEADLINE}\n"
    "\n"
    "Associated Press5 hours ago\n"
    f"{FIRST}\n"
    f"{SECOND}\n"
)
A3_TOP = (
    "\n"
    f"{HEADLINE}\n"
    f"{FIRST}\n"
    f"{SECOND}\n"
)

SHOREBIRDS = "Volunteers count shorebirds on barrier islands for 30th straight summer"
SHOREBIRDS_TEASER = "More than 200 volunteers spent the weekend walking the beaches of the islands."
CRANES = "Port authority to test battery-powered cranes at two container terminals"
CRANES_TEASER = "Two container terminals will run battery-powered cranes for six months."


def parse(text: str) -> pagedump.Page:
    """Parse as Daily8 without a fetch time: relative times keep ``value=None``.

    The dialect is named: a short fragment may carry none of Daily8's evidence, and
    sniffing (specified in test_dialects.py) would then read it as an ordinary page.
    """
    return pagedump.parse(text, dialect="daily8")


def relative(text: str) -> Published:
    return Published(text=text, value=None, relative=True)


# -- 1. the headline appears once ----------------------------------------------------------

@pytest.mark.parametrize(
    "dump",
    [
        pytest.param(A1_TOP, id="A1: printed twice"),
        pytest.param(f"logo\n{HEADLINE}\n\n{HEADLINE}\n\n{FIRST}\n", id="A2: printed twice"),
        pytest.param(A3_TOP, id="A3: printed once"),
        pytest.param(f"{HEADLINE}\n{FIRST}\n", id="A4: printed once on line 1"),
        pytest.param(f"\n{HEADLINE}\n{T2_TRAILER}", id="title-only page"),
    ],
)
def test_headline_appears_once(dump):
    page = parse(dump)
    article = page.article
    assert page.kind is PageKind.ARTICLE
    assert article.headline == HEADLINE
    assert HEADLINE not in article.paragraphs
    assert HEADLINE not in [section.heading for section in article.sections]
    assert HEADLINE not in article.datelines
    assert HEADLINE not in page.boilerplate
    assert pagedump.to_json(page).count(HEADLINE) == 1


# -- 2. the glued source/time line ---------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "source", "printed"),
    [
        ("Yomiuri Shimbun4 days ago", "Yomiuri Shimbun", "4 days ago"),
        ("Yahoo23-04-2025", "Yahoo", "23-04-2025"),
        ("News2419-07-2025", "News24", "19-07-2025"),
        ("The Citizena day ago", "The Citizen", "a day ago"),
        ("9 News6 days ago", "9 News", "6 days ago"),
        ("CNA21 hours ago", "CNA", "21 hours ago"),
        ("TimesLIVE4 days ago", "TimesLIVE", "4 days ago"),
        ("Time of India21 hours ago", "Time of India", "21 hours ago"),
        ("USA Todaya day ago", "USA Today", "a day ago"),
        ("Straits Timesa day ago", "Straits Times", "a day ago"),
        ("Associated Press4 hours ago", "Associated Press", "4 hours ago"),
    ],
)
def test_glued_source_time_line_splits_at_an_end_anchored_time(line, source, printed):
    page = parse(f"logo\n{HEADLINE}\n\n{HEADLINE}\n\n{line}\n{FIRST}\n")
    assert page.article.source == source
    assert page.article.published.text == printed
    assert page.article.datelines == (line,)


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        ("time22 minutes ago", "22 minutes ago"),
        ("timean hour ago", "an hour ago"),
        ("timea day ago", "a day ago"),
        ("timea few seconds ago", "a few seconds ago"),
        ("time06-07-2025", "06-07-2025"),
    ],
)
def test_teaser_time_loses_its_glued_icon_label(line, printed):
    page = parse(
        A1_TOP + T1_TRAILER
        + f"{SHOREBIRDS}\n{SHOREBIRDS}\n\nUPI\n\n{line}\n\n  • UPI\n\n{SHOREBIRDS}\n\n"
        + f"{SHOREBIRDS_TEASER}\n"
    )
    assert [item.published.text for item in page.related] == [printed]


# -- 3. publication times are filled in ----------------------------------------------------

DATED_PAGE = (
    "logo\n" f"{HEADLINE}\n" "\n" f"{HEADLINE}\n" "\n" "NHK2 hours ago\n" f"{FIRST}\n"
    + T1_TRAILER
    + f"{CRANES}\n{CRANES}\n\nBoston Globe\n\ntime06-08-2025\n\n  • Boston Globe\n\n"
    + f"{CRANES}\n\n{CRANES_TEASER}\n\n"
    + f"{SHOREBIRDS}\n{SHOREBIRDS}\n\nUPI\n\ntimean hour ago\n\n  • UPI\n\n"
    + f"{SHOREBIRDS}\n\n{SHOREBIRDS_TEASER}\n"
)


def test_published_without_fetched_at_leaves_relative_values_unresolved():
    page = parse(DATED_PAGE)
    assert page.article.published == relative("2 hours ago")
    absolute, hour_ago = (item.published for item in page.related)
    # An absolute date needs no fetch time: midnight UTC of the day printed, day first.
    assert absolute == Published("06-08-2025", datetime(2025, 8, 6, tzinfo=UTC), relative=False)
    assert hour_ago == relative("an hour ago")


def test_published_with_fetched_at_resolves_every_time():
    page = pagedump.parse(DATED_PAGE, fetched_at=FETCHED_AT)
    times = [page.article.published, *(item.published for item in page.related)]
    assert times == [
        Published("2 hours ago", FETCHED_AT - timedelta(hours=2), relative=True),
        Published("06-08-2025", datetime(2025, 8, 6, tzinfo=UTC), relative=False),
        Published("an hour ago", FETCHED_AT - timedelta(hours=1), relative=True),
    ]
    assert all(t.value.utcoffset() == timedelta(0) for t in times)


def test_absolute_header_date_is_not_relative():
    page = parse(f"logo\n{HEADLINE}\n\n{HEADLINE}\n\nYahoo23-04-2025\n{FIRST}\n")
    assert page.article.published.relative is False
    assert page.article.published.text == "23-04-2025"


def test_no_source_line_means_no_source_and_no_published():
    page = parse(A3_TOP)
    assert page.article.source is None
    assert page.article.published is None
    assert page.article.datelines == ()


def test_bylines_and_post_stamps_are_datelines_in_order():
    page = parse(
        "logo\nPerth news live: Ferries cancelled\n\nPerth news live: Ferries cancelled\n\n"
        "Latest posts\n"
        "Pinned post from 6.45am\n"
        "Severe weather warning as strong winds reach the coast\n"
        "A severe weather warning is in place for the south-west coast this morning.\n"
        "Post from 7.10am\n"
        "Ferries cancelled for the day\n"
        "By Jane Doe\n"
        "Ferry services to the island have been cancelled for the day.\n"
    )
    article = page.article
    assert article.datelines == ("Pinned post from 6.45am", "Post from 7.10am", "By Jane Doe")
    assert article.byline == "By Jane Doe"
    assert [s.heading for s in article.sections] == [
        "Severe weather warning as strong winds reach the coast", "Ferries cancelled for the day"]
    assert page.boilerplate == ("logo", "Latest posts")


# -- 4. place and agency from the first paragraph ------------------------------------------

@pytest.mark.parametrize(
    ("first", "location", "agency"),
    [
        ("WASHINGTON (AP) — The United States is selling weapons to its NATO allies.",
         "WASHINGTON", "AP"),
        ("DUBAI (Reuters): A Gulf airline said on Wednesday it had ordered 20 jets.",
         "DUBAI", "Reuters"),
        ("NEW DELHI: The city's metro operator will add 12 trains to its busiest line.",
         "NEW DELHI", None),
        ("ABILENE, Texas () – An independent bookshop is hosting a reading marathon.",
         "ABILENE, Texas", None),
        ("HONG KONG (Reuters) -Container volumes at Hong Kong's port rose for a third month.",
         "HONG KONG", "Reuters"),
        ("TOKYO -- Railway operators in the Tokyo area will widen ticket gates.",
         "TOKYO", None),
        ("JOHANNESBURG - The city council on Thursday approved a R1.2bn programme.",
         "JOHANNESBURG", None),
        ("Aug. 4—Residents at a special town meeting voted 412-96 on Monday night.",
         None, None),
        ("Director: Ingrid Solheim", None, None),
        ("The council voted on Monday to close the old library at the end of the year.",
         None, None),
    ],
)
def test_place_and_agency_come_from_the_first_paragraph(first, location, agency):
    page = parse(f"\n{HEADLINE}\n{first}\n")
    article = page.article
    assert (article.location, article.agency) == (location, agency)
    assert article.paragraphs == (first,)


def test_only_the_first_paragraph_gives_a_place():
    page = parse(f"\n{HEADLINE}\n{SECOND}\n{FIRST}\n")
    assert (page.article.location, page.article.agency) == (None, None)


# -- 5. sections ---------------------------------------------------------------------------

SECTIONED = (
    A1_TOP
    + "How the money would be shared\n"
    "Under the bill, states would apply for grants on behalf of towns and counties.\n"
    "An amendment would require the Corps to publish a ranked list of projects.\n"
    "What happens next\n"
    "No date has been set for a floor vote.\n"
)


def test_paragraphs_are_grouped_under_their_sub_headings():
    article = parse(SECTIONED).article
    assert article.sections == (
        Section(None, (FIRST, SECOND)),
        Section("How the money would be shared", (
            "Under the bill, states would apply for grants on behalf of towns and counties.",
            "An amendment would require the Corps to publish a ranked list of projects.",
        )),
        Section("What happens next", ("No date has been set for a floor vote.",)),
    )


def test_article_paragraphs_and_text():
    article = parse(SECTIONED).article
    assert article.paragraphs == (
        FIRST,
        SECOND,
        "Under the bill, states would apply for grants on behalf of towns and counties.",
        "An amendment would require the Corps to publish a ranked list of projects.",
        "No date has been set for a floor vote.",
    )
    assert article.text == "\n".join([
        FIRST,
        SECOND,
        "How the money would be shared",
        "Under the bill, states would apply for grants on behalf of towns and counties.",
        "An amendment would require the Corps to publish a ranked list of projects.",
        "What happens next",
        "No date has been set for a floor vote.",
    ])


def test_a_body_that_opens_with_a_heading_has_no_untitled_section():
    page = parse(
        "logo\nCampus Bulletin 14/08/2025\n\nCampus Bulletin 14/08/2025\n\n"
        "LIBRARY HOURS\n"
        "First up, the main library will stay open around the clock for three weeks.\n"
        "SCIENCE FAIR\n"
        "More than 60 school teams have entered this year's regional science fair.\n"
    )
    assert [s.heading for s in page.article.sections] == ["LIBRARY HOURS", "SCIENCE FAIR"]


def test_title_only_page_has_no_sections():
    page = parse(f"\n{HEADLINE}\n{T3_TRAILER}")
    assert page.article.headline == HEADLINE
    assert page.article.sections == ()
    assert page.article.text == ""


# -- 6. related items ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("dump", "items"),
    [
        pytest.param(
            A1_TOP + T1_TRAILER
            + f"{CRANES}\n{CRANES}\n\nBoston Globe\n\ntime14 minutes ago\n\n  • Boston Globe\n\n"
            + f"{CRANES}\n\n{CRANES_TEASER}\n\n"
            + f"{SHOREBIRDS}\n{SHOREBIRDS}\n\nUPI\n\ntimean hour ago\n\n  • UPI\n\n"
            + f"{SHOREBIRDS}\n\n{SHOREBIRDS_TEASER}\n",
            [RelatedItem(CRANES, "Boston Globe", relative("14 minutes ago"), CRANES_TEASER),
             RelatedItem(SHOREBIRDS, "UPI", relative("an hour ago"), SHOREBIRDS_TEASER)],
            id="spaced: title printed three times",
        ),
        pytest.param(
            A1_TOP + T1_TRAILER
            + f"{SHOREBIRDS}\n{SHOREBIRDS}\n\nUPI\n\ntimean hour ago\n\n  • UPI\n\n"
            + f"{SHOREBIRDS_TEASER}\n",
            [RelatedItem(SHOREBIRDS, "UPI", relative("an hour ago"), SHOREBIRDS_TEASER)],
            id="spaced: title printed twice",
        ),
        pytest.param(
            A1_TOP + T1_TRAILER
            + f"{SHOREBIRDS}\n{SHOREBIRDS}\n\nUPI\n\ntime2 hours ago\n\n  • Science\n  • UPI\n\n"
            + f"{SHOREBIRDS}\n\n{SHOREBIRDS_TEASER}\n",
            [RelatedItem(SHOREBIRDS, "UPI", relative("2 hours ago"), SHOREBIRDS_TEASER,
                         ("Science",))],
            id="spaced: a category bullet before the source bullet",
        ),
        pytest.param(
            A1_TOP + T1_TRAILER
            + f"{SHOREBIRDS}\n{SHOREBIRDS}\n\ntimean hour ago\n\n{SHOREBIRDS}\n\n"
            + f"{SHOREBIRDS_TEASER}\n",
            [RelatedItem(SHOREBIRDS, None, relative("an hour ago"), SHOREBIRDS_TEASER)],
            id="spaced: no source line and no bullet",
        ),
        pytest.param(
            A3_TOP + T2_TRAILER
            + f"\n\nBoston Globe\n14 minutes ago\n- Boston Globe\n{CRANES}\n{CRANES_TEASER}\n"
            + f"\n\nUPI\nan hour ago\n- UPI\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n",
            [RelatedItem(CRANES, "Boston Globe", relative("14 minutes ago"), CRANES_TEASER),
             RelatedItem(SHOREBIRDS, "UPI", relative("an hour ago"), SHOREBIRDS_TEASER)],
            id="compact: two blank lines before each item",
        ),
        pytest.param(
            A3_TOP + T2_TRAILER
            + f"\nBoston Globe\n14 minutes ago\n- Boston Globe\n{CRANES}\n{CRANES_TEASER}\n"
            + f"Yahoo\n2 hours ago\n- Yahoo\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n",
            [RelatedItem(CRANES, "Boston Globe", relative("14 minutes ago"), CRANES_TEASER),
             RelatedItem(SHOREBIRDS, "Yahoo", relative("2 hours ago"), SHOREBIRDS_TEASER)],
            id="compact: one blank line, then none before a Yahoo item",
        ),
        pytest.param(
            A3_TOP + T3_TRAILER
            + f"Yahoo\n21-07-2025\n- Yahoo\n{CRANES}\n{CRANES_TEASER}\n",
            [RelatedItem(CRANES, "Yahoo",
                         Published("21-07-2025", datetime(2025, 7, 21, tzinfo=UTC)),
                         CRANES_TEASER)],
            id="compact: no blank line after Related Articles, absolute date",
        ),
        pytest.param(
            A3_TOP + T2_TRAILER
            + f"\n4 hours ago\n{CRANES}\n{CRANES_TEASER}\n"
            + f"\n\nUPI\nan hour ago\n- UPI\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n",
            [RelatedItem(CRANES, None, relative("4 hours ago"), CRANES_TEASER),
             RelatedItem(SHOREBIRDS, "UPI", relative("an hour ago"), SHOREBIRDS_TEASER)],
            id="compact: an item without a source line",
        ),
        pytest.param(
            A3_TOP + T2_TRAILER
            + f"\n\nFast Company\n3 hours ago\n- Business\n- Fast Company\n{CRANES}\n"
            + f"{CRANES_TEASER}\n",
            [RelatedItem(CRANES, "Fast Company", relative("3 hours ago"), CRANES_TEASER,
                         ("Business",))],
            id="compact: a category bullet before the source bullet",
        ),
        pytest.param(
            A3_TOP + T2_TRAILER
            + f"\n\nThe National\n2 days ago\n- The National\n{HEADLINE}\n{FIRST} {SECOND}\n",
            [RelatedItem(HEADLINE, "The National", relative("2 days ago"), f"{FIRST} {SECOND}")],
            id="compact: the page's own headline as a related title",
        ),
    ],
)
def test_one_related_item_per_teaser(dump, items):
    page = parse(dump)
    assert page.related == tuple(items)
    assert page.orphans == ()
    assert page.article.paragraphs == (FIRST, SECOND)


def test_related_block_chrome_is_not_part_of_any_item():
    page = parse(
        A3_TOP + T2_TRAILER
        + f"\n\nUPI\nan hour ago\n- UPI\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n"
    )
    assert page.boilerplate == ("Hashtags", *TRAILER_CHROME)


# -- 7. listing pages ----------------------------------------------------------------------

def test_hashtag_listing_with_logo():
    page = parse(
        "logo\n#\n\nLatest news with #HarbourBoard\n\n"
        "Harbour board approves dredging contract\nHarbour board approves dredging contract\n\n"
        "NZ Herald\n\ntime2 days ago\n\n  • Business\n  • NZ Herald\n\n"
        "Harbour board approves dredging contract\n\n"
        "The harbour board has approved a contract to dredge the inner channel.\n\n"
        "Harbour board chair to step down after nine years\n"
        "Harbour board chair to step down after nine years\n\n"
        "Scoop\n\ntime4 days ago\n\n  • Scoop\n\n"
        "Harbour board chair to step down after nine years\n\n"
        "The chair of the harbour board will step down at the end of the year.\n"
    )
    assert page.kind is PageKind.LISTING
    assert page.title == "Latest news with #HarbourBoard"
    assert page.article is None
    assert page.related == (
        RelatedItem("Harbour board approves dredging contract", "NZ Herald",
                    relative("2 days ago"),
                    "The harbour board has approved a contract to dredge the inner channel.",
                    ("Business",)),
        RelatedItem("Harbour board chair to step down after nine years", "Scoop",
                    relative("4 days ago"),
                    "The chair of the harbour board will step down at the end of the year."),
    )
    assert page.boilerplate == ("logo", "#")


def test_hashtag_listing_without_logo():
    page = parse(
        "Latest news with #MonsoonSession\n\n\n"
        "Indian Express\n12 hours ago\n- Politics\n- Indian Express\n"
        "Monsoon session of Parliament to open with bills on shipping and ports\n"
        "The monsoon session of Parliament is expected to open next week.\n\n\n"
        "NDTV\nan hour ago\n- NDTV\n"
        "Railway budget questions expected on first day of monsoon session\n"
        "Questions on new suburban train services are listed for the first day.\n"
    )
    assert page.kind is PageKind.LISTING
    assert page.title == "Latest news with #MonsoonSession"
    assert page.article is None
    assert page.related == (
        RelatedItem("Monsoon session of Parliament to open with bills on shipping and ports",
                    "Indian Express", relative("12 hours ago"),
                    "The monsoon session of Parliament is expected to open next week.",
                    ("Politics",)),
        RelatedItem("Railway budget questions expected on first day of monsoon session",
                    "NDTV", relative("an hour ago"),
                    "Questions on new suburban train services are listed for the first day."),
    )


@pytest.mark.parametrize("tag", ["R2.4bn", "Council-led", "CUP2026", "heatwave"])
def test_hashtag_listing_title_keeps_the_whole_tag(tag):
    page = parse(f"logo\n#\n\nLatest news with #{tag}\n\n")
    assert page.kind is PageKind.LISTING
    assert page.title == f"Latest news with #{tag}"


def test_author_listing():
    hospital = "A regional hospital will open a children's emergency area next year."
    grain = "Grain growers say a dry winter has left crops patchy across the wheatbelt."
    cut = "A heritage-listed pub that survived two bushfires has been sold t"
    page = parse(
        "Priya Castellanos\n"
        f"{hospital} Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm\n"
        f"{grain} Tue 29 Jul Tue 29 Jul Tue 29 Jul 2025 at 7:05am\n"
        f"{cut}"
    )
    assert page.kind is PageKind.LISTING
    assert page.title == "Priya Castellanos"
    assert page.article is None
    assert [(item.title, item.source, item.published.text) for item in page.related] == [
        (hospital, None, "Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm"),
        (grain, None, "Tue 29 Jul Tue 29 Jul Tue 29 Jul 2025 at 7:05am"),
    ]
    assert page.orphans == (cut,)  # cut by the end of the dump before its date


# -- 8. boilerplate ------------------------------------------------------------------------

def test_chrome_and_widget_lines_are_boilerplate_in_order():
    page = parse(
        "\n"
        "Ferry operator defends fare rise as island residents push back\n"
        "Image: Liam Fairweather / Supplied\n"
        "The island ferry operator has defended a 9 per cent fare increase.\n"
        "Advertisement\n"
        "[\n"
        "Island residents plan protest sailing over ferry costs\n"
        "Opens in new window\n"
        "]\n"
        "Residents say the increase will hit families who cross to the mainland.\n"
        "Passengers queue at the wharf during the evening peak. Photograph: Ellen Moritz\n"
        "Also read: Airport cargo terminal adds cold-chain space for fruit imports\n"
        "The operator said concession fares would not change.\n"
        "Video Player is loading.\n"
        "Play Video\n"
        "0:00\n"
        "This is a modal window.\n"
        + T2_TRAILER
    )
    assert page.boilerplate == (
        "Image: Liam Fairweather / Supplied",
        "Advertisement",
        "[",
        "Island residents plan protest sailing over ferry costs",
        "Opens in new window",
        "]",
        "Passengers queue at the wharf during the evening peak. Photograph: Ellen Moritz",
        "Also read: Airport cargo terminal adds cold-chain space for fruit imports",
        "Video Player is loading.",
        "Play Video",
        "0:00",
        "This is a modal window.",
        "Hashtags",
        *TRAILER_CHROME,
    )
    assert page.article.paragraphs == (
        "The island ferry operator has defended a 9 per cent fare increase.",
        "Residents say the increase will hit families who cross to the mainland.",
        "The operator said concession fares would not change.",
    )


def test_boilerplate_lines_are_stripped():
    page = parse(f"logo\n{HEADLINE}\n\n{HEADLINE}\n\n{FIRST}\n  Advertisement\u00a0\n{SECOND}\n")
    assert page.boilerplate == ("logo", "Advertisement")
    assert page.article.paragraphs == (FIRST, SECOND)


# -- 9. fragments --------------------------------------------------------------------------

def test_fragment_cut_mid_word_at_the_end():
    cut = "The committee chair said the bill would be rea"
    page = parse(A1_TOP + cut)
    assert page.article.headline == HEADLINE
    assert page.article.paragraphs == (FIRST, SECOND, cut)


def test_fragment_cut_right_after_a_sub_heading_keeps_the_heading():
    page = parse(A1_TOP + "What happens next\nNo date has been set for")
    assert page.article.sections == (
        Section(None, (FIRST, SECOND)),
        Section("What happens next", ("No date has been set for",)),
    )


def test_fragment_cut_inside_the_trailer():
    page = parse(A3_TOP + "\nTry Our AI Features\nExplore what Daily8 AI can do for you:\n"
                          "Comments\nNo comments yet..")
    assert page.article.paragraphs == (FIRST, SECOND)
    assert page.boilerplate == (*TRAILER_CHROME[:3], "No comments yet..")
    assert page.related == ()


def test_fragment_without_its_header_has_no_headline():
    page = parse(
        "ove contaminated soil and rebuild a sea wall before any homes are built, work that "
        "the council says will take two years.\n"
        "The deputy mayor said the vote showed the town could decide its own future.\n"
        + T2_TRAILER
    )
    assert page.kind is PageKind.ARTICLE
    assert page.article.headline is None
    assert page.article.paragraphs[0].startswith("ove contaminated soil")
    assert len(page.article.paragraphs) == 2


TEASER_TAIL = "cting objections from residents who said a larger building would block sea views."


@pytest.mark.parametrize(
    "dump",
    [
        pytest.param(
            f"{TEASER_TAIL}\n\n\nUPI\nan hour ago\n- UPI\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n",
            id="compact, two blank lines before the next item"),
        pytest.param(
            f"{TEASER_TAIL}\n\nUPI\nan hour ago\n- UPI\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n",
            id="compact, one blank line before the next item"),
        pytest.param(
            f"{TEASER_TAIL}\nYahoo\nan hour ago\n- Yahoo\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n",
            id="compact, no blank line before a Yahoo item"),
        pytest.param(
            f"{TEASER_TAIL}\n\n{SHOREBIRDS}\n{SHOREBIRDS}\n\nUPI\n\ntimean hour ago\n\n"
            f"  • UPI\n\n{SHOREBIRDS}\n\n{SHOREBIRDS_TEASER}\n",
            id="spaced"),
    ],
)
def test_fragment_starting_inside_the_related_block(dump):
    page = parse(dump)
    assert page.orphans == (TEASER_TAIL,)
    assert [item.title for item in page.related] == [SHOREBIRDS]
    assert page.related[0].teaser == SHOREBIRDS_TEASER
    assert page.article is None or (page.article.headline, page.article.sections) == (None, ())


APP_BLOCK = (
    "DOWNLOAD THE APP\n"
    "\n"
    "Get Started Now: Download the App\n"
    "\n"
    "Ready to dive into a world of global content with local flavor? Download Daily8 app today "
    "from your preferred app store and start exploring.\n"
    "app-storeplay-store"
)


def test_fragment_starting_inside_the_last_related_item_before_the_app_block():
    page = parse(
        f"mean hour ago\n\n  • UPI\n\n{SHOREBIRDS}\n\n{SHOREBIRDS_TEASER}\n\n" + APP_BLOCK)
    assert page.article is None or page.article.paragraphs == ()
    teasers = [*page.orphans, *(item.teaser for item in page.related)]
    assert SHOREBIRDS_TEASER in teasers
    assert page.boilerplate[0] == "DOWNLOAD THE APP"


def test_fragment_cut_inside_a_compact_item_before_its_title():
    page = parse(
        A3_TOP + T2_TRAILER
        + f"\n\nUPI\nan hour ago\n- UPI\n{SHOREBIRDS}\n{SHOREBIRDS_TEASER}\n\n\nArab Ne"
    )
    assert [item.title for item in page.related] == [SHOREBIRDS]
    assert page.orphans == ("Arab Ne",)


def test_fragment_cut_inside_a_spaced_item_after_its_title():
    page = parse(
        A1_TOP + T1_TRAILER
        + f"{SHOREBIRDS}\n{SHOREBIRDS}\n\nUPI\n\ntimean hour ago\n\n  • UPI\n\n"
        + f"{SHOREBIRDS}\n\n{SHOREBIRDS_TEASER}\n\n{CRANES}\n{CRANES}\n\nBost"
    )
    assert [item.title for item in page.related] == [SHOREBIRDS, CRANES]
    assert page.related[1].published is None
    assert page.related[1].teaser is None


def _story_lines(page):
    """The page's story and teaser text, line by line, in order."""
    text = page.article.text.splitlines() if page.article else []
    return text, [item.title for item in page.related]


CUT_STEP = 37  # cut the reference dump every CUT_STEP characters


def test_every_prefix_of_the_reference_dump_parses_into_what_it_contains(seed_text):
    full_text, full_titles = _story_lines(pagedump.parse(seed_text))
    headline_end = seed_text.index("\n", seed_text.index("\n") + 1)
    for cut in range(1, len(seed_text), CUT_STEP):
        page = pagedump.parse(seed_text[:cut], dialect="daily8")
        assert page.kind is PageKind.ARTICLE, cut
        if cut >= headline_end:
            assert page.article.headline == SEED_HEADLINE, cut
        text, titles = _story_lines(page)
        # Only the last line, where the cut fell, can hold text the whole page does not.
        assert text[:-1] == full_text[:max(len(text) - 1, 0)], cut
        assert titles[:-1] == full_titles[:max(len(titles) - 1, 0)], cut


def test_every_suffix_of_the_reference_dump_parses_into_what_it_contains(seed_text):
    full = pagedump.parse(seed_text)
    full_text, full_titles = _story_lines(full)
    body_start = seed_text.index("WASHINGTON (AP)")
    for cut in range(body_start + 1, len(seed_text), CUT_STEP):
        page = pagedump.parse(seed_text[cut:], dialect="daily8")
        text, titles = _story_lines(page)
        # Only the first line, where the cut fell, can hold text the whole page does not.
        assert text[1:] == full_text[len(full_text) - len(text) + 1:], cut
        assert titles[1:] == full_titles[len(full_titles) - len(titles) + 1:], cut
        assert set(page.boilerplate) <= set(full.boilerplate), cut


# -- 10. the reference dump ----------------------------------------------------------------

SEED_HEADLINE = "US Is Selling weapons to NATO Allies to Give to Ukraine, Trump Says"
SEED_HEADINGS = [
    None,
    "Details still are being worked out on Trump's plan",
    "Ukraine is seeking more coveted Patriot air defense systems",
    "Trump's evolving stance on Putin",
    "Impact of the latest Russian attacks",
]
SEED_CHROME = (
    "logo",
    "Orange background",
    "Try Our AI Features",
    "Explore what Daily8 AI can do for you:",
    "Comments",
    "No comments yet...",
    "Related Articles",
    "DOWNLOAD THE APP",
    "Get Started Now: Download the App",
    (
        "Ready to dive into a world of global content with local flavor? Download Daily8 app "
        "today from your preferred app store and start exploring."
    ),
    "app-storeplay-store",
)


@pytest.fixture(scope="module")
def seed_page(seed_text):
    return pagedump.parse(seed_text, fetched_at=FETCHED_AT)


def test_reference_dump_header(seed_page):
    article = seed_page.article
    assert seed_page.site == "daily8"
    assert seed_page.kind is PageKind.ARTICLE
    assert seed_page.title is None
    assert article.headline == SEED_HEADLINE
    assert article.source == "Yomiuri Shimbun"
    assert article.published == Published(
        "4 days ago", datetime(2025, 7, 10, 12, 0, tzinfo=UTC), relative=True)
    assert article.published.value.isoformat() == "2025-07-10T12:00:00+00:00"
    assert (article.location, article.agency) == ("WASHINGTON", "AP")
    assert article.byline is None
    assert article.datelines == ("Yomiuri Shimbun4 days ago",)


def test_reference_dump_body(seed_page, seed_text):
    article = seed_page.article
    assert [section.heading for section in article.sections] == SEED_HEADINGS
    assert len(article.paragraphs) == 36
    assert article.paragraphs[0].startswith("WASHINGTON (AP) — The United States is selling")
    assert article.paragraphs[-1] == (
        "'We found a solution. … That's the key,' Zelenskyy said. "
        "'We need financing. And then, we will intercept.'")
    lines = seed_text.splitlines()
    assert all(paragraph in lines for paragraph in article.paragraphs)


def test_reference_dump_related_items(seed_page, seed_text):
    lines = seed_text.splitlines()

    def teaser_line(start: str) -> str:
        (line,) = [line for line in lines if line.startswith(start)]
        return line

    assert seed_page.related == (
        RelatedItem(
            title="China's Cultural Offensive: How Beijing Is Quietly Reshaping North Korea",
            source="The Diplomat",
            published=Published(
                "22 minutes ago", datetime(2025, 7, 14, 11, 38, tzinfo=UTC), relative=True),
            teaser=teaser_line("As the United States steps back from promoting democracy"),
        ),
        RelatedItem(
            title="Trump expresses disappointment with Putin",
            source="NHK",
            published=Published(
                "2 hours ago", datetime(2025, 7, 14, 10, 0, tzinfo=UTC), relative=True),
            teaser=teaser_line("US President Donald Trump has told Britain's public broadcaster"),
        ),
    )


def test_reference_dump_boilerplate(seed_page):
    assert seed_page.boilerplate == SEED_CHROME
    assert seed_page.orphans == ()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="CRLF"),
        pytest.param(lambda text: text.replace("\n", "\r"), id="CR"),
        pytest.param(lambda text: text.replace("\n", "\u2028"), id="LINE SEPARATOR"),
        pytest.param(lambda text: "\ufeff" + text, id="byte-order mark"),
        pytest.param(lambda text: text.replace("\n", " \t\u00a0\n"), id="trailing whitespace"),
        pytest.param(lambda text: text.replace("\n", "\u200b\n"), id="zero-width spaces"),
    ],
)
def test_line_breaks_and_invisible_characters_do_not_change_the_page(seed_text, change):
    assert pagedump.parse(change(seed_text)) == pagedump.parse(seed_text)


# -- records and errors --------------------------------------------------------------------

def _records(page):
    article = page.article
    return [page, article, article.sections[0], article.published, page.related[0],
            page.related[0].published]


@pytest.mark.parametrize("index", range(6),
                         ids=["Page", "Article", "Section", "Published", "RelatedItem",
                              "RelatedItem.published"])
def test_records_are_frozen(seed_page, index):
    record = _records(seed_page)[index]
    field = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)


def test_record_collections_are_tuples(seed_page):
    article = seed_page.article
    collections = [
        seed_page.related, seed_page.boilerplate, seed_page.orphans,
        article.datelines, article.sections, article.paragraphs,
        *(section.paragraphs for section in article.sections),
        *(item.categories for item in seed_page.related),
    ]
    assert all(type(collection) is tuple for collection in collections)


def test_empty_dump_is_an_unknown_page():
    page = parse("")
    assert page.kind is PageKind.UNKNOWN
    assert (page.article, page.related, page.boilerplate) == (None, (), ())


@pytest.mark.parametrize("data", [b"logo\nHeadline", bytearray(b"logo")],
                         ids=["bytes", "bytearray"])
def test_parse_refuses_bytes(data):
    with pytest.raises(TypeError) as caught:
        pagedump.parse(data)  # type: ignore[arg-type]
    assert isinstance(caught.value, InputTypeError)
    assert isinstance(caught.value, PagedumpError)
    assert "decode" in str(caught.value)


def test_parse_refuses_a_naive_fetched_at():
    with pytest.raises(ValueError, match="timezone-aware") as caught:
        pagedump.parse(A1_TOP, fetched_at=datetime(2025, 7, 14, 12, 0))
    assert isinstance(caught.value, NaiveDatetimeError)
    assert isinstance(caught.value, PagedumpError)


def test_parse_refuses_a_fetched_at_that_is_not_a_datetime():
    with pytest.raises(TypeError) as caught:
        pagedump.parse(A1_TOP, fetched_at="2025-07-14T12:00:00+00:00")  # type: ignore[arg-type]
    assert isinstance(caught.value, PagedumpError)


def test_fetched_at_in_another_zone_keeps_its_offset():
    zone = timezone(timedelta(hours=9))
    page = pagedump.parse(DATED_PAGE, fetched_at=datetime(2025, 7, 14, 21, 0, tzinfo=zone))
    assert page.article.published.value == FETCHED_AT - timedelta(hours=2)
    assert page.article.published.value.utcoffset() == timedelta(hours=9)
