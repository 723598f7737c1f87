"""Choosing a dialect from the text, the way :class:`csv.Sniffer` does.

Each registered dialect's own evidence is tried on a sample of the text: its chrome
lines, its header marks, and its signature lines (a listing title, a time glued to its
label, a metadata line, an indented teaser card). The dialect whose evidence explains
the most lines wins. Without any such evidence the layout decides: a dense dump of
long lines, one paragraph each, reads as the default aggregator (Daily8, whose
fragments often hold nothing else); one with menus and spaced paragraphs reads as an
ordinary news page (the generic dialect).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

import attrs

from pagedump import _generic
from pagedump._dialects import DAILY8, Dialect, registered
from pagedump._lines import normalize_all
from pagedump._patterns import required_text

__all__ = ["sniff_split", "sniff_text"]

# The sample: the top of the dump (headers, first teasers) and its end (trailers).
_HEAD = 2_000
_TAIL = 1_000
# Chrome lines, signature lines and time lines are short; prose is not looked at.
_MARK_MAX = 300
_SIGNATURE_MAX = 150
_TIME_MAX = 40
# How much evidence makes a dialect: more than a stray "Comments" line on a news site.
_ENOUGH = 3
# A line this short, without end punctuation, is a label (a menu item, a section name).
_LABEL = 40
# Fewer lines than this say nothing about the layout.
_FEWEST = 8
# The fewest labels in a row that make a menu, and the share of a sample's lines in
# menus, or blank, that makes an ordinary site.
_MENU_RUN = 3
_MENU_SHARE = 0.25
_BLANK_SHARE = 0.5
# Named groups of the dialects' own patterns clash once combined: they become plain.
_GROUPS = re.compile(r"\(\?P<\w+>")


class _Signature(NamedTuple):
    """A signature line of one dialect: a pattern, and the text every match holds."""

    required: str
    fullmatch: Callable[[str], re.Match[str] | None]
    dialect: int
    """The dialect's index among the registered ones."""


@attrs.frozen
class _Evidence:
    """Every registered dialect's evidence, compiled for one pass over a sample."""

    dialects: tuple[Dialect, ...]
    marks: dict[str, tuple[int, ...]]
    """Exact lines (chrome, header marks) -> the dialects they belong to."""
    logos: dict[str, tuple[int, ...]]
    """Header marks -> their dialects: on a dump's first line, strong evidence."""
    times: re.Pattern[str] | None
    """Bare time lines, each alternative a group named after its dialect's index."""
    signatures: tuple[_Signature, ...]
    """Signature lines, in the dialects' order."""
    cards: tuple[int, ...]
    """The dialects whose teasers are indented cards."""
    bullets: tuple[int, ...]
    """The dialects whose timed teasers carry spaced bullets (``"  • NHK"``)."""
    known: frozenset[str]
    """Every aggregator's chrome and widget lines: interface text, not a site's menus."""


@functools.lru_cache(maxsize=8)
def _evidence(dialects: tuple[Dialect, ...]) -> _Evidence:
    marks: dict[str, list[int]] = {}
    logos: dict[str, list[int]] = {}
    known: set[str] = set()
    signatures: list[_Signature] = []
    times: list[str] = []
    for index, dialect in enumerate(dialects):
        if dialect.layout != "aggregator":
            continue
        for phrase in dialect.chrome | dialect.logo_marks:
            marks.setdefault(phrase, []).append(index)
        for phrase in dialect.logo_marks:
            logos.setdefault(phrase, []).append(index)
        known |= dialect.chrome | dialect.junk_lines
        sources = [*dialect.meta_patterns]
        if dialect.listing_title:
            sources.append(dialect.listing_title)
        if dialect.time_pattern:
            times.append(f"(?P<d{index}>{_GROUPS.sub('(?:', dialect.time_pattern)})")
            if dialect.time_prefix:
                sources.append(f"{re.escape(dialect.time_prefix)}(?:{dialect.time_pattern})")
        signatures.extend(_Signature(required_text(source), re.compile(source).fullmatch, index)
                          for source in sources)
    return _Evidence(
        dialects=dialects,
        marks={k: tuple(v) for k, v in marks.items()},
        logos={k: tuple(v) for k, v in logos.items()},
        times=_compile(times),
        signatures=tuple(signatures),
        cards=tuple(i for i, d in enumerate(dialects) if d.teasers == "cards"),
        bullets=tuple(i for i, d in enumerate(dialects)
                      if d.teasers == "timed" and "• " in d.bullets),
        known=frozenset(known),
    )


def _compile(alternatives: list[str]) -> re.Pattern[str] | None:
    return re.compile(f"(?:{'|'.join(alternatives)})\\Z") if alternatives else None


def _sample(text: str) -> list[str]:
    """The lines sniffing reads: those of the head and the tail of ``text``.

    The head's last line is cut where the head ends; the tail's first line, cut
    where the tail starts, is left out.
    """
    lines = text[:_HEAD].splitlines()
    if len(text) > _HEAD + _TAIL:
        lines += text[-_TAIL:].splitlines()[1:]
    elif len(text) > _HEAD:
        lines = text.splitlines()
    return lines


