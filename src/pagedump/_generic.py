"""The article layout: find the one story on an ordinary news page.

A news site's dump carries its story amid menus, footers, share widgets, cookie
notices, link lists, comment threads and related stories. Nothing marks where the
story is, so every line is judged by the evidence it carries, the way jusText judges
paragraphs: its length, how it ends, its share of function words, title-case labels,
chrome phrases, repeats elsewhere on the page. Then, in context:

1. Each line gets a class: *good* (prose), *near-good*, *short* or *bad* (chrome).
2. The main content region is the densest run of prose: the maximum-sum run of line
   weights (good lines weigh their length; chrome and short lines cost, the more the
   longer their run), so menus, footers and link lists fall outside while a heading
   or a caption inside the story does not break it. The story never runs across a
   line that is only a date (comments and feed items carry one each) or a rights
   notice, and a copy of the page's title just before a dense run anchors it.
3. The headline is a title-like line shortly before the region, preferably the one
   the page's title line (its first line, often ``"Headline - Site"``) repeats; the
   lines between it and the region hold the byline and the time.

Everything language-specific (function words, chrome phrases, byline words, month
names) is data in the :class:`~pagedump.Dialect`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from pagedump._dialects import Dialect, register_dialect
from pagedump._lines import LONG
from pagedump._tokens import LineKind, Role

__all__ = ["GENERIC", "read_article"]

_BLANK = LineKind.BLANK
_BOILERPLATE = LineKind.BOILERPLATE
_HEADLINE = LineKind.HEADLINE
_DATELINE = LineKind.DATELINE
_BODY = LineKind.BODY
_HEADING = LineKind.HEADING

# Line classes of the first pass.
_BAD, _SHORT, _NEAR, _GOOD = 0, 1, 2, 3

_WORD_EDGES = ".,;:!?\"'()[]{}«»“”„‘’‚<>…—–-*/|"
_SENTENCE_END = frozenset(".!?…:;\"'”’»)")
_OPENERS = frozenset("‘'\"“„«¿¡(")
# How many lines repeating the page title are tried as the headline.
_TITLE_CANDIDATES = 4
# How far after its headline (in lines) a story's first paragraph may start.
_HEADLINE_GAP = 25
# The share of the densest run's weight a run after the headline needs to win.
_ANCHOR_SHARE = 0.3
# The most words a menu item or link label has.
_LABEL_WORDS = 6
# How far before the body a copy of the title may stand, and how near a headline
# that is no copy must be (in non-blank lines).
_HEADLINE_LOOKBACK = 40
_HEADLINE_NEAR = 10
# Where the byline and the time are looked for: lines before the body when no
# headline was found, the body's first lines, lines above the headline.
_HEADER_LINES = 12
_BODY_HEAD_LINES = 4
_ABOVE_LINES = 3
# How a teaser cut to length ends.
_CUT = ("...", "…", "[…]", "[...]")
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
_COST_ITEM = 5.0
# What a near-good line (prose-like, but short or poor in function words) weighs per
# character; a good line weighs 1 per character.
_NEAR_WEIGHT = 0.3
# The weight of a line the story never runs across.
_WALL = -1e9
# Every printed date has a digit: a cheap test before the date pattern runs.
_DIGIT = re.compile(r"\d")
# The characters of a long line whose words are looked at.
_LONG_SAMPLE = 400
# Words sampled for the function-word share: enough to judge any paragraph.
_SAMPLE = 60


@attrs.frozen
class _Compiled:
    """A dialect's article data in the form the pass uses, built once.

    Chrome phrases are looked up as word n-grams in a set rather than matched by one
    big case-insensitive alternation: a line's few words cost a few set lookups.
    """

    function_words: frozenset[str]
    chrome_phrases: frozenset[str]
    chrome_heads: frozenset[str]
    chrome_symbols: tuple[str, ...]
    footer_phrases: frozenset[str]
    longest_phrase: int
    byline: re.Pattern[str] | None
    byline_alone: frozenset[str]
    date: re.Pattern[str] | None
    separators: tuple[str, ...]


@functools.lru_cache(maxsize=16)
def _compile(dialect: Dialect) -> _Compiled:
    # Markers without a letter ("©") are found anywhere, glued or not, not as words.
    symbols = tuple(m for m in dialect.chrome_markers if not any(map(str.isalpha, m)))
    phrases = {" ".join(_tokens(m)) for m in dialect.chrome_markers if m not in symbols}
    phrases.discard("")
    byline = None
    if dialect.byline_markers:
        words = "|".join(map(re.escape, sorted(dialect.byline_markers, key=len, reverse=True)))
        byline = re.compile(rf"(?i:{words}):?\s+[\"“@]?(?P<name>[^\W\d_])")
    return _Compiled(
        function_words=dialect.function_words,
        chrome_phrases=frozenset(phrases),
        chrome_heads=frozenset(p.split(" ", 1)[0] for p in phrases),
        footer_phrases=frozenset(" ".join(_tokens(m)) for m in dialect.footer_markers),
        chrome_symbols=symbols,
        longest_phrase=max((p.count(" ") + 1 for p in phrases), default=0),
        byline=byline,
        byline_alone=frozenset(m.casefold() for m in dialect.byline_markers)
        | frozenset(m.casefold() + ":" for m in dialect.byline_markers),
        date=re.compile(dialect.date_pattern) if dialect.date_pattern else None,
        separators=dialect.title_separators,
    )


def _tokens(text: str) -> list[str]:
    """The lower-case words of ``text``, punctuation stripped from their ends."""
    out: list[str] = []
    for raw in text.lower().split():
        word = raw.strip(_WORD_EDGES)
        if word:
            out.append(word)
    return out


def _chrome_hits(tokens: list[str], data: _Compiled) -> tuple[int, set[str]]:
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
    if norm[-1] in _SENTENCE_END and norm[-1] not in "\"')”’»":
        return False
    for word in words:
        first = word[0]
        if first.isdigit() or (first.isalpha() and not first.isupper() and len(word) > 3):
            return False
    return True


def _title_like(norm: str) -> bool:
    """A line shaped like a title or heading: short, capitalised, not a finished sentence."""
    if not 3 <= len(norm) <= 200:
        return False
    first = norm[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS or not first.isascii()):
        return False
    last = norm[-1]
    return last not in ".,;:|" or norm.endswith("...")


@attrs.define
class _Page:
    """The lines of one page and what the first pass learnt about them."""

    norms: list[str]
    data: _Compiled
    classes: list[int]
    weights: list[float]
    kinds: list[LineKind]
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
class _Evidence:
    """What the lines of a page say on their own (parallel lists, one entry per line).

    Attributes:
        lengths: Length in characters, tripled for unspaced scripts.
        shares: Share of function words among the line's first words.
        classes: ``_BAD`` for chrome, else ``-1`` until the page's language is known.
        walls: Lines holding a rights notice.
        counts: How often each short line is printed on the page.
    """

    lengths: list[int] = attrs.Factory(list)
    shares: list[float] = attrs.Factory(list)
    classes: list[int] = attrs.Factory(list)
    walls: set[int] = attrs.Factory(set)
    counts: dict[str, int] = attrs.Factory(dict)


def _evidence(norms: list[str], data: _Compiled) -> _Evidence:
    """Read each line alone: its length, its function words, its chrome phrases."""
    found = _Evidence()
    counts = found.counts
    for norm in norms:
        if norm and len(norm) <= 150:
            counts[norm] = counts.get(norm, 0) + 1
    function_words, symbols = data.function_words, data.chrome_symbols
    lengths, shares, classes = found.lengths, found.shares, found.classes
    for i, norm in enumerate(norms):
        n = len(norm)
        if not n:
            lengths.append(0)
            shares.append(0.0)
            classes.append(_SHORT)
            continue
        # Only prose is longer than the sample: its first words tell enough.
        sample = norm if n <= _LONG_SAMPLE else norm[:_LONG_SAMPLE]
        tokens = _tokens(sample)
        if len(sample) > 12 * max(len(tokens), 1) and not sample.isascii():
            # A script written without spaces (Chinese, Japanese, Thai) packs a
            # sentence into fewer characters: weigh it as the spaced languages do.
            n *= 3
        lengths.append(n)
        share = _fw_share(tokens, function_words) if len(tokens) >= 4 else 0.0
        shares.append(share)
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
        sentence = len(tokens) >= 6 and norm[-1] in _SENTENCE_END and share >= 0.2
        needed = 2 if n <= 100 and not sentence else 3
        classes.append(_BAD if distinct and (covered * 3 >= n or distinct >= needed) else -1)
    return found


def _settle(norm: str, n: int, share: float, *, known: bool) -> int:
    """The class of a line that is not chrome: good, near-good or short."""
    # In a language without function-word data, shape alone decides.
    if n >= 80 and (share >= 0.2 or not known) and (norm[-1] in _SENTENCE_END or n >= 150):
        return _GOOD
    if n >= 40 and (share >= 0.1 or not known):
        return _NEAR
    return _SHORT


def _first_pass(norms: list[str], data: _Compiled) -> tuple[list[int], list[float]]:
    """Class and weight of every line, from the line alone and its repeats."""
    found = _evidence(norms, data)
    lengths, shares, classes, counts = found.lengths, found.shares, found.classes, found.counts
    prose = [s for s, n in zip(shares, lengths, strict=True) if n >= 100]
    known = bool(prose) and sum(1 for s in prose if s >= 0.15) >= 0.3 * len(prose)
    seen: dict[str, str] = {}  # first characters of prose lines: the line
    weights: list[float] = []
    run = 0  # non-prose lines since the last prose line
    for i, norm in enumerate(norms):
        n = lengths[i]
        if not n:
            weights.append(0.0)
            continue
        if i in found.walls:
            # A rights notice closes the page: nothing after it is the story.
            weights.append(_WALL)
            continue
        cls = classes[i]
        if cls == -1:
            cls = classes[i] = _settle(norm, n, shares[i], known=known)
        key = norm[:_PREFIX]
        earlier = seen.get(key) if cls >= _NEAR and len(norm) >= _PREFIX else None
        if earlier is not None and (norm.startswith(earlier) or earlier.startswith(norm)):
            # A copy of prose printed before (a teaser of this story, a metadata blob
            # that repeats the whole text) is not more story.
            cls = classes[i] = _BAD
        if cls >= _NEAR and norm.endswith(_CUT):
            # Cut short with an ellipsis: a teaser of another story.
            classes[i] = _NEAR
            weight = -_COST_SHORT
            run += 1
        elif cls == _GOOD or (cls == _NEAR and not (
                _title_like(norm) and norm[-1] not in _SENTENCE_END)):
            # Prose; a near-good line weighs less, and one shaped like a title (a
            # teaser's) is not prose at all.
            seen.setdefault(key, norm)
            weight = float(n) if cls == _GOOD else n * _NEAR_WEIGHT
            run = 0
        else:
            weight = _cost(norm, cls, run + 1, data, counts)
            if weight == -_COST_ITEM:
                pass  # content, not chrome: it does not lengthen the run
            elif weight != _WALL:
                run += 1
        weights.append(weight)
    return classes, weights


def _cost(norm: str, cls: int, place: int, data: _Compiled, counts: dict[str, int]) -> float:
    """The (negative) weight of a non-prose line that would be ``place``-th in its run.

    Non-prose lines cost more the longer their run: one heading or caption inside a
    story costs little, a menu, a link list or a footer a lot.
    """
    if cls == _BAD:
        base = _COST_BAD
    elif (data.date is not None and len(norm) <= 80 and _DIGIT.search(norm)
          and (stamp := data.date.search(norm))):
        if len(stamp.group()) * 2 >= len(norm):
            # A line that is a date: items of a feed or a comment thread carry one
            # each, a story only in its header. The story does not run across it.
            return _WALL
        base = _COST_STAMP
    elif counts.get(norm, 0) > 1:
        base = _COST_REPEAT  # printed again elsewhere on the page, as navigation is
    elif cls == _SHORT and not _label_like(norm):
        # A short line that is no label (a list item, a table row, a short sentence)
        # reads as content.
        return -_COST_ITEM
    else:
        base = _COST_SHORT
    return -base * min(place, _RUN_CAP) / 2


def _region(weights: list[float]) -> tuple[int, int, float]:
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


def _anchored(weights: list[float], lo: int, hi: int) -> tuple[int, int, float]:
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


# Typographic quotes as the plain ones a page's title line prints.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"'})


def _fold(text: str) -> str:
    """Fold case and quotes: a title line prints ``'`` where the headline prints ``’``."""
    return text.casefold().translate(_QUOTES)


