"""The first pass of the article layout: what each line of a page says on its own.

Every line is judged by the evidence it carries, the way jusText judges paragraphs:
its length, how it ends, its share of function words, title-case labels, chrome
phrases, repeats elsewhere on the page. Each line gets a class (*good*, prose;
*near-good*; *short*; *bad*, chrome) and a weight for the region search
(:mod:`pagedump._layouts.article.region`): prose weighs its length, the rest costs.
"""

from __future__ import annotations

import functools
import re

import attrs

from pagedump._dialects import Dialect
from pagedump._lines import LONG
from pagedump._text import CLAUSE_ENDS, WORD_EDGES, starts_capitalised
from pagedump._tokens import LineKind, Role

__all__ = [
    "BAD",
    "CAPTION",
    "COST_ITEM",
    "CUT",
    "DIGIT",
    "GOOD",
    "NEAR",
    "SHORT",
    "WALL",
    "ArticleData",
    "ArticlePage",
    "article_data",
    "first_pass",
    "is_caption",
    "title_like",
    "words_of",
]


# Line classes of the first pass.
BAD, SHORT, NEAR, GOOD = 0, 1, 2, 3
# The weight of a caption on a page that is no gallery: no story, and no chrome either.
CAPTION = -0.5


# The most words a menu item or link label has.
_LABEL_WORDS = 6
# How a teaser cut to length ends.
CUT = ("...", "…", "[…]", "[...]")
# How much of a prose line identifies it when it is printed again.
_PREFIX = 40
# Past this many non-prose lines in a row, each further one costs the same.
_RUN_CAP = 8
# What a non-prose line costs the run it stands in (times its place in its run of
# non-prose lines, halved): chrome, a short line with a date, a line printed more than
# once, any other short line.
_COST_BAD = 120.0
_COST_STAMP = 60.0
_COST_REPEAT = 40.0
_COST_SHORT = 25.0
COST_ITEM = 5.0
# What a near-good line (prose-like, but short or poor in function words) weighs per
# character; a good line weighs 1 per character.
_NEAR_WEIGHT = 0.3
# The weight of a line the story never runs across.
WALL = -1e9
# Every printed date has a digit: a cheap test before the date pattern runs.
DIGIT = re.compile(r"\d")
# The characters of a long line whose words are looked at.
_LONG_SAMPLE = 400
# A caption's credit: at most this many characters and spaces, after a caption of at
# least this many characters.
_CREDIT_NAME = 70
_CREDIT_WORDS = 8
_CAPTION_CHARS = 30
# An agency's name in capitals after a caption's full stop: this many letters.
_AGENCY_CHARS = (2, 6)
# A page where captions are at least this share of the prose lines, and this many, is a
# gallery: its captions are its story.
_GALLERY_SHARE = 0.5
_GALLERY_CAPTIONS = 3
# A credit that names a video, not a picture ("Video / Outlet", "Video: Name").
_VIDEO = re.compile(r"(?i:video)\b")
# How many captions on each side make an uncredited line one more item of a carousel.
_CAROUSEL_SIDE = 2
# How often a closing heading is printed when it repeats under each item of a thread.
_THREAD = 4
# The word a consent notice names: a line with it speaks of the page, not the story.
_CONSENT_WORDS = frozenset(("cookie", "cookies"))
# Words sampled for the function-word share: enough to judge any paragraph.
_SAMPLE = 60


@attrs.frozen
class ArticleData:
    """A dialect's article data in the form the pass uses, built once.

    Chrome phrases are looked up as word n-grams in a set rather than matched by one
    big case-insensitive alternation: a line's few words cost a few set lookups.
    """

    function_words: frozenset[str]
    chrome_phrases: frozenset[str]
    chrome_heads: frozenset[str]
    chrome_symbols: tuple[str, ...]
    footer_phrases: frozenset[str]
    end_phrases: frozenset[str]
    credit: re.Pattern[str] | None
    credit_words: frozenset[str]
    longest_phrase: int
    byline: re.Pattern[str] | None
    byline_alone: frozenset[str]
    date: re.Pattern[str] | None
    separators: tuple[str, ...]


