"""The story's bounds on an ordinary page: closing headings, captions, galleries.

Each case is an invented page; the test names the lines that must be the story and
those that must not.
"""

from __future__ import annotations

import pytest

import pagedump
from pagedump import GENERIC, LineKind

BODY, BOILERPLATE = LineKind.BODY, LineKind.BOILERPLATE


def _kinds(lines: list[str]) -> dict[str, LineKind]:
    tokens = pagedump.tokenize("\n".join(lines), dialect=GENERIC)
    return {line.text: line.kind for line in tokens if line.text}


_EN = [
    "The river was never this low in living memory, say the farmers along its banks.",
    ("In the village of Lowmere, the old ferry now rests on dry mud, and the children walk"
    " across the riverbed to school while their parents wait for the autumn rains."),
    ("The water board said on Monday that it would open the reservoir upstream for a week,"
    " but the farmers fear that it will be too little and too late for this year's crop."),
    ("Many of them have already sold part of their herds, and some of them are thinking"
    " about leaving the valley for good if the summer is as dry again next year."),
]
_DE = [
    "Der Fluss war noch nie so niedrig, sagen die Bauern, die an seinem Ufer leben.",
    ("In dem Dorf liegt die alte Fähre auf dem trockenen Schlamm, und die Kinder gehen"
    " über das Flussbett zur Schule, während die Eltern auf den Regen im Herbst warten."),
    ("Das Wasseramt hat am Montag gesagt, dass es den Stausee für eine Woche öffnen wird,"
    " aber die Bauern fürchten, dass es für die Ernte in diesem Jahr zu spät ist."),
    ("Viele von ihnen haben schon einen Teil ihrer Herden verkauft, und manche denken"
    " darüber nach, das Tal zu verlassen, wenn der Sommer wieder so trocken wird."),
]
_TEASERS_EN = [
    "A town that learnt to live with less water over the years is now a model for others.",
    "Why the reservoirs of the north are emptier than they have been for a century now.",
]
_TEASERS_DE = [
    "Eine Stadt, die mit weniger Wasser zu leben gelernt hat, ist heute ein Vorbild für alle.",
    "Warum die Stauseen im Norden so leer sind, wie sie es seit hundert Jahren nicht waren.",
]


@pytest.mark.parametrize(("story", "closing", "teasers"), [
    (_EN, "Related articles", _TEASERS_EN),
    (_EN, "Leave a Reply", _TEASERS_EN),
    (_DE, "Lesen Sie auch", _TEASERS_DE),
    (_DE, "Über den Autor", _TEASERS_DE),
    (_EN, "About the author", _TEASERS_EN),
    (_DE, "Das könnte Sie auch interessieren", _TEASERS_DE),
    (_DE, "Die meistgelesenen Artikel bei Sport", _TEASERS_DE),
    (_EN, "The most read", _TEASERS_EN),
    (_EN, "Lue seuraavaksi", _TEASERS_EN),
    (_EN, "Läs också", _TEASERS_EN),
    (_DE, "Pressekontakt", _TEASERS_DE),
    (_EN, "Media contact", _TEASERS_EN),
    (_DE, "Vorheriges Weiter", _TEASERS_DE),
    (_DE, "Weitere Inhalte:", _TEASERS_DE),
    (_DE, "Beliebte Beiträge zum Thema:", _TEASERS_DE),
    (_DE, "Empfohlen für dich", _TEASERS_DE),
    (_DE, "Zum Weiterlesen", _TEASERS_DE),
    (_DE, "Mehr zu diesem Thema", _TEASERS_DE),
    (_EN, "Pour aller plus loin", _TEASERS_EN),
])
def test_a_closing_heading_ends_the_story(story: list[str], closing: str,
                                          teasers: list[str]) -> None:
    lines = ["River at record low - The Daily", "", "Home", "World", "", "River at record low", ""]
    for paragraph in story:
        lines += [paragraph, ""]
    lines += [closing, ""]
    for teaser in teasers:
        lines += [teaser, ""]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in story)
    assert kinds[closing] is BOILERPLATE
    assert all(kinds[t] is BOILERPLATE for t in teasers)


def test_a_closing_heading_early_in_the_story_is_an_inline_box() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", _DE[0], "",
             "Lesen Sie auch", "", "Dürre im Süden", "", *_DE[1:]]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _DE)
    assert kinds["Lesen Sie auch"] is BOILERPLATE
    assert kinds["Dürre im Süden"] is BOILERPLATE


@pytest.mark.parametrize("credit", [
    " Photograph: Jane Roe/Reuters", " (Foto: privat)", " Bild: Max Muster", " © Anna Nowak",
    " (AP Photo/Jane Roe)", " (Jane Roe / iStock.com)", " (NASA via AP, File)",
    ". Video / The Daily", ". (AP)", " in May. EFE",
])
def test_a_caption_beside_the_story_is_not_the_story(credit: str) -> None:
    caption = f"The old ferry rests on the dry riverbed near Lowmere{credit}"
    lines = ["River at record low - The Daily", "", "River at record low", "",
             _EN[0], "", _EN[1], "", caption, "", *_EN[2:]]
    kinds = _kinds(lines)
    assert kinds[caption] is BOILERPLATE
    assert all(kinds[p] is BODY for p in _EN)


