"""Accounting for every line of a dump in the page parsed from it.

Every non-blank line must land in exactly one place of the Page: the article
(headline, a dateline, a heading, a paragraph), a related item (its title, source,
time, bullets or teaser), the page title, ``Page.boilerplate`` or ``Page.orphans``.
Repeated printings of a title or headline count as accounted for by the one kept.
"""

from __future__ import annotations

from collections import Counter

import pagedump
from pagedump._lines import normalize_all

# Bullet markers and the glued time label, as the Daily8 dialect prints them.
BULLETS = ("• ", "- ")
TIME_PREFIX = "time"


def _places(page: pagedump.Page) -> tuple[Counter[tuple[str, str]], set[str], list[str]]:
    """Places that take one line each, titles that take any number, and teasers."""
    once: Counter[tuple[str, str]] = Counter()
    titles: set[str] = set()
    teasers: list[str] = []
    if page.title is not None:
        titles.add(page.title)
    article = page.article
    if article is not None:
        if article.headline is not None:
            titles.add(article.headline)
        once.update(("dateline", d) for d in article.datelines)
        for section in article.sections:
            if section.heading is not None:
                once[("text", section.heading)] += 1
            once.update(("text", p) for p in section.paragraphs)
    for item in page.related:
        titles.add(item.title)
        if item.source is not None:
            once[("source", item.source)] += 1
            once[("bullet", item.source)] += 1
        once.update(("bullet", c) for c in item.categories)
        if item.published is not None:
            once[("time", item.published.text)] += 1
            once[("author", f"{item.title} {item.published.text}")] += 1
        if item.teaser is not None:
            teasers.append(item.teaser)
    once.update(("text", b) for b in page.boilerplate)
    once.update(("text", o) for o in page.orphans)
    return once, titles, teasers


def _take(once: Counter[tuple[str, str]], keys: list[tuple[str, str]]) -> bool:
    """Take the first of ``keys`` that has a place left; whether one had."""
    for key in keys:
        if once[key] > 0:
            once[key] -= 1
            return True
    return False


def unaccounted(text: str, page: pagedump.Page) -> list[str]:
    """The non-blank lines of ``text`` that no place of ``page`` accounts for."""
    once, titles, teasers = _places(page)
    teaser_text = "\n".join(teasers)
    missing: list[str] = []
    for line in normalize_all(text.splitlines()):
        if not line:
            continue
        if _take(once, [("text", line), ("dateline", line), ("source", line),
                        ("author", line)]) or line in titles or line in teaser_text:
            continue
        # Time lines and bullets last: a title or teaser can look like one.
        late = [("time", line[len(TIME_PREFIX):] if line.startswith(TIME_PREFIX) else line)]
        if line.startswith(BULLETS):
            late.append(("bullet", line[2:].strip()))
        if not _take(once, late):
            missing.append(line)
    return missing


def invented(text: str, page: pagedump.Page) -> list[str]:
    """Paragraphs, headings, boilerplate and orphans of ``page`` found in no line of ``text``."""
    lines = Counter(normalize_all(text.splitlines()))
    found: list[str] = []
    article = page.article
    pieces = list(page.boilerplate) + list(page.orphans)
    if article is not None:
        pieces += [p for s in article.sections for p in s.paragraphs]
        pieces += [s.heading for s in article.sections if s.heading is not None]
        pieces += list(article.datelines)
    for piece in pieces:
        if lines[piece] > 0:
            lines[piece] -= 1
        else:
            found.append(piece)
    return found