@functools.lru_cache(maxsize=16)
def article_data(dialect: Dialect) -> ArticleData:
    # Markers without a letter ("©") are found anywhere, glued or not, not as words.
    symbols = tuple(m for m in dialect.chrome_markers if not any(map(str.isalpha, m)))
    phrases = {" ".join(words_of(m)) for m in dialect.chrome_markers if m not in symbols}
    phrases.discard("")
    byline = None
    if dialect.byline_markers:
        words = "|".join(map(re.escape, sorted(dialect.byline_markers, key=len, reverse=True)))
        byline = re.compile(rf"(?i:{words}):?\s+[\"“@]?(?P<name>[^\W\d_])")
    return ArticleData(
        function_words=dialect.function_words,
        chrome_phrases=frozenset(phrases),
        chrome_heads=frozenset(p.split(" ", 1)[0] for p in phrases),
        footer_phrases=frozenset(" ".join(words_of(m)) for m in dialect.footer_markers),
        end_phrases=frozenset(" ".join(words_of(m)) for m in dialect.end_markers),
        credit=_credit_pattern(dialect.credit_markers),
        credit_words=frozenset(m.casefold() for m in dialect.credit_markers),
        chrome_symbols=symbols,
        longest_phrase=max((p.count(" ") + 1 for p in phrases), default=0),
        byline=byline,
        byline_alone=frozenset(m.casefold() for m in dialect.byline_markers)
        | frozenset(m.casefold() + ":" for m in dialect.byline_markers),
        date=re.compile(dialect.date_pattern) if dialect.date_pattern else None,
        separators=dialect.title_separators,
    )


def _credit_pattern(markers: tuple[str, ...]) -> re.Pattern[str] | None:
    """A caption's credit at the end of a line: a label, a colon and a short name."""
    words = "|".join(map(re.escape, sorted(markers, key=len, reverse=True)))
    label = rf"(?:\b(?i:{words})\s?[:/]|\((?i:{words})\s?:?|©)" if words else "©"
    # The name has no sentence end in it and is a few words long.
    return re.compile(rf"{label}\s?[^\s.!?](?:[^.!?]|\.(?!\s)){{0,{_CREDIT_NAME}}}$")


def is_caption(norm: str, data: ArticleData) -> bool:
    """Whether ``norm`` is a picture's caption: text that ends in the picture's credit."""
    return _credit_of(norm, data) is not None


def _credit_of(norm: str, data: ArticleData) -> str | None:
    """The credit ``norm`` ends in, if it is a caption (a picture's or a video's)."""
    if data.credit is None or len(norm) < _CAPTION_CHARS:
        return None
    lo = max(0, len(norm) - _CREDIT_NAME - 20)
    # Every credit has a colon, a slash, a bracket or a "©": most lines pass cheaply.
    if not any(norm.find(mark, lo) >= 0 for mark in ":/(©"):
        return _agency_after_stop(norm)
    found = data.credit.search(norm, lo)
    if found is None:
        return _bracketed_credit(norm)
    if found.start() < _CAPTION_CHARS // 2:
        return None
    credit = found.group()
    return credit if credit.count(" ") <= _CREDIT_WORDS else None


def _agency_after_stop(norm: str) -> str | None:
    """An agency in capitals after a caption's last full stop: "... in February. EFE".

    A sentence ends in a full stop, not in a word of capitals after one.
    """
    head, stop, agency = norm.rpartition(". ")
    if (stop and len(head) >= _CAPTION_CHARS // 2 and _AGENCY_CHARS[0] <= len(agency)
            <= _AGENCY_CHARS[1] and agency.isalpha() and agency.isupper()):
        return agency
    return None


def _bracketed_credit(norm: str) -> str | None:
    """A credit in brackets with no label: "(Name / Agency)", "(REUTERS/Name)", "(NASA via AP)".

    A photographer and an agency are split by a slash, or the agency is written in
    capitals; a sentence does not end in such a bracket.
    """
    if norm[-1] != ")":
        return None
    opening = norm.rfind("(")
    if opening < _CAPTION_CHARS // 2 or len(norm) - opening > _CREDIT_NAME:
        return None
    inner = norm[opening + 1:-1]
    if "/" in inner:
        return norm[opening:]
    # An agency in capitals follows a caption's sentence ("... on Monday. (AP)") or
    # credits a source ("(NASA via AP)"); right after a word it abbreviates the word
    # ("Entgeltumwandlung (EU)").
    before = norm[:opening].rstrip()
    if (before and (before[-1] in ".!?" or len(inner.split()) > 1)
            and any(len(word) >= 2 and word.isupper() for word in inner.split())):
        return norm[opening:]
    return None