def test_a_gallery_is_its_captions() -> None:
    captions = [
        "Lanterns float on a river during the full-moon festival Photograph: A Tran/AFP",
        "A volunteer feeds a foal rescued from the floods Photograph: B Horvath/Reuters",
        "Flamingos gather on a salt flat at sunrise near the coast Photograph: C Eka/AP",
        "Kinder springen im Hafen von einem hölzernen Steg ins Wasser Foto: D Borg/dpa",
        "Ein Radfahrer fährt an den Lavendelfeldern in der Provence vorbei Foto: E Dubois",
    ]
    lines = ["The week in pictures - The Daily", "", "Sign in", "Subscribe", "",
             "The week in pictures", ""]
    for caption in captions:
        lines += [caption, ""]
    lines += ["Privacy policy", "© The Daily 2025. All rights reserved."]
    kinds = _kinds(lines)
    assert all(kinds[c] is BODY for c in captions)
    assert kinds["Privacy policy"] is BOILERPLATE


@pytest.mark.parametrize("reply", ["Antworten", "Reply", "Répondre"])
def test_a_thread_with_a_reply_under_each_comment_is_not_the_story(reply: str) -> None:
    comments = [
        ("Ich finde es sehr traurig, dass die Bauern im Tal so lange auf den Regen warten"
        " müssen und dass niemand ihnen hilft, obwohl es seit Jahren bekannt ist."),
        ("Das Wasseramt hätte den Stausee schon im Frühjahr öffnen sollen, dann wäre die"
        " Ernte in diesem Jahr nicht so schlecht ausgefallen, wie sie es jetzt ist."),
        ("Wir haben im letzten Sommer das gleiche erlebt, und auch bei uns hat es am Ende"
        " niemanden interessiert, was mit den Feldern und mit den Tieren passiert ist."),
        ("Es ist immer das gleiche mit den Ämtern, sie reden und reden, aber wenn es darauf"
        " ankommt, dann passiert nichts, und die Leute auf dem Land bleiben allein."),
    ]
    lines = ["Der Fluss ist so niedrig wie nie - Die Zeitung", "",
             "Der Fluss ist so niedrig wie nie", ""]
    for paragraph in _DE:
        lines += [paragraph, ""]
    for n, comment in enumerate(comments):
        lines += [f"Leser {n}", comment, reply, ""]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _DE)
    # The first comment follows the story with nothing between: only the thread's
    # repeated "Reply" tells where the thread runs.
    assert all(kinds[c] is BOILERPLATE for c in comments[1:])


def test_a_section_name_over_the_headline_is_not_the_headline() -> None:
    lines = ["Science", "", "Farmers count the cost of the driest summer on record", "", *_EN]
    page = pagedump.parse("\n".join(lines), dialect=GENERIC)
    assert page.article is not None
    assert page.article.headline == "Farmers count the cost of the driest summer on record"
    assert _kinds(lines)["Science"] is BOILERPLATE


def test_a_title_of_several_words_stays_the_headline() -> None:
    lines = ["Farmers count the cost", "", "Science and nature desk", "", *_EN]
    page = pagedump.parse("\n".join(lines), dialect=GENERIC)
    assert page.article is not None
    assert page.article.headline == "Farmers count the cost"


_CAROUSEL = [
    "A fishing boat ran aground at the harbour entrance before dawn today. Video / Bay Times",
    "The minister outlines changes to pension contributions at a breakfast. Video / Herald",
    "A reporter visits a bakery that has made the same custard squares since 1962 and asks why.",
    "Students at a high school rebuild a 1970s hovercraft for the science fair. Video / Daily",
    "Motorists wait for hours after a slip closes the highway on the hill. Video / Supplied",
    "Police give an update on the search for a tramper missing for four days in the park",
    "Hundreds gather for a dawn blessing of a new canoe at the bay. Video / Northern Advocate",
    "A bird caught on a doorbell camera has become the city's most-watched clip. Video / Supplied",
]


def test_a_carousel_of_video_captions_is_no_story() -> None:
    # Uncredited items between credited ones are items of the same carousel.
    lines = ["Orchard workers walk off the job", "", *_CAROUSEL]
    tokens = pagedump.tokenize("\n".join(lines), dialect=GENERIC)
    assert tokens[0].kind is LineKind.HEADLINE
    assert all(t.kind is BOILERPLATE for t in tokens[1:] if t.text)


def test_a_cut_last_line_right_after_the_story_is_the_story() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN, "", "Farmers in the next valley say they"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert kinds["Farmers in the next valley say they"] is BODY


def test_a_menu_line_after_the_story_is_no_cut_paragraph() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN, "", "Privacy policy", "", "Share on Facebook"]
    kinds = _kinds(lines)
    assert kinds["Share on Facebook"] is BOILERPLATE