def _extend(weights: list[float], end: int) -> int:
    """Carry the story's end over the list that closes it.

    The densest run stops at its last prose line, but a story may end in a list (tour
    dates, results, ingredients) of short lines that are no labels: they cost little,
    and nothing but chrome or labels follows them.
    """
    n = len(weights)
    i = end
    while i < n:
        weight = weights[i]
        if weight in (0.0, -_COST_ITEM):
            i += 1
            if weight:
                end = i
        else:
            break
    return end


def _title_parts(title: str, separators: tuple[str, ...]) -> set[str]:
    parts = {_fold(title)}
    for sep in separators:
        if sep in title:
            for raw in title.split(sep):
                piece = raw.strip()
                # A headline is a phrase, not a site name ("National Review"), nor a
                # section ("Breaking News"); unspaced scripts have no words to count.
                if len(piece) >= 12 and (piece.count(" ") >= 2 or not piece.isascii()):
                    parts.add(_fold(piece))
    return parts


def _title_lines(page: _Page) -> list[int]:
    """Lines that repeat the page's title line (its first), or its headline part."""
    norms = page.norms
    first = next((i for i, norm in enumerate(norms) if norm), None)
    if first is None or len(norms[first]) > LONG:
        return []
    parts = _title_parts(norms[first], page.data.separators)
    shortest = min(map(len, parts))
    longest = max(map(len, parts))
    found: list[int] = []
    for i in range(first + 1, len(norms)):
        norm = norms[i]
        # casefold() may lengthen ("ß" to "ss"), never shorten.
        if shortest <= 2 * len(norm) and len(norm) <= longest and _fold(norm) in parts:
            found.append(i)
    return found


