"""Where a story on an ordinary page ends.

The densest run of prose often runs on past the story: a "Related articles" heading and
its teasers, a comment thread or the reply form weigh little against a long story and
are carried along. A story's end is marked: a line that is nothing but a closing
heading (:attr:`pagedump.Dialect.end_markers`). Such a heading after most of the run's
prose ends the story there; one early in the run is an inline box ("Read also" and one
link) that the story goes on after.
"""

from __future__ import annotations

from pagedump._layouts.article.evidence import BAD, ArticleData, ArticlePage, words_of

__all__ = ["is_end_heading", "story_end"]

# The longest line read as a closing heading ("Das könnte Sie auch interessieren (3)").
_HEADING_CHARS = 60
# A heading followed by a few more words is one still ("More from Reuters").
_TAIL_WORDS = 3
# The share of the run's prose a closing heading must stand after to end the story.
_PROSE_BEFORE = 0.7
# The share of the run's prose a line of chrome must stand after to end the story.
_BOX_AFTER = 0.85


def is_end_heading(norm: str, data: ArticleData) -> bool:
    """Whether ``norm`` is only a closing heading, perhaps with a count or a name after it."""
    if not norm or len(norm) > _HEADING_CHARS or not data.end_phrases:
        return False
    words = words_of(norm)
    for size in range(len(words), max(len(words) - _TAIL_WORDS, 1) - 1, -1):
        if " ".join(words[:size]) in data.end_phrases:
            return True
    return False


def story_end(page: ArticlePage, start: int, end: int) -> int:
    """The end of the story in the run ``[start, end)``: at a closing heading after most prose."""
    weights = page.weights
    total = sum(w for w in weights[start:end] if w > 0.0)
    if total <= 0.0:
        return end
    before = 0.0
    norms, data, classes = page.norms, page.data, page.classes
    for i in range(start, end):
        weight = weights[i]
        if weight > 0.0:
            before += weight
        elif before >= _PROSE_BEFORE * total and is_end_heading(norms[i], data):
            return i
        elif (classes[i] == BAD and before >= _BOX_AFTER * total
              and norms[i].count(" ") >= 1):
            # A prompt after nearly all the story ("Sign up for our newsletter", "Share
            # this:") opens a box whose text speaks to the reader, not the story.
            return i
    return end