def _carousel_gaps(norms: list[str], captions: set[int], classes: list[int]) -> set[int]:
    """Uncredited lines inside a run of captions: items of the same carousel.

    A carousel prints one caption per item and leaves the credit off some of them; a
    line with captions on both sides (two each way) is one more item, not the story.
    """
    gaps: set[int] = set()
    for c in captions:
        j = c + 1
        while j < len(norms) and not norms[j]:
            j += 1
        if j >= len(norms) or j in captions or classes[j] == BAD:
            continue
        before = _nonblank(norms, j, -1)
        after = _nonblank(norms, j, 1)
        if all(k in captions for k in before) and all(k in captions for k in after):
            gaps.add(j)
    return gaps


def _nonblank(norms: list[str], i: int, step: int) -> list[int]:
    """The ``_CAROUSEL_SIDE`` non-blank lines next to line ``i``, going ``step``."""
    found: list[int] = []
    j = i + step
    while 0 <= j < len(norms) and len(found) < _CAROUSEL_SIDE:
        if norms[j]:
            found.append(j)
        j += step
    return found if len(found) == _CAROUSEL_SIDE else [-1]


def _ends_story(norm: str, data: ArticleData) -> bool:
    words = words_of(norm)
    return 0 < len(words) <= 3 and " ".join(words) in data.end_phrases


def words_of(text: str) -> list[str]:
    """The lower-case words of ``text``, punctuation stripped from their ends."""
    out: list[str] = []
    for raw in text.lower().split():
        word = raw.strip(WORD_EDGES)
        if word:
            out.append(word)
    return out


def _chrome_hits(tokens: list[str], data: ArticleData) -> tuple[int, set[str]]:
    """How many characters of chrome phrases ``tokens`` hold, and which ones.

    Longest phrase first at each position, so "sign in" counts once, not as "sign".
    """
    phrases = data.chrome_phrases
    longest = data.longest_phrase
    covered = 0
    found: set[str] = set()
    heads = data.chrome_heads
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i] not in heads:
            i += 1
            continue
        for size in range(min(longest, n - i), 0, -1):
            phrase = " ".join(tokens[i:i + size]) if size > 1 else tokens[i]
            if phrase in phrases:
                covered += len(phrase)
                found.add(phrase)
                i += size
                break
        else:
            i += 1
    return covered, found


def _fw_share(tokens: list[str], function_words: frozenset[str]) -> float:
    sample = tokens[:_SAMPLE]
    hits = 0
    for word in sample:
        if word in function_words:
            hits += 1
    return hits / len(sample) if sample else 0.0


def _label_like(norm: str) -> bool:
    """A menu item, a tab or a link: a few capitalised words, no digits, no sentence."""
    words = norm.split()
    if len(words) > _LABEL_WORDS:
        return False
    if norm[-1] in CLAUSE_ENDS and norm[-1] not in "\"')”’»":
        return False
    for word in words:
        first = word[0]
        if first.isdigit() or (first.isalpha() and not first.isupper() and len(word) > 3):
            return False
    return True


def title_like(norm: str) -> bool:
    """A line shaped like a title or heading: short, capitalised, not a finished sentence."""
    if not 3 <= len(norm) <= 200:
        return False
    if not (starts_capitalised(norm) or not norm[0].isascii()):
        return False
    last = norm[-1]
    return last not in ".,;:|" or norm.endswith("...")


@attrs.define
class ArticlePage:
    """The lines of one page and what the first pass learnt about them."""

    norms: list[str]
    data: ArticleData
    classes: list[int]
    weights: list[float]
    kinds: list[LineKind | None]
    roles: list[Role]
    values: list[str | None]

    def nonblank_before(self, i: int, count: int) -> list[int]:
        found: list[int] = []
        j = i - 1
        while j >= 0 and len(found) < count:
            if self.norms[j]:
                found.append(j)
            j -= 1
        return found