@pytest.mark.parametrize(("line", "story"), [
    ("Ilustration: Joaquin Reyes", False),
    ("Grafik: Anna Nowak", False),
    ("(Credit: Jane Roe / Grist)", False),
    ("Foto: unsplash/Jane Roe", False),
    ("© Bundesrat | Frank Bräuer", False),
    ("PAP/ Jane Roe", False),
    ("Jane Roe / AFP", False),
    ("Fazit: Die Bauern warten auf Regen", True),
    ("Input/Output", True),
])
def test_a_credit_on_its_own_line_is_beside_the_story(line: str, story: bool) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             _EN[0], "", _EN[1], "", line, "", *_EN[2:]]
    kinds = _kinds(lines)
    assert (kinds[line] is not BOILERPLATE) is story
    assert all(kinds[p] is BODY for p in _EN)


@pytest.mark.parametrize(("line", "heading"), [
    ("Malaysia's palm oil exports rise for third straight month, cargo surveyors say", False),
    ("Reservoir upstream opens next week, farmers fear little water", True),
    ("What comes next", True),
])
def test_a_long_heading_must_share_a_word_with_its_section(line: str, heading: bool) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             _EN[0], "", _EN[1], "", line, "", *_EN[2:]]
    kinds = _kinds(lines)
    assert (kinds[line] is LineKind.HEADING) is heading
    assert (kinds[line] is BOILERPLATE) is not heading
    assert all(kinds[p] is BODY for p in _EN)


_PLAYER = [
    "Duration 2:05", "Subtitle settings",
    "Text colour White Yellow Green Cyan Blue Magenta Red Black",
    "Text opacity 100% 75% 50% 25%",
    "Font family Default Monospace Serif Sans-serif Casual",
    "Quality Auto 1080p 720p 480p 360p 240p",
    "Reset to defaults",
]


def test_a_video_players_settings_after_the_story_are_not_the_story() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN, "", *_PLAYER, "", "Share Copy link Embed Email", "Advertisement"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all(kinds[line] is BOILERPLATE for line in _PLAYER)


def test_a_list_that_closes_the_story_is_the_story() -> None:
    dates = ["12 March: Lowmere village hall", "14 March: Upper Dale school",
             "17 March: the ferry landing at Westford", "20 March: the water board in town"]
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN, "", *dates, "", "Share Copy link Embed Email", "Advertisement"]
    kinds = _kinds(lines)
    assert all(kinds[line] is BODY for line in [*_EN, *dates])


@pytest.mark.parametrize(("tail", "story"), [
    (["That is all we know, the mayor said."], True),
    (["Tags:", "drought", "farming"], False),
    (["Sie wollen mehr von uns?"], False),
    (["You may also like..."], False),
    (["Meal Prep Menu for Eating Plan A"], False),
])
def test_a_short_line_after_the_story_closes_it_only_as_a_statement(
        tail: list[str], story: bool) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN, "", *tail, "", "Privacy policy", "© The Daily"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all((kinds[line] is BODY) is story for line in tail)


@pytest.mark.parametrize(("story", "teaser"), [
    (_EN, "Read also: Why the reservoirs of the north are emptier than ever"),
    (_DE, "Lesen Sie auch: Warum die Stauseen im Norden so leer sind"),
    (_DE, "Czytaj też: Susza w dolinie rzeki"),
])
def test_a_link_to_another_story_inside_the_story_is_not_the_story(
        story: list[str], teaser: str) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             story[0], "", story[1], "", teaser, "", *story[2:]]
    kinds = _kinds(lines)
    assert kinds[teaser] is BOILERPLATE
    assert all(kinds[p] is BODY for p in story)


