"""Choosing a dialect from the text, the way :class:`csv.Sniffer` does.

Each candidate aggregator dialect's own evidence is looked for in a sample of the
text (the top and the end of the dump), and each line of evidence scores points for
the dialects it belongs to:

- a chrome line or header mark of the dialect: 1 point per distinct line (3 for one
  of 80 characters or more: a fixed sentence of the site, such as a disclaimer), 2
  more for a header mark on the dump's first line;
- a bare time line as the dialect prints it: 1 point, only for a dialect with other
  evidence (see below: an ordinary page prints "2 days ago" over its comments and its
  sidebar's posts); and 1 for each line right under it that starts with one of the
  dialect's bullets (a compact teaser's outlet);
- a signature line: 2 points (a listing title, a time glued to its label, a metadata
  line, an item of an author listing); for a dialect whose page is one story (a
  briefing), only when the sample holds one such line: a story has one metadata line,
  and several are another site's list of dated items;
- an indented bullet line, with one of the dialect's bullets: 1 point to the
  dialects with teaser cards when an indented line follows it, else to those with
  timed teasers (only for a dialect with other evidence: a bulleted list alone is
  any site's);
- a signature line in the dump's first three lines or as its last line: 1 more;
- the dump's last line, when it is the start of one of the dialect's chrome lines
  cut short: 1; a paragraph ending in an ellipsis and a feed dialect's closer: 1.

Bare times and outlet bullets count only for a dialect that has :data:`_BACKED` (2)
points of other evidence: more than one stray chrome word such as "Comments".

The dialect with the most points wins when it has at least :data:`ENOUGH`; a tie goes
to the candidate that comes first (by default, the built-in dialects before those a
caller registered, and these in the order they were registered).

When no dialect has that much evidence line by line, a second look (as
:class:`csv.Sniffer` tries a second method) searches the head of the dump for the
dialects' *shapes* (``Dialect.shapes``): runs of lines laid out as only the family
lays them out, with their spaces kept (a One News Page video page's category word
with trailing spaces over a whitespace-only line). Each shape found is
:data:`ENOUGH` points by itself. A page with enough evidence already is never
searched, so the second look costs nothing on the pages of a known family.

Without enough evidence of any family the text is never reported as one: it is an
aggregator's feed of an unknown family (the ``feed`` dialect, read by the shape its
records repeat) when its first lines are teasers cut short (``"... they said ..."``,
``"... read more"``) or two-line cards (a kicker over a title, between blank lines),
else an ordinary page, read by the generic dialect.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

import attrs

from pagedump._dialects import (
    FEED,
    GENERIC,
    Dialect,
    Layout,
    TeaserForm,
    get_dialect,
    registered,
)
from pagedump._lines import length_flags, normalize_all
from pagedump._patterns import alternation, gate_of, required_text
from pagedump._text import card_page, snippet_page

__all__ = ["ENOUGH", "SURE", "SniffReport", "sniff_report_text", "sniff_split", "sniff_text"]

# The sample: the top of the dump (headers, first teasers) and its end (trailers).
_HEAD = 2_000
_TAIL = 1_000
# Chrome lines, signature lines and time lines are short; prose is not looked at.
_MARK_MAX = 300
_SIGNATURE_MAX = 150
# The lines of the sample's head read for the fallback's shape test.
_FALLBACK_LINES = 60
# A chrome line at least this long is a fixed sentence of the site (a disclaimer).
_SENTENCE_MARK = 80
# A signature among the first lines of a dump stands in its header.
_HEADER = 3
# The shortest cut-off last line that is read as the start of a chrome phrase.
_CUT_MIN = 20
_TIME_MAX = 40
_DIGITS = frozenset("0123456789")
# The line breaks of str.splitlines(): "\n", then the others ("\r\n" is one break).
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_OTHER_BREAKS = tuple(_BREAKS[1:])
_BREAK = re.compile(f"\r\n|[{re.escape(_BREAKS[1:])}]")
_GOES_ON = "\x00"
"""What closes the head of a longer dump, so that no shape takes the place where the
head is cut for the dump's end (``\\Z``): a character that is no space and no break."""
_BACKED = 2
"""The fewest points of its own a dialect needs for bare times and bullets to count."""
ENOUGH = 3
"""The fewest points that make a dialect: more than a stray "Comments" line on a news site."""
SURE = 2 * ENOUGH
"""The points at which the evidence alone leaves no doubt (see :class:`SniffReport`)."""
# Named groups of the dialects' own patterns clash once combined: they become plain.
_GROUPS = re.compile(r"\(\?P<\w+>")


