"""Spec of ``pagedump.tokenize``: which kind every line of a Daily8 dump gets.

Each case of ``KIND_CASES`` is one behaviour: a small dump written in one of Daily8's
real page layouts (headers, bodies, trailers, teaser items, listings: the labelled pages
in ``tests/data/daily8`` show each whole) and the kind of each of its lines, in order
(what each kind holds: ``docs/line-kinds.md``). The story text is invented.
"""

from __future__ import annotations

import enum
import itertools

import attrs
import pytest

import pagedump
from pagedump import LineKind
from pagedump.exceptions import DialectNotFoundError, InputTypeError, PagedumpError

BLANK = LineKind.BLANK
BOILERPLATE = LineKind.BOILERPLATE
HEADLINE = LineKind.HEADLINE
DATELINE = LineKind.DATELINE
BODY = LineKind.BODY
HEADING = LineKind.HEADING
RELATED = LineKind.RELATED

# The two trailers of no-logo pages, each ending in "Related Articles".
T2_TRAILER = (
    "Hashtags\n"
    "\n"
    "Try Our AI Features\n"
    "Explore what Daily8 AI can do for you:\n"
    "Comments\n"
    "No comments yet...\n"
    "Related Articles\n"
)
T2_TRAILER_KINDS = [BOILERPLATE, BLANK, *[BOILERPLATE] * 5]
T3_TRAILER = (
    "\n"
    "Try Our AI Features\n"
    "Explore what Daily8 AI can do for you:\n"
    "Comments\n"
    "No comments yet...\n"
    "Related Articles\n"
)
T3_TRAILER_KINDS = [BLANK, *[BOILERPLATE] * 5]
# A compact related item: source, bare time, source bullet, title, teaser.
COMPACT_ITEM_KINDS = [RELATED] * 5