@pytest.mark.parametrize(("opener", "story"), [
    ("Why is the river so low?", True),
    ("A village without water", True),
    ("FILE PHOTO: The old ferry on the dry riverbed near Lowmere, June 2025", False),
    ("subscribing", False),
    ("12h", False),
    ("Reuters | Lowmere | Updated: 20 May 2024 14:05", False),
])
def test_the_line_right_before_the_story_opens_it(opener: str, story: bool) -> None:
    lines = ["River at record low - The Daily", "", "Home", "World", "", "River at record low",
             "", "By Jane Roe", "", opener, "", *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert (kinds[opener] in (BODY, LineKind.HEADING)) is story


def test_a_menu_label_right_before_the_story_does_not_open_it() -> None:
    lines = ["River at record low - The Daily", "", "World", "Sport", "Culture", "",
             "River at record low", "", "Sport", "", *_EN, "", "World", "Sport", "Culture"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert kinds["Sport"] is BOILERPLATE


@pytest.mark.parametrize(("lead", "story"), [
    (("The river that feeds the valley has fallen to its lowest level since records began,"
      " the water board said on Monday, and the ferry has stopped running."), True),
    (("The old ferry rests on the dry riverbed near Lowmere as farmers wait for the autumn"
      " rains to come back to the valley (AP Photo/Jane Roe)"), False),
])
def test_a_lead_cut_off_by_the_storys_date_is_the_story(lead: str, story: bool) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", lead, "",
             "19.10.2019 12:09", "", *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert (kinds[lead] is BODY) is story


_MORE_EN = [
    ("The last time the river fell this far was in the dry summer of 1976, when the old men"
     " of the village still remember carrying water up from the well by the church."),
    ("Scientists at the university say that the winters have been getting drier for twenty"
     " years, and that the snow in the hills now melts weeks earlier than it used to."),
    ("The farmers' union has asked the government for help with the cost of feed, and a"
     " minister is expected to visit the valley at the end of the month to hear them."),
]


def test_a_prompt_after_the_story_opens_a_box_that_is_not_the_story() -> None:
    pitch = ("Get the latest news from the valley, the water board and the farms straight to"
             " your inbox every morning, and never miss a story again.")
    story = [*_EN, *_MORE_EN]
    lines = ["River at record low - The Daily", "", "River at record low", "", *story, "",
             "Sign up for our newsletter", "", pitch, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in story)
    assert kinds[pitch] is BOILERPLATE


def test_an_advertisement_label_before_the_last_paragraph_does_not_end_the_story() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN[:-1], "",
             "Advertisement", "", _EN[-1], "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)


def test_a_lead_under_the_headline_cut_off_by_share_buttons_is_the_story() -> None:
    lead = ("The river that feeds the valley has fallen to its lowest level since records"
            " began, the water board said on Monday, and the ferry has stopped running.")
    lines = ["River at record low - The Daily", "", "Home", "", "River at record low", "",
             lead, "", "Share", "Tweet", "Email", "Print", "", *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [lead, *_EN])


def test_a_lead_under_the_storys_date_cut_off_by_advertisements_is_the_story() -> None:
    # The headline stands further up, over a menu; the story's date right over the
    # lead marks the header all the same.
    lead = ("The river that feeds the valley has fallen to its lowest level since records"
            " began, the water board said on Monday, and the ferry has stopped running.")
    lines = ["River at record low - The Daily", "", "River at record low", "", *_SECTIONS,
             "", "19.10.2019 12:09", lead, "", "Advertisement", "", "Share", "",
             "Advertisement", "", *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [lead, *_EN])


def test_a_page_of_teasers_cut_to_length_has_no_headline() -> None:
    teasers = [
        "Ferry services to the islands stayed suspended on Tuesday as pilots extended a strike ...",
        "The union said talks with the port authority broke down late on Monday night ...",
        "Operators said passengers holding tickets could claim a full refund or rebook ...",
    ]
    lines = ["Harbour pilots' strike halts ferry traffic", "Digest more", *teasers]
    tokens = pagedump.tokenize("\n".join(lines), dialect=GENERIC)
    assert all(t.kind is not LineKind.HEADLINE for t in tokens)


def test_a_standfirst_under_the_headline_is_the_story() -> None:
    standfirst = ("The river that feeds the valley has fallen to its lowest level since records"
                  " began, and the farmers fear for this year's harvest.")
    lines = ["River at record low - The Daily", "", "River at record low", "", standfirst,
             "", "By Jane Roe", "", "Related: Dry summer ahead", "Tags: drought, farming", "",
             "Share", "Tweet", "Email", "Print", "Subscribe", "", *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [standfirst, *_EN])


def test_a_short_list_right_before_the_story_opens_it() -> None:
    items = ["Dry summers in the valley since 1976", "Three of them in the last ten years"]
    lines = ["River at record low - The Daily", "", "World", "Sport", "Culture", "",
             "River at record low", "", "World", "", *items, "", *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all(kinds[item] is not BOILERPLATE for item in items)
    assert kinds["World"] is BOILERPLATE


def test_a_story_under_its_headline_wins_over_a_much_longer_run_below() -> None:
    legal = [
        (f"Clause {n}: the reader agrees that the publisher may store and use the data that"
         " the reader gives to it for the purposes that are set out in this notice, and that"
         " the reader can ask at any time for the data to be shown, corrected or deleted,"
         " as the law of the country in which the publisher has its seat provides for, and"
         " that none of this changes any of the rights that the reader has under that law.")
        for n in range(1, 7)
    ]
    lines = ["River at record low - The Daily", "", "Home", "World", "",
             "River at record low", "", *_EN, "", "Share", "Tweet", "Email", "Print",
             "Subscribe", "Sign in", "Newsletter", "Privacy policy", "",
             "Politics", "Business", "Markets", "Climate", "Health", "Science", "Travel",
             "Football", "Cricket", "Books", "Music", "Film", "Food", "Cars", "Weather", "",
             *legal]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all(kinds[p] is BOILERPLATE for p in legal)


def test_share_links_inside_the_story_are_not_the_story() -> None:
    links = ["Click to share on Twitter (Opens in new window)",
             "Click to email a link to a friend (Opens in new window)"]
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN[:2], "", *links, "", *_EN[2:], "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all(kinds[link] is BOILERPLATE for link in links)


_BIO = ("Jane Roe is a reporter who has covered farming and water in the valley for the"
        " paper since 2009, and she lives on a small farm with her two dogs.")


@pytest.mark.parametrize("box", [
    ["Jane Roe", "", _BIO],
    ["Author", "", "Jane Roe", "", _BIO.replace("Jane Roe is", "She is")],
    ["Jane Roe", "", "Staff Reporter", "", _BIO.replace("Jane Roe", "Jane")],
])
def test_a_box_about_the_author_after_the_story_is_not_the_story(box: list[str]) -> None:
    story = [*_EN, *_MORE_EN]
    lines = ["River at record low - The Daily", "", "River at record low", "", *story, "",
             *box, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in story)
    assert all(kinds[line] is BOILERPLATE for line in box if line)


@pytest.mark.parametrize("heading", ["Lowmere Ferry", "RIVER LOWMERE"])
def test_a_heading_that_names_the_storys_subject_does_not_open_an_author_box(
        heading: str) -> None:
    last = ("Lowmere is the last village on the river whose ferry still ran this spring,"
            " and its people hope that it will run again before the winter comes.")
    story = [*_EN, *_MORE_EN]
    lines = ["Lowmere ferry at record low - The Daily", "", "Lowmere ferry at record low", "",
             *story, "", heading, "", last, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*story, last])


_STEPS = [
    ("Heat the oven to 180 degrees, butter a round tin of about 24 cm and dust it with a"
     " little flour, so that the cake comes out of it in one piece later on."),
    ("Beat the butter with the sugar until it is pale and light, then add the eggs one by"
     " one, and fold in the flour with the baking powder and a pinch of salt."),
    ("Pour the batter into the tin, smooth the top and bake the cake for about forty"
     " minutes, until a skewer pushed into the middle of it comes out clean."),
]


@pytest.mark.parametrize("method", ["Method", "Preparation takes about an hour"])
def test_a_list_of_ingredients_right_before_the_steps_is_the_story(method: str) -> None:
    ingredients = ["Ingredients", "For the cake:", "250 g butter", "200 g sugar", "4 eggs",
                   "300 g flour", "1 tsp baking powder", "Salt", "", method]
    lines = ["Butter cake - The Kitchen", "", "Butter cake", "", "Home", "Recipes", "",
             *ingredients, "", *_STEPS, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[line] is not BOILERPLATE for line in [*ingredients, *_STEPS] if line)
    assert kinds["Recipes"] is BOILERPLATE


def test_the_prose_right_over_a_list_of_ingredients_is_the_recipes_introduction() -> None:
    intro = ("Nothing beats a plain butter cake with a cup of tea on a Sunday afternoon, and"
             " this one keeps well for days in a tin, if it ever lasts that long.")
    ingredients = ["Ingredients", "250 g butter", "200 g sugar", "4 eggs", "300 g flour",
                   "1 tsp baking powder", "Salt", "Cling film", "Kitchen Torch", "", "Method"]
    lines = ["Butter cake - The Kitchen", "", "Butter cake", "", "Home", "Recipes", "",
             "Rate this recipe", "4 stars", "", intro, "", *ingredients, "", *_STEPS, "",
             "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[line] is not BOILERPLATE for line in [intro, *ingredients, *_STEPS]
               if line)
    assert kinds["Rate this recipe"] is BOILERPLATE


def test_counters_and_labels_right_before_the_story_are_not_a_list() -> None:
    chrome = ["Filed to: Baking", "438.3K", "57", "4", "Share", "Recipes", "Cakes"]
    lines = ["Butter cake - The Kitchen", "", "Butter cake", "", *chrome, "", *_STEPS, "",
             "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[line] is BODY for line in _STEPS)
    assert all(kinds[line] is BOILERPLATE for line in chrome)


def test_a_sub_heading_after_an_article_near_the_end_stays_the_story() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", *_DE[:-1], "",
             "Die neue Fähre", "", _DE[-1], "", "Impressum"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _DE)
    assert kinds["Die neue Fähre"] is LineKind.HEADING


def test_the_bylines_name_over_a_box_after_the_story_opens_the_box() -> None:
    bio = ("As a reporter I have covered farming and water in the valley since 2009, and I"
           " live on a small farm at the edge of the river with my two dogs.")
    story = [*_EN, *_MORE_EN]
    lines = ["River at record low - The Daily", "", "River at record low", "", "Jane Roe",
             "", *story, "", "Jane Roe", "", bio, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in story)
    assert kinds[bio] is BOILERPLATE


@pytest.mark.parametrize(("tail", "story"), [
    (["That is all we know, the mayor said."], True),
    (["Did you enjoy this article? Share it!"], False),
    (["Every little donation helps!"], False),
    (["Topics: drought, farming", "Jane Roe", "Staff reporter"], False),
])
def test_a_line_between_the_last_paragraph_and_a_closing_heading_is_the_story_only_as_a_statement(
        tail: list[str], story: bool) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN, "", *tail, "", "Related articles", "", *_TEASERS_EN]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all((kinds[line] is BODY) is story for line in tail)


_COMMENTS_EN = [
    ("Great piece, thank you. My grandfather used to tell me about the summer of 1976 and"
     " how the whole village carried water from the well every single morning."),
    ("I live two valleys over and it is just as bad here, the stream behind our house has"
     " been dry since June and nobody from the water board has come to look at it."),
    ("The reservoir should have been opened in spring, everyone who farms here knew it,"
     " and now the board acts surprised that the crops have failed for the second year."),
    ("Does anyone know whether the minister will also visit the farms in the north of the"
     " valley, or only the villages along the river where the cameras will be waiting?"),
]


@pytest.mark.parametrize(("second", "story"), [("Comments", False), ("About the author", True)])
def test_two_closing_headings_one_after_the_other_end_the_story(second: str,
                                                                story: bool) -> None:
    # "About the author", a line about them, then "Comments": the boxes after a story
    # come one after another. The same heading twice is two inline boxes the story
    # goes on after.
    bio = "Jane Roe reports on farming and water for The Daily."
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN, "",
             *_MORE_EN[:1], "", "About the author", "", bio, "", second, "",
             *_COMMENTS_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN[:1]])
    assert kinds[bio] is BOILERPLATE
    assert all((kinds[c] is BODY) is story for c in _COMMENTS_EN)


