"""The story's region on an ordinary page, and the lines inside it.

The main content is the densest run of prose: the maximum-sum run of line weights
(Kadane), so menus, footers and link lists fall outside while a heading or a caption
inside the story does not break it. A run right after a copy of the page's title is
preferred (:func:`anchored_run`), and a story may end in a list of short lines
(:func:`extend_over_list`). Inside the region, short lines become sub-headings or
list items, and chrome stays chrome (:func:`settle_region`).
"""

from __future__ import annotations

from pagedump._layouts.article.ending import BOX_LINKS, is_end_heading
from pagedump._layouts.article.evidence import (
    BAD,
    CAPTION,
    COST_ITEM,
    CUT,
    DIGIT,
    GOOD,
    NEAR,
    SHORT,
    WALL,
    ArticleData,
    ArticlePage,
    title_like,
    words_of,
)
from pagedump._text import CLAUSE_ENDS
from pagedump._tokens import LineKind, Role

__all__ = ["anchored_run", "claim_lead", "claim_list_before", "claim_standfirst",
           "cut_last_line", "densest_run", "extend_over_list", "open_story", "settle_region"]


# The longest label of a link to another story ("Das könnte Sie auch interessieren:").
_TEASER_LABEL = 40
# How many lines (the date among them) may stand between a lead and the story.
_LEAD_GAP = 6
# What a line right before the story may cost and still open it.
_OPENER_COST = 50.0
# A line of near-prose of at least this many words right over the story is its standfirst.
_STANDFIRST_WORDS = 10
# A standfirst under the header that ends in an ellipsis is at least this long.
_STANDFIRST_CHARS = 100
# How many lines before the story may open it.
_OPENERS = 6
# A credit alone on its line: at most this many characters, and words in its name.
_CREDIT_LINE_CHARS = 50
_CREDIT_LINE_WORDS = 5
_NAME_SEPARATORS = frozenset("/|&-–")

# A heading of at least this many words must share a word with its neighbours; words
# agree on their first letters, within a paragraph's first characters.
_TOPIC_WORDS = 9
_STEM = 5
_TOPIC_SAMPLE = 600

# A list with at least this many rows of options, a third of its lines or more, is a
# widget's settings; a row of options has at least this many words.
_OPTION_ROWS = 3
_OPTION_SHARE = 3
_OPTION_WORDS = 4

# A list that closes a story has at least this many items, most of them (this share)
# alike: each starting with a figure, or each split by the same separator. Without a
# list, only short statements close it.
_STATEMENT_ENDS = frozenset(".\"'”’»")
_LIST_ITEMS = 3
_LIST_SHARE = 0.8
# A list before the story: lines of at most this many characters, at most this many
# of them.
_LIST_LINE = 100
_LIST_REACH = 40
_LIST_HEADINGS = 2
_LIST_SEPARATORS = (" -- ", " – ", " — ", " - ", ": ", " | ", ", ")

# A box of links inside the story holds at least so many titles under its heading (and
# at most BOX_LINKS lines).
_BOX_TITLES = 3

# A box of calls to the reader inside the story ("Help us!", "Donate now!"): this many
# exclamations at least, among lines that are all exclamations or questions, each at
# most so long (a letter's paragraphs may exclaim too).
_CALLS = 2
_CALL_CHARS = 80
_CALL_ENDS = ("!", "?")

_BOILERPLATE = LineKind.BOILERPLATE
_BODY = LineKind.BODY
_HEADING = LineKind.HEADING


