"""Stage three: pages to JSON-native dicts and JSON text, and back.

Output dicts hold only JSON-native values, datetimes travel as ISO 8601 strings with
their offset, keys come in the records' field order, and ``from_dict(to_dict(p)) == p``
for every page. Anything that is not a serialized page is a ``SchemaError``.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest

import pagedump
from pagedump import Article, Page, PageKind, Published, RelatedItem, Section
from pagedump.exceptions import InputTypeError, PagedumpError, SchemaError

FETCHED = datetime(2025, 7, 14, 12, 0, tzinfo=UTC)
FETCHED_TOKYO = datetime(2025, 7, 14, 21, 0, tzinfo=timezone(timedelta(hours=9)))
NEW_YORK = ZoneInfo("America/New_York")

DUMPS = {
    "a1-spaced-related": (
        "logo\nHeadline here\n\nHeadline here\n\nThe Citizena day ago\n"
        "WASHINGTON (AP) — Body text that is long enough to be a paragraph of the story.\n"
        "How the money would be shared\n"
        "Under the bill, states would apply for grants on behalf of towns and counties.\n"
        "Orange background\n\nTry Our AI Features\n\nExplore what Daily8 AI can do for you:\n\n"
        "Comments\n\nNo comments yet...\n\nRelated Articles\n\n"
        "Other story title\nOther story title\n\nUPI\n\ntimean hour ago\n\n  • UPI\n\n"
        "Other story title\n\nMore than 200 volunteers spent the weekend walking the beaches.\n"
    ),
    "a3-compact-related": (
        "\nGulf carrier orders jets\n"
        "DUBAI (Reuters): A Gulf airline said on Wednesday it had placed a firm order.\n"
        "Hashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\n"
        "No comments yet...\nRelated Articles\n\n\nKhaleej Times\n37 minutes ago\n"
        "- Khaleej Times\nDubai adds bus shelters\n"
        "The transport authority has installed 40 more shelters.\n"
        "Yahoo\n05-07-2025\n- Yahoo\nMuseum digitises papers\n"
        "A county museum has finished scanning."
    ),
    "h1-listing": (
        "logo\n#\n\nLatest news with #HarbourBoard\n\n"
        "Harbour board approves contract\nHarbour board approves contract\n\nNZ Herald\n\n"
        "time06-08-2025\n\n  • Business\n  • NZ Herald\n\nHarbour board approves contract\n\n"
        "The harbour board has approved a contract.\n"
    ),
    "h2-listing": (
        "Latest news with #MonsoonSession\n\n\nIndian Express\n12 hours ago\n- Politics\n"
        "- Indian Express\nMonsoon session to open\n"
        "The monsoon session is expected to open next week."
    ),
    "author-listing": (
        "Priya Castellanos\n"
        "A regional hospital will open a new children's ward next year after a ..."
        " Tue 5 Aug Tue 5 Aug Tue 5 Aug 2025 at 6:20pm\n"
        "Grain growers say a dry winter has left crops patchy, ..."
        " Tue 29 Jul Tue 29 Jul Tue 29 Jul 2025 at 7:05am\n"
    ),
    "non-ascii": "logo\nRTÉ News: ‘Quiet carriage' trial\n\nRTÉ News: ‘Quiet carriage' trial\n\n"
                 "RTÉ News4 days ago\nPrices rose ¥12,300 — £45m 🥊 in Māori towns.",
    "empty": "",
    "chrome-only": "logo\n\nTry Our AI Features\nComments\n",
    "fragment": "ce said on Monday. The board met again.\nAnother line of body text here.",
}
FETCH_TIMES = {"no-fetch-time": None, "utc": FETCHED, "tokyo": FETCHED_TOKYO}

CASES = [
    pytest.param(text, fetched_at, id=f"{name}-{when}")
    for name, text in DUMPS.items()
    for when, fetched_at in FETCH_TIMES.items()
]

JSON_NATIVE = (dict, list, str, int, float, bool, type(None))

# The keys the JSON schema promises (more may follow them).
PAGE_KEYS = {"site", "kind", "title", "article", "related", "boilerplate"}
ARTICLE_KEYS = {"headline", "source", "published", "location", "agency", "sections"}
SECTION_KEYS = {"heading", "paragraphs"}
RELATED_KEYS = {"title", "source", "published", "teaser", "categories"}
PUBLISHED_KEYS = {"text", "value", "relative"}

ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{2}:\d{2}")


def walk(value, path="$"):
    """Yield (path, value) for every node of a to_dict() structure, keys included."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.<key {key!r}>", key
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def published_dicts(data):
    """Every serialized Published of a to_dict() result."""
    article = data["article"]
    found = [article["published"]] if article and article["published"] else []
    found += [item["published"] for item in data["related"] if item["published"]]
    return found