@pytest.mark.parametrize(("box", "story"), [
    (["Helfen Sie mit!", "Jede kleine Spende hilft!", "Jetzt spenden!"], False),
    (["Es ist zu spät!"], True),
    (["Wann öffnet der Stausee?", "Wer bezahlt das Futter?"], True),
])
def test_a_box_of_calls_to_the_reader_inside_the_story_is_not_the_story(
        box: list[str], story: bool) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", *_DE[:2], "",
             *box, "", *_DE[2:], "", "Impressum"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _DE)
    assert all((kinds[line] is not BOILERPLATE) is story for line in box)


@pytest.mark.parametrize(("label", "story"), [("Autor", False), ("Tagi", True)])
def test_an_authors_name_under_a_byline_label_ends_the_story_before_most_prose(
        label: str, story: bool) -> None:
    # Under "Autor" the name opens a box about the author even with the comments after
    # it outweighing the story; under another label it is no author box.
    bio = "Reporterin aus dem Tal, schreibt seit 2009 über die Bauern und das Wasser."
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN, "",
             *_MORE_EN[:1], "", label, "Jane Roe", "", bio, "", *_COMMENTS_EN, "",
             "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN[:1]])
    assert all((kinds[c] is BODY) is story for c in _COMMENTS_EN)


@pytest.mark.parametrize(("line", "story"), [
    ("© Licence to publish", False), ("The licence to publish, the mayor said.", True)])