def _find_headline(page: _Page, start: int, titles: list[int]) -> int | None:
    """The headline when no run of prose follows a copy of the page's title.

    A copy of the title before the body wins; else the title-like line just before
    the body that shares most words with the title; else the title line itself.
    """
    norms = page.norms
    before = page.nonblank_before(start, _HEADLINE_LOOKBACK)
    copies = set(titles)
    for i in before:
        if i in copies:
            return i
    first = next((i for i, norm in enumerate(norms) if norm), None)
    if first is None:
        return None
    title_words = set(_tokens(norms[first][:LONG]))
    best, best_overlap = None, 0.5
    for i in before[:_HEADLINE_NEAR]:
        norm = norms[i]
        if (i == first or page.classes[i] == _BAD or not _title_like(norm)
                or len(norm.split()) < 3 or _is_dateline(page, i)):
            continue
        words = _tokens(norm)
        overlap = sum(1 for w in words if w in title_words) / len(words)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best is not None:
        return best
    title = norms[first]
    if first < start and page.classes[first] != _BAD and _title_like(title):
        return first  # the page's title line holds the headline
    return None


def _is_dateline(page: _Page, i: int) -> bool:
    norm = page.norms[i]
    if len(norm) > 150:
        return False
    data = page.data
    if _is_byline(norm, data):
        return True
    if norm.casefold() in data.byline_alone:
        return True
    return data.date is not None and data.date.search(norm) is not None