def _sample_of(text: str, lines: list[str], norms: list[str]) -> tuple[list[str], list[str]]:
    """:func:`_sample` and its normal forms, taken from the whole text already split.

    Only the head's last line, when it is cut, is normalized again: this is what
    makes sniffing cheap inside :func:`pagedump.parse`, which splits and normalizes
    every line anyway.
    """
    if len(text) <= _HEAD + _TAIL:
        return lines, norms
    head = text[:_HEAD].splitlines()
    cut = len(head) - 1
    tail = len(text[-_TAIL:].splitlines()) - 1
    last = head[cut]
    start = len(lines) - tail if tail > 0 else len(lines)
    sample = [*lines[:cut], last, *lines[start:]]
    sample_norms = [*norms[:cut], norms[cut] if last == lines[cut] else normalize_all([last])[0],
                    *norms[start:]]
    return sample, sample_norms


def _scores(lines: list[str], norms: list[str],
            evidence: _Evidence) -> tuple[list[int], set[int]]:
    """Each dialect's evidence in the sample, and the lines that are evidence."""
    scores = [0] * len(evidence.dialects)
    explained: set[int] = set()
    marks, signatures = evidence.marks, evidence.signatures
    time = evidence.times.match if evidence.times is not None else None
    first = True
    seen: set[str] = set()
    timed: int | None = None  # the dialect whose time line the last line was
    for k, norm in enumerate(norms):
        if not norm or len(norm) > _MARK_MAX:
            continue
        if first:
            first = False
            for index in evidence.logos.get(norm, ()):
                scores[index] += 2  # and 1 more as a mark, below
        owners = marks.get(norm)
        if owners is not None:
            explained.add(k)
            if norm not in seen:  # a menu label printed six times is still one label
                seen.add(norm)
                for index in owners:
                    scores[index] += 1
            continue
        size = len(norm)
        found = time(norm) if time is not None and size <= _TIME_MAX else None
        if found is not None and found.lastgroup is not None:
            timed = int(found.lastgroup[1:])
            scores[timed] += 1
            explained.add(k)
            continue
        if timed is not None and norm.startswith("- "):
            scores[timed] += 1  # a compact teaser's bullet under its time
            explained.add(k)
            continue
        timed = None
        signed = _signature(norm, signatures) if size <= _SIGNATURE_MAX else None
        if signed is not None:
            scores[signed] += 2
            explained.add(k)
        elif lines[k].startswith("  • "):
            # An indented line under the bullet makes a card; a blank one, a spaced
            # teaser's outlet bullet.
            card = k + 1 < len(lines) and lines[k + 1].startswith("    ") and lines[k + 1].strip()
            for index in evidence.cards if card else evidence.bullets:
                scores[index] += 1
            explained.add(k)
    return scores, explained


def _signature(norm: str, signatures: tuple[_Signature, ...]) -> int | None:
    """The dialect of the first signature ``norm`` is, or ``None``.

    A pattern only runs on lines holding the text all its matches hold.
    """
    for required, fullmatch, dialect in signatures:
        if required in norm and fullmatch(norm) is not None:
            return dialect
    return None


def _looks_like_a_site(norms: list[str], known: frozenset[str], explained: set[int]) -> bool:
    """Whether a sample reads like an ordinary page, not a dense aggregator dump.

    Aggregator stories are one long paragraph per line with no blank lines between;
    an ordinary page's text opens with menus (runs of short labels) and spaces its
    paragraphs. Known widget and chrome lines, and lines that are a dialect's
    evidence, are no menu; and a handful of lines is too little to tell: such a
    fragment reads as the default aggregator.
    """
    texts = [text for k, text in enumerate(norms) if text not in known and k not in explained]
    filled = [t for t in texts if t]
    if len(filled) < _FEWEST:
        return False
    # Menus are runs of labels; a lone short line between sentences is a link piece.
    labels = run = 0
    for text in filled:
        if len(text) <= _LABEL and text[-1] not in ".!?\"'”’" and any(c.isalpha() for c in text):
            run += 1  # ("0:00" has no letter: a widget, not a menu item)
            continue
        labels += run if run >= _MENU_RUN else 0
        run = 0
    labels += run if run >= _MENU_RUN else 0
    blanks = len(texts) - len(filled)
    return labels >= _MENU_SHARE * len(filled) or blanks >= _BLANK_SHARE * len(filled)


def sniff_text(text: str) -> Dialect:
    """Choose the registered dialect that best reads ``text`` (see :func:`pagedump.sniff`)."""
    lines = _sample(text)
    return _decide(lines, normalize_all(lines))


def sniff_split(text: str, lines: list[str], norms: list[str]) -> Dialect:
    """:func:`sniff_text` for a text already split into ``lines`` and normalized to ``norms``.

    It chooses as :func:`sniff_text` does, without splitting or normalizing again.
    """
    return _decide(*_sample_of(text, lines, norms))


def _decide(lines: list[str], norms: list[str]) -> Dialect:
    """The dialect the sample's evidence, or failing that its layout, points to."""
    evidence = _evidence(registered())
    scores, explained = _scores(lines, norms, evidence)
    best = max(range(len(scores)), key=scores.__getitem__, default=None)
    if best is not None and scores[best] >= _ENOUGH:
        return evidence.dialects[best]
    site = _looks_like_a_site(norms, evidence.known, explained)
    return _generic.GENERIC if site else DAILY8