def full_page() -> Page:
    """A page that uses every field, with resolved times."""
    return pagedump.parse(DUMPS["a1-spaced-related"], fetched_at=FETCHED)


# -- to_dict -----------------------------------------------------------------------


@pytest.mark.parametrize("text", DUMPS.values(), ids=DUMPS.keys())
def test_to_dict_holds_only_json_native_values(text) -> None:
    data = pagedump.to_dict(pagedump.parse(text, fetched_at=FETCHED))

    offending = [(path, type(node).__qualname__) for path, node in walk(data)
                 if type(node) not in JSON_NATIVE]
    assert offending == []
    assert not any(isinstance(node, tuple) for _, node in walk(data))


@pytest.mark.parametrize(("text", "fetched_at"), CASES)
def test_to_dict_equals_the_json_text_read_back(text, fetched_at) -> None:
    page = pagedump.parse(text, fetched_at=fetched_at)

    assert json.loads(pagedump.to_json(page)) == pagedump.to_dict(page)


def test_page_kind_serializes_as_its_plain_string_value() -> None:
    data = pagedump.to_dict(full_page())

    assert data["kind"] == "article"
    assert type(data["kind"]) is str


@pytest.mark.parametrize("fetched_at", [FETCHED, FETCHED_TOKYO], ids=["utc", "tokyo"])
def test_datetimes_are_iso_8601_strings_with_their_offset(fetched_at) -> None:
    page = pagedump.parse(DUMPS["a1-spaced-related"], fetched_at=fetched_at)

    published = published_dicts(pagedump.to_dict(page))

    assert len(published) == 2
    for record in published:
        assert isinstance(record["value"], str)
        assert ISO_WITH_OFFSET.fullmatch(record["value"]), record["value"]
        assert datetime.fromisoformat(record["value"]).utcoffset() == fetched_at.utcoffset()
    assert published[0]["value"] == (fetched_at - timedelta(days=1)).isoformat()


def test_unresolved_time_serializes_as_null() -> None:
    data = pagedump.to_dict(pagedump.parse(DUMPS["a1-spaced-related"]))

    assert data["article"]["published"] == {"text": "a day ago", "value": None,
                                            "relative": True}


def test_page_dict_has_every_key_of_the_schema() -> None:
    data = pagedump.to_dict(full_page())

    assert data.keys() >= PAGE_KEYS
    assert data["article"].keys() >= ARTICLE_KEYS
    assert data["article"]["published"].keys() >= PUBLISHED_KEYS
    assert all(section.keys() >= SECTION_KEYS for section in data["article"]["sections"])
    assert data["related"]
    assert all(item.keys() >= RELATED_KEYS for item in data["related"])
    assert all(item["published"].keys() >= PUBLISHED_KEYS for item in data["related"])


@pytest.mark.parametrize(
    ("record", "path"),
    [
        (Page, ()),
        (Article, ("article",)),
        (Published, ("article", "published")),
        (Section, ("article", "sections", 0)),
        (RelatedItem, ("related", 0)),
        (Published, ("related", 0, "published")),
    ],
    ids=["page", "article", "published", "section", "related-item", "item-published"],
)
def test_keys_come_in_the_record_field_order(record, path) -> None:
    node = pagedump.to_dict(full_page())
    for step in path:
        node = node[step]

    assert list(node) == [field.name for field in attrs.fields(record)]


def test_listing_page_has_null_article_and_its_title() -> None:
    data = pagedump.to_dict(pagedump.parse(DUMPS["h1-listing"]))

    assert data["kind"] == "listing"
    assert data["title"] == "Latest news with #HarbourBoard"
    assert data["article"] is None
    assert data["related"][0]["categories"] == ["Business"]


@pytest.mark.parametrize(
    "not_a_page",
    [None, {}, "logo\nH", Article(), Published(text="4 days ago"), (),
     pagedump.Line(pagedump.LineKind.BODY, "x", 1, 0, 1)],
    ids=["none", "dict", "str", "article", "published", "tuple", "line"],
)
@pytest.mark.parametrize("function", [pagedump.to_dict, pagedump.to_json],
                         ids=["to_dict", "to_json"])
def test_serializing_a_non_page_is_a_type_error(function, not_a_page) -> None:
    with pytest.raises(TypeError, match=r"pagedump\.Page") as info:
        function(not_a_page)

    assert isinstance(info.value, InputTypeError)
    assert info.value.argument == "page"
    assert info.value.received is type(not_a_page)


# -- round trips -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "fetched_at"), CASES)
def test_from_dict_of_to_dict_gives_the_same_page(text, fetched_at) -> None:
    page = pagedump.parse(text, fetched_at=fetched_at)

    assert pagedump.from_dict(pagedump.to_dict(page)) == page