def _is_byline(norm: str, data: _Compiled) -> bool:
    """Whether a line is an author line: a byline word, then a capitalised name."""
    if data.byline is None:
        return False
    found = data.byline.match(norm)
    if found is None:
        return False
    # "By the end of the day ..." is a sentence; a name starts with a capital (or with
    # a letter of a script without case), and a byline is no long finished sentence.
    first = found["name"]
    return not (first.islower() or (norm[-1] in ".!?" and norm.count(" ") > 6))


def _header(page: _Page, headline: int | None, start: int, end: int) -> None:
    """Find the byline and the time near the headline.

    They stand between the headline and the body, or among the first lines of the
    body (after a standfirst), or just above the headline (a date over the title).
    """
    norms = page.norms
    lo = max(0, start - _HEADER_LINES)
    if headline is not None and headline + _HEADLINE_GAP >= start:
        lo = headline + 1
    # (A headline far above the body is the page's title line: the menus below it
    # are no header.)
    hi = start
    # The first few lines of the body may still be header; short ones only.
    seen = 0
    while hi < end and seen < _BODY_HEAD_LINES:
        if norms[hi]:
            seen += 1
        hi += 1
    timed = _datelines(page, range(lo, hi), start)
    if not timed and headline is not None:
        above = page.nonblank_before(headline, _ABOVE_LINES)
        _datelines(page, reversed(above), start, bylines=False)