def test_a_line_opening_with_a_rights_mark_after_the_story_ends_it(
        line: str, story: bool) -> None:
    legal = ("No part of this newspaper may be copied or spread in any form without the"
             " written consent of the publisher, which can be asked for on our website.")
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN,
             *_MORE_EN, "", line, "", legal, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN])
    assert (kinds[legal] is BODY) is story


@pytest.mark.parametrize(("line", "story"), [
    ("Subscribe now to our digital edition for the full story.", False),
    ("The farmers will meet the minister again in the autumn.", True)])
def test_a_sentence_opening_with_a_prompt_word_after_the_story_ends_it(
        line: str, story: bool) -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN,
             *_MORE_EN, "", line, "", _TEASERS_EN[0], "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN])
    assert (kinds[line] is BODY) is story


@pytest.mark.parametrize(("line", "story"), [
    ("4 Kommentare", False),
    ("3 responses to “River at record low”", False),
    ("No comments for “River at record low”", False),
    ("66 Likes", False),
    ("4 farmers to the minister, the mayor said.", True)])
def test_a_count_of_comments_after_the_story_ends_it(line: str, story: bool) -> None:
    # A thread's heading that counts its comments ends the story even as a line of
    # prose length, and even when the comments under it outweigh the story.
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN, "",
             line, "", *_COMMENTS_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all((kinds[c] is BODY) is story for c in _COMMENTS_EN)


_COOKIES_EN = [
    ("This website uses cookies to improve your experience while you navigate through the"
     " website, and the ones that are needed are stored in your browser all the time."),
    ("We also use the cookies of third parties that help us to understand how you use this"
     " website, and these will be stored in your browser only with your consent to it."),
    ("You can opt out of these cookies at any time, but turning some of them off may have"
     " an effect on how well the pages of this website work for you in your browser."),
    ("The necessary cookies are needed for the website to work properly, and they make sure"
     " that the basic functions and the security features of the website work for you."),
    ("The analytics cookies are used to understand how the visitors of the website use it,"
     " and they give us the number of visitors, the bounce rate and the traffic source."),
]


_SECTIONS = ["Home", "World", "Politics", "Business", "Science", "Farming", "Weather",
             "Sport", "Culture", "Travel", "Opinion", "Podcasts", "Contact us"]


def test_a_copy_of_the_title_in_a_list_of_links_is_not_the_headline() -> None:
    # The run after the title's copy in "Latest" (a cookie notice) outweighs the story;
    # the copy stands packed between other titles, as a list's item, and is no headline.
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN[:3], "",
             "Share on Facebook", "Share on Twitter", "Print", "Email", "", *_SECTIONS, "",
             "Latest", "", "Town learns to live with less water",
             "River at record low", "Reservoirs of the north are empty", "",
             *_COOKIES_EN]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN[:3])
    assert all(kinds[c] is BOILERPLATE for c in _COOKIES_EN)


def test_a_notice_about_the_sites_cookies_is_not_the_story() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN, "",
             *_COOKIES_EN]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all(kinds[c] is BOILERPLATE for c in _COOKIES_EN)


