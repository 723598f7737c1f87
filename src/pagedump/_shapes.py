"""The first pass: each line's *shape*, from the line alone.

A shape says what a line looks like before context is read: blank, a chrome phrase, a
time, a bullet, a caption, plain text, ... One exact-phrase lookup and one combined,
anchored regular expression per line decide it, with the dialect's phrases and
patterns compiled once into :class:`Rules`. The readers of the aggregator layout
(:mod:`pagedump._layouts`) then settle kinds and roles from the shapes in context.
"""

from __future__ import annotations

import enum
import functools
import re

import attrs

from pagedump._dialects import Dialect
from pagedump._lines import LONG, length_flags
from pagedump._patterns import alternation, compile_all, gate_of, spaceless

__all__ = ["CAPTION_MAX", "CREDIT_ENDS", "GLUED_MAX", "Rules", "Shape", "rules_for", "shapes"]

# The longest line a label glued to a time, a bullet or a byline can plausibly be.
GLUED_MAX = 120
# The longest line read as a photo caption, and what a credit's name never ends in
# (the tail of the caption pattern built in rules_for).
CAPTION_MAX = 400
CREDIT_ENDS = frozenset(".!?:")


class Shape(enum.IntEnum):
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
class Rules:
    """A dialect's patterns, compiled once."""

    exact: dict[str, Shape]
    sizes: tuple[bool, ...]
    """Per length up to :data:`~pagedump._lines.LONG`, whether an exact phrase has it: a
    line of another length is none of them (see :func:`~pagedump._lines.length_flags`)."""
    by_first: dict[str, re.Pattern[str]]
    """For each character a pattern can start with, those patterns, combined."""
    by_digit: re.Pattern[str] | None
    """The patterns that can start with any digit (Unicode digits included)."""
    solid: re.Pattern[str] | None
    ungated: re.Pattern[str] | None
    groups: dict[str, Shape]
    captions: re.Pattern[str] | None
    credit_separators: tuple[str, ...]
    pipe_caption: str | None
    time: re.Pattern[str] | None
    glued: re.Pattern[str] | None
    author_item: re.Pattern[str] | None
    chrome_phrases: tuple[str, ...]
    meta: tuple[re.Pattern[str], ...]


@functools.lru_cache(maxsize=32)
def rules_for(dialect: Dialect) -> Rules:
    exact: dict[str, Shape] = dict.fromkeys(dialect.junk_lines, Shape.JUNK)
    exact.update(dict.fromkeys(dialect.chrome, Shape.CHROME))
    exact.update(dict.fromkeys(dialect.widget_starts, Shape.WIDGET))
    if dialect.link_block is not None:
        exact[dialect.link_block[0]] = Shape.LINK_OPEN
        exact[dialect.link_block[1]] = Shape.LINK_CLOSE
    time = dialect.time_pattern
    shaped: list[tuple[Shape, str]] = []
    if time is not None:
        if dialect.time_prefix:
            shaped.append((Shape.TIMED, f"{re.escape(dialect.time_prefix)}(?:{time})"))
        shaped.append((Shape.TIME, time))
    if dialect.bullets:
        marks = "|".join(re.escape(b) for b in dialect.bullets)
        shaped.append((Shape.BULLET, f"(?:{marks})\\S.{{0,{GLUED_MAX}}}"))
    if dialect.stamp_pattern:
        shaped.append((Shape.STAMP, dialect.stamp_pattern))
    if dialect.byline_pattern:
        shaped.append((Shape.BYLINE, dialect.byline_pattern))
    if dialect.listing_title:
        shaped.append((Shape.LISTING_TITLE, dialect.listing_title))
    shaped.extend((Shape.JUNK, pattern) for pattern in dialect.junk_patterns)
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
        ends = re.escape("".join(sorted(CREDIT_ENDS)))
        captions = re.compile(rf"(?:{labels})(?:{separators})[A-Z][^{ends}]{{0,60}}\Z")
    return Rules(
        exact=exact,
        sizes=length_flags(exact, LONG),
        by_first={char: _in_order(named) for char, named in by_first.items()},
        by_digit=alternation(by_digit),
        solid=alternation(solid),
        ungated=alternation(ungated),
        groups=groups,
        captions=captions,
        credit_separators=dialect.credit_separators,
        pipe_caption=dialect.pipe_caption,
        time=re.compile(f"(?:{time})") if time else None,
        glued=re.compile(f"(?P<label>.{{1,{GLUED_MAX}}}?){_starts(time)}(?P<time>{time})")
        if time else None,
        author_item=(
            re.compile(dialect.author_item_pattern) if dialect.author_item_pattern else None
        ),
        chrome_phrases=tuple(sorted(dialect.chrome | dialect.junk_lines)),
        meta=compile_all(dialect.meta_patterns),
    )