class _Signature(NamedTuple):
    """A signature line of one dialect: a pattern, and the text every match holds."""

    required: str
    fullmatch: Callable[[str], re.Match[str] | None]
    dialect: int
    """The dialect's index among the candidates."""
    longest: int
    """The longest line the signature is looked for on."""


_Group = tuple[str, tuple[tuple[Callable[[str], "re.Match[str] | None"], int], ...]]
"""Signatures that hold one text: the text, and each one's pattern and dialect."""


class _Filed(dict[str, tuple[_Group, ...]]):
    """Signatures by the first character of a line: all a line starting with it may be.

    Each character that some signatures' matches can start with holds those signatures
    (a decimal digit files them under each of ``"0"`` to ``"9"``), followed by the
    signatures whose first character is not known; every other ASCII character holds
    only the latter. Any other character is answered by :meth:`__missing__`: a digit of
    another script gets what a digit can start. The signatures are grouped by the text
    their matches hold, which a line is tested for once.
    """

    def __init__(self, filed: dict[str, tuple[_Group, ...]], digit: tuple[_Group, ...],
                 anywhere: tuple[_Group, ...]) -> None:
        super().__init__(dict.fromkeys(map(chr, range(128)), anywhere))
        self.update(filed)
        self.digit = digit
        self.anywhere = anywhere

    def __missing__(self, first: str) -> tuple[_Group, ...]:
        return self.digit if first.isdigit() else self.anywhere


class _Shape(NamedTuple):
    """A shape of one or more dialects: a pattern searched in the dump's head."""

    required: str
    """Text every match holds: without it, the pattern is not run."""
    search: Callable[[str], re.Match[str] | None]
    dialects: tuple[int, ...]
    """The indexes of the dialects printing this shape among the candidates."""


class _Bullet(NamedTuple):
    """A bullet marker, and the dialects whose teasers it opens."""

    marker: str
    cards: tuple[int, ...]
    """The dialects with teaser cards among those printing this bullet."""
    timed: tuple[int, ...]
    """The dialects with timed teasers among those printing this bullet."""


@attrs.frozen
class _Evidence:
    """Every candidate dialect's evidence, compiled for one pass over a sample."""

    dialects: tuple[Dialect, ...]
    marks: dict[str, tuple[int, ...]]
    """Exact lines (chrome, header marks) -> the dialects they belong to."""
    mark_sizes: tuple[bool, ...]
    """Per length up to :data:`_MARK_MAX`, whether one of :attr:`marks` has it: a line of
    another length is not looked up (that would hash it whole)."""
    logos: dict[str, tuple[int, ...]]
    """Header marks -> their dialects: on a dump's first line, strong evidence."""
    times: re.Pattern[str] | None
    """Bare time lines: each distinct time pattern is an alternative, a group named
    ``tN`` after its index in :attr:`time_owners`."""
    time_owners: tuple[tuple[int, ...], ...]
    """Per distinct time pattern, the dialects printing times that way."""
    time_first: frozenset[str] | None
    """The characters a time line can start with (``None``: any); with
    :attr:`time_digits`, a decimal digit of any script too."""
    time_digits: bool
    signatures: tuple[_Signature, ...]
    """Signature lines: most of at most :data:`_SIGNATURE_MAX` characters, an author
    listing's items of up to :data:`_MARK_MAX`."""
    short_lines: _Filed
    """The signatures a line of up to :data:`_SIGNATURE_MAX` characters may be, by its
    first character."""
    long_lines: _Filed
    """The signatures a longer line may be, by its first character: only those that
    long lines can be (most prose lines are long)."""
    bullets: tuple[_Bullet, ...]
    """Every bullet marker the dialects print."""
    markers: tuple[str, ...]
    """The markers of :attr:`bullets`, for one ``startswith`` test."""
    under_time: tuple[tuple[str, ...], ...]
    """Per dialect, the bullets that may open a line right under its time line."""
    cut_marks: dict[str, tuple[str, ...]]
    """The marks of :attr:`marks` long enough to be recognised cut short, by their
    first :data:`_CUT_MIN` characters."""
    closed: dict[str, tuple[int, ...]]
    """The paragraph closers of feed dialects, after an ellipsis -> their dialects."""
    closers: tuple[str, ...]
    """The keys of :attr:`closed`, for one ``endswith`` test."""
    closer_ends: frozenset[str]
    """The last characters of :attr:`closers`: a line ending otherwise is not tested."""
    shapes: tuple[_Shape, ...]
    """Every shape the dialects print (each distinct pattern once)."""
    single: frozenset[int]
    """The dialects whose page is one story (``briefing``): it has one metadata line, so
    their signature lines count only alone; several are another site's dated list."""


