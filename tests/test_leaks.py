"""Spec of the leaked-chrome stage: what an outlet leaks into a Daily8 story is chrome.

Each case is a small Daily8 dump (no-logo layout: headline, story, trailer) written as
``(kind, line)`` pairs; the story text is invented. Leaks are boilerplate, and the
contrast cases (a list the story introduces, a gallery, the story's own fact box, an
interview) stay story.
"""

from __future__ import annotations

import pytest

import pagedump
from pagedump import LineKind

B, H, BODY, HEAD = LineKind.BOILERPLATE, LineKind.HEADLINE, LineKind.BODY, LineKind.HEADING
TRAILER = [(B, "Hashtags"), (LineKind.BLANK, ""), (B, "Try Our AI Features"),
           (B, "Explore what Daily8 AI can do for you:"), (B, "Comments"),
           (B, "No comments yet..."), (B, "Related Articles")]
HEADLINE = (H, "Harbour council approves new ferry terminal for the island route")
LEAD = (BODY, ("The harbour council has approved a new ferry terminal for the island route,"
              " replacing a wharf that has served the crossing since 1962."))
MORE = (BODY, ("Councillors said the terminal would open in 2027 and that the island route"
              " would keep running from the old wharf while it is built."))

CASES = [
    pytest.param([LEAD,
                  (B, "A farmer in the valley shows off a tractor he restored. Video: Ana Pike"),
                  (B, "Snow closes the mountain pass for a second day. Video / Reuters"),
                  (B, "A choir sings at the opening of a village hall."),
                  (B, "Volunteers plant 500 trees along a creek. Video: Supplied"), MORE],
                 id="video carousel, an uncredited caption inside it"),
    pytest.param([LEAD, MORE, (B, "Moorside Gazette"), (B, "Valley Echo"), (B, "Dale Times"),
                  (B, "The Northern Herald")], id="masthead directory"),
    pytest.param([LEAD, (BODY, "The bids that were rejected came from:"),
                  (BODY, "Moorside Gazette"), (BODY, "Valley Echo"), (BODY, "Dale Times"), MORE],
                 id="a list the story introduces stays story"),
    pytest.param([(B, "Company: Brightwheel Labs"), (B, "Started: 2019"), (B, "Sector: Fintech"),
                  LEAD, MORE], id="another subject's fact box"),
    pytest.param([(BODY, "Architect: Mara Holloway"), (BODY, "Cost: $40 million"),
                  (BODY, "Opens: 2027"),
                  (BODY, ("Mara Holloway's design for the ferry terminal puts the waiting hall"
                         " under a timber roof facing the island.")), LEAD],
                 id="the story's own fact box stays story"),
    pytest.param([LEAD, (BODY, "Reporter: Did the council approve the terminal?"),
                  (BODY, "Mayor: Yes, by nine votes to two, after a long debate."), MORE],
                 id="interview lines stay story, not sub-headings"),
    pytest.param([(B, ("Translations on this page are produced by a machine and may not be"
                      " exact.")), LEAD, MORE], id="a notice about the page"),
    pytest.param([LEAD, MORE, (B, ("Enjoying our journalism? Become a member for £2 a week"
                                  " and cancel any time."))], id="a reader prompt"),
    pytest.param([LEAD, MORE, (B, "Cyclist injured in collision on the ring road"),
                  (B, "Bakery wins national pie award")], id="other stories' headlines"),
    pytest.param([LEAD, (B, "Crowds watch the old ferry leave the wharf on Sunday. (Harbour News)"),
                  MORE], id="a caption credited in brackets"),
    pytest.param([LEAD, (BODY, ("Councillors voted nine to two. The terminal is due to open in"
                               " 2027, the council said. (Harbour News)"))],
                 id="a paragraph signed by its agency stays story"),
    pytest.param([LEAD, (B, "Font Colour: White Yellow Cyan"), (B, "Font Opacity: 100% 75% 50%"),
                  (B, "Reset Done"), MORE], id="player menu"),
]


@pytest.mark.parametrize("lines", CASES)
def test_leaked_chrome(lines):
    pairs = [HEADLINE, *lines, *TRAILER]
    dump = "\n".join(text for _, text in pairs) + "\n"
    got = [(line.kind, line.text) for line in pagedump.tokenize(dump, dialect="daily8")]
    assert got == pairs


def test_a_fragment_of_chrome_only_has_no_paragraphs():
    dump = "\n".join([HEADLINE[1], "Moorside Gazette", "Valley Echo", "Dale Times",
                      "The Northern Herald", *(text for _, text in TRAILER)]) + "\n"
    page = pagedump.parse(dump, dialect="daily8")
    assert page.article is not None
    assert page.article.paragraphs == ()