@pytest.mark.parametrize(("text", "fetched_at"), CASES)
def test_from_json_of_to_json_gives_the_same_page(text, fetched_at) -> None:
    page = pagedump.parse(text, fetched_at=fetched_at)

    assert pagedump.from_json(pagedump.to_json(page)) == page
    assert pagedump.from_json(pagedump.to_json(page, indent=2)) == page
    assert pagedump.from_json(pagedump.to_json(page).encode("utf-8")) == page


def test_round_trip_keeps_types_of_nested_records() -> None:
    page = pagedump.from_json(pagedump.to_json(full_page()))

    assert page.kind is PageKind.ARTICLE
    assert isinstance(page.article, Article)
    assert isinstance(page.article.published, Published)
    assert page.article.published.value == datetime(2025, 7, 13, 12, tzinfo=UTC)
    assert page.article.published.value.utcoffset() == timedelta(0)
    assert isinstance(page.article.sections, tuple)
    assert all(isinstance(section, Section) for section in page.article.sections)
    assert isinstance(page.related, tuple)
    assert all(isinstance(item, RelatedItem) for item in page.related)
    assert isinstance(page.boilerplate, tuple)


@pytest.mark.parametrize(
    ("fetched_at", "form"),
    [
        pytest.param(datetime(2025, 3, 9, 3, 30, tzinfo=NEW_YORK), "an hour ago",
                     id="spring-forward"),
        pytest.param(datetime(2025, 11, 2, 1, 30, tzinfo=NEW_YORK), "a minute ago",
                     id="repeated-hour"),
        pytest.param(datetime(2025, 11, 2, 1, 30, fold=1, tzinfo=NEW_YORK), "a minute ago",
                     id="repeated-hour-second-pass"),
        pytest.param(datetime(2025, 7, 14, 12, tzinfo=NEW_YORK), "4 days ago", id="summer"),
    ],
)
def test_round_trip_holds_for_a_page_fetched_in_an_iana_zone(fetched_at, form) -> None:
    page = pagedump.parse(f"logo\nH\n\nH\n\nNHK{form}\nBody.", fetched_at=fetched_at)

    assert pagedump.from_dict(pagedump.to_dict(page)) == page
    assert pagedump.from_json(pagedump.to_json(page)) == page


def test_to_dict_returns_a_fresh_structure_each_time() -> None:
    page = full_page()
    first = pagedump.to_dict(page)
    snapshot = copy.deepcopy(first)

    first["related"].clear()
    first["article"]["sections"][0]["paragraphs"].append("tampered")

    assert pagedump.to_dict(page) == snapshot


# -- to_json -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "fetched_at"), CASES)
def test_to_json_is_stable(text, fetched_at) -> None:
    page = pagedump.parse(text, fetched_at=fetched_at)
    again = pagedump.parse(text, fetched_at=fetched_at)

    assert pagedump.to_json(page) == pagedump.to_json(page) == pagedump.to_json(again)
    assert pagedump.to_json(page, indent=2) == pagedump.to_json(again, indent=2)


def test_to_json_with_indent_is_pretty_printed_in_field_order() -> None:
    text = pagedump.to_json(full_page(), indent=2)

    assert text.startswith('{\n  "site": "daily8",\n  "kind": "article",\n  "title": null,\n')
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    top_level_keys = re.findall(r'^  "(\w+)":', text, flags=re.MULTILINE)
    assert top_level_keys == [field.name for field in attrs.fields(Page)]


def test_to_json_without_indent_is_one_line() -> None:
    text = pagedump.to_json(full_page())

    assert "\n" not in text
    assert json.loads(text)["article"]["headline"] == "Headline here"


def test_to_json_keeps_non_ascii_text_readable() -> None:
    page = pagedump.parse(DUMPS["non-ascii"], fetched_at=FETCHED)

    text = pagedump.to_json(page)

    assert "RTÉ News" in text
    assert "¥12,300 — £45m 🥊 in Māori towns." in text
    assert pagedump.from_json(text.encode("utf-8")) == page


# -- reading back what is not a page ----------------------------------------------------


DELETE = object()


def serialized_full_page_with(path, value):
    """A serialized full page with the node at ``path`` replaced by ``value`` (or deleted)."""
    data = pagedump.to_dict(full_page())
    node = data
    for step in path[:-1]:
        node = node[step]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


NOT_DICTS = [
    pytest.param([], id="empty-list"),
    pytest.param([{"site": "daily8"}], id="list-of-dict"),
    pytest.param("page", id="str"),
    pytest.param(None, id="none"),
    pytest.param(42, id="int"),
]


@pytest.mark.parametrize("data", NOT_DICTS)
def test_from_dict_of_a_non_dict_is_a_schema_error(data) -> None:
    with pytest.raises(SchemaError, match="expected a dict") as info:
        pagedump.from_dict(data)

    assert isinstance(info.value, ValueError)
    assert "not a serialized pagedump Page" in str(info.value)