@functools.lru_cache(maxsize=8)
def _evidence(dialects: tuple[Dialect, ...]) -> _Evidence:
    marks: dict[str, list[int]] = {}
    logos: dict[str, list[int]] = {}
    signatures: list[_Signature] = []
    sources_of: list[str] = []  # the pattern source of each signature
    times: dict[str, list[int]] = {}
    bullets: dict[str, tuple[list[int], list[int]]] = {}
    under_time: list[tuple[str, ...]] = []
    closed: dict[str, list[int]] = {}
    shapes: dict[str, list[int]] = {}
    for index, dialect in enumerate(dialects):
        # An ordinary page has no evidence of its own: it is what is left.
        aggregator = dialect.layout != Layout.ARTICLE
        under_time.append(dialect.bullets if aggregator and dialect.time_pattern else ())
        if not aggregator:
            continue
        for phrase in dialect.chrome | dialect.logo_marks:
            marks.setdefault(phrase, []).append(index)
        for phrase in dialect.logo_marks:
            logos.setdefault(phrase, []).append(index)
        sources = [*dialect.meta_patterns]
        if dialect.listing_title:
            sources.append(dialect.listing_title)
        if dialect.time_pattern:
            times.setdefault(dialect.time_pattern, []).append(index)
            if dialect.time_prefix:
                sources.append(f"{re.escape(dialect.time_prefix)}(?:{dialect.time_pattern})")
        signatures.extend(_signature_of(source, index, _SIGNATURE_MAX) for source in sources)
        sources_of.extend(sources)
        for pattern in (dialect.author_item_pattern, dialect.item_pattern):
            if pattern:
                signatures.append(_signature_of(pattern, index, _MARK_MAX))
                sources_of.append(pattern)
        for shape in dialect.shapes:
            shapes.setdefault(shape, []).append(index)
        if dialect.layout == Layout.FEED:
            for closer in dialect.paragraph_closers:
                closed.setdefault(f"... {closer}", []).append(index)
        for marker in dialect.bullets:
            cards, timed = bullets.setdefault(marker, ([], []))
            if dialect.teasers == TeaserForm.CARDS:
                cards.append(index)
            elif dialect.teasers == TeaserForm.TIMED:
                timed.append(index)
    time_pattern = alternation([(f"t{k}", _GROUPS.sub("(?:", source))
                                for k, source in enumerate(times)])
    gate = gate_of(time_pattern.pattern) if time_pattern is not None else None
    short_lines, long_lines = _filed(signatures, sources_of)
    return _Evidence(
        dialects=dialects,
        marks={k: tuple(v) for k, v in marks.items()},
        mark_sizes=length_flags(marks, _MARK_MAX),
        logos={k: tuple(v) for k, v in logos.items()},
        times=time_pattern,
        time_owners=tuple(tuple(owners) for owners in times.values()),
        time_first=None if gate is None else gate.chars | (_DIGITS if gate.digits else frozenset()),
        time_digits=gate is not None and gate.digits,
        signatures=tuple(signatures),
        short_lines=short_lines,
        long_lines=long_lines,
        bullets=tuple(_Bullet(marker, tuple(cards), tuple(timed))
                      for marker, (cards, timed) in bullets.items()),
        markers=tuple(bullets),
        under_time=tuple(under_time),
        cut_marks=_by_start(marks),
        closed={k: tuple(v) for k, v in closed.items()},
        closers=tuple(closed),
        closer_ends=frozenset(closer[-1] for closer in closed),
        shapes=tuple(_Shape(required_text(source), re.compile(source).search, tuple(owners))
                     for source, owners in shapes.items()),
        single=frozenset(index for index, dialect in enumerate(dialects) if dialect.briefing),
    )