KIND_CASES = [
    # -- blank lines -----------------------------------------------------------------------
    pytest.param(
        "\u00a0\n"
        "Harbour ferry fares to rise by 9 per cent from September\n"
        "The island ferry operator has defended a 9 per cent fare increase.\n"
        " \t \n"
        "\u200b\u200d\n"
        "\ufeff\u2060\u3000\n",
        [BLANK, HEADLINE, BODY, BLANK, BLANK, BLANK],
        id="blank: empty, whitespace, NBSP and zero-width-only lines",
    ),
    pytest.param(
        "\ufefflogo\n"
        "Senate panel advances\u00a0flood bill\n"
        "\n"
        "Senate panel advances flood\u200b bill \n"
        "\n"
        "Associated Press5\u00a0hours ago\n"
        "Related\u00a0Articles\t\n",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, DATELINE, BOILERPLATE],
        id="invisible characters and odd spaces do not change a line's kind",
    ),
    # -- headers ---------------------------------------------------------------------------
    pytest.param(
        "logo\n"
        "Senate panel advances bill to pay for coastal flood barriers\n"
        "\n"
        "Senate panel advances bill to pay for coastal flood barriers\n"
        "\n"
        "Associated Press5 hours ago\n"
        "WASHINGTON (AP) — A Senate committee voted 14-7 on Tuesday to advance the bill.\n"
        "Supporters said the money would help communities that now see tidal flooding.\n",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, DATELINE, BODY, BODY],
        id="A1: logo, headline twice, glued source+time line is a dateline",
    ),
    pytest.param(
        "logo\n"
        "Metro council approves R1.2bn plan to replace ageing water pipes\n"
        "\n"
        "Metro council approves R1.2bn plan to replace ageing water pipes\n"
        "\n"
        "The Citizena day ago\n"
        "\n"
        "JOHANNESBURG - The city council on Thursday approved a R1.2bn programme.\n",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, DATELINE, BLANK, BODY],
        id="A1: blank line after the source line",
    ),
    pytest.param(
        "logo\n"
        "Delhi Metro to add 12 trains to its busiest line ahead of festival season\n"
        "\n"
        "Delhi Metro to add 12 trains to its busiest line ahead of festival season\n"
        "\n"
        "NEW DELHI: The Delhi Metro Rail Corporation will add 12 six-coach trains.\n"
        "The new trains have completed trial runs at night.\n",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, BODY, BODY],
        id="A2: logo, headline twice, no source line",
    ),
    pytest.param(
        "\n"
        "Gulf carrier orders 20 long-range jets to expand its Asia network\n"
        "DUBAI (Reuters): A Gulf airline said on Wednesday it had ordered 20 jets.\n"
        "The carrier did not disclose the value of the deal.\n",
        [BLANK, HEADLINE, BODY, BODY],
        id="A3: empty first line, then the headline once",
    ),
    pytest.param(
        "What the new recycling rules mean for your household\n"
        "From next month, households will sort glass, paper and food scraps separately.\n"
        "The council's new recycling rules take effect on the first of the month.\n",
        [HEADLINE, BODY, BODY],
        id="A4: the headline on line 1",
    ),
    pytest.param(
        "ove contaminated soil and rebuild a sea wall before any homes are built, work that "
        "the council says will take two years.\n"
        "The deputy mayor said the vote showed the town could decide its own future.\n",
        [BODY, BODY],
        id="fragment starting mid-sentence: no headline",
    ),
    # -- listing pages ---------------------------------------------------------------------
    pytest.param(
        "logo\n"
        "#\n"
        "\n"
        "Latest news with #HarbourBoard\n"
        "\n"
        "Harbour board approves dredging contract for inner channel\n"
        "Harbour board approves dredging contract for inner channel\n"
        "\n"
        "NZ Herald\n"
        "\n"
        "time06-08-2025\n"
        "\n"
        "  • Business\n"
        "  • NZ Herald\n"
        "\n"
        "Harbour board approves dredging contract for inner channel\n"
        "\n"
        "The harbour board has approved a contract to dredge the inner channel.\n",
        [BOILERPLATE, BOILERPLATE, BLANK, HEADLINE, BLANK,
         RELATED, RELATED, BLANK, RELATED, BLANK, RELATED, BLANK,
         RELATED, RELATED, BLANK, RELATED, BLANK, RELATED],
        id="H1: hashtag listing with logo, spaced items",
    ),
    pytest.param(
        "Latest news with #MonsoonSession\n"
        "\n"
        "\n"
        "Indian Express\n"
        "12 hours ago\n"
        "- Politics\n"
        "- Indian Express\n"
        "Monsoon session of Parliament to open with bills on shipping and ports\n"
        "The monsoon session of Parliament is expected to open next week.\n",
        [HEADLINE, BLANK, BLANK, *[RELATED] * 6],
        id="H2: hashtag listing without logo, compact items",
    ),
    pytest.param(
        "Priya Castellanos\n"
        "A regional hospital will open a children's emergency area next year. "
        "Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm\n"
        "Grain growers say a dry winter has left crops patchy across the wheatbelt. "
        "Tue 29 Jul Tue 29 Jul Tue 29 Jul 2025 at 7:05am\n",
        [HEADLINE, RELATED, RELATED],
        id="O: author listing, one item per line",
    ),
    # -- trailers and related items --------------------------------------------------------
    pytest.param(
        "logo\n"
        "Town meeting backs new fire station on former mill site\n"
        "\n"
        "Town meeting backs new fire station on former mill site\n"
        "\n"
        "Yahoo05-08-2025\n"
        "Residents at a special town meeting voted 412-96 to build a new fire station.\n"
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
        "School board approves later start times for middle schools\n"
        "School board approves later start times for middle schools\n"
        "\n"
        "Yahoo\n"
        "\n"
        "time3 hours ago\n"
        "\n"
        "  • Yahoo\n"
        "\n"
        "School board approves later start times for middle schools\n"
        "\n"
        "Middle school students will start classes 40 minutes later from next fall.\n"
        "\n"
        "Volunteers count shorebirds on barrier islands for 30th straight summer\n"
        "Volunteers count shorebirds on barrier islands for 30th straight summer\n"
        "\n"
        "UPI\n"
        "\n"
        "timean hour ago\n"
        "\n"
        "  • UPI\n"
        "\n"
        "Volunteers count shorebirds on barrier islands for 30th straight summer\n"
        "\n"
        "More than 200 volunteers spent the weekend walking the beaches.\n"
        "\n"
        "DOWNLOAD THE APP\n"
        "\n"
        "Get Started Now: Download the App\n"
        "\n"
        "Ready to dive into a world of global content with local flavor? Download Daily8 app "
        "today from your preferred app store and start exploring.\n"
        "app-storeplay-store",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, DATELINE, BODY,
         BOILERPLATE, BLANK, BOILERPLATE, BLANK, BOILERPLATE, BLANK,
         BOILERPLATE, BLANK, BOILERPLATE, BLANK, BOILERPLATE, BLANK,
         RELATED, RELATED, BLANK, RELATED, BLANK, RELATED, BLANK,
         RELATED, BLANK, RELATED, BLANK, RELATED, BLANK,
         RELATED, RELATED, BLANK, RELATED, BLANK, RELATED, BLANK,
         RELATED, BLANK, RELATED, BLANK, RELATED, BLANK,
         BOILERPLATE, BLANK, BOILERPLATE, BLANK, BOILERPLATE, BOILERPLATE],
        id="T1: spaced trailer, spaced related items and the app block",
    ),
    pytest.param(
        "\n"
        "Gulf carrier orders 20 long-range jets\n"
        "DUBAI (Reuters): A Gulf airline said on Wednesday it had ordered 20 jets.\n"
        + T2_TRAILER +
        "\n"
        "\n"
        "Khaleej Times\n"
        "37 minutes ago\n"
        "- Khaleej Times\n"
        "Dubai adds 40 air-conditioned bus shelters ahead of summer peak\n"
        "The transport authority has installed 40 more bus shelters across the city.\n"
        "\n"
        "\n"
        "Arab News\n"
        "5 hours ago\n"
        "- Arab News\n"
        "Riyadh opens three new park-and-ride sites for metro commuters\n"
        "Commuters can now leave their cars at three new park-and-ride sites.\n",
        [BLANK, HEADLINE, BODY, *T2_TRAILER_KINDS,
         BLANK, BLANK, *COMPACT_ITEM_KINDS, BLANK, BLANK, *COMPACT_ITEM_KINDS],
        id="T2: Hashtags trailer, two blank lines before each compact item",
    ),
    pytest.param(
        "\n"
        "County library to lend fishing rods and telescopes\n"
        "DAYTON — The county library system will start lending fishing rods next month.\n"
        + T2_TRAILER +
        "\n"
        "The Journal\n"
        "an hour ago\n"
        "- The Journal\n"
        "Community garden scheme expands to six more towns\n"
        "A scheme that turns unused council land into gardens will expand.\n"
        "Yahoo\n"
        "2 hours ago\n"
        "- Yahoo\n"
        "Small-town museum digitises a century of local newspapers\n"
        "A county historical museum has finished scanning 100 years of its newspaper.\n",
        [BLANK, HEADLINE, BODY, *T2_TRAILER_KINDS,
         BLANK, *COMPACT_ITEM_KINDS, *COMPACT_ITEM_KINDS],
        id="T2: one blank line before an item, none before a Yahoo item",
    ),
    pytest.param(
        "\n"
        "Hong Kong port volumes rise for a third month\n"
        "HONG KONG (Reuters) -Container volumes at Hong Kong's port rose again.\n"
        + T3_TRAILER +
        "Yahoo\n"
        "2 hours ago\n"
        "- Yahoo\n"
        "Shenzhen opens cross-border bus lane to ease weekend queues\n"
        "A dedicated bus lane has opened at a busy land crossing.\n"
        "\n"
        "Nikkei Asia\n"
        "a minute ago\n"
        "- Nikkei Asia\n"
        "Macau casino operators expand non-gaming events\n"
        "Macau's casino operators are adding concerts and food festivals.\n"
        "\n"
        "\n"
        "CNA\n"
        "21-07-2025\n"
        "- CNA\n"
        "Coastal park adds accessible viewing deck\n"
        "A new viewing deck with a ramp has been added at a popular sunset spot.\n",
        [BLANK, HEADLINE, BODY, *T3_TRAILER_KINDS,
         *COMPACT_ITEM_KINDS, BLANK, *COMPACT_ITEM_KINDS, BLANK, BLANK, *COMPACT_ITEM_KINDS],
        id="T3: compact items after zero, one and two blank lines",
    ),
    pytest.param(
        "\n"
        "Five things to check before you drive on the long weekend\n"
        + T3_TRAILER +
        "\n"
        "\n"
        "Metro\n"
        "a minute ago\n"
        "- Metro\n"
        "Train strike called off after overnight talks\n"
        "A strike that would have halted trains across the region has been called off.\n",
        [BLANK, HEADLINE, *T3_TRAILER_KINDS, BLANK, BLANK, *COMPACT_ITEM_KINDS],
        id="T3: title-only page, the trailer right after the headline",
    ),
    pytest.param(
        "What the new recycling rules mean for your household\n"
        "Glass bottles and jars go in the blue-lidded bin from next month.\n"
        + T2_TRAILER +
        "\n"
        "4 hours ago\n"
        "Council to review parking fees near the beachfront\n"
        "Parking fees along the beachfront will be reviewed after traders complained.\n"
        "\n"
        "\n"
        "Scoop\n"
        "7 hours ago\n"
        "- Scoop\n"
        "Regional bus network adds Sunday services on three routes\n"
        "Three regional bus routes will run on Sundays from next month.\n",
        [HEADLINE, BODY, *T2_TRAILER_KINDS,
         BLANK, RELATED, RELATED, RELATED, BLANK, BLANK, *COMPACT_ITEM_KINDS],
        id="related item without a source line",
    ),
    pytest.param(
        "cting objections from residents who said a larger building would block sea views.\n"
        "\n"
        "\n"
        "Nikkei Asia\n"
        "31 minutes ago\n"
        "- Nikkei Asia\n"
        "Night trains return to two northern lines after pandemic suspension\n"
        "Overnight sleeper trains will return to two northern lines from December.\n",
        [RELATED, BLANK, BLANK, *COMPACT_ITEM_KINDS],
        id="fragment starting inside the related block: the teaser tail is related",
    ),
    # -- chrome and leaked widget lines ----------------------------------------------------
    pytest.param(
        "\n"
        "Council votes to close the old library\n"
        "The council voted on Monday to close the old library at the end of the year.\n"
        "\n"
        "Try Our AI Features\n"
        "Explore what Daily8 AI can do for you:\n"
        "Comments\n"
        "No comments yet..",
        [BLANK, HEADLINE, BODY, BLANK, BOILERPLATE, BOILERPLATE, BOILERPLATE, BOILERPLATE],
        id="chrome: trailer lines, and a trailer cut inside No comments yet",
    ),
    pytest.param(
        "logo\n"
        "Amarillo bookshop hosts 24-hour reading marathon\n"
        "\n"
        "Amarillo bookshop hosts 24-hour reading marathon\n"
        "\n"
        "Yahoo06-08-2025\n"
        "AMARILLO, Texas () – An independent bookshop is hosting a reading marathon.\n"
        "Orange background\n"
        "\n"
        "Try Our AI Features\n"
        "\n"
        "Explore what Daily8 AI can do for you:\n"
        "\n"
        "Com",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, DATELINE, BODY,
         BOILERPLATE, BLANK, BOILERPLATE, BLANK, BOILERPLATE, BLANK, BOILERPLATE],
        id="chrome: last line cut inside a chrome phrase after trailer chrome",
    ),
    pytest.param(
        "\n"
        "Provincial health department opens three mobile clinics\n"
        "Farm owners have agreed to let the trucks park on their land.\n"
        "Video Player is loading.\n"
        "Play Video\n"
        "Play\n"
        "Unmute\n"
        "Current Time\n"
        "0:00\n"
        "/\n"
        "Duration\n"
        "-:-\n"
        "Loaded :\n"
        "0%\n"
        "Stream Type LIVE\n"
        "Seek to live, currently behind live\n"
        "LIVE\n"
        "Remaining Time\n"
        "-\n"
        "0:00\n"
        "This is a modal window.\n"
        "The department said the clinics would also carry testing kits for diabetes.\n",
        [BLANK, HEADLINE, BODY, *[BOILERPLATE] * 18, BODY],
        id="widget: video-player block",
    ),
    pytest.param(
        "\n"
        "Singapore to trial driverless shuttle buses on two routes\n"
        "Residents will be able to give feedback through an app and at booths.\n"
        "Show more\n"
        "03:41\n"
        "07:15\n"
        "02:08\n"
        "1:05:52\n",
        [BLANK, HEADLINE, BODY, *[BOILERPLATE] * 5],
        id="widget: Show more and video durations",
    ),
    pytest.param(
        "Film composer to write anthem for national youth games\n"
        "The games' organising committee will announce the ceremony programme later.\n"
        "by Taboola\n"
        "by Taboola\n"
        "Sponsored Links\n"
        "Sponsor",
        [HEADLINE, BODY, BOILERPLATE, BOILERPLATE, BOILERPLATE, BOILERPLATE],
        id="widget: by Taboola and Sponsored Links, cut inside the widget",
    ),
    pytest.param(
        "What the new recycling rules mean for your household\n"
        "From next month, households will sort glass, paper and food scraps separately.\n"
        "Image: Thandiwe Moyo / Supplied\n"
        "The council's new recycling rules take effect on the first of the month.\n"
        "Residents queue at a recycling depot on Saturday. Photograph: Ellen Moritz\n"
        "Collection days will change for about a third of households.\n",
        [HEADLINE, BODY, BOILERPLATE, BODY, BOILERPLATE, BODY],
        id="credits: Image: credit line and Photograph: caption line",
    ),
    pytest.param(
        "\n"
        "Tokyo rail operators to widen ticket gates at 30 stations\n"
        "TOKYO -- Railway operators in the Tokyo area will widen ticket gates at 30 stations.\n"
        "A widened ticket gate is tested at a station in Tokyo on Monday. |\n"
        "JIJI\n"
        "The operators said the changes followed requests from disability groups.\n",
        [BLANK, HEADLINE, BODY, BOILERPLATE, BOILERPLATE, BODY],
        id="credits: caption ending in a pipe, then its credit line",
    ),
    pytest.param(
        "\n"
        "Ferry operator defends fare rise as island residents push back\n"
        "Residents say the increase will hit families who cross to the mainland.\n"
        "[\n"
        "Island residents plan protest sailing over ferry costs\n"
        "Opens in new window\n"
        "]\n"
        "The council has no direct power over fares, which are set under a contract.\n",
        [BLANK, HEADLINE, BODY, BOILERPLATE, BOILERPLATE, BOILERPLATE, BOILERPLATE, BODY],
        id="link damage: bracketed link block",
    ),
    pytest.param(
        "\n"
        "Hong Kong port volumes rise for third month as trans-shipment recovers\n"
        "HONG KONG (Reuters) -Container volumes at Hong Kong's port rose for a third month.\n"
        "Sign up now: Get our morning briefing in your inbox\n"
        "Throughput rose 4.1% from a year earlier, led by the Kwai Tsing terminals.\n"
        "Also read: Airport cargo terminal adds cold-chain space for fruit imports\n"
        "Shipping analysts cautioned that the gains came from a low base.\n",
        [BLANK, HEADLINE, BODY, BOILERPLATE, BODY, BOILERPLATE, BODY],
        id="promos: Sign up now: and Also read: lines",
    ),
    pytest.param(
        "\n"
        "‘Quiet carriage' trial extended to weekend intercity trains\n"
        "The extension will cost about £120,000 a year, mainly for signage.\n"
        "%3Cp%3E%3Cem%3EAdditional%20reporting%20by%20staff%20writers%3C%2Fem%3E%3C%2Fp%3E\n"
        "Rail user groups welcomed the decision.\n",
        [BLANK, HEADLINE, BODY, BOILERPLATE, BODY],
        id="debris: URL-encoded line",
    ),
    pytest.param(
        "\n"
        "Waterfront housing plan approved after three-year fight\n"
        "The deputy mayor said the vote showed the town could decide its own future.\n"
        "Advertisement\n"
        "Opponents said the buildings along the waterfront were too tall.\n"
        "subscribing\n"
        "The council said it would add a bus route through the site.\n",
        [BLANK, HEADLINE, BODY, BOILERPLATE, BODY, BOILERPLATE, BODY],
        id="debris: Advertisement and a stray subscribing",
    ),
    pytest.param(
        "\n"
        "Council votes to close the old library\n"
        "The council voted on Monday to close the old library at the end of the year.\n"
        "ALSO READ: Council to sell the library site to a developer\n"
        "See also\n"
        "Related Internet Links\n"
        "THREE KEY FACTS\n"
        "Further Reading\n"
        "Loading\n"
        "READ MORE\n"
        "Learners will be moved to the new branch in the town centre.\n"
        "Full story.\n"
        "Click to share on Facebook (Opens in new window)\n"
        "Learn more about your ad choices. Visit megaphone.fm/adchoices\n"
        "Watch the full conversation above.\n"
        "newsdesk@example.com\n",
        [BLANK, HEADLINE, BODY, *[BOILERPLATE] * 7, BODY, *[BOILERPLATE] * 5],
        id="debris: other leaked furniture lines",
    ),
    # -- article bodies --------------------------------------------------------------------
    pytest.param(
        "\n"
        "Ferry operator defends fare rise as island residents push back\n"
        "Speaking on Tuesday, the operator's chief executive said the company had written to\n"
        "Marlon Teague\n"
        ", the council's transport chair, offering to open its books to a reviewer before\n"
        "1 September\n"
        ", and to publish the reviewer's findings in full.\n"
        "The council has asked the\n"
        "state transport regulator\n"
        "to examine whether the increase follows the contract's price formula.\n"
        "US\n"
        "officials were not involved.\n",
        [BLANK, HEADLINE, *[BODY] * 10],
        id="link damage: link-split sentence pieces are body, not headings",
    ),
    pytest.param(
        "logo\n"
        "Senate panel advances bill to pay for coastal flood barriers\n"
        "\n"
        "Senate panel advances bill to pay for coastal flood barriers\n"
        "\n"
        "Associated Press5 hours ago\n"
        "WASHINGTON (AP) — A Senate committee voted 14-7 on Tuesday to advance the bill.\n"
        "How the money would be shared\n"
        "Under the bill, states would apply for grants on behalf of towns and counties.\n"
        "Did the committee change the formula?\n"
        "An amendment adopted by voice vote would require the Corps to publish a list.\n"
        "July 7: House sets hearing date\n"
        "No date has been set for a floor vote.\n",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, DATELINE,
         BODY, HEADING, BODY, HEADING, BODY, HEADING, BODY],
        id="sub-headings between paragraphs, a question and a dated one",
    ),
    pytest.param(
        "logo\n"
        "Campus Bulletin 14/08/2025\n"
        "\n"
        "Campus Bulletin 14/08/2025\n"
        "\n"
        "LIBRARY HOURS\n"
        "First up, the main library will stay open around the clock for three weeks.\n"
        "SCIENCE FAIR\n"
        "More than 60 school teams have entered this year's regional science fair.\n",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, HEADING, BODY, HEADING, BODY],
        id="ALL-CAPS bulletin headings",
    ),
    pytest.param(
        "\n"
        "Morning roundup: New bus lanes open on coastal road and other stories\n"
        "1. New bus lanes open on coastal road\n"
        "Two dedicated bus lanes opened on the coastal road on Monday. » READ MORE\n"
        "2. Public pool reopens after roof repairs\n"
        "The public pool in the town centre has reopened after four months. » READ MORE\n",
        [BLANK, HEADLINE, HEADING, BODY, HEADING, BODY],
        id="numbered digest headings, paragraphs ending in a glued READ MORE",
    ),
    pytest.param(
        "Review: a quiet documentary about lighthouse keepers finds drama in routine\n"
        "Director: Ingrid Solheim\n"
        "Running time: 94 minutes\n"
        "Rating: 4/5\n"
        "There is almost no dialogue in the first 20 minutes of this patient documentary.\n",
        [HEADLINE, BODY, BODY, BODY, BODY],
        id="Key: value fact box is body, not headings",
    ),
    pytest.param(
        "logo\n"
        "Perth news live: Severe weather warning as strong winds reach the coast\n"
        "\n"
        "Perth news live: Severe weather warning as strong winds reach the coast\n"
        "\n"
        "Latest posts\n"
        "Pinned post from 6.45am\n"
        "Severe weather warning as strong winds reach the coast\n"
        "A severe weather warning is in place for the south-west coast this morning.\n",
        [BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, BOILERPLATE, DATELINE, HEADING, BODY],
        id="live blog: Latest posts, post stamp and post title",
    ),
    pytest.param(
        "\n"
        "Film composer to write anthem for national youth games\n"
        "By Jane Doe\n"
        "A film composer has been chosen to write the official anthem of the games.\n",
        [BLANK, HEADLINE, DATELINE, BODY],
        id="byline is a dateline",
    ),
]