def _datelines(page: _Page, lines: Iterable[int], start: int, *, bylines: bool = True) -> bool:
    """Mark byline and time lines among ``lines``; return whether a time was found."""
    data = page.data
    norms, kinds, roles, values = page.norms, page.kinds, page.roles, page.values
    timed = False
    after_marker = False
    for i in lines:
        norm = norms[i]
        # Past the body's start only short lines are candidates: "By Jane Doe" is a
        # byline, a paragraph that starts "By Monday" is not.
        if not norm or len(norm) > (150 if i < start else 80) or kinds[i] is _HEADLINE:
            continue
        if after_marker and len(norm) <= 60:
            kinds[i], roles[i] = _DATELINE, Role.BYLINE
            after_marker = False
            continue
        after_marker = False
        if bylines and norm.casefold() in data.byline_alone:
            # A bare "By" with the name on the next line: the name is the byline.
            kinds[i], roles[i] = _DATELINE, Role.NONE
            after_marker = True
            continue
        if bylines and len(norm) <= 100 and _is_byline(norm, data):
            kinds[i], roles[i] = _DATELINE, Role.BYLINE
            continue
        if not timed and data.date is not None and len(norm) <= 100 and _DIGIT.search(norm):
            found = data.date.search(norm)
            if found is not None:
                kinds[i], roles[i], values[i] = _DATELINE, Role.TIME, found.group().strip()
                timed = True
    return timed


def _body(page: _Page, start: int, end: int) -> None:
    """Settle the lines of the story's region: paragraphs, headings and chrome."""
    norms, classes, kinds, roles = page.norms, page.classes, page.kinds, page.roles
    weights = page.weights
    chrome = False
    for i in range(start, end):
        norm = norms[i]
        if not norm or kinds[i] is not _BOILERPLATE:
            continue
        cls = classes[i]
        if cls == _BAD:
            chrome = True
            continue
        if weights[i] > 0.0:
            chrome = False
            kinds[i], roles[i] = _BODY, Role.PARAGRAPH
        elif _is_heading(page, i, end, after_chrome=chrome):
            chrome = False
            kinds[i], roles[i] = _HEADING, Role.HEADING
        elif not chrome:
            # Short lines between paragraphs are the story's (list items, a short
            # sentence), unless a chrome line opened them (a link list, a widget).
            kinds[i], roles[i] = _BODY, Role.PARAGRAPH