_last_compiled: tuple[tuple[Dialect, ...], _Evidence] | None = None
"""The candidates last compiled, and their evidence."""


def _compiled(dialects: tuple[Dialect, ...]) -> _Evidence:
    """:func:`_evidence`, without even hashing the candidates when they are the last ones.

    Hashing every dialect of the tuple costs as much as a few lines of sniffing, and
    the candidates are nearly always the same tuple (the registered dialects).
    """
    global _last_compiled  # noqa: PLW0603  # one slot, replaced whole
    last = _last_compiled
    if last is not None and last[0] is dialects:
        return last[1]
    evidence = _evidence(dialects)
    _last_compiled = (dialects, evidence)
    return evidence


def _signature_of(source: str, dialect: int, longest: int) -> _Signature:
    return _Signature(required_text(source), re.compile(source).fullmatch, dialect, longest)


def _sample(text: str) -> list[str]:
    r"""The lines sniffing reads: those of the head and the tail of ``text``.

    The head is the text's first :data:`_HEAD` characters and the tail its last
    :data:`_TAIL`, every line break counted as one character (``"\r\n"`` too, so that
    a dump is sniffed alike whatever its line breaks). The head's last line is cut
    where the head ends; the tail's first line, cut where the tail starts, is left out.
    """
    if len(text) <= _HEAD + _TAIL:
        return text.splitlines()
    if _plain_edges(text):  # every break there one character: they are cut as they are
        return text[:_HEAD].splitlines() + text[-_TAIL:].splitlines()[1:]
    if _span(text) <= _HEAD + _TAIL:
        return text.splitlines()
    # A break is at most two characters: twice the head (and the tail), and one break
    # more, hold all of it.
    head = text[:2 * _HEAD + 2].splitlines()
    cut, kept = _head_edge(head)
    tail = text[-2 * _TAIL - 2:].splitlines()
    return [*head[:cut], head[cut][:kept], *tail[len(tail) - _tail_size(tail, text):]]


def _sample_of(text: str, lines: list[str], norms: list[str]) -> tuple[list[str], list[str]]:
    """:func:`_sample` and its normal forms, taken from the whole text already split.

    Only the head's last line, when it is cut, is normalized again: this is what
    makes sniffing cheap inside :func:`pagedump.parse`, which splits and normalizes
    every line anyway.
    """
    if len(text) <= _HEAD + _TAIL or not (_plain_edges(text) or _span(text) > _HEAD + _TAIL):
        return lines, norms
    cut, kept = _head_edge(lines)
    start = len(lines) - _tail_size(lines, text)
    if kept == len(lines[cut]):
        last, norm = lines[cut], norms[cut]
    else:
        last = lines[cut][:kept]
        norm = normalize_all([last], last)[0]
    return [*lines[:cut], last, *lines[start:]], [*norms[:cut], norm, *norms[start:]]


def _plain_edges(text: str) -> bool:
    r"""Whether no ``"\r"`` (which may start ``"\r\n"``) stands where the head and the tail fall.

    Then every break there is one character; and ``"\r\n"`` breaks between them, two
    characters each, cannot shorten a text longer than the head and the tail to less.
    """
    # (Found in place: a slice of the text would copy it.)
    return text.find("\r", 0, _HEAD + 1) < 0 and text.find("\r", len(text) - _TAIL - 1) < 0


def _span(text: str) -> int:
    r"""The length of ``text`` with each line break one character (``"\r\n"`` too)."""
    return len(text) - text.count("\r\n") if "\r" in text else len(text)