@pytest.mark.parametrize(("dump", "kinds"), KIND_CASES)
def test_kinds(dump, kinds):
    want = list(zip(kinds, dump.splitlines(), strict=True))
    got = [(line.kind, line.text) for line in pagedump.tokenize(dump, dialect="daily8")]
    assert got == want


# -- lines and offsets ---------------------------------------------------------------------

TEXT_LINES = ["logo", "Headline", "", "Headline", "", "NHK2 hours ago", "First paragraph."]


@pytest.mark.parametrize(
    "separator",
    ["\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", "\u2029", "\x1e"],
    ids=["LF", "CRLF", "CR", "LINE SEPARATOR", "FORM FEED", "NEL", "PARAGRAPH SEPARATOR", "RS"],
)
@pytest.mark.parametrize("trailing", [False, True], ids=["no final break", "final break"])
def test_one_line_per_splitlines_element_with_offsets(separator, trailing):
    text = separator.join(TEXT_LINES) + (separator if trailing else "")
    lines = pagedump.tokenize(text)
    assert [line.text for line in lines] == text.splitlines() == TEXT_LINES
    assert [line.lineno for line in lines] == list(range(1, len(TEXT_LINES) + 1))
    for line in lines:
        assert text[line.start:line.end] == line.text
    assert lines[0].start == 0
    for before, after in itertools.pairwise(lines):
        assert after.start == before.end + len(separator)