def _is_heading(page: _Page, i: int, end: int, *, after_chrome: bool) -> bool:
    """A sub-heading: a short title-like line right before a paragraph.

    After chrome (an advertisement, a "Related" label) the paragraph must be a full
    one: a teaser's title stands before a teaser's shorter text.
    """
    norm = page.norms[i]
    if page.classes[i] != _SHORT or not _title_like(norm) or norm[-1] in _SENTENCE_END:
        return False
    nxt = i + 1
    while nxt < end and not page.norms[nxt]:
        nxt += 1
    return nxt < end and page.classes[nxt] >= (_GOOD if after_chrome else _NEAR)


def read_article(norms: list[str], dialect: Dialect,
                 ) -> tuple[list[LineKind], list[Role], list[str | None]]:
    """Classify the lines of an ordinary news page.

    Args:
        norms: The normal form of every line of the dump (blank lines are ``""``).
        dialect: The article dialect whose data to read the page with.

    Returns:
        Each line's kind, role and value (the printed time of a time line, else
        ``None``), one entry per line. It never raises on content.
    """
    data = _compile(dialect)
    n = len(norms)
    kinds = [_BLANK if not norm else _BOILERPLATE for norm in norms]
    roles = [Role.NONE] * n
    values: list[str | None] = [None] * n
    if not any(norms):
        return kinds, roles, values
    classes, weights = _first_pass(norms, data)
    page = _Page(norms=norms, data=data, classes=classes, weights=weights,
                 kinds=kinds, roles=roles, values=values)
    start, end, score = _region(weights)
    titles = _title_lines(page)
    headline = None
    # The story starts soon after its headline: a dense run right after a line that
    # repeats the page's title is the story even when a longer run (a footer's wall
    # of legalese, a comment thread) outweighs it.
    best = 0.0
    for t in titles[:_TITLE_CANDIDATES]:
        s, e, total = _anchored(weights, t + 1, t + 1 + _HEADLINE_GAP)
        # Equal runs follow two copies of the title: the fuller copy is the headline.
        better = total > best or (total == best and headline is not None
                                  and len(norms[t]) > len(norms[headline]))
        if better and total >= _ANCHOR_SHARE * score:
            best, start, end, headline = total, s, e, t
    if headline is None:
        headline = _find_headline(page, start, titles)
    if headline is not None:
        kinds[headline], roles[headline] = _HEADLINE, Role.HEADLINE
        text = norms[headline]
        for i, norm in enumerate(norms):
            if i != headline and (norm == text or (
                    i < headline and norm.startswith(text) and len(norm) <= LONG)):
                kinds[i], roles[i] = _HEADLINE, Role.COPY
    end = _extend(weights, end)
    _header(page, headline, start, end)
    _body(page, start, end)
    return kinds, roles, values


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS = _words(
    # English
    "a an the and or but nor if then than that this these those there here of in on at to"
    " for from by with without into onto over under about after before between through"
    " during against among is are was were be been being am has have had do does did will"
    " would shall should can could may might must not no it its he she they we you i me"
    " him her them us my your his their our who whom whose which what when where why how"
    " as so also just only very more most such all any each some other up out off"
    # German
    " der die das den dem des ein eine einen einem einer eines und oder aber sondern"
    " wenn dass daß als wie nicht kein keine ist sind war waren wird werden wurde wurden"
    " hat haben hatte hatten sein ich du er sie es wir ihr mit von zu zum zur bei nach aus"
    " für auf an in im am um über unter vor durch gegen ohne auch noch schon nur sich"
    " dieser diese dieses man so doch mehr sehr"
    # French
    " le la les l un une des du de d et ou mais donc car ni que qui quoi dont où ce cet"
    " cette ces il elle ils elles on nous vous je tu se sa son ses leur leurs est sont"
    " était ont a avait été être avoir pas ne plus dans sur sous pour par avec sans en au"
    " aux entre vers chez comme si aussi très tout tous"
    # Spanish
    " el los las una unos unas y o pero que quien cuyo donde cuando como lo le les se su"
    " sus es son era fue han ha había ser estar está están no más en con sin para por"
    " del al entre sobre hasta desde también muy este esta estos estas ese esa"
    # Italian
    " il lo gli i uno e ed ma che chi cui non è sono era erano ha hanno essere avere di"
    " da in con su per tra fra del della dei degli delle al alla ai agli alle nel nella"
    " nei sul sulla anche più come questo questa quello quella si ci ne"
    # Portuguese
    " o os as um uma uns umas e ou mas que não é são era foi tem têm ser estar de do da"
    " dos das em no na nos nas com sem para por pelo pela ao à aos às entre sobre também"
    " mais muito este esta isso seu sua"
    # Dutch
    " de het een en of maar dat die dit deze wie wat waar wanneer niet geen is zijn was"
    " waren wordt worden werd heeft hebben had van in op aan met voor door naar bij uit"
    " over om ook nog al er zich hij zij ze wij we"
    # Polish
    " i w we z ze na do od o u za po przez dla przy nad pod przed między oraz lub albo ale"
    " że który która które jak gdy jest są był była było były będzie nie to ten ta te"
    " tego się jego jej ich już też także tylko czy co"
    # Swedish, Danish, Norwegian
    " och att det som en ett är var har för med på av till den inte om jag og er af til"
    # Indonesian, Malay
    " yang dan di ke dari ini itu dengan untuk pada adalah tidak dalam akan juga atau"
    # Russian
    " и в во не на что с со как а то он она они по к но из у за от о же для это был была"
    # Turkish
    " ve bir bu da de için ile çok daha gibi olan"
)