def _head_edge(lines: list[str]) -> tuple[int, int]:
    """The line the head ends in (its index), and how many of its characters the head holds.

    ``lines`` are the first lines of a text longer than the head. Each line starts one
    character after the end of the line before.
    """
    start = cut = 0
    for line in lines:
        end = start + len(line)
        if end >= _HEAD:
            break
        start = end + 1
        cut += 1
    if start == _HEAD:  # the head ends with a line break: its last line is whole
        return cut - 1, len(lines[cut - 1])
    return cut, _HEAD - start


def _tail_size(lines: list[str], text: str) -> int:
    """How many whole lines the tail holds: those after the line it starts in.

    ``lines`` are the last lines of ``text``, a text longer than the head and the tail.
    """
    # The tail's room: its characters but a line break that ends the text.
    room = _TAIL - 1 if text[-1] in _BREAKS else _TAIL
    used = tail = 0
    k = len(lines) - 1
    while used + len(lines[k]) + 1 <= room:
        used += len(lines[k]) + 1
        tail += 1
        k -= 1
    return tail


def _scores(lines: list[str], norms: list[str], evidence: _Evidence) -> list[int]:
    """Each dialect's points of evidence in the sample (see the module's docstring).

    A line scores for every dialect it is evidence of, so that two dialects that
    print a page alike score alike, and the candidates' order decides between them.
    """
    scores = [0] * len(evidence.dialects)
    outlets = [0] * len(evidence.dialects)  # points that only back others (see the end)
    marks, mark_sizes = evidence.marks, evidence.mark_sizes
    closers, closer_ends = evidence.closers, evidence.closer_ends
    time = evidence.times.match if evidence.times is not None else None
    seen: set[str] = set()
    short_lines, long_lines = evidence.short_lines, evidence.long_lines
    timed: tuple[int, ...] = ()  # the dialects whose time line the last line was
    single: list[tuple[int, int]] = []  # signature lines of one-story dialects, points
    last = _trailer(norms, evidence, scores, seen)
    _score_logo(norms, evidence, scores)
    place = 0  # how many non-blank lines came before
    for k, norm in enumerate(norms):
        if not norm:
            continue
        place += 1
        if norm[-1] in closer_ends and norm.endswith(closers):
            _closed(norm, evidence, scores, seen)
        size = len(norm)
        if size > _MARK_MAX:
            continue
        owners = marks.get(norm) if mark_sizes[size] else None
        if owners is not None:
            if norm not in seen:  # a menu label printed six times is still one label
                seen.add(norm)
                # A fixed sentence that long is the site's own, not a chance match.
                _add(ENOUGH if size >= _SENTENCE_MARK else 1, owners, scores)
            continue
        # (A time line starts with one of a few characters: most lines skip the pattern.)
        found = time(norm) if time is not None and size <= _TIME_MAX and (
            evidence.time_first is None or norm[0] in evidence.time_first
            or (evidence.time_digits and norm[0].isdigit())) else None
        if found is not None and found.lastgroup is not None:
            timed = evidence.time_owners[int(found.lastgroup[1:])]
            _add(1, timed, outlets)  # backs other evidence: any blog prints times
            continue
        if timed:
            under = [index for index in timed if norm.startswith(evidence.under_time[index])]
            if under:
                _add(1, under, scores)  # a compact teaser's bullet under its time
                continue
            timed = ()
        # A signature's pattern only runs on lines that start with a character its
        # matches can start with, short enough for it and holding the text all its
        # matches hold. A line is one piece of evidence per dialect, however many of
        # the dialect's signatures it fits. (Inline, not a call: most lines get here.)
        signed: set[int] | None = None
        for required, members in (long_lines if size > _SIGNATURE_MAX else short_lines)[norm[0]]:
            if required in norm:
                for fullmatch, dialect in members:
                    if fullmatch(norm) is not None:
                        if signed is None:
                            signed = set()
                        signed.add(dialect)
        if signed:
            # In the header or as the trailer, a signature line is the family's mark.
            _score_signed(signed, 3 if place <= _HEADER or k == last else 2, evidence, scores,
                          single)
        elif norm.startswith(evidence.markers) and lines[k][:1].isspace():
            card, dialects = _bulleted(lines, k, norm, evidence)
            _add(1, dialects, scores if card else outlets)
    _score_alone(single, scores)
    return _backed(scores, outlets)