@attrs.define
class LineEvidence:
    """What the lines of a page say on their own (parallel lists, one entry per line).

    Attributes:
        lengths: Length in characters, tripled for unspaced scripts.
        shares: Share of function words among the line's first words.
        classes: ``BAD`` for chrome, else ``-1`` until the page's language is known.
        walls: Lines holding a rights notice.
        counts: How often each short line is printed on the page.
    """

    lengths: list[int] = attrs.Factory(list)
    shares: list[float] = attrs.Factory(list)
    classes: list[int] = attrs.Factory(list)
    walls: set[int] = attrs.Factory(set)
    counts: dict[str, int] = attrs.Factory(dict)


def _read_lines(norms: list[str], data: ArticleData) -> LineEvidence:
    """Read each line alone: its length, its function words, its chrome phrases."""
    found = LineEvidence()
    counts = found.counts
    for norm in norms:
        if norm and len(norm) <= 150:
            counts[norm] = counts.get(norm, 0) + 1
    function_words, symbols = data.function_words, data.chrome_symbols
    lengths, shares, classes = found.lengths, found.shares, found.classes
    # A page whose title names cookies is about them (a recipe), not about its consent.
    title = next((norm for norm in norms if norm), "")
    consent = _CONSENT_WORDS.difference(words_of(title[:LONG]))
    for i, norm in enumerate(norms):
        n = len(norm)
        if not n:
            lengths.append(0)
            shares.append(0.0)
            classes.append(SHORT)
            continue
        # Only prose is longer than the sample: its first words tell enough.
        sample = norm if n <= _LONG_SAMPLE else norm[:_LONG_SAMPLE]
        tokens = words_of(sample)
        if len(sample) > 12 * max(len(tokens), 1) and not sample.isascii():
            # A script written without spaces (Chinese, Japanese, Thai) packs a
            # sentence into fewer characters: weigh it as the spaced languages do.
            n *= 3
        lengths.append(n)
        share = _fw_share(tokens, function_words) if len(tokens) >= 4 else 0.0
        shares.append(share)
        if consent and not consent.isdisjoint(tokens):
            # A line that names the site's cookies asks for consent: it is about the
            # page, however much it reads like prose.
            classes.append(BAD)
            continue
        if n > LONG:
            classes.append(-1)
            continue
        covered, phrases = _chrome_hits(tokens, data)
        distinct = len(phrases)
        for symbol in symbols:
            if symbol in norm:
                covered, distinct = covered + len(symbol), distinct + 1
        if phrases and not phrases.isdisjoint(data.footer_phrases):
            found.walls.add(i)
        # A chrome phrase makes a line interface when it is most of the line
        # ("Share this", "Privacy Policy"), or when the line names several kinds of
        # chrome (a cookie notice names cookies, the privacy policy, accepting);
        # "Meal Prep Menu for Plan A" is content, and a sentence ("Home Depot shares
        # are up 39 percent.") needs three.
        sentence = len(tokens) >= 6 and norm[-1] in CLAUSE_ENDS and share >= 0.2
        needed = 2 if n <= 100 and not sentence else 3
        classes.append(BAD if distinct and (covered * 3 >= n or distinct >= needed) else -1)
    return found


def _settle(norm: str, n: int, share: float, *, known: bool) -> int:
    """The class of a line that is not chrome: good, near-good or short."""
    # In a language without function-word data, shape alone decides.
    if n >= 80 and (share >= 0.2 or not known) and (norm[-1] in CLAUSE_ENDS or n >= 150):
        return GOOD
    if n >= 40 and (share >= 0.1 or not known):
        return NEAR
    return SHORT