_CHROME_MARKERS = (
    # English
    "subscribe", "subscription", "subscribers", "sign in", "sign up", "log in", "login",
    "log out", "register", "newsletter", "newsletters", "advertisement", "advertising",
    "advertise", "sponsored", "cookie", "cookies", "privacy policy", "privacy", "terms of use",
    "terms of service", "terms and conditions", "all rights reserved", "©", "copyright",
    "share", "shares", "share this", "tweet", "facebook", "twitter", "instagram",
    "linkedin", "whatsapp", "pinterest", "youtube", "reddit", "email", "e-mail", "print",
    "follow us", "read more", "read next", "related", "related articles", "recommended",
    "more stories", "most popular", "most read", "trending", "comments", "comment",
    "leave a comment", "leave a reply", "reply", "contact us", "about us", "skip to",
    "menu", "search", "home", "back to top", "click here", "loading", "load more",
    "show more", "sitemap", "careers", "rss", "accept", "manage preferences", "log-in",
    # Photo credits: a caption names the picture and its source
    "image", "images", "photo", "photos", "photograph", "picture", "credit", "getty",
    "getty images", "ap photo", "afp", "shutterstock", "istock", "file photo", "foto",
    "fotos", "bild", "imagen", "immagine", "zdjęcie", "fot",
    # German
    "abonnieren", "abo", "anmelden", "registrieren", "abmelden", "werbung", "anzeige",
    "datenschutz", "datenschutzerklärung", "impressum", "nutzungsbedingungen",
    "alle rechte vorbehalten", "teilen", "kommentare", "kommentar", "mehr zum thema",
    "weiterlesen", "mehr lesen", "startseite", "suche", "kontakt", "drucken",
    # French
    "s'abonner", "abonnez-vous", "abonnement", "se connecter", "connexion", "inscription",
    "publicité", "tous droits réservés", "mentions légales", "confidentialité",
    "partager", "partagez", "commentaires", "commentaire", "lire aussi", "à lire aussi",
    "lire la suite", "accueil", "recherche", "rechercher", "imprimer", "nous contacter",
    # Spanish
    "suscríbete", "suscribirse", "suscripción", "iniciar sesión", "regístrate",
    "publicidad", "todos los derechos reservados", "aviso legal", "política de privacidad",
    "compartir", "comparte", "comentarios", "comentario", "leer más", "te puede interesar",
    "lo más leído", "inicio", "buscar", "contacto", "imprimir",
    # Italian
    "abbonati", "iscriviti", "accedi", "pubblicità", "tutti i diritti riservati",
    "condividi", "commenti", "leggi anche", "leggi di più", "cerca", "contatti", "stampa",
    # Portuguese
    "assine", "assinante", "entrar", "cadastre-se", "publicidade",
    "todos os direitos reservados", "política de privacidade", "compartilhe",
    "compartilhar", "partilhar", "comentários", "leia também", "leia mais", "saiba mais",
    "pesquisar", "buscar", "contato", "contacto",
    # Dutch
    "abonneren", "abonnement", "inloggen", "aanmelden", "advertentie", "adverteren",
    "alle rechten voorbehouden", "delen", "reacties", "reageer", "lees meer", "lees ook",
    "zoeken",
    # Polish
    "subskrybuj", "prenumerata", "zaloguj", "zaloguj się", "zarejestruj", "reklama",
    "wszelkie prawa zastrzeżone", "polityka prywatności", "udostępnij", "komentarze",
    "komentarz", "czytaj więcej", "czytaj też", "czytaj także", "zobacz też",
    "zobacz także", "szukaj", "kontakt",
)