def _add(points: int, dialects: Iterable[int], scores: list[int]) -> None:
    """Give ``points`` to each of ``dialects`` (their indexes) in ``scores``."""
    for index in dialects:
        scores[index] += points


def _score_signed(signed: set[int], points: int, evidence: _Evidence, scores: list[int],
                  single: list[tuple[int, int]]) -> None:
    """Score a signature line for the dialects it is a signature of.

    A one-story dialect's (a briefing's) points wait in ``single``: they count at the
    end, only if the line is its one signature line.
    """
    for index in signed:
        if index in evidence.single:
            single.append((index, points))
        else:
            scores[index] += points


def _backed(scores: list[int], outlets: list[int]) -> list[int]:
    """``scores`` with the points that only back other evidence added where they count.

    A bulleted line or a bare time alone is any site's: they back a dialect's other
    evidence, more than one stray chrome word ("Comments"), and are none without it.
    """
    if not any(outlets):
        return scores
    return [score + backing if score >= _BACKED else score
            for score, backing in zip(scores, outlets, strict=True)]


def _score_logo(norms: list[str], evidence: _Evidence, scores: list[int]) -> None:
    """Score a header mark on the dump's first line (its first line that may be a mark)."""
    for norm in norms:
        if norm and len(norm) <= _MARK_MAX:
            _add(2, evidence.logos.get(norm, ()), scores)  # and 1 more as a mark
            return


def _score_alone(single: list[tuple[int, int]], scores: list[int]) -> None:
    """Score the signature lines of one-story dialects: each only if it is its dialect's one.

    A one-story page (a briefing) has one metadata line: several lines that fit it are
    another site's list of dated items, and count for nothing.
    """
    if not single:
        return
    owners = [index for index, _ in single]
    for index, points in single:
        if owners.count(index) == 1:
            scores[index] += points


def _bulleted(lines: list[str], k: int, norm: str,
              evidence: _Evidence) -> tuple[bool, list[int]]:
    """An indented bullet line: whether it opens a card, and the dialects it is evidence of.

    A bullet that does not open a card is a spaced teaser's outlet.
    """
    # An indented line under the bullet makes a card; a blank one, a spaced teaser's
    # outlet bullet.
    card = bool(k + 1 < len(lines) and lines[k + 1].startswith("    ") and lines[k + 1].strip())
    owners: list[int] = []
    for bullet in evidence.bullets:
        if norm.startswith(bullet.marker):
            owners.extend(bullet.cards if card else bullet.timed)
    return card, owners


def _by_start(marks: dict[str, list[int]]) -> dict[str, tuple[str, ...]]:
    starts: dict[str, list[str]] = {}
    for phrase in marks:
        if len(phrase) > _CUT_MIN:
            starts.setdefault(phrase[:_CUT_MIN], []).append(phrase)
    return {start: tuple(phrases) for start, phrases in starts.items()}


def _trailer(norms: list[str], evidence: _Evidence, scores: list[int], seen: set[str]) -> int:
    """Score a dump's last line when it is a chrome line cut short by the fragment's end.

    Returns:
        The index of the last line that is not blank (-1 when every line is).
    """
    last = len(norms) - 1
    while last >= 0 and not norms[last]:
        last -= 1
    if last < 0:
        return last
    norm = norms[last]
    if len(norm) < _CUT_MIN or norm in evidence.marks:
        return last
    for phrase in evidence.cut_marks.get(norm[:_CUT_MIN], ()):
        if len(phrase) > len(norm) and phrase.startswith(norm):
            seen.add(phrase)
            _add(ENOUGH if len(norm) >= _SENTENCE_MARK else 1, evidence.marks[phrase], scores)
            break
    return last


