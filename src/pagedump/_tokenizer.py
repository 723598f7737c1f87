"""Stage one: classify every line of a dump.

Classification runs in two passes, as jusText does. The first pass gives each line a
*shape* from the line alone (blank, chrome, a time, a bullet, plain text, ...) with one
combined, anchored regular expression per dialect. The second pass reads the shapes in
context to find the page's regions (header, body, trailer, related teasers, end block)
and settles each line's :class:`~pagedump.LineKind` and its *role* within its block,
which the parser uses to assemble records without looking at the text again.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence

import attrs

from pagedump._dialects import Dialect
from pagedump._generic import read_article
from pagedump._lines import LONG, normalize_all
from pagedump._patterns import gate_of, spaceless
from pagedump._sniff import sniff_split
from pagedump._tokens import LineKind, Role

__all__ = ["Tokens", "classify"]

_BLANK = LineKind.BLANK
_BOILERPLATE = LineKind.BOILERPLATE
_HEADLINE = LineKind.HEADLINE
_DATELINE = LineKind.DATELINE
_BODY = LineKind.BODY
_HEADING = LineKind.HEADING
_RELATED = LineKind.RELATED


class _Shape(enum.IntEnum):
    """What a line looks like on its own, before context is read."""

    BLANK = 0
    CHROME = 1
    JUNK = 2
    WIDGET = 3
    TIMED = 4
    TIME = 5
    BULLET = 6
    BYLINE = 7
    STAMP = 8
    LINK_OPEN = 9
    LINK_CLOSE = 10
    CAPTION = 11
    LISTING_TITLE = 12
    TEXT = 13


@attrs.frozen
class Tokens:
    """The tokenizer's full output, as parallel sequences (one entry per line).

    The sequences are the lists the tokenizer built, handed over without a copy:
    nothing changes them afterwards.

    Attributes:
        dialect: The dialect that classified the lines.
        lines: Each line as it stands in the dump.
        norms: Each line's normal form (see :func:`pagedump._lines.normalize`).
        kinds: Each line's kind.
        roles: Each line's role in its block.
        values: Per line, the text a role carries when it differs from the line
            (a bullet's label, a time without its ``time`` prefix); otherwise ``None``.
        listing: Whether the page is a listing.
        item_starts: The lines that begin a related item.
    """

    dialect: Dialect
    lines: Sequence[str]
    norms: Sequence[str]
    kinds: Sequence[LineKind]
    roles: Sequence[Role]
    values: Sequence[str | None]
    listing: bool
    item_starts: frozenset[int]


@attrs.frozen
class _Rules:
    """A dialect's patterns, compiled once."""

    exact: dict[str, _Shape]
    longest: int
    """The length of the longest exact phrase."""
    by_first: dict[str, re.Pattern[str]]
    """For each character a pattern can start with, those patterns, combined."""
    by_digit: re.Pattern[str] | None
    """The patterns that can start with any digit (Unicode digits included)."""
    solid: re.Pattern[str] | None
    ungated: re.Pattern[str] | None
    groups: dict[str, _Shape]
    captions: re.Pattern[str] | None
    credit_separators: tuple[str, ...]
    pipe_caption: str | None
    time: re.Pattern[str] | None
    glued: re.Pattern[str] | None
    author_item: re.Pattern[str] | None
    chrome_phrases: tuple[str, ...]
    meta: tuple[re.Pattern[str], ...]


# The longest line a label glued to a time, a bullet or a byline can plausibly be.
_SHORT = 120


@functools.lru_cache(maxsize=32)
def _rules(dialect: Dialect) -> _Rules:
    exact: dict[str, _Shape] = dict.fromkeys(dialect.junk_lines, _Shape.JUNK)
    exact.update(dict.fromkeys(dialect.chrome, _Shape.CHROME))
    exact.update(dict.fromkeys(dialect.widget_starts, _Shape.WIDGET))
    if dialect.link_block is not None:
        exact[dialect.link_block[0]] = _Shape.LINK_OPEN
        exact[dialect.link_block[1]] = _Shape.LINK_CLOSE
    time = dialect.time_pattern
    shaped: list[tuple[_Shape, str]] = []
    if time is not None:
        if dialect.time_prefix:
            shaped.append((_Shape.TIMED, f"{re.escape(dialect.time_prefix)}(?:{time})"))
        shaped.append((_Shape.TIME, time))
    if dialect.bullets:
        marks = "|".join(re.escape(b) for b in dialect.bullets)
        shaped.append((_Shape.BULLET, f"(?:{marks})\\S.{{0,{_SHORT}}}"))
    if dialect.stamp_pattern:
        shaped.append((_Shape.STAMP, dialect.stamp_pattern))
    if dialect.byline_pattern:
        shaped.append((_Shape.BYLINE, dialect.byline_pattern))
    if dialect.listing_title:
        shaped.append((_Shape.LISTING_TITLE, dialect.listing_title))
    shaped.extend((_Shape.JUNK, pattern) for pattern in dialect.junk_patterns)
    # Patterns whose first characters are known only run on lines that start with
    # one of them; most prose lines then skip them all.
    groups = {f"g{k}": shape for k, (shape, _) in enumerate(shaped)}
    by_first: dict[str, list[tuple[str, str]]] = {}
    by_digit: list[tuple[str, str]] = []
    solid: list[tuple[str, str]] = []  # cannot match a line holding a space
    ungated: list[tuple[str, str]] = []
    for name, (_, source) in zip(groups, shaped, strict=True):
        first = gate_of(source)
        if first is None:
            (solid if spaceless(source) else ungated).append((name, source))
            continue
        for char in first.chars:
            by_first.setdefault(char, []).append((name, source))
        if first.digits:
            by_digit.append((name, source))
    for char in "0123456789" if by_digit else "":
        by_first.setdefault(char, []).extend(
            pair for pair in by_digit if pair not in by_first[char])
    captions = None
    if dialect.credit_labels and dialect.credit_separators:
        labels = "|".join(map(re.escape, dialect.credit_labels))
        separators = "|".join(map(re.escape, dialect.credit_separators))
        ends = re.escape("".join(sorted(_CREDIT_ENDS)))
        captions = re.compile(rf"(?:{labels})(?:{separators})[A-Z][^{ends}]{{0,60}}\Z")
    return _Rules(
        exact=exact,
        longest=max(map(len, exact), default=0),
        by_first={char: _in_order(named) for char, named in by_first.items()},
        by_digit=_combine(by_digit),
        solid=_combine(solid),
        ungated=_combine(ungated),
        groups=groups,
        captions=captions,
        credit_separators=dialect.credit_separators,
        pipe_caption=dialect.pipe_caption,
        time=re.compile(f"(?:{time})") if time else None,
        glued=re.compile(f"(?P<label>.{{1,{_SHORT}}}?)(?P<time>{time})") if time else None,
        author_item=(
            re.compile(dialect.author_item_pattern) if dialect.author_item_pattern else None
        ),
        chrome_phrases=tuple(sorted(dialect.chrome | dialect.junk_lines)),
        meta=tuple(re.compile(pattern) for pattern in dialect.meta_patterns),
    )


def _in_order(named: list[tuple[str, str]]) -> re.Pattern[str]:
    """Several patterns combined in the dialect's order, whatever filed them together."""
    alternatives = "|".join(f"(?P<{name}>{source})"
                            for name, source in sorted(named, key=lambda pair: int(pair[0][1:])))
    return re.compile(f"(?:{alternatives})\\Z")


def _combine(named: list[tuple[str, str]]) -> re.Pattern[str] | None:
    """One pattern matching a whole line against several, each in a named group.

    The first alternative that matches wins, and ``match.lastgroup`` names it (the
    mistune way: one call per line, dispatch on the group).
    """
    if not named:
        return None
    alternatives = "|".join(f"(?P<{name}>{source})" for name, source in named)
    return re.compile(f"(?:{alternatives})\\Z")


def _shapes(norms: list[str], rules: _Rules) -> tuple[list[_Shape], list[int]]:
    """The first pass: each line's shape from the line alone.

    This runs on every line of every dump, so it is one loop with no calls it can
    avoid: an exact-phrase lookup and one combined anchored pattern. (Caption credits
    are looked for later, in the body only.)

    Returns:
        Each line's shape, and the indices of the lines that are neither blank nor
        plain text: the few the context pass looks for.
    """
    exact = rules.exact.get
    longest = rules.longest
    by_first = rules.by_first.get
    by_digit = rules.by_digit
    solid = rules.solid.match if rules.solid is not None else None
    ungated = rules.ungated.match if rules.ungated is not None else None
    pipe = rules.pipe_caption or ""
    pipe_end = pipe[-1:] or None  # a caption's last character: cheaper than endswith
    groups = rules.groups
    shapes: list[_Shape] = []
    marked: list[int] = []
    append = shapes.append
    text = _Shape.TEXT
    blank, caption = _Shape.BLANK, _Shape.CAPTION
    shape: _Shape | None
    for norm in norms:
        size = len(norm)
        if not size:
            append(blank)
            continue
        if size > LONG:
            # Phrases and patterns are for short lines: a long one is prose, unless
            # a caption ends it. (Not even hashed: that alone would read it whole.)
            shape = caption if norm[-1] == pipe_end and norm.endswith(pipe) else text
        else:
            # (A line longer than every phrase is not hashed for the lookup.)
            shape = exact(norm) if size <= longest else None
            if shape is None:
                found = None
                first = norm[0]
                gated = by_first(first)
                if gated is None and first > "\x7f" and by_digit is not None and first.isdigit():
                    gated = by_digit  # a digit of another script
                if gated is not None:
                    found = gated.match(norm)
                if found is None and solid is not None and " " not in norm:
                    found = solid(norm)
                if found is None and ungated is not None:
                    found = ungated(norm)
                if found is not None:
                    shape = groups[found.lastgroup or ""]
                elif norm[-1] == pipe_end and size > 12 and norm.endswith(pipe):
                    shape = caption
                else:
                    shape = text
        if shape is not text:
            marked.append(len(shapes))
        append(shape)
    return shapes, marked


# The longest line read as a photo caption, and what a credit's name never ends in
# (the tail of the caption pattern built in _rules).
_CAPTION_MAX = 400
_CREDIT_ENDS = frozenset(".!?:")


_END_PUNCT = frozenset(".!?\"'…”’)")
_OPENERS = frozenset("‘'\"“¿¡(")


def _ends_sentence(text: str) -> bool:
    return text[-1] in _END_PUNCT


def _looks_like_title(text: str) -> bool:
    """A headline-like line: starts like a title, short, and not a finished sentence."""
    if not 2 <= len(text) <= 250 or len(text.split()) > 30:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    return text[-1] not in ".,;:"


_HEADING_MAX = 120


def _looks_like_heading(text: str) -> bool:
    if len(text) > _HEADING_MAX or (text.count(" ") >= 16 and len(text.split()) > 16):
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    return text[-1] not in ".,;:!\"'…”’-–—|" or text.endswith("?")


def _starts_like_prose(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in _OPENERS


def _starts_paragraph(text: str) -> bool:
    return _starts_like_prose(text) and (len(text) >= 60 or _ends_sentence(text))


@attrs.define
class _Classifier:
    """The context pass: settles kinds and roles from shapes."""

    rules: _Rules
    dialect: Dialect
    norms: list[str]
    shapes: list[_Shape]
    kinds: list[LineKind | None]
    roles: list[Role]
    values: list[str | None]
    marked: list[int]
    """The lines whose shape is neither blank nor plain text, in order."""
    listing: bool = False
    item_starts: set[int] = attrs.Factory(set)

    # -- helpers ---------------------------------------------------------------

    def set(self, i: int, kind: LineKind, role: Role = Role.NONE, value: str | None = None) -> None:
        self.kinds[i] = kind
        self.roles[i] = role
        self.values[i] = value

    def next_nonblank(self, i: int, stop: int | None = None) -> int | None:
        shapes, blank = self.shapes, _Shape.BLANK
        end = len(shapes) if stop is None else stop
        while i < end:
            if shapes[i] is not blank:
                return i
            i += 1
        return None

    def prev_nonblank(self, i: int, stop: int = 0) -> int | None:
        shapes, blank = self.shapes, _Shape.BLANK
        while i >= stop:
            if shapes[i] is not blank:
                return i
            i -= 1
        return None

    def mark_copies(self, i: int, text: str, stop: int | None = None) -> int:
        """Mark repeats of ``text`` following line ``i``; return the line after the last."""
        j = self.next_nonblank(i + 1, stop)
        while j is not None and self.norms[j] == text:
            self.set(j, _HEADLINE if self.kinds[i] is _HEADLINE else _RELATED, Role.COPY)
            i = j
            j = self.next_nonblank(i + 1, stop)
        return i + 1

    def split_source_time(self, norm: str) -> tuple[str | None, str] | None:
        """Split a glued ``"Yomiuri Shimbun4 days ago"`` into label and time."""
        rules = self.rules
        if rules.time is None or rules.glued is None or len(norm) > _SHORT:
            return None
        if rules.time.fullmatch(norm):
            return None, norm
        match = rules.glued.fullmatch(norm)
        if match is None:
            return None
        return match["label"].strip() or None, match["time"]

    # -- header ----------------------------------------------------------------

    def header(self) -> int:
        """Classify the header; return the index where the body may begin."""
        first = self.next_nonblank(0)
        if first is None:
            return len(self.norms)
        norm = self.norms[first]
        if norm in self.dialect.logo_marks:
            self.set(first, _BOILERPLATE)
            nxt = self.next_nonblank(first + 1)
            while nxt is not None and self.shapes[nxt] is _Shape.CHROME and (
                    self.norms[nxt] not in self.dialect.listing_marks):
                self.set(nxt, _BOILERPLATE)  # a section label above the headline
                nxt = self.next_nonblank(nxt + 1)
            if nxt is not None and self.norms[nxt] in self.dialect.listing_marks:
                self.set(nxt, _BOILERPLATE)
                title = self.next_nonblank(nxt + 1)
                if title is not None and self.shapes[title] in (_Shape.LISTING_TITLE, _Shape.TEXT):
                    return self.listing_title(title)
                return nxt + 1
            if nxt is not None and self.shapes[nxt] is _Shape.TEXT:
                return self.headline(nxt)
            return first + 1
        if self.shapes[first] is _Shape.LISTING_TITLE:
            return self.listing_title(first)
        if self.shapes[first] is not _Shape.TEXT:
            return first
        if self.author_listing(first):
            return len(self.norms)
        # An empty first line means a header follows; otherwise the first line must
        # look like a title, or the dump starts mid-story (a fragment).
        if (first > 0 and len(norm) <= 300) or _looks_like_title(norm):
            return self.headline(first)
        return first

    def listing_title(self, i: int) -> int:
        self.listing = True
        self.set(i, _HEADLINE, Role.LISTING_TITLE)
        return i + 1

    def headline(self, i: int) -> int:
        self.set(i, _HEADLINE, Role.HEADLINE)
        after = self.mark_copies(i, self.norms[i])
        nxt = self.next_nonblank(after)
        if nxt is None:
            return after
        if self.shapes[nxt] in (_Shape.TEXT, _Shape.TIME):
            norm = self.norms[nxt]
            split = self.split_source_time(norm)
            if split is not None:
                self.set(nxt, _DATELINE, Role.SOURCE_TIME, split[1])
                return nxt + 1
            for pattern in self.rules.meta:
                if len(norm) <= _SHORT * 2 and pattern.fullmatch(norm):
                    self.set(nxt, _DATELINE, Role.META)
                    return nxt + 1
        return after

    def author_listing(self, first: int) -> bool:
        """Recognise an author page: a name line, then items ending in a date stutter."""
        pattern = self.rules.author_item
        if pattern is None or len(self.norms[first]) > 60 or _ends_sentence(self.norms[first]):
            return False
        nxt = self.next_nonblank(first + 1)
        if nxt is None or not pattern.fullmatch(self.norms[nxt]):
            return False
        self.listing = True
        self.set(first, _HEADLINE, Role.LISTING_TITLE)
        for i in range(first + 1, len(self.norms)):
            if self.shapes[i] is not _Shape.BLANK:
                match = pattern.fullmatch(self.norms[i])
                if match is None:
                    self.set(i, _RELATED, Role.ORPHAN)  # cut before its time
                else:
                    self.set(i, _RELATED, Role.AUTHOR_ITEM, match["time"])
                    self.item_starts.add(i)
        return True

    # -- related teasers ---------------------------------------------------------

    def related(self, body_start: int) -> int:
        """Find and classify teaser items.

        Returns:
            Where the body must end.
        """
        n = len(self.norms)
        norms, shapes = self.norms, self.shapes
        # Only the lines the first pass marked (chrome, times, ...) can be anchors.
        marked = [i for i in self.marked if i >= body_start]
        heading = end_block = None
        chrome, bullet, timed, time = _Shape.CHROME, _Shape.BULLET, _Shape.TIMED, _Shape.TIME
        for i in marked:
            if shapes[i] is chrome:
                if heading is None and norms[i] in self.dialect.related_heading:
                    heading = i
                elif norms[i] in self.dialect.end_block:
                    end_block = i
                    break
        stop = n if end_block is None else end_block
        region = body_start if self.listing else (heading + 1 if heading is not None else None)
        low = region if region is not None else body_start
        layout = self.dialect.teasers
        if layout == "cards":
            starts = [self.card(i) for i in marked
                      if low <= i < stop and shapes[i] is bullet and self.kinds[i] is None]
        elif layout == "titles":
            starts = [] if region is None else [self.bare_title(i) for i in range(region, stop)
                                                if self.free_text(i)]
        else:
            anchors = [i for i in marked if low <= i < stop and (
                shapes[i] is timed
                or (shapes[i] is time and self.is_compact_anchor(i, region)))]
            starts = [self.item(a, low) for a in anchors]
        headless = self.next_nonblank(0) == self.next_nonblank(body_start)
        if layout == "cards" and starts and starts[0] == self.next_nonblank(0):
            self.listing = True  # nothing but cards: a front or section page
        if region is not None:
            body_end = body_start if self.listing else region - 1
        elif starts:
            region = starts[0]
            body_end = self.orphaned_top(body_start, region, headless=headless)
        elif end_block is not None and headless:
            # A fragment that starts in the last teaser: only teasers come before
            # the end-of-page block.
            region = body_end = body_start
        else:
            return stop
        self.fill_items(region, starts, stop)
        return body_end

    def orphaned_top(self, body_start: int, region: int, *, headless: bool) -> int:
        """Where the body ends when teasers start without a related heading.

        Related teasers only ever follow the trailer's "Related Articles" line. When
        a dump has teasers but no such line and no header, it is a fragment that
        starts inside the related block, and the text above the first item is the
        end of a teaser whose item starts before the dump.
        """
        top = self.next_nonblank(body_start, region)
        if top is None or not headless:
            return region
        for i in range(top, region):
            self.fill_loose(i)
        return top

    def card(self, bullet: int) -> int:
        """A teaser card: the bulleted title, then its labels (section, outlet).

        Returns the card's first line. The title printed again and the summary that
        follow are settled by :meth:`fill_item`.
        """
        norms, shapes = self.norms, self.shapes
        self.set(bullet, _RELATED, Role.ITEM_TITLE, norms[bullet][2:].strip())
        labels: list[int] = []
        i = bullet + 1
        while i < len(norms) and shapes[i] is _Shape.TEXT and self.kinds[i] is None:
            labels.append(i)
            i += 1
        for k, j in enumerate(labels):
            last = k == len(labels) - 1
            self.set(j, _RELATED, Role.ITEM_SOURCE if last else Role.ITEM_CATEGORY)
        return bullet

    def bare_title(self, i: int) -> int:
        """A teaser that is only its title, alone on its line."""
        self.set(i, _RELATED, Role.ITEM_TITLE)
        return i

    def is_compact_anchor(self, i: int, region: int | None) -> bool:
        """Whether a bare time line anchors a compact item.

        It does after the related heading, and anywhere when a dash bullet follows it.
        """
        if region is not None and i >= region:
            return True
        nxt = i + 1
        return nxt < len(self.shapes) and self.shapes[nxt] is _Shape.BULLET

    def item(self, anchor: int, region: int) -> int:
        """Mark the lines before an item's time line; return the item's first line."""
        norms, shapes = self.norms, self.shapes
        timed = shapes[anchor] is _Shape.TIMED
        value = norms[anchor][len(self.dialect.time_prefix or ""):] if timed else norms[anchor]
        self.set(anchor, _RELATED, Role.ITEM_TIME, value)
        start = anchor
        if timed:
            # Spaced: title, title again, blank, source, blank, time.
            source = self.prev_nonblank(anchor - 1, region)
            if source is not None and self.free_text(source):
                title: int | None = source
                if self.copies_before(source, region) == source:
                    self.set(source, _RELATED, Role.ITEM_SOURCE)
                    start = source
                    title = self.prev_nonblank(source - 1, region)
                if title is not None and self.free_text(title):
                    first = self.copies_before(title, region)
                    self.set(first, _RELATED, Role.ITEM_TITLE)
                    for i in range(first + 1, title + 1):
                        self.set(i, _RELATED, Role.COPY)
                    start = first
        else:
            # Compact: the outlet sits right above the time, with no blank between.
            source = anchor - 1
            if (source >= region and shapes[source] is _Shape.TEXT and self.kinds[source] is None
                    and len(norms[source]) <= 80):
                self.set(source, _RELATED, Role.ITEM_SOURCE)
                start = source
        return start

    def free_text(self, i: int) -> bool:
        """Whether line ``i`` is plain text that no rule has claimed yet."""
        return self.kinds[i] is None and self.shapes[i] is _Shape.TEXT

    def copies_before(self, i: int, region: int) -> int:
        """The first of the identical lines directly above and including line ``i``."""
        first = i
        while first - 1 >= region and self.free_text(first - 1) and (
                self.norms[first - 1] == self.norms[i]):
            first -= 1
        return first

    def fill_items(self, region: int, starts: list[int], stop: int) -> None:
        """Give every line of the related region its role, item by item."""
        if not starts:
            self.fill_partial(region, stop)
            return
        self.item_starts.update(starts)
        bounds = [*starts, stop]
        for i in range(region, starts[0]):
            self.fill_loose(i)
        for k, start in enumerate(starts):
            self.fill_item(start, bounds[k + 1])

    def fill_item(self, start: int, end: int) -> None:
        """Roles inside one item: bullets right after its time, then title and teaser."""
        norms, shapes, kinds, roles = self.norms, self.shapes, self.kinds, self.roles
        title: str | None = None
        source: str | None = None
        bullets: list[int] = []
        in_bullets = teased = False
        blank, chrome, bullet = _Shape.BLANK, _Shape.CHROME, _Shape.BULLET
        item_title, item_source, item_time = Role.ITEM_TITLE, Role.ITEM_SOURCE, Role.ITEM_TIME
        for i in range(start, end):
            shape = shapes[i]
            if shape is blank:
                kinds[i] = _BLANK
                continue
            if kinds[i] is not None:
                role = roles[i]
                if role is item_title:
                    title = self.values[i] or norms[i]
                elif role is item_source:
                    source = norms[i]
                in_bullets = role is item_time
                continue
            if shape is chrome:
                kinds[i] = _BOILERPLATE
            elif shape is bullet and in_bullets:
                bullets.append(i)
            elif teased and shapes[i - 1] is blank:
                # Teasers are one line: text after it and a blank is the next item,
                # cut by the end of the dump before its time line.
                self.fill_partial(i, end)
                break
            elif title is None:
                title = norms[i]
                kinds[i], roles[i] = _RELATED, item_title
                in_bullets = False
            elif norms[i] == title:
                kinds[i], roles[i] = _RELATED, Role.COPY
                in_bullets = False
            else:
                kinds[i], roles[i] = _RELATED, Role.ITEM_TEASER
                in_bullets, teased = False, True
        # One bullet names the outlet: the last one that repeats the source line (or,
        # with no source line, the last of several); the others are categories.
        labels = [norms[i][2:].strip() for i in bullets]
        named = [k for k, label in enumerate(labels) if label == source]
        outlet = named[-1] if named else (len(labels) - 1 if source is None and len(labels) > 1
                                          else None)
        for k, (i, label) in enumerate(zip(bullets, labels, strict=True)):
            self.set(i, _RELATED,
                     Role.ITEM_SOURCE_BULLET if k == outlet else Role.ITEM_CATEGORY, label)

    def fill_partial(self, start: int, end: int) -> None:
        """Teaser lines with no time line: an item cut short by the end of the dump.

        A title printed twice still makes an item (spaced layout: title, title, source);
        anything else cannot be placed in an item and is orphaned.
        """
        first = self.next_nonblank(start, end)
        if (first is not None and first + 1 < end and self.shapes[first] is _Shape.TEXT
                and self.norms[first + 1] == self.norms[first]):
            self.item_starts.add(first)
            self.set(first, _RELATED, Role.ITEM_TITLE)
            self.set(first + 1, _RELATED, Role.COPY)
            source = self.next_nonblank(first + 2, end)
            if source is not None and self.shapes[source] is _Shape.TEXT:
                self.set(source, _RELATED, Role.ITEM_SOURCE)
            self.fill_item(first, end)
            return
        for i in range(start, end):
            self.fill_loose(i)

    def fill_loose(self, i: int) -> None:
        shape = self.shapes[i]
        if shape is _Shape.BLANK:
            self.set(i, _BLANK)
        elif shape in (_Shape.CHROME, _Shape.JUNK):
            self.set(i, _BOILERPLATE)
        else:
            self.set(i, _RELATED, Role.ORPHAN)

    # -- body --------------------------------------------------------------------

    def body(self, start: int, end: int) -> None:
        norms, shapes, kinds, roles = self.norms, self.shapes, self.kinds, self.roles
        credits = self.credits(start, end)
        last = len(norms) - 1
        # Most lines are paragraphs: settle them with as little work as possible.
        text, body, paragraph = _Shape.TEXT, _BODY, Role.PARAGRAPH
        i = start
        while i < end:
            if kinds[i] is not None:
                i += 1
                continue
            shape = shapes[i]
            if shape is text:
                norm = norms[i]
                if credits and norm in credits:
                    kinds[i] = _BOILERPLATE
                elif len(norm) <= _HEADING_MAX and self.is_heading(i, start, end):
                    kinds[i], roles[i] = _HEADING, Role.HEADING
                elif i == last and self.is_cut_chrome(i):
                    kinds[i] = _BOILERPLATE
                else:
                    kinds[i], roles[i] = body, paragraph
            elif shape is _Shape.BLANK:
                self.set(i, _BLANK)
            elif shape is _Shape.WIDGET:
                i = self.widget(i, end)
                continue
            elif shape is _Shape.LINK_OPEN:
                i = self.link_block(i, end)
                continue
            elif shape is _Shape.CAPTION:
                i = self.caption(i, end)
            elif shape in (_Shape.CHROME, _Shape.JUNK, _Shape.LINK_CLOSE):
                self.set(i, _BOILERPLATE)
            elif shape is _Shape.STAMP:
                self.set(i, _DATELINE, Role.STAMP)
                title = self.next_nonblank(i + 1, end)
                if (title is not None and shapes[title] is _Shape.TEXT
                        and _looks_like_title(norms[title])):
                    self.set(title, _HEADING, Role.HEADING)
                    i = title
            elif shape is _Shape.BYLINE:
                self.set(i, _DATELINE, Role.BYLINE)
            elif self.is_heading(i, start, end):
                self.set(i, _HEADING, Role.HEADING)
            elif self.is_cut_chrome(i):
                self.set(i, _BOILERPLATE)
            else:
                self.set(i, _BODY, Role.PARAGRAPH)
            i += 1

    def caption(self, i: int, end: int) -> int:
        """A caption, and the credit line under it; return the last of them."""
        self.set(i, _BOILERPLATE)
        nxt = i + 1
        norms = self.norms
        if (nxt < end and self.shapes[nxt] is _Shape.TEXT and len(norms[nxt].split()) <= 3
                and not _ends_sentence(norms[nxt])):
            self.set(nxt, _BOILERPLATE)
            return nxt
        return i

    def credits(self, start: int, end: int) -> frozenset[str]:
        """The body lines that are credits, not story.

        Captions that end in a credit (``"... Photograph: Name"``) are debris, except on
        gallery pages, where most of the text is captions and the captions are the
        story. A short line printed more than once in the body (an agency name under
        each photo) is a credit too.
        """
        seen: dict[str, int] = {}
        captions: set[str] = set()
        prose = 0
        kinds, shapes, norms = self.kinds, self.shapes, self.norms
        pattern, separators = self.rules.captions, self.rules.credit_separators
        text = _Shape.TEXT
        for i in range(start, end):
            if kinds[i] is not None or shapes[i] is not text:
                continue
            norm = norms[i]
            size = len(norm)
            if size <= 40:
                seen[norm] = seen.get(norm, 0) + 1
            # Captions are short, and end in a name, not a full stop; a credit stands
            # in the last characters, after a separator, so the pattern only runs
            # where one stands there.
            if size <= _CAPTION_MAX and pattern is not None and norm[-1] not in _CREDIT_ENDS:
                tail = size - 80 if size > 80 else 0
                for separator in separators:
                    if norm.find(separator, tail) >= 0:
                        if pattern.search(norm, tail):
                            captions.add(norm)
                            prose -= 1
                        break
            prose += 1
        repeated = {norm for norm, count in seen.items() if count > 1 and len(norm.split()) <= 4}
        if len(captions) >= 3 and len(captions) >= prose:
            captions.clear()  # a gallery: the captions are the story
        return frozenset(captions | repeated)

    def widget(self, i: int, end: int) -> int:
        """A widget block: its opening line and the short lines after it."""
        self.set(i, _BOILERPLATE)
        i += 1
        while i < end and self.kinds[i] is None:
            shape, norm = self.shapes[i], self.norms[i]
            if shape is _Shape.BLANK:
                self.set(i, _BLANK)
            elif shape in (_Shape.CHROME, _Shape.JUNK, _Shape.WIDGET) or len(norm) <= 40:
                self.set(i, _BOILERPLATE)
            else:
                break
            i += 1
        return i

    def link_block(self, i: int, end: int) -> int:
        """A bracketed link block: ``[``, a title, ``Opens in new window``, ``]``."""
        for j in range(i + 1, min(end, i + 6)):
            if self.shapes[j] is _Shape.LINK_CLOSE:
                for k in range(i, j + 1):
                    self.set(k, _BLANK if self.shapes[k] is _Shape.BLANK else _BOILERPLATE)
                return j + 1
        self.set(i, _BOILERPLATE)
        return i + 1

    def is_heading(self, i: int, start: int, end: int) -> bool:
        """A sub-heading: a short title-like line between finished paragraphs."""
        norms = self.norms
        if not _looks_like_heading(norms[i]):
            return False
        nxt = i + 1
        if nxt >= end or self.shapes[nxt] is not _Shape.TEXT:
            return False
        if not _starts_paragraph(norms[nxt]) and not (
                nxt == len(norms) - 1 and _starts_like_prose(norms[nxt])):
            return False  # a cut last line is a paragraph's start, however short
        prev = self.prev_nonblank(i - 1)
        if prev is None or prev < start or self.kinds[prev] in (_HEADLINE, _DATELINE, _BOILERPLATE):
            return True
        if prev != i - 1:
            return False  # story text never has blank lines inside
        return _ends_sentence(norms[prev]) or norms[prev].endswith(self.dialect.paragraph_closers)

    def is_cut_chrome(self, i: int) -> bool:
        """The dump's last line, cut inside a chrome or widget line."""
        if i != len(self.norms) - 1 or i == 0:
            return False
        prev = self.prev_nonblank(i - 1)
        if prev is None or self.kinds[prev] is not _BOILERPLATE:
            return False
        norm = self.norms[i]
        return any(phrase.startswith(norm) for phrase in self.rules.chrome_phrases)

    # -- the whole pass ------------------------------------------------------------

    def run(self) -> None:
        body_start = self.header()
        if None in self.kinds:
            body_end = self.related(body_start)
            if not self.listing:
                self.body(body_start, body_end)
        # What is left sits between the body and the teasers, or after the teasers:
        # trailer chrome, the end block, and anything cut or unknown there.
        kinds, shapes = self.kinds, self.shapes
        i = -1
        while True:
            try:
                i = kinds.index(None, i + 1)
            except ValueError:
                break
            kinds[i] = _BLANK if shapes[i] is _Shape.BLANK else _BOILERPLATE


def classify(text: str, dialect: Dialect | None = None) -> Tokens:
    """Classify every line of ``text`` and give it its role.

    The arguments are checked by the public functions (:mod:`pagedump._api`).

    Args:
        text: The dump.
        dialect: The layout to read it with; ``None`` to sniff it from the text.

    Returns:
        The tokens, one entry per element of ``text.splitlines()``.
    """
    lines = text.splitlines()
    norms = normalize_all(lines)
    chosen = sniff_split(text, lines, norms) if dialect is None else dialect
    rules = _rules(chosen)
    if chosen.layout == "article":
        kinds, roles, values = read_article(norms, chosen)
        return Tokens(dialect=chosen, lines=lines, norms=norms, kinds=kinds, roles=roles,
                      values=values, listing=False, item_starts=frozenset())
    shapes, marked = _shapes(norms, rules)
    n = len(lines)
    classifier = _Classifier(
        rules=rules, dialect=chosen, norms=norms, shapes=shapes,
        kinds=[None] * n, roles=[Role.NONE] * n, values=[None] * n, marked=marked,
    )
    classifier.run()
    return Tokens(
        dialect=chosen,
        lines=lines,
        norms=norms,
        kinds=classifier.kinds,  # type: ignore[arg-type]  # run() leaves no None
        roles=classifier.roles,
        values=classifier.values,
        listing=classifier.listing,
        item_starts=frozenset(classifier.item_starts),
    )