def test_mixed_line_breaks_keep_offsets():
    text = "logo\r\nHeadline\r\rHeadline\n\u2028NHK2 hours ago\x0cFirst paragraph.\r\n"
    lines = pagedump.tokenize(text)
    assert [line.text for line in lines] == text.splitlines()
    assert all(text[line.start:line.end] == line.text for line in lines)
    assert [line.kind for line in lines] == [
        BOILERPLATE, HEADLINE, BLANK, HEADLINE, BLANK, DATELINE, BODY]


@pytest.mark.parametrize("text", ["", "\n", "   "], ids=["empty", "one break", "spaces"])
def test_empty_and_blank_dumps(text):
    assert [line.kind for line in pagedump.tokenize(text)] == [BLANK] * len(text.splitlines())


def test_line_is_frozen():
    line = pagedump.tokenize("Headline\nFirst paragraph.")[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.kind = BODY  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.text = "changed"  # type: ignore[misc]


def test_tokenize_returns_a_tuple_of_lines():
    lines = pagedump.tokenize("Headline\nFirst paragraph.")
    assert isinstance(lines, tuple)
    assert all(isinstance(line, pagedump.Line) for line in lines)


# -- kinds ---------------------------------------------------------------------------------

def test_kinds_are_a_str_enum_of_seven_values():
    assert issubclass(LineKind, enum.StrEnum)
    assert {kind.value for kind in LineKind} == {
        "blank", "boilerplate", "headline", "dateline", "body", "heading", "related"}
    assert LineKind("related") is RELATED
    assert BODY == "body"


def test_every_kind_is_a_line_kind_member(seed_text):
    assert all(type(line.kind) is LineKind for line in pagedump.tokenize(seed_text))


# -- errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"logo\nHeadline", bytearray(b"logo"), memoryview(b"logo")],
                         ids=["bytes", "bytearray", "memoryview"])
