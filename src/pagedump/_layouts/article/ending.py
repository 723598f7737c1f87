"""Where a story on an ordinary page ends.

The densest run of prose often runs on past the story: a "Related articles" heading and
its teasers, a comment thread or the reply form weigh little against a long story and
are carried along. A story's end is marked: a line that is nothing but a closing
heading (:attr:`pagedump.Dialect.end_markers`). Such a heading after most of the run's
prose ends the story there; one early in the run is an inline box ("Read also" and one
link) that the story goes on after. A box about the author (a name alone on its line,
then a few words about them) ends it too.
"""

from __future__ import annotations

from pagedump._layouts.article.evidence import (
    BAD,
    CUT,
    GOOD,
    ArticleData,
    ArticlePage,
    is_caption,
    words_of,
)
from pagedump._text import WORD_EDGES

__all__ = ["BOX_LINKS", "is_comment_count", "is_end_heading", "story_end"]

# The longest line read as a closing heading ("Das könnte Sie auch interessieren (3)").
_HEADING_CHARS = 60
# A heading followed by a few more words is one still ("More from Reuters").
_TAIL_WORDS = 3
# The share of the run's prose a closing heading must stand after to end the story.
_PROSE_BEFORE = 0.7
# Two different closing headings with at most this share of the run's prose between
# them, or an author's name under a byline's label, after this share of it, end the
# story at the first one.
_PAIR_BETWEEN = 0.05
_PAIR_AFTER = 0.4
# The share of the run's prose a line of chrome must stand after to end the story.
_BOX_AFTER = 0.85
# A name alone on its line: this many words, at most this many characters; and how many
# lines (a job title, "About the author") may stand between it and the box's text.
_NAME_WORDS = (2, 4)
_NAME_CHARS = 40
_BOX_LINES = 2
BOX_LINKS = 6
"""The most lines a box of links inside the story holds under its heading."""
# The paragraph after such a box is the story's when it is this long and shares this
# many content words (agreeing on their first letters) with the headline, the lead and
# the paragraph before the box.
_RESUME_CHARS = 150
_RESUME_SHARED = 2
_STEM = 5
# A banner (a box that shouts a slogan) prints at least this many lines in capitals.
_BANNER_LINES = 3
# A site speaking to its reader: "we" and "our", and "you", in the languages of the lists.
_SITE_WORDS = frozenset((
    "we", "our", "us", "wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer",
    "unseres", "nous", "notre", "nos", "nosotros", "nuestro", "nuestra", "nuestros",
    "nuestras", "noi", "nostro", "nostra", "nós", "nosso", "nossa", "wij", "ons", "onze"))
_READER_WORDS = frozenset((
    "you", "your", "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner",
    "euch", "euer", "eure", "vous", "votre", "vos", "tu", "ti", "tus", "usted", "voi",
    "você", "jij", "je", "jouw", "u"))
_POLITE_WORDS = frozenset(("Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihnen"))
_TOPIC_SAMPLE = 600
# How many lines before the story a byline whose name opens the author's box may stand.
_BYLINE_LOOKBACK = 12
# How a statement that closes a story ends: a full stop or a quote (after three words).
_STATEMENT_ENDS = frozenset(".\"'”’»")
_STATEMENT_SPACES = 2
# A thread's heading counts its comments ("12 Kommentare", "3 responses to “Title”"):
# a figure or a word for none or one, then a word for comments or replies. Past the
# story's first lines (this share of the run's prose) it ends the story: the thread
# under it may outweigh the story many times.
_COUNT_WORDS = frozenset((
    "no", "none", "one", "keine", "kein", "ein", "eine", "einen", "aucun", "aucune", "un",
    "une", "ningún", "ninguna", "uno", "una", "nessun", "nessuna", "nenhum", "nenhuma",
    "um", "geen", "één", "brak", "jeden"))
_THREAD_WORDS = frozenset((
    "comments", "comment", "responses", "response", "replies", "reply", "thoughts",
    "kommentare", "kommentar", "antworten", "antwort", "reaktionen", "commentaires",
    "commentaire", "réponses", "réponse", "comentarios", "comentario", "respuestas",
    "commenti", "risposte", "comentários", "reacties", "reactie", "komentarze", "komentarz",
    "odpowiedzi"))
# A counter of readers' likes, shares or views ("66 Likes") closes a story too.
_COUNTER_WORDS = frozenset(("likes", "like", "shares", "views", "aufrufe", "reads"))
_QUOTES = frozenset("\"“”„«»‘’‚'")
_COUNT_AFTER = 0.1


