"""Accuracy gate: the generic dialect scored against the bodies of ``tests/data/generic``.

The metric is the one of the public article-extraction benchmark by Scrapinghub (MIT),
re-implemented here so that the suite reads nothing outside the repository: texts are
cut into ``\\w+`` tokens and compared as multisets of 4-token shingles; each page's
true positives, false positives and false negatives are normalised to sum to 1;
precision and recall are averaged over the pages, and F1 is their harmonic mean. The
body ``parse`` returns is its article's headings and paragraphs, in order.

The floor below is pinned: raise it when accuracy improves, never lower it to make a
change pass.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

import pagedump
from pagedump import GENERIC

BODY_F1_FLOOR = 0.9485
"""Achieved 0.94851 (precision 0.9392, recall 0.9580) when pinned: the figure rounded
down at the four decimals the gate prints. The reference bodies leave out a story's
standfirst, which the article layout reads as its first paragraph."""

DATA_DIR = Path(__file__).parent / "data" / "generic"
TOKEN = re.compile(r"\w+")

Row = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + n])
                   for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> Row:
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_recall_f1(rows: list[Row]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    precisions = [precision(*r) for r in rows if r[0] + r[1] > 0]
    recalls = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def body_of(page: pagedump.Page) -> str:
    """The article's headings and paragraphs, one per line (nothing for no article)."""
    return "" if page.article is None else page.article.text


def pages() -> list[tuple[str, str]]:
    found = []
    for reference in sorted(DATA_DIR.glob("*.body.txt")):
        dump = reference.with_name(reference.name.removesuffix(".body.txt") + ".txt")
        found.append((dump.read_text(encoding="utf-8"), reference.read_text(encoding="utf-8")))
    return found


@pytest.fixture(scope="module")
def scores() -> tuple[float, float, float]:
    rows = []
    for dump, reference in pages():
        page = pagedump.parse(dump, dialect=GENERIC)
        rows.append(tp_fp_fn(reference, body_of(page)))
    return precision_recall_f1(rows)


def test_the_corpus_is_there() -> None:
    assert len(pages()) == 91


def test_body_f1_stays_above_its_floor(scores: tuple[float, float, float]) -> None:
    precision, recall, f1 = scores
    assert f1 >= BODY_F1_FLOOR, (
        f"body F1 {f1:.4f} (precision {precision:.4f}, recall {recall:.4f}) "
        f"fell below {BODY_F1_FLOOR}")


def test_the_whole_dump_scores_below_the_dialect() -> None:
    # The floor a reader gets by keeping everything: the dialect must beat it by far.
    rows = [tp_fp_fn(reference, dump) for dump, reference in pages()]
    assert precision_recall_f1(rows)[2] < 0.7