def densest_run(weights: list[float]) -> tuple[int, int, float]:
    """The maximum-sum run of weights (Kadane): the main content, as ``[start, end)``."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0.0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end, best


def anchored_run(weights: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    """The maximum-sum run that starts in ``[lo, hi)``, as ``[start, end)`` and its sum."""
    n = len(weights)
    # Suffix maxima of prefix sums: the best end for any start, in one backward pass.
    prefix = [0.0] * (n + 1)
    for i, weight in enumerate(weights):
        prefix[i + 1] = prefix[i] + weight
    best_end = [0] * (n + 1)
    best_end[n] = n
    for i in range(n - 1, lo - 1, -1):
        nxt = best_end[i + 1]
        best_end[i] = i + 1 if prefix[i + 1] >= prefix[nxt] else nxt
    best = (lo, lo, 0.0)
    for s in range(lo, min(hi, n)):
        if weights[s] <= 0.0:
            continue
        e = best_end[s]
        total = prefix[e] - prefix[s]
        if total > best[2]:
            best = (s, e, total)
    return best


def extend_over_list(page: ArticlePage, end: int) -> int:
    """Carry the story's end over the list that closes it.

    The densest run stops at its last prose line, but a story may end in a list (tour
    dates, results, ingredients) of short lines that are no labels: they cost little,
    and nothing but chrome or labels follows them. A list of a widget's options (a
    video player's settings: "Text opacity 100% 75% 50% 25%") is the widget's, not
    the story's.
    """
    weights = page.weights
    n = len(weights)
    i = end
    carried = end
    while i < n:
        weight = weights[i]
        if weight in (0.0, -COST_ITEM):
            i += 1
            if weight:
                carried = i
        else:
            break
    if carried == end:
        return end
    items = [i for i in range(end, carried) if page.norms[i]]
    norms = [page.norms[i] for i in items]
    options = sum(1 for norm in norms if _is_option_row(norm, page.data.function_words))
    if options >= _OPTION_ROWS and options * _OPTION_SHARE >= len(norms):
        return end
    if len(norms) >= _LIST_ITEMS and _same_shape(norms):
        return carried
    # No list: the story may still close on a short sentence or two ("Thanks, Junior!"),
    # but a label, a title or a cut teaser after the story is chrome.
    for i, norm in zip(items, norms, strict=True):
        if not _closing_sentence(norm):
            break
        end = i + 1
    return end


def _closing_sentence(norm: str) -> bool:
    """A short line that reads as a statement: words, a full stop (or a quote), no cut.

    A question or an exclamation after the story speaks to the reader ("Sie wollen
    mehr von uns?", "Follow us!"): a prompt, not the story's last word.
    """
    return (norm[-1] in _STATEMENT_ENDS and norm.count(" ") >= 2
            and not norm.endswith(CUT))


def _same_shape(norms: list[str]) -> bool:
    """Whether most lines share a shape, as a list's items do: a figure first, or a separator."""
    needed = _LIST_SHARE * len(norms)
    if sum(1 for norm in norms if norm[0].isdigit()) >= needed:
        return True
    return any(sum(1 for norm in norms if sep in norm) >= needed for sep in _LIST_SEPARATORS)


def _is_option_row(norm: str, function_words: frozenset[str]) -> bool:
    """A setting's row of choices: a name, then capitalised words or figures, no sentence.

    "Quality Auto 1080p 720p 480p", "Text colour White Yellow Green Cyan".
    """
    if norm[-1] in CLAUSE_ENDS or "," in norm:
        return False
    words = norm.split()
    if len(words) < _OPTION_WORDS:
        return False
    lower = 0
    for word in words[2:]:
        first = word[0]
        if not (first.isupper() or first.isdigit()):
            lower += 1
            if lower > 1:
                return False
    return all(word.casefold() not in function_words for word in words)


def cut_last_line(page: ArticlePage, end: int) -> int:
    """Carry the story's end over the dump's last line when the dump is cut inside it.

    A fragment that stops mid-sentence right after the story ("Visitors she") ends in
    a piece of the story's next paragraph (perhaps under its sub-heading): words, the
    last in lower case, no chrome.
    """
    norms = page.norms
    last = len(norms) - 1
    while last >= end and not norms[last]:
        last -= 1
    between = [i for i in range(end, last) if norms[i]]
    # A sub-heading may stand over the cut paragraph.
    if last < end or page.classes[last] == BAD or len(between) > 1 or any(
            page.classes[i] != SHORT or not title_like(norms[i]) for i in between):
        return end
    norm = norms[last]
    words = norm.split()
    if len(words) >= 2 and norm[-1].isalpha() and norm[-1].islower() and words[-1].islower():
        return last + 1
    return end


def claim_list_before(page: ArticlePage, start: int) -> None:
    """Claim the list right before the story's first paragraph: its items are the story's.

    A recipe prints its ingredients, a guide its materials, before the steps: short
    lines that each start with a figure ("250 g flour", "2 tablespoons oil"), perhaps
    under a heading and split into groups ("For the filling:"). Each costs the run a
    little, and together they cut the list off from the prose below. Lines of such a
    list, most of them led by a figure, up to a line of chrome, prose or a date, are
    the story's.
    """
    norms, kinds, classes, weights = page.norms, page.kinds, page.classes, page.weights
    date = page.data.date
    lines: list[int] = []
    i = start - 1
    # Past the lines that already open the story (a sub-heading, a note on the steps).
    while i >= 0 and (not norms[i] or kinds[i] is _HEADING or kinds[i] is _BODY):
        i -= 1
    while i >= 0 and len(lines) < _LIST_REACH:
        norm = norms[i]
        if norm:
            if (kinds[i] is not _BOILERPLATE or classes[i] == BAD or weights[i] > 0.0
                    or weights[i] == WALL or len(norm) > _LIST_LINE
                    or (date is not None and DIGIT.search(norm) and date.search(norm))):
                break
            lines.append(i)
        i -= 1
    # An item is a figure and what it counts; a bare number is a counter (shares, votes).
    figures = [i for i in lines if norms[i][0].isdigit() and " " in norms[i]]
    if len(figures) < _LIST_ITEMS:
        return
    top = figures[-1]
    # The list's headings ("Ingredients", "For the filling:") stand right over its first item.
    for i in [i for i in lines if i < top][:_LIST_HEADINGS]:
        norm = norms[i]
        if len(norm) > _TEASER_LABEL or not (title_like(norm) or norm[-1] == ":"):
            break
        top = i
    claimed = [i for i in lines if i >= top]
    if len(figures) * 2 < len(claimed):
        return
    # The recipe's introduction: prose right over the list's headings.
    i = top - 1
    while i >= 0 and not norms[i]:
        i -= 1
    if i >= 0 and classes[i] == GOOD and weights[i] > 0.0 and kinds[i] is _BOILERPLATE:
        claimed.append(i)
    for i in claimed:
        norm = norms[i]
        if title_like(norm) and not norm[0].isdigit() and norm[-1] not in CLAUSE_ENDS:
            kinds[i], page.roles[i] = _HEADING, Role.HEADING
        else:
            kinds[i], page.roles[i] = _BODY, Role.PARAGRAPH


def claim_lead(page: ArticlePage, start: int) -> None:
    """Claim the story's lead when its header cuts it off from the rest.

    The story never runs across a line that is only a date (feed items and comments
    carry one each), but a story may print its date after its first paragraph; and a
    row of share buttons under the lead may cost more than the lead weighs. A full
    paragraph of prose a few lines before the story is its lead when a date stands
    between, or when it stands right under the headline.
    """
    norms, weights, classes = page.norms, page.weights, page.classes
    i, seen, dated = start - 1, 0, False
    while i >= 0 and seen <= _LEAD_GAP:
        if norms[i]:
            if page.kinds[i] is LineKind.HEADLINE:
                return  # a lead stands under its headline, not above it
            if weights[i] > 0.0:
                break
            seen += 1
            dated = dated or weights[i] == WALL
        i -= 1
    if i < 0 or weights[i] <= 0.0 or classes[i] != GOOD:
        return
    if not dated:
        # Without a date between, the lead must stand right under the headline, or
        # right under the story's byline or time: prose further up is another block.
        j, header = i - 1, False
        while j >= 0 and (not norms[j] or page.kinds[j] is LineKind.DATELINE):
            header = header or bool(norms[j])
            j -= 1
        if not header and (j < 0 or page.kinds[j] is not LineKind.HEADLINE):
            return
    kinds, roles = page.kinds, page.roles
    while i >= 0 and (not norms[i] or (weights[i] > 0.0 and classes[i] == GOOD)):
        if norms[i] and kinds[i] is _BOILERPLATE:
            kinds[i], roles[i] = _BODY, Role.PARAGRAPH
        i -= 1


def claim_standfirst(page: ArticlePage, headline: int, start: int) -> None:
    """Claim the paragraphs right under the headline (past its byline and time).

    A standfirst, the story's summary in a sentence or two, is the first paragraph of
    the story; the chrome between it and the rest (a byline block, share buttons, a
    picture's credit) may cost more than it weighs and cut it off from the run.
    """
    norms, kinds, weights, classes = page.norms, page.kinds, page.weights, page.classes
    i = headline + 1
    while i < start and (not norms[i] or kinds[i] is LineKind.DATELINE):
        i += 1
    if (i < start and classes[i] == NEAR and norms[i].endswith(CUT)
            and len(norms[i]) >= _STANDFIRST_CHARS and kinds[i] is _BOILERPLATE):
        # A standfirst that trails off to lure the reader on ("... eine lange Mähne...")
        # is the story's all the same, right under the header.
        kinds[i], page.roles[i] = _BODY, Role.PARAGRAPH
        i += 1
    while i < start and (not norms[i] or (weights[i] > 0.0 and classes[i] == GOOD)):
        if norms[i] and kinds[i] is _BOILERPLATE:
            kinds[i], page.roles[i] = _BODY, Role.PARAGRAPH
        i += 1


def open_story(page: ArticlePage, start: int) -> None:
    """Claim the lines right before the story's first paragraph that open the story.

    The run of prose starts at its first paragraph; a short line right before it (a
    sub-heading, an introductory question, a kicker) is the story's opening, and so
    are the content lines above it (a list, a short sentence), unless one is chrome,
    a caption, a single word, a dated meta line, or a line the page prints again (a
    menu's label).
    """
    i = start
    for n in range(_OPENERS):
        i -= 1
        while i >= 0 and not page.norms[i]:
            i -= 1
        # Above the first opener, only content lines (a list's items) go on, and
        # near-prose (a standfirst set as points).
        if i < 0 or not _opens(page, i, first=not n) or (
                n and page.weights[i] < -2 * COST_ITEM and page.classes[i] != NEAR):
            return
        norm = page.norms[i]
        if title_like(norm) and norm[-1] not in CLAUSE_ENDS:
            page.kinds[i], page.roles[i] = _HEADING, Role.HEADING
        else:
            page.kinds[i], page.roles[i] = _BODY, Role.PARAGRAPH


def _opens(page: ArticlePage, i: int, *, first: bool = False) -> bool:
    """Whether line ``i``, before the story, may be its opening."""
    norm = page.norms[i]
    if page.kinds[i] is not _BOILERPLATE or page.classes[i] == BAD:
        return False
    # A line printed again on the page, or deep in a run of labels, is navigation;
    # but a line of near-prose right over the first paragraph is its standfirst.
    if page.weights[i] == CAPTION or (page.weights[i] <= -_OPENER_COST and not (
            first and page.classes[i] == NEAR and norm.count(" ") + 1 >= _STANDFIRST_WORDS)):
        return False
    if " " not in norm:
        return False  # one word: a label or a stamp ("Sport", "12h", "subscribing")
    date = page.data.date
    if norm.count(" | ") >= 2 or (date is not None and DIGIT.search(norm)
                                  and date.search(norm)):
        return False  # a meta line ("Reuters | Lisbon | Updated: ...", "20 May 2024 14:05")
    # A caption that starts with its label ("FILE PHOTO: ...").
    label, colon, _ = norm.partition(":")
    last = label.rsplit(None, 1)[-1] if colon and label.strip() else ""
    return not (last and len(label) <= _TEASER_LABEL
                and last.casefold() in page.data.credit_words)


def settle_region(page: ArticlePage, start: int, end: int) -> None:
    """Settle the lines of the story's region: paragraphs, headings and chrome."""
    norms, classes, kinds, roles = page.norms, page.classes, page.kinds, page.roles
    weights = page.weights
    chrome = False
    box = False  # the line before was "Read also": this one is its link
    calls = _calls(page, start, end)
    later = set(norms[end:])
    for i in range(start, end):
        norm = norms[i]
        if not norm or kinds[i] is not _BOILERPLATE:
            continue
        if i in calls:
            chrome = True
            continue
        cls = classes[i]
        if box:
            box = False
            if cls != GOOD:
                continue
        if cls == BAD:
            chrome = True
            continue
        if weights[i] == CAPTION:
            continue  # a picture's caption: beside the story, not in it
        if weights[i] < 0.0 and _is_credit_line(norm, page.data.function_words,
                                                  page.data.credit_words):
            continue  # a picture's credit alone: beside the story, not in it
        if cls != GOOD and _is_inline_teaser(norm, page.data):
            continue  # "Read also: another story's title", inside the story
        if weights[i] < 0.0 and is_end_heading(norm, page.data):
            # "Read also" and its links, inside the story: a box the story goes on after.
            chrome = box = True
            continue
        if weights[i] <= 0.0 and norm in later:
            continue  # another story's title, printed again in a list after the story
        if weights[i] > 0.0:
            chrome = False
            kinds[i], roles[i] = _BODY, Role.PARAGRAPH
        elif _is_heading(page, i, end, after_chrome=chrome) and not (
                chrome and _in_link_box(page, i, start)):
            if _off_topic(page, i, start, end):
                continue  # another story's headline, printed inside this one
            chrome = False
            kinds[i], roles[i] = _HEADING, Role.HEADING
        elif not chrome:
            # Short lines between paragraphs are the story's (list items, a short
            # sentence), unless a chrome line opened them (a link list, a widget).
            kinds[i], roles[i] = _BODY, Role.PARAGRAPH


def _in_link_box(page: ArticlePage, i: int, start: int) -> bool:
    """Whether line ``i`` is the last of several titles in a box under a closing heading.

    A box of links ("Related stories" and three titles) stands inside the story; the
    last title, right over the story's next paragraph, is no sub-heading. After a box
    of one link ("Read also" and a title) a sub-heading may follow.
    """
    links = 0
    j = i - 1
    while j >= start and page.weights[j] <= 0.0 and links <= BOX_LINKS:
        norm = page.norms[j]
        if norm:
            if is_end_heading(norm, page.data):
                return links >= _BOX_TITLES - 1
            links += 1
        j -= 1
    return False


def _calls(page: ArticlePage, start: int, end: int) -> set[int]:
    """The lines of boxes that call on the reader inside the story.

    A story tells; a box between its paragraphs that only exclaims and asks ("Help
    us!", "Every donation helps!", "Donate now!") speaks to the reader for the site.
    A lone exclamation, or a run of questions (an FAQ's headings), is the story's.
    """
    norms, classes = page.norms, page.classes
    found: set[int] = set()
    group: list[int] = []
    for i in range(start, end + 1):
        if i < end:
            norm = norms[i]
            if not norm:
                continue
            if (classes[i] in (SHORT, NEAR) and len(norm) <= _CALL_CHARS
                    and norm.endswith(_CALL_ENDS)):
                group.append(i)
                continue
        if sum(1 for j in group if norms[j].endswith("!")) >= _CALLS:
            found.update(group)
        group = []
    return found


def _off_topic(page: ArticlePage, i: int, start: int, end: int) -> bool:
    """A long heading that shares no word with the paragraphs around it.

    A sub-heading names what its section is about ("Rail link to Laos border slips
    again" over a paragraph on the rail link); a headline of another story printed
    inside this one (a related-story box) speaks of something else. Short headings
    ("Fazit", "The numbers") are let be: they need not repeat a word.
    """
    norms = page.norms
    heading = norms[i]
    if heading.count(" ") + 1 < _TOPIC_WORDS:
        return False
    function_words = page.data.function_words
    stems = _stems(heading, function_words)
    if not stems:
        return False
    for step, bound in ((1, end), (-1, start - 1)):
        j = i + step
        while j != bound and (not norms[j] or page.weights[j] <= 0.0):
            j += step
        if j != bound and not stems.isdisjoint(_stems(norms[j], function_words)):
            return False
    return True


def _stems(text: str, function_words: frozenset[str]) -> set[str]:
    """The first letters of the content words of ``text`` ("tunnels" and "tunnel" agree)."""
    stems: set[str] = set()
    for raw in words_of(text[:_TOPIC_SAMPLE]):
        word = raw[:-2] if raw.endswith(("'s", "’s")) else raw
        if len(word) >= _STEM and word not in function_words:
            stems.add(word[:_STEM])
    return stems


def _is_inline_teaser(norm: str, data: ArticleData) -> bool:
    """A link to another story inside this one: a closing heading, a colon, a title."""
    colon = norm.find(":", 0, _TEASER_LABEL)
    if colon <= 0 or norm.count(" ", colon) < 2 or not data.end_phrases:
        return False
    return " ".join(words_of(norm[:colon])) in data.end_phrases


def _is_credit_line(norm: str, function_words: frozenset[str],
                    credit_words: frozenset[str]) -> bool:
    """A credit on its own line: a label word and a colon, or "©", then a name.

    "Text: Jane Roe", "(Credit: Jane Roe / Agency)", "© Agency | Jane Roe". The name is
    a few capitalised words with no function word and no digit, which no heading
    ("Fazit: Die Lage bleibt ernst") and no sentence is.
    """
    if len(norm) > _CREDIT_LINE_CHARS:
        return False
    if norm[0] == "(" and norm[-1] == ")":
        norm = norm[1:-1].strip()
    if not norm:
        return False
    if norm[0] == "©":
        name = norm[1:]
    elif "/" in norm and ":" not in norm:
        # "PAP/ Jane Roe", "Jane Roe / AFP": an agency in capitals, a slash, a name.
        agency, _, rest = norm.partition("/")
        if not (agency.strip().isupper() or rest.strip().isupper()):
            return False
        name = f"{agency} {rest}"
    else:
        label, colon, name = norm.partition(": ")
        if not colon or not label.isalpha() or not label[0].isupper():
            return False
        if label.casefold() in credit_words:
            return True  # "Foto: privat", "Bild: unsplash/Name"
    words = [word for word in name.split() if word not in _NAME_SEPARATORS]
    if not 1 <= len(words) <= _CREDIT_LINE_WORDS:
        return False
    for word in words:
        if not word[0].isupper() or word.casefold() in function_words or any(
                ch.isdigit() for ch in word):
            return False
    return True


def _is_heading(page: ArticlePage, i: int, end: int, *, after_chrome: bool) -> bool:
    """A sub-heading: a short title-like line right before a paragraph.

    After chrome (an advertisement, a "Related" label) the paragraph must be a full
    one: a teaser's title stands before a teaser's shorter text.
    """
    norm = page.norms[i]
    if page.classes[i] != SHORT or not title_like(norm) or norm[-1] in CLAUSE_ENDS:
        return False
    nxt = i + 1
    while nxt < end and not page.norms[nxt]:
        nxt += 1
    return nxt < end and page.classes[nxt] >= (GOOD if after_chrome else NEAR)