def _starts(source: str) -> str:
    """A lookahead for the characters a match of ``source`` can start with, if known.

    A lazy label before a time tries the time's pattern at every character; the
    lookahead lets all but a few skip it.
    """
    gate = gate_of(source)
    if gate is None:
        return ""
    digits = r"\d" if gate.digits else ""
    return f"(?=[{re.escape(''.join(sorted(gate.chars)))}{digits}])"


def _in_order(named: list[tuple[str, str]]) -> re.Pattern[str]:
    """Several patterns combined in the dialect's order, whatever filed them together."""
    pattern = alternation(sorted(named, key=lambda pair: int(pair[0][1:])))
    assert pattern is not None  # only called with patterns filed under a character
    return pattern


def shapes(norms: list[str], rules: Rules) -> tuple[list[Shape], list[int]]:
    """The first pass: each line's shape from the line alone.

    This runs on every line of every dump, so it is one loop with no calls it can
    avoid: an exact-phrase lookup and one combined anchored pattern. (Caption credits
    are looked for later, in the body only.)

    Returns:
        Each line's shape, and the indices of the lines that are neither blank nor
        plain text: the few the context pass looks for.
    """
    exact = rules.exact.get
    sizes = rules.sizes
    by_first = rules.by_first.get
    by_digit = rules.by_digit
    solid = rules.solid.match if rules.solid is not None else None
    ungated = rules.ungated.match if rules.ungated is not None else None
    pipe = rules.pipe_caption or ""
    pipe_end = pipe[-1:] or None  # a caption's last character: cheaper than endswith
    groups = rules.groups
    text, blank, caption = Shape.TEXT, Shape.BLANK, Shape.CAPTION
    # Every line is text until it is found to be something else: most lines are.
    shapes = [text] * len(norms)
    marked: list[int] = []
    shape: Shape | None
    long = LONG
    for i, norm in enumerate(norms):
        if not norm:
            shapes[i] = blank
            continue
        # Plain text is settled first, with as few steps as it takes: most lines are.
        size = len(norm)
        if size > long:
            # Phrases and patterns are for short lines: a long one is prose, unless
            # a caption ends it. (Not even hashed: that alone would read it whole.)
            if norm[-1] != pipe_end or not norm.endswith(pipe):
                continue
            shape = caption
        # (A line as long as no phrase is not hashed for the lookup.)
        elif not sizes[size] or (shape := exact(norm)) is None:
            first = norm[0]
            gated = by_first(first)
            if gated is not None:
                found = gated.match(norm)
            elif first > "\x7f" and by_digit is not None and first.isdigit():
                found = by_digit.match(norm)  # a digit of another script
            else:
                found = None
            if found is None and " " not in norm and solid is not None:
                found = solid(norm)
            if ungated is not None and found is None:  # (most dialects have none)
                found = ungated(norm)
            if found is not None:
                shape = groups[found.lastgroup or ""]
            elif norm[-1] == pipe_end and size > 12 and norm.endswith(pipe):
                shape = caption
            else:
                continue
        marked.append(i)
        shapes[i] = shape
    return shapes, marked