def _closed(norm: str, evidence: _Evidence, scores: list[int], seen: set[str]) -> None:
    """Score a paragraph closed by a feed family's own marker (``"... read full story"``)."""
    for closer, owners in evidence.closed.items():
        if norm.endswith(closer) and closer not in seen:
            seen.add(closer)
            _add(1, owners, scores)


def _filed(signatures: list[_Signature], sources: list[str]) -> tuple[_Filed, _Filed]:
    """The signatures filed by the characters their matches can start with.

    Filed twice: all of them for short lines, and those that can be longer than
    :data:`_SIGNATURE_MAX` characters for long ones (most prose lines are long). A
    signature is looked for on lines of up to :data:`_SIGNATURE_MAX` or up to
    :data:`_MARK_MAX` characters: so each table holds only signatures as long as any
    line it is used for.
    """
    assert all(signature.longest in (_SIGNATURE_MAX, _MARK_MAX) for signature in signatures)
    short = _filed_by_first(signatures, sources)
    pairs = [(signature, source) for signature, source in zip(signatures, sources, strict=True)
             if signature.longest > _SIGNATURE_MAX]
    long = _filed_by_first([pair[0] for pair in pairs], [pair[1] for pair in pairs])
    return short, long


def _filed_by_first(signatures: list[_Signature], sources: list[str]) -> _Filed:
    by_first: dict[str, list[_Signature]] = {}
    by_digit: list[_Signature] = []
    anywhere: list[_Signature] = []
    for signature, source in zip(signatures, sources, strict=True):
        gate = gate_of(source)
        if gate is None:
            anywhere.append(signature)
            continue
        for char in gate.chars | (_DIGITS if gate.digits else frozenset()):
            filed = by_first.setdefault(char, [])
            if signature not in filed:
                filed.append(signature)
        if gate.digits:
            by_digit.append(signature)
    # Each line is tried with one tuple: those filed under its first character and
    # those tried on every line, joined here once rather than looped over in turn.
    return _Filed({char: _grouped([*filed, *anywhere]) for char, filed in by_first.items()},
                  _grouped([*by_digit, *anywhere]), _grouped(anywhere))


def _grouped(signatures: list[_Signature]) -> tuple[_Group, ...]:
    """The signatures grouped by the text their matches hold, in order.

    A line is tested for each text once, however many signatures hold it.
    """
    groups: dict[str, list[tuple[Callable[[str], re.Match[str] | None], int]]] = {}
    for signature in signatures:
        groups.setdefault(signature.required, []).append((signature.fullmatch, signature.dialect))
    return tuple((required, tuple(members)) for required, members in groups.items())


def _no_repr(dialect: Dialect) -> str:
    return f"<Dialect {dialect.name!r}>"


@attrs.frozen
class SniffReport:
    """What sniffing chose, and how sure it is.

    Attributes:
        dialect: The chosen dialect: the candidate with the most points of evidence,
            if it has at least :data:`ENOUGH` (3); else the generic dialect.
        confidence: How sure the choice is, from 0.0 to 1.0: 0.0 when no candidate
            had enough evidence (the generic dialect was the fallback); else
            ``min(1, best / SURE) * best / (best + runner_up)``, where ``best`` is the
            chosen dialect's points, ``runner_up`` the most points of any other
            candidate, and :data:`SURE` is 6. Clear evidence with no rival gives 1.0;
            a tie with another candidate at most 0.5.
        scores: Each candidate's name and points of evidence, in the order that
            breaks ties (the first of the tied candidates is chosen). Ordinary-page
            dialects (layout ``"article"``) show no evidence: they score 0. The
            points of shapes (``Dialect.shapes``) are in them only when the second
            look for shapes was taken: when no candidate had enough points line by
            line.
    """

    dialect: Dialect = attrs.field(repr=_no_repr)
    confidence: float
    scores: tuple[tuple[str, int], ...]


def sniff_text(text: str, candidates: tuple[Dialect, ...] | None = None) -> Dialect:
    """Choose the dialect that best reads ``text`` (see :func:`pagedump.sniff`)."""
    lines = _sample(text)
    dialects = registered() if candidates is None else candidates
    norms = normalize_all(lines)
    evidence = _compiled(dialects)
    return _chosen(text, _scores(lines, norms, evidence), norms, evidence)