def first_pass(norms: list[str], data: ArticleData) -> tuple[list[int], list[float]]:
    """Class and weight of every line, from the line alone and its repeats."""
    found = _read_lines(norms, data)
    lengths, shares, classes, counts = found.lengths, found.shares, found.classes, found.counts
    prose = [s for s, n in zip(shares, lengths, strict=True) if n >= 100]
    known = bool(prose) and sum(1 for s in prose if s >= 0.15) >= 0.3 * len(prose)
    credits = {i: credit for i, norm in enumerate(norms)
               if lengths[i] >= _CAPTION_CHARS and classes[i] != BAD
               and (credit := _credit_of(norm, data)) is not None}
    # A video's caption describes a clip the text does not hold: a carousel of videos
    # is never a gallery's story.
    pictures = sum(1 for credit in credits.values() if not _VIDEO.match(credit))
    wordy = sum(1 for i, n in enumerate(lengths) if n >= 40 and classes[i] != BAD)
    gallery = pictures >= _GALLERY_CAPTIONS and pictures >= _GALLERY_SHARE * wordy
    captions = set(credits)
    if len(captions) >= 2 * _CAROUSEL_SIDE:
        captions |= _carousel_gaps(norms, captions, classes)
    seen: dict[str, str] = {}  # first characters of prose lines: the line
    weights: list[float] = []
    run = 0  # non-prose lines since the last prose line
    for i, norm in enumerate(norms):
        n = lengths[i]
        if not n:
            weights.append(0.0)
            continue
        if i in found.walls or (counts.get(norm, 0) >= _THREAD and _ends_story(norm, data)):
            # A rights notice closes the page, and a closing heading printed again and
            # again is a thread's ("Reply" under each comment, "Share" under each
            # teaser): nothing after it is the story.
            weights.append(WALL)
            continue
        cls = classes[i]
        if i in captions:
            # A caption with its credit: a gallery's story, else beside the story.
            classes[i] = GOOD if gallery else SHORT
            weights.append(float(n) if gallery else CAPTION)
            run = 0 if gallery else run
            continue
        if cls == -1:
            cls = classes[i] = _settle(norm, n, shares[i], known=known)
        key = norm[:_PREFIX]
        earlier = seen.get(key) if cls >= NEAR and len(norm) >= _PREFIX else None
        if earlier is not None and (norm.startswith(earlier) or earlier.startswith(norm)):
            # A copy of prose printed before (a teaser of this story, a metadata blob
            # that repeats the whole text) is not more story.
            cls = classes[i] = BAD
        if cls >= NEAR and norm.endswith(CUT):
            # Cut short with an ellipsis: a teaser of another story.
            classes[i] = NEAR
            weight = -_COST_SHORT
            run += 1
        elif cls == GOOD or (cls == NEAR and not (
                title_like(norm) and norm[-1] not in CLAUSE_ENDS)):
            # Prose; a near-good line weighs less, and one shaped like a title (a
            # teaser's) is not prose at all.
            seen.setdefault(key, norm)
            weight = float(n) if cls == GOOD else n * _NEAR_WEIGHT
            run = 0
        else:
            weight = _cost(norm, cls, run + 1, data, counts)
            if weight == -COST_ITEM:
                pass  # content, not chrome: it does not lengthen the run
            elif weight != WALL:
                run += 1
        weights.append(weight)
    return classes, weights


def _cost(norm: str, cls: int, place: int, data: ArticleData, counts: dict[str, int]) -> float:
    """The (negative) weight of a non-prose line that would be ``place``-th in its run.

    Non-prose lines cost more the longer their run: one heading or caption inside a
    story costs little, a menu, a link list or a footer a lot.
    """
    if cls == BAD:
        base = _COST_BAD
    elif (data.date is not None and len(norm) <= 80 and DIGIT.search(norm)
          and (stamp := data.date.search(norm))):
        if len(stamp.group()) * 2 >= len(norm):
            # A line that is a date: items of a feed or a comment thread carry one
            # each, a story only in its header. The story does not run across it.
            return WALL
        base = _COST_STAMP
    elif counts.get(norm, 0) > 1:
        base = _COST_REPEAT  # printed again elsewhere on the page, as navigation is
    elif cls == SHORT and not _label_like(norm):
        # A short line that is no label (a list item, a table row, a short sentence)
        # reads as content.
        return -COST_ITEM
    else:
        base = _COST_SHORT
    return -base * min(place, _RUN_CAP) / 2