def is_end_heading(norm: str, data: ArticleData) -> bool:
    """Whether ``norm`` is only a closing heading, perhaps with a count or a name after it."""
    if not norm or len(norm) > _HEADING_CHARS or not data.end_phrases:
        return False
    words = words_of(norm)
    if _heads(words, data.end_phrases):
        return True
    # An article before the heading ("Die meistgelesenen Artikel").
    return len(words) > 1 and words[0] in data.function_words and _heads(
        words[1:], data.end_phrases)


def is_comment_count(norm: str, data: ArticleData) -> bool:
    """Whether ``norm`` heads a comment thread by counting it ("12 Kommentare").

    A count, then a word for comments, perhaps a preposition and the story's title in
    quotes ("11 Antworten zu “Title”", "No comments for “Title”"); or a counter of
    likes, shares or views alone ("66 Likes").
    """
    if not norm or len(norm) > _HEADING_CHARS * 3:
        return False
    words = words_of(norm[:_HEADING_CHARS * 3])
    if len(words) == 2 and words[0].isdigit() and words[1] in _COUNTER_WORDS:
        return True  # "66 Likes": the counter under a story, or under each teaser
    if len(words) < 2 or words[1] not in _THREAD_WORDS:
        return False
    if not (words[0].isdigit() or words[0] in _COUNT_WORDS):
        return False
    if len(words) == 2:
        return True
    # A title in quotes after a preposition: the story's own ("... zu “Title”").
    return words[2] in data.function_words and any(ch in _QUOTES for ch in norm)


def _heads(words: list[str], phrases: frozenset[str]) -> bool:
    """Whether ``words`` are a phrase of ``phrases`` and at most a few more words."""
    for size in range(len(words), max(len(words) - _TAIL_WORDS, 1) - 1, -1):
        if " ".join(words[:size]) in phrases:
            return True
    return False


def _is_name(norm: str, function_words: frozenset[str]) -> bool:
    """A person's name alone on its line: two to four capitalised words, nothing else."""
    if not norm or len(norm) > _NAME_CHARS or not norm[0].isupper():
        return False
    words = norm.split()
    if not _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]:
        return False
    for word in words:
        # A name is written in title case: a heading in capitals ("FRANCE WINS") is none.
        if not (word[0].isupper() and not word.isupper()
                and word.replace("-", "").replace(".", "").isalpha()
                and word.casefold() not in function_words):
            return False
    return True


def _opens_author_box(page: ArticlePage, i: int, span: tuple[int, int],
                      headline: int | None) -> bool:
    """Whether line ``i`` names the author of a box about them after the story.

    An author box prints the writer's name on its own line, then a few words about
    them that speak of the name again ("Jane Roe", "Jane is a reporter who..."), or
    stands under a byline's label ("Author", "Autor") that the story never holds, or
    repeats the byline's name the page printed before the story.
    """
    norms, data = page.norms, page.data
    start, end = span
    if page.weights[i] > 0.0 or not _is_name(norms[i], data.function_words):
        return False
    before = page.nonblank_before(i, 1)
    if before and norms[before[0]].casefold() in data.byline_alone:
        return True
    if norms[i] in norms[:start]:
        return True  # the byline's name, printed again over the box
    names = {word.casefold() for word in norms[i].split()}
    if headline is not None and not names.isdisjoint(words_of(norms[headline])):
        return False  # the story's subject ("Bougainvillea Glabra"), not its author
    j, skipped = i + 1, 0
    while j < end and skipped <= _BOX_LINES:
        if norms[j]:
            if page.weights[j] > 0.0:
                first = norms[j].split(None, 1)[0].casefold()
                return first in names
            skipped += 1
        j += 1
    return False


def _labelled_name(page: ArticlePage, i: int) -> bool:
    """Whether line ``i`` is a name alone under a byline's label ("Author", "Jane Roe")."""
    if page.weights[i] > 0.0 or not _is_name(page.norms[i], page.data.function_words):
        return False
    before = page.nonblank_before(i, 1)
    return bool(before) and page.norms[before[0]].casefold() in page.data.byline_alone


def _label_before(page: ArticlePage, i: int) -> int:
    """Line ``i``, or the byline's label right before it ("Author" over a name)."""
    before = page.nonblank_before(i, 1)
    if before and page.norms[before[0]].casefold() in page.data.byline_alone:
        return before[0]
    return i