def test_binary_input_is_refused_with_a_hint_to_decode(data):
    with pytest.raises(TypeError) as caught:
        pagedump.tokenize(data)  # type: ignore[arg-type]
    assert isinstance(caught.value, PagedumpError)
    assert isinstance(caught.value, InputTypeError)
    message = str(caught.value)
    assert type(data).__name__ in message
    assert "decode" in message


@pytest.mark.parametrize("data", [None, 42, ["logo", "Headline"]], ids=["None", "int", "list"])
def test_other_non_str_input_is_refused_naming_its_type(data):
    with pytest.raises(TypeError) as caught:
        pagedump.tokenize(data)  # type: ignore[arg-type]
    assert isinstance(caught.value, PagedumpError)
    assert type(data).__name__ in str(caught.value)


def test_unknown_dialect_name_lists_the_known_ones():
    with pytest.raises(LookupError) as caught:
        pagedump.tokenize("Headline", dialect="no-such-site")
    assert isinstance(caught.value, DialectNotFoundError)
    assert isinstance(caught.value, PagedumpError)
    message = str(caught.value)
    assert "no-such-site" in message
    for name in pagedump.list_dialects():
        assert name in message


def test_dialect_by_name_or_value_reads_the_same():
    text = "logo\nHeadline\n\nHeadline\n\nNHK2 hours ago\nFirst paragraph."
    assert pagedump.tokenize(text, dialect="daily8") == pagedump.tokenize(text)
    assert pagedump.tokenize(text, dialect=pagedump.DAILY8) == pagedump.tokenize(text)


# -- bullets of any width -------------------------------------------------------------


@pytest.mark.parametrize("bullet", ["•", "• ", "-> ", "▶▶ "])
def test_a_card_title_loses_exactly_its_bullet(bullet: str) -> None:
    dialect = attrs.evolve(pagedump.YAHOO, name="bulleted", bullets=(bullet,))
    text = (f"{bullet}Cardtitle of a story\n    News\n    CBC\n\n"
            "    Cardtitle of a story\n\n    What the story says, in a sentence.\n")

    page = pagedump.parse(text, dialect=dialect)

    assert [(item.title, item.source, item.categories, item.teaser) for item in page.related] == [
        ("Cardtitle of a story", "CBC", ("News",), "What the story says, in a sentence.")]
    assert pagedump.tokenize(text, dialect=dialect)[0].value == "Cardtitle of a story"


# -- the layout and teaser-form tables -------------------------------------------------


def test_every_layout_and_teaser_form_has_its_reader() -> None:
    from pagedump._layouts import READERS  # noqa: PLC0415 - the tables are internal
    from pagedump._layouts.teasers import FORMS  # noqa: PLC0415

    assert set(READERS) == set(pagedump.Layout)
    assert set(FORMS) == set(pagedump.TeaserForm)