# (where to damage a serialized page or None for a literal, the bad value or the
# literal, a name the message must contain to point at what is wrong)
GARBAGE = [
    pytest.param(None, {}, "site", id="empty-dict"),
    pytest.param(None, {"kind": 3}, "kind", id="only-a-numeric-kind"),
    pytest.param(None, {"title": "Latest news with #Tag"}, "site", id="only-a-title"),
    pytest.param(("kind",), 3, "kind", id="numeric-kind"),
    pytest.param(("kind",), "novel", "kind", id="unknown-kind"),
    pytest.param(("site",), 5, "site", id="numeric-site"),
    pytest.param(("title",), ["Latest news"], "title", id="list-title"),
    pytest.param(("article",), "Headline", "article", id="string-article"),
    pytest.param(("article",), [], "article", id="list-article"),
    pytest.param(("article", "headline"), 3, "headline", id="numeric-headline"),
    pytest.param(("article", "sections"), "Body.", "sections", id="string-sections"),
    pytest.param(("article", "sections", 0, "paragraphs"), "Body.", "paragraphs",
                 id="string-paragraphs"),
    pytest.param(("article", "published", "value"), "yesterday", "value",
                 id="unreadable-datetime"),
    pytest.param(("article", "published", "value"), "2025-07-13T12:00:00", "value",
                 id="naive-datetime"),
    pytest.param(("article", "published", "value"), 1752408000, "value",
                 id="timestamp-datetime"),
    pytest.param(("article", "published", "relative"), "yes", "relative",
                 id="string-relative"),
    pytest.param(("related",), {"title": "Other"}, "related", id="dict-related"),
    pytest.param(("related",), "Other story", "related", id="string-related"),
    pytest.param(("related", 0, "title"), None, "title", id="null-item-title"),
    pytest.param(("related", 0, "categories"), "Business", "categories",
                 id="string-categories"),
    pytest.param(("boilerplate",), "logo", "boilerplate", id="string-boilerplate"),
    pytest.param(("kind",), DELETE, "kind", id="missing-kind"),
    pytest.param(("related", 0, "title"), DELETE, "title", id="missing-item-title"),
    pytest.param(("article", "published", "text"), DELETE, "text",
                 id="missing-published-text"),
]


@pytest.mark.parametrize(("path", "value", "names"), GARBAGE)
def test_from_dict_of_garbage_is_a_schema_error_naming_the_field(path, value, names) -> None:
    data = value if path is None else serialized_full_page_with(path, value)

    with pytest.raises(SchemaError) as info:
        pagedump.from_dict(data)

    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, PagedumpError)
    message = str(info.value)
    assert message.startswith("not a serialized pagedump Page: ")
    assert names in message
    assert info.value.detail in message


INVALID_JSON = [
    pytest.param("", id="empty"),
    pytest.param("{", id="unclosed"),
    pytest.param("not json", id="prose"),
    pytest.param("{'site': 'daily8'}", id="single-quotes"),
    pytest.param('{"site": "daily8",}', id="trailing-comma"),
    pytest.param(b"\xff\xfe\xfa", id="undecodable-bytes"),
    pytest.param("logo\nHeadline\n\nHeadline", id="a-dump-instead"),
]


@pytest.mark.parametrize("text", INVALID_JSON)
def test_from_json_of_invalid_json_is_a_schema_error(text) -> None:
    with pytest.raises(SchemaError, match="invalid JSON") as info:
        pagedump.from_json(text)

    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "names"),
    [("[]", "list"), ("null", "NoneType"), ('"page"', "str"), ('{"kind": 3}', "kind")],
    ids=["list", "null", "string", "numeric-kind"],
)
def test_from_json_of_valid_json_that_is_no_page_is_a_schema_error(text, names) -> None:
    with pytest.raises(SchemaError, match=names):
        pagedump.from_json(text)


@pytest.mark.parametrize("value", [None, 42, ["{}"], {"site": "daily8"}],
                         ids=["none", "int", "list", "dict"])
def test_from_json_of_a_non_text_is_a_type_error(value) -> None:
    with pytest.raises(TypeError) as info:
        pagedump.from_json(value)

    assert isinstance(info.value, InputTypeError)
    assert info.value.argument == "text"


def test_every_corpus_dump_round_trips(daily8_dump) -> None:
    fetched = datetime(2025, 8, 10, 12, tzinfo=UTC)
    page = pagedump.parse(daily8_dump.text, fetched_at=fetched)

    assert pagedump.from_json(pagedump.to_json(page)) == page
    assert pagedump.from_dict(pagedump.to_dict(page)) == page
    assert pagedump.to_json(pagedump.from_json(pagedump.to_json(page))) == pagedump.to_json(page)