def test_a_story_about_cookies_keeps_its_cookies() -> None:
    recipe = [
        ("These cookies are soft in the middle and crisp at the edges, and they take less"
         " than half an hour from the bowl to the plate, which is why we bake them often."),
        ("Beat the butter and the sugar until pale, then add the egg and the flour, and"
         " put spoonfuls of the dough on a tray, well apart, because the cookies spread."),
        ("Bake the cookies for twelve minutes, until golden at the edges, and let them cool"
         " on the tray for five minutes before you lift them onto a rack to cool down."),
    ]
    lines = ["Soft butter cookies - The Kitchen", "", "Soft butter cookies", "", *recipe, "",
             "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in recipe)


@pytest.mark.parametrize(("standfirst", "story"), [
    ("Farmers along the river fear for this year's crop as the water keeps falling", True),
    ("Lowmere ferry rests on the dry riverbed mud", False),
])
def test_a_standfirst_after_a_menu_right_over_the_story_opens_it(standfirst: str,
                                                                 story: bool) -> None:
    # Deep in a run of menu labels a line costs much; a line of near-prose of ten
    # words or more right over the first paragraph is the standfirst all the same.
    lines = ["River at record low - The Daily", "", *_SECTIONS, "", standfirst, "", *_EN]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert (kinds[standfirst] is not BOILERPLATE) is story


@pytest.mark.parametrize(("name", "story"), [("JANE ROE", False), ("Mary Poole", True)])
def test_a_paragraph_opening_with_the_bylines_name_after_the_story_is_the_authors_box(
        name: str, story: bool) -> None:
    bio = (f"{name} has written about farming, water and the valley's villages for more than"
           " ten years, and before that she worked as a teacher in the hills above the lake.")
    lines = ["River at record low - The Daily", "", "River at record low", "By Jane Roe", "",
             *_EN, *_MORE_EN, "", bio, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN])
    assert (kinds[bio] is BODY) is story


def test_a_count_of_comments_ends_a_short_story_under_a_long_thread() -> None:
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN[1:3], "",
             "35 Comments", "", *_COMMENTS_EN, *_MORE_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN[1:3])
    assert all(kinds[c] is BOILERPLATE for c in [*_COMMENTS_EN, *_MORE_EN])


@pytest.mark.parametrize("notice", ["© Wszystkie prawa zastrzeżone", "Alle Rechte vorbehalten"])
def test_a_rights_notice_after_the_story_is_a_wall(notice: str) -> None:
    legal = ("No part of this newspaper may be copied or spread in any form without the"
             " written consent of the publisher, which can be asked for on our website.")
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN, "",
             notice, "", legal]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert kinds[legal] is BOILERPLATE


def test_a_credited_caption_near_the_storys_end_does_not_end_it() -> None:
    # A caption whose credit holds chrome words ("© AFP") is beside the story, not a
    # prompt that opens a box after it.
    caption = "The old ferry on the dry riverbed. © AFP / JANE ROE"
    last = "Until the rains come, the ferry will stay where it is, on the mud by the church."
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN,
             *_MORE_EN, "", caption, "", last, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN, last])
    assert kinds[caption] is BOILERPLATE


_RESUMED = ("The river will not rise again before the autumn rains come, the farmers say, and"
            " until then the old ferry will stay where it is, on the mud below the church.")
_OTHER = ("The town council has approved a new car park beside the railway station, and the"
          " work on it will start in the spring, when the old warehouses have been pulled down.")


_GOES_ON = ("The minister's visit to the valley has been moved to the first week of next"
            " month, the union said on Tuesday, because of the long debate on the budget.")


@pytest.mark.parametrize(("after", "story"), [
    (_RESUMED, True), (_GOES_ON, True), (_OTHER, False)])
def test_a_box_of_links_near_the_end_is_inline_when_the_story_goes_on_after_it(
        after: str, story: bool) -> None:
    # "Related stories" and a few titles after most of the prose, then a full paragraph
    # on the subject of the headline, the lead or the paragraph before the box: the
    # story goes on after the box.
    titles = ["Town learns to live with less water", "Reservoirs of the north are empty",
              "Minister to visit the valley"]
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN,
             *_MORE_EN, "", "Related stories", "", *titles, "", after, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN])
    assert all(kinds[t] is BOILERPLATE for t in titles)
    assert (kinds[after] is BODY) is story


@pytest.mark.parametrize(("line", "story"), [
    (("Did you enjoy reading this story? Would you consider supporting our work with a"
      " small donation? Just click here. Thank you!"), False),
    ("Hat dir der Artikel gefallen? Dann unterstütze unsere Arbeit mit einem kleinen Beitrag!",
     False),
    (("“We will not leave the valley,” she told the minister, “and you will hear from us"
      " again when the autumn comes and the river is still this low.”"), True),
])
def test_a_paragraph_that_asks_the_reader_for_the_site_before_the_comments_ends_the_story(
        line: str, story: bool) -> None:
    # The thread under the story outweighs it: the site's call to the reader stands
    # before too little of the run's prose, until the story is judged on its own.
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN,
             *_MORE_EN, "", line, "", "5 Comments", "", *_COMMENTS_EN, *_TEASERS_EN, "",
             "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN])
    assert (kinds[line] is BODY) is story