def _byline_names(page: ArticlePage, start: int) -> list[str]:
    """The names of the bylines shortly before the story ("By Jane Roe"), case-folded."""
    byline = page.data.byline
    if byline is None:
        return []
    names: list[str] = []
    for i in page.nonblank_before(start, _BYLINE_LOOKBACK):
        norm = page.norms[i]
        found = byline.match(norm) if len(norm) <= _NAME_CHARS * 2 else None
        if found is None:
            continue
        words = norm[found.start("name"):].split()
        name = []
        for word in words[:_NAME_WORDS[1]]:
            name.append(word.strip(",|"))
            if not word[0].isupper() or word.endswith((",", "|")):
                break
        if _NAME_WORDS[0] <= len(name) and all(w[:1].isupper() for w in name):
            names.append(" ".join(name).casefold())
    return names


def _about_author(norm: str, names: list[str]) -> bool:
    """Whether a paragraph opens with the byline's name ("Jane Roe is a reporter ...")."""
    folded = norm[:_NAME_CHARS + 1].casefold()
    return any(folded.startswith(name) and folded[len(name):len(name) + 1] in (" ", ",")
               for name in names)


def story_end(page: ArticlePage, start: int, end: int, headline: int | None = None) -> int:
    """The end of the story in the run ``[start, end)``: at a closing heading after most prose.

    A run that goes on into a comment thread weighs the thread's prose too, so a box
    near the story's own end stands before too little of the run's prose to end it;
    once the story's end is found, the lines before it are judged again, on the
    story's own prose.
    """
    cut = _end_in_run(page, start, end, headline)
    if cut < end:
        cut = _end_in_run(page, start, cut, headline)
    return cut


def _end_in_run(page: ArticlePage, start: int, end: int, headline: int | None) -> int:
    """One reading of the story's end in ``[start, end)``, against the prose in it."""
    weights = page.weights
    total = sum(w for w in weights[start:end] if w > 0.0)
    if total <= 0.0:
        return end
    before = 0.0
    norms, data, classes = page.norms, page.data, page.classes
    names = _byline_names(page, start)
    for i in range(start, end):
        weight = weights[i]
        if names and weight > 0.0 and before >= _PROSE_BEFORE * total and _about_author(
                norms[i], names):
            # "Jane Roe is a reporter ...", under a story by Jane Roe: the author's box.
            return _prompt_before(page, i)
        if (classes[i] != GOOD and before >= _BOX_AFTER * total
                and _opens_with_prompt(norms[i], data)):
            # "Subscribe now to our edition for the full story.": a call, not prose.
            return _prompt_before(page, i)
        if before >= _COUNT_AFTER * total and is_comment_count(norms[i], data):
            # "11 Antworten zu “Title”": the thread under the story, however long.
            return _prompt_before(page, i)
        if (weight <= 0.0 and before >= _PROSE_BEFORE * total
                and is_end_heading(norms[i], data)
                and _story_resumes(page, i, end, _topic(page, start, i, headline))):
            continue  # "Related stories" and a few titles, and the story goes on
        if before >= _BOX_AFTER * total and _opens_banner(norms, i, end):
            # "UN PÚBLICO INFORMADO / DECIDE MEJOR. / ...": a banner shouts, a story tells.
            return _prompt_before(page, i)
        if weight > 0.0 and before >= _BOX_AFTER * total and _asks_for_site(norms[i]):
            # "Did you enjoy this article? Support our work!": the site speaks.
            return _prompt_before(page, i)
        if weight > 0.0:
            before += weight
        elif (before >= _PROSE_BEFORE * total and (
                is_end_heading(norms[i], data)
                or _opens_author_box(page, i, (start, end), headline))) or (
                before >= _PAIR_AFTER * total and (
                    (is_end_heading(norms[i], data)
                     and _second_heading(page, i, end, _PAIR_BETWEEN * total))
                    or _labelled_name(page, i))):
            # After most of the prose a closing heading or an author box ends the
            # story; after less, only boxes one after another, or an author's name
            # under a byline's label, that an inline box never is.
            return _prompt_before(page, _label_before(page, i))
        elif ((classes[i] == BAD or norms[i].startswith(data.chrome_symbols))
              and before >= _BOX_AFTER * total and norms[i].count(" ") >= 1
              and not is_caption(norms[i], data)):
            # A prompt after nearly all the story ("Sign up for our newsletter", "Share
            # this:") opens a box whose text speaks to the reader, not the story; a
            # line that opens with a rights mark ("© All rights reserved") closes it.
            return _prompt_before(page, i)
    return end