_BYLINE_MARKERS = (
    "By", "Written by", "Posted by", "Reporting by", "Words by", "Author", "Authors",
    "Von", "Autor", "Autorin", "Text", "Par", "Auteur", "Por", "Di", "A cura di", "Door",
    "Tekst", "Przez", "Autorka", "Av", "Oleh", "Автор",
)

# Month names and their abbreviations in the languages above; Polish prints the genitive.
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    "|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Okt|Dez|Mär"
    "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|janv|févr|avr|juil|sept|déc"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre|ene|abr|ago|dic"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|gen|mag|giu"
    "|lug|ott"
    "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|fev|out"
    "|dez"
    "|januari|februari|maart|mei|augustus|oktober"
    "|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października"
    "|listopada|grudnia|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień"
    "|wrzesień|październik|listopad|grudzień"
)
_CLOCK = (
    r"(?:,?\s(?:at\s|um\s|à\s|a\slas\s|alle\s|às\s|om\s|o\s|godz\.\s|-\s|\|\s)?"
    r"\d{1,2}[:.h]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?(?:Uhr|[A-Z]{2,4}))?)?"
)
_DATE = (
    r"(?i:"
    # 20 November 2019, 20. November 2019, 20 de noviembre de 2019
    rf"\b\d{{1,2}}\.?\s(?:de\s)?(?:{_MONTHS})\.?,?\s(?:de\s)?\d{{4}}"
    # November 20, 2019; Nov. 19, 2019
    rf"|\b(?:{_MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}"
    # 2019-11-20, 20.11.2019, 20/11/2019
    r"|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?"
    r"|\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}(?!\d))"
    rf"){_CLOCK}"
)

GENERIC = Dialect(
    name="generic",
    layout="article",
    description="Ordinary news pages: one story amid a site's menus, footers and links.",
    function_words=_FUNCTION_WORDS,
    chrome_markers=_CHROME_MARKERS,
    footer_markers=(
        "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "tutti i diritti riservati",
        "todos os direitos reservados", "alle rechten voorbehouden",
        "wszelkie prawa zastrzeżone",
    ),
    byline_markers=_BYLINE_MARKERS,
    date_pattern=_DATE,
    title_separators=(" - ", " | ", " – ", " — ", " :: ", " « ", " » ", " · ", ": "),
    date_formats=("%B %d, %Y", "%b. %d, %Y", "%d.%m.%Y", "%d.%m.%Y %H:%M", "%Y-%m-%d"),
    dayfirst=True,
)

register_dialect(GENERIC)