def test_a_title_inside_the_story_printed_again_after_it_is_another_storys() -> None:
    # A teaser's title between two paragraphs, printed again in the list of latest
    # stories after the story, is a link; a sub-heading the table of contents prints
    # before the story is the story's.
    teaser = "Town learns to live with less water"
    heading = "What the farmers fear"
    lines = ["River at record low - The Daily", "", "River at record low", "", "Contents",
             heading, "", *_EN[:2], "", teaser, "", *_EN[2:], "", heading, "", *_MORE_EN,
             "", "Latest", "", teaser, "Reservoirs of the north are empty", "",
             "Privacy policy"]
    kinds = [line.kind for line in pagedump.tokenize("\n".join(lines), dialect=GENERIC)]
    assert all(kinds[lines.index(p)] is BODY for p in [*_EN, *_MORE_EN])
    assert kinds[lines.index(teaser)] is BOILERPLATE
    assert kinds[lines.index(heading, lines.index(_EN[0]))] is LineKind.HEADING


@pytest.mark.parametrize(("banner", "story"), [
    (["AN INFORMED PUBLIC", "DECIDES BETTER.", "SUPPORT US TODAY."], False),
    (["WHAT COMES NEXT"], True),
])
def test_a_banner_in_capitals_after_the_story_ends_it(banner: list[str], story: bool) -> None:
    # A box that shouts its slogan in capitals, line under line, is no part of the
    # story; one heading in capitals is.
    plea = ("We have made journalism in this valley for a hundred years, and now more than"
            " ever it depends on the readers who believe in it and give what they can.")
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN,
             *_MORE_EN, "", *banner, "", plea, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN])
    assert (kinds[plea] is BODY) is story


def test_points_of_near_prose_over_the_storys_opening_line_open_it_too() -> None:
    # A standfirst set as points: lines of near-prose one under another right over the
    # story's first line cost more each, but are the story's all the same.
    points = ["The water board will open the reservoir upstream for a week from Monday",
              "Farmers in the lower valley fear for this year's wheat and barley crop"]
    lines = ["River at record low - The Daily", "", "River at record low", "", *points,
             "What the farmers fear", *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert all(kinds[p] is not BOILERPLATE for p in points)


@pytest.mark.parametrize("call", ["Learn more", "Mehr erfahren", "En savoir plus"])
def test_a_learn_more_link_after_the_story_ends_it(call: str) -> None:
    promo = ("Our seminar on water rights takes three days, and you will learn from the best"
             " lawyers in the country how to defend your farm's share of the river's water.")
    lines = ["River at record low - The Daily", "", "River at record low", "", *_EN,
             *_MORE_EN, "", call, "", promo, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [*_EN, *_MORE_EN])
    assert kinds[call] is BOILERPLATE
    assert kinds[promo] is BOILERPLATE


def test_a_standfirst_that_trails_off_under_the_header_is_the_story() -> None:
    standfirst = ("Did you know that the river has not been this low in living memory? The"
                  " farmers along its banks tell us what that means for the harvest...")
    lines = ["River at record low - The Daily", "", "Home", "", "River at record low", "",
             "By Jane Roe, 12 May 2024", "", standfirst, "", "1 / 2", "© Agency", "",
             *_EN, "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in [standfirst, *_EN])


def test_an_abbreviation_in_brackets_is_no_credit() -> None:
    # "(EU)" right after the word it abbreviates ends a heading, not a caption's credit.
    heading = "How much the farmers save through the water allowance scheme (WAS)"
    lines = ["River at record low - The Daily", "", "River at record low", "",
             *_EN[:2], "", heading, "", *_EN[2:], "", "Privacy policy"]
    kinds = _kinds(lines)
    assert all(kinds[p] is BODY for p in _EN)
    assert kinds[heading] is not BOILERPLATE


def test_the_cut_lead_a_paywall_shows_under_the_headline_is_the_story() -> None:
    # A paywall leaves a story's first paragraph only, cut short, and no other prose.
    lead = ("Der Fluss war noch nie so niedrig, sagen die Bauern, die an seinem Ufer leben. Im"
            " Dorf liegt die alte Fähre auf dem trockenen Schlamm, und die Kinder gehen ...")
    lines = ["Der Fluss trocknet aus", "", "Startseite", "Region", "Sport", "", "Anmelden", "",
             "Der Fluss trocknet aus", "", "12.05.2024 Lowmere, Region",
             "Die alte Fähre im Schlamm (Bild: Agentur)", "", "Die Bauern warten auf Regen", "",
             lead, "", "Teilen", "", "Möchten Sie weiterlesen?", "", "Ja. Ich bin Abonnent.",
             "", "Abo-Angebote", "", "Impressum"]
    page = pagedump.parse("\n".join(lines), dialect=GENERIC)

    assert page.article is not None
    assert page.article.headline == "Der Fluss trocknet aus"
    assert [p for section in page.article.sections for p in section.paragraphs] == [lead]
    assert "Möchten Sie weiterlesen?" in page.boilerplate


def test_a_page_of_teasers_cut_short_has_no_story() -> None:
    # Several lines cut so are a listing's teasers, not one story's lead.
    teasers = [f"{text[:70]} ..." for text in _EN]
    lines = ["The Daily", "", "Home", "", "The Daily", "", *[t for teaser in teasers
                                                              for t in (teaser, "")]]
    page = pagedump.parse("\n".join(lines), dialect=GENERIC)

    assert page.article is None or not page.article.sections