def _topic(page: ArticlePage, start: int, end: int, headline: int | None) -> set[str]:
    """The first letters of the content words of the headline, the lead and the last paragraph.

    The paragraphs are the first and the last of ``[start, end)``.
    """
    texts = [page.norms[headline]] if headline is not None else []
    first = next((i for i in range(start, end) if page.weights[i] > 0.0), None)
    last = next((i for i in range(end - 1, start - 1, -1) if page.weights[i] > 0.0), None)
    texts += [page.norms[i] for i in {first, last} if i is not None]
    return set().union(*(_stems(text, page.data) for text in texts))


def _stems(text: str, data: ArticleData) -> set[str]:
    """The first letters of the content words that open ``text``."""
    return {word[:_STEM] for word in words_of(text[:_TOPIC_SAMPLE])
            if len(word) >= _STEM and word not in data.function_words}


def _story_resumes(page: ArticlePage, i: int, end: int, topic: set[str]) -> bool:
    """Whether the story goes on after the box a closing heading opens at line ``i``.

    A box of links inside a story ("Related stories" and a few titles) is followed by
    more of the story: a full paragraph, no teaser cut short, that speaks of what the
    headline, the lead or the paragraph the box interrupts speak of. A teaser's text
    is shorter, or cut.
    """
    norms, weights, classes = page.norms, page.weights, page.classes
    links = 0
    for j in range(i + 1, end):
        norm = norms[j]
        if not norm:
            continue
        if weights[j] > 0.0:
            if classes[j] != GOOD or len(norm) < _RESUME_CHARS or norm.endswith(CUT):
                return False
            return links > 0 and len(_stems(norm, page.data) & topic) >= _RESUME_SHARED
        links += 1
        if links > BOX_LINKS or classes[j] == GOOD:
            return False
    return False


def _opens_banner(norms: list[str], i: int, end: int) -> bool:
    """Whether line ``i`` opens a banner: lines in capitals, one right under another."""
    if i + _BANNER_LINES > end:
        return False
    for norm in norms[i:i + _BANNER_LINES]:
        if not norm or norm.upper() != norm or not any(ch.isalpha() for ch in norm):
            return False
    return True


def _asks_for_site(norm: str) -> bool:
    """Whether a paragraph asks the reader something for the site.

    It asks or calls, and speaks of "you" and of "we" or "our" ("Did you enjoy this
    post? Would you support our work?").
    """
    if "?" not in norm and "!" not in norm:
        return False
    words = words_of(norm[:_TOPIC_SAMPLE])
    if _SITE_WORDS.isdisjoint(words):
        return False
    if not _READER_WORDS.isdisjoint(words):
        return True
    # German's polite "Sie", "Ihr", "Ihnen": capitalised inside a sentence.
    raw = norm[:_TOPIC_SAMPLE].split()
    return any(word.strip(WORD_EDGES) in _POLITE_WORDS and not raw[k - 1].endswith(
        (".", "?", "!", ":")) for k, word in enumerate(raw) if k)


def _second_heading(page: ArticlePage, i: int, end: int, most: float) -> bool:
    """Whether another closing heading follows line ``i`` with at most ``most`` prose between.

    An inline box ("Read also" and a link) holds one heading, and the story goes on
    after it; the boxes after a story come one after another ("About the author",
    then "Comments"; "Related links", then "More from ...").
    """
    norms, weights, data = page.norms, page.weights, page.data
    between = 0.0
    for j in range(i + 1, end):
        weight = weights[j]
        if weight > 0.0:
            between += weight
            if between > most:
                return False
        elif norms[j] and norms[j] != norms[i] and is_end_heading(norms[j], data):
            return True
    return False


def _opens_with_prompt(norm: str, data: ArticleData) -> bool:
    """Whether ``norm`` is a sentence opening with a chrome word ("Subscribe now to ...")."""
    if not norm or norm.count(" ") < _STATEMENT_SPACES:
        return False
    words = words_of(norm[:_HEADING_CHARS])
    return bool(words) and words[0] in data.chrome_phrases


def _prompt_before(page: ArticlePage, end: int) -> int:
    """The story's end moved up to the first line after its last paragraph that is no statement.

    The box that ends a story often opens with lines that ask the reader for something
    or label what follows ("Did you enjoy this article? Share it...", "Help us!",
    "Topics: ...", the author's name and job): past the last paragraph, only short
    statements ending in a full stop still close the story, as past the run's end.
    """
    norms, weights = page.norms, page.weights
    last = end - 1
    while last >= 0 and weights[last] <= 0.0:
        last -= 1
    for i in range(last + 1, end):
        norm = norms[i]
        if norm and not (norm[-1] in _STATEMENT_ENDS
                         and norm.count(" ") >= _STATEMENT_SPACES):
            return i
    return end