def sniff_report_text(text: str, candidates: tuple[Dialect, ...] | None = None) -> SniffReport:
    """Sniff ``text`` among ``candidates`` (by default, every registered dialect)."""
    lines = _sample(text)
    dialects = registered() if candidates is None else candidates
    norms = normalize_all(lines)
    evidence = _compiled(dialects)
    scores = _scores(lines, norms, evidence)
    best = _best(scores)
    if best is None:
        best = _second_look(text, scores, evidence)
    named = tuple((dialect.name, score) for dialect, score in zip(dialects, scores, strict=True))
    if best is None:  # the fallback: no candidate had enough evidence
        return SniffReport(_fallback(norms), 0.0, named)
    top = scores[best]
    rival = max((score for k, score in enumerate(scores) if k != best), default=0)
    confidence = min(1.0, top / SURE) * top / (top + rival)
    return SniffReport(dialects[best], confidence, named)


def sniff_split(text: str, lines: list[str], norms: list[str]) -> Dialect:
    """:func:`sniff_text` for a text already split into ``lines`` and normalized to ``norms``.

    It chooses as :func:`sniff_text` does, without splitting or normalizing again.
    """
    dialects = registered()
    sample, sample_norms = _sample_of(text, lines, norms)
    evidence = _compiled(dialects)
    return _chosen(text, _scores(sample, sample_norms, evidence), sample_norms, evidence)


def _chosen(text: str, scores: list[int], norms: list[str], evidence: _Evidence) -> Dialect:
    """The dialect the evidence points to; without enough, a fallback by the page's shape."""
    best = _best(scores)
    if best is None:
        best = _second_look(text, scores, evidence)
        if best is None:
            return _fallback(norms)
    return evidence.dialects[best]


def _second_look(text: str, scores: list[int], evidence: _Evidence) -> int | None:
    """The dialect ``scores`` point to once the shapes are counted, when lines were not enough.

    Called only when no dialect has enough evidence line by line: the dialects' shapes
    are looked for (adding their points to ``scores``), the way :class:`csv.Sniffer`
    tries a second method when the first finds nothing. A page with enough evidence is
    never searched for them, which keeps sniffing an ordinary aggregator page as cheap
    as it was.
    """
    if evidence.shapes and _shaped(text, evidence, scores):
        return _best(scores)
    return None


def _shaped(text: str, evidence: _Evidence, scores: list[int]) -> bool:
    """Score the shapes found in the head of ``text``; whether any was.

    Each distinct shape found is enough evidence of its dialects by itself: several
    lines in an order only the family prints.
    """
    head = text[:_HEAD]
    # Shapes are written with "\n" between lines: other line breaks are made one (rare:
    # a few substring tests cost far less than splitting the head and joining it again),
    # and the head then holds as much text as it would with "\n" breaks.
    if any(mark in head for mark in _OTHER_BREAKS):
        head = _BREAK.sub("\n", text[:2 * _HEAD + 2])[:_HEAD]
    if _span(text) > _HEAD:
        head += _GOES_ON  # the dump's end (\Z) is not where its head is cut
    found = False
    for required, search, owners in evidence.shapes:
        if required in head and search(head) is not None:
            found = True
            _add(ENOUGH, owners, scores)
    return found


def _fallback(norms: list[str]) -> Dialect:
    """Without evidence of a family: a feed if the sample repeats a record's shape.

    Teasers cut short line after line, or two-line cards (a kicker over a title)
    between blank lines, make a feed; anything else is an ordinary page. Only the head
    of the sample is looked at: a page of records shows it at once. The dialect is
    the one registered under that name, which a caller may have replaced.
    """
    head = norms[:_FALLBACK_LINES]
    return get_dialect(FEED.name if snippet_page(head) or card_page(head) else GENERIC.name)


def _best(scores: list[int]) -> int | None:
    """The index of the most points, if they are enough; the first of equal ones."""
    top = max(scores, default=0)
    # index() finds the first of equal scores: the candidates' order breaks ties.
    return scores.index(top) if top >= ENOUGH else None
