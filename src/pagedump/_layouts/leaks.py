"""Chrome an outlet leaks into a story: told from the story by shape, position and topic.

An aggregator scrapes the outlet's whole article container, so the outlet's widgets
come along and stand where the story should: a carousel of other stories' video
captions, a fact box about another company, a directory of mastheads, other
headlines, a subscription prompt, a translation notice. Few of them hold a fixed
phrase; what gives them away is that they are about something other than *this*
story, or about the page rather than the news.

This stage runs before the body is read. It looks only at the body's free text lines,
computes each line's content words once, and claims what it finds as boilerplate (a
fact box it keeps is claimed as story). The cues, cheapest first:

* lines about the page or addressed to the reader (a translation notice, a
  subscription or newsletter prompt), and a blurb about the outlet itself;
* captions: a credit at the end of the line (``Video: Name``, ``REUTERS/Name``,
  ``(Agency)``), or a credit alone on the line above; on a gallery page, whose
  captions agree in topic with the headline, they are the story;
* ``Key: value`` boxes whose values share no word with the story;
* labels repeated with the same last word (programme names), player clocks;
* runs of short lines with no sentence flow that no lead-in line introduces
  (mastheads, player menus, tag lists, other headlines);
* a headline-like line that introduces nothing and shares no word with the story,
  and a teaser (a title and its standfirst) about another subject at the story's end.

*Topic* is a set of content words (stopped, lower-cased, a plural ``s`` dropped): the
headline's and the lead paragraph's for the narrow topic, every paragraph's for the
wide one. A line agrees with the story when it shares a word with it.
"""

from __future__ import annotations

import bisect
import functools
import re
from itertools import accumulate
from typing import NamedTuple

from pagedump._shapes import CAPTION_MAX, CREDIT_ENDS
from pagedump._state import LineState
from pagedump._text import SENTENCE_ENDS, WORD_EDGES, ends_sentence, starts_capitalised
from pagedump._tokens import LineKind, Role
from pagedump._words import FUNCTION_WORDS

__all__ = ["claim_leaks", "is_dialogue"]

_BOILERPLATE = LineKind.BOILERPLATE
_BODY = LineKind.BODY
_HEADLINE_ROLE, _SOURCE_TIME = Role.HEADLINE, Role.SOURCE_TIME


def _word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]{4,}")
# Words too common in news to tie a line to a story.
_STOP = FUNCTION_WORDS | _word_set(
    "said says told according would could should there their they them then than"
    " this that these those with from have been were will into over about after before"
    " while when where which what whom because being also only just more most some"
    " other each every many much such very still even back down here first last next"
    " year years month months week weeks time times today yesterday night day days"
    " monday tuesday wednesday thursday friday saturday sunday morning afternoon evening"
    " people new like make made take took look looks looked around across through"
    " three four five seven eight nine hundred thousand million billion percent"
    " report reports reported reporter reporting video photo"
)
# A key and its value: "Director: Hana Al Sayegh", "Who is exempt: children under 16".
_KEYED = re.compile(r"([A-Z][\w'’&. -]{0,30}?): (\S.*)\Z")
_PARAGRAPH_ENDS = CREDIT_ENDS | frozenset("'\"’”»")
"""How a paragraph ends (a sentence, or a quotation), and no credit does."""
_KEY_END = 33
"""Where the colon after the longest key stands, at the latest."""

# A caption's credit that the dialect's labels do not name: an agency and a name
# joined by a slash ("... REUTERS/Ana Ruiz/File Photo"), or an agency in brackets
# after the caption's full stop ("... on Saturday. (Yonhap)").
_SLASH_CREDIT = re.compile(r"\b[A-Z]{2,}(?: [A-Z][a-z]+)?/[A-Z][^/]{1,40}(?:/[\w ]{1,20})?\Z")
_BRACKET_CREDIT = re.compile(r"[.!?] \([A-Z][\w .&'-]{1,30}\)\Z")
# A player's clock: "Duration 3:18", "04:12".
_CLOCK = re.compile(r"\D{0,20}\d{1,2}:\d{2}(?::\d{2})?\Z")
# Words a line uses to speak to the reader, by kind of cue; a prompt shows two kinds.
# (Case-sensitive but for the first letter: a case-blind search costs several times more.)
_PROMPT = re.compile(
    r"\b(?:[Ss]ubscri\w*|[Nn]ewsletters?|[Ss]ign up|[Ff]ree trial|[Mm]embership"
    r"|[Bb]ecome a member|[Uu]nlimited|[Dd]igital access|[Cc]ancel any ?time|app)\b")
_PROMPT_HINTS = ("subscri", "newsletter", "sign up", "free trial", "member", "unlimited",
                 "digital access", "cancel any")
"""What a line holds at the start of a word (the first letter in either case) before
the prompt words are searched for at all (a search for any of them costs several
times more)."""
_HINT_RESTS = tuple((hint, hint[1:]) for hint in _PROMPT_HINTS)
"""Each hint, and what follows its first letter (what the text is searched for)."""
_PROMPT_REACH = len("become a ")
"""How far before its hint a prompt word may start (``"become a member"``)."""
_PROMPT_WORDS = ("app",)
"""Prompt words a line holds as whole words, as they are."""
_PRICE = re.compile(
    r"(?:[£$€]|\bR)\d|\b\d+ cents\b|\ba (?:week|month)\b|\bfree\b(?! trial)", re.IGNORECASE)
_ADDRESS = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_IMPERATIVES = _word_set(
    "get join sign subscribe support stream download become try watch listen follow"
    " read register")
# A line about the page itself: its translation.
_TRANSLATED = re.compile(r"translat", re.IGNORECASE)
_SELF = re.compile(r"\b(?:this (?:page|article|story)|original)\b", re.IGNORECASE)

_SHORT = 6
"""The most words a line of a menu, directory or tag list has."""
_RUN = 3
"""The shortest run of such lines that is chrome without a lead-in."""
_BOX_SHARE = 5
"""A box is the story's when one line in this many shares a word with the story."""
_TOPIC_MIN = 4
"""The fewest content words a headline has for a body that shares none to be another
story's."""
_BRACKETED = "()"
"""The label of a caption credited in brackets: ``"... on Saturday. (Yonhap)"``."""
_NOTICE_MAX = 160
"""The longest line read as a notice or a prompt."""
_TITLE_MAX = 120
"""The longest line read as a title or a label."""
_PROSE_MIN = 60
"""The shortest line read as a paragraph of prose."""
_FOUND = -1
"""What ``str.find`` returns for a piece of text the string does not hold."""
_CAPTION_LINE = 160
"""The longest picture description under a credit line."""
_UNJUDGED = -2
"""A line whose shape :meth:`_Leaks._loose_line` has not read yet."""
_CREDIT_LINE = 40
"""The longest credit line (a short line printed again and again over pictures)."""


def words(text: str) -> frozenset[str]:
    """A line's content words: lower-cased, stopped, a plural ``s`` dropped.

    A word is a run of at least four letters. Most of a line's words are plain
    letters between spaces and punctuation, read without a search; the rest
    (``"Trump's"``, ``"long-range"``) are searched for their runs of letters.
    """
    found = set()
    for raw in text.split():
        if len(raw) < 4:
            continue
        token = raw.strip(WORD_EDGES).lower()
        if token.isalpha():
            if len(token) < 4:
                continue
            runs: list[str] = [token]
        else:
            runs = _WORD.findall(token)
        for word in runs:
            if word in _STOP:
                continue
            found.add(word[:-1] if word[-1] == "s" and len(word) > 4 else word)
    return frozenset(found)


def is_dialogue(text: str) -> bool:
    """Whether ``text`` is a speaker's line: ``"Name: What did you know?"``."""
    # (The pattern only runs where a key's colon can stand.)
    match = _KEYED.match(text) if text.find(": ", 0, _KEY_END + 1) > 0 else None
    return match is not None and _is_said(match[2])


def _is_said(value: str) -> bool:
    return starts_capitalised(value) and value[-1] in SENTENCE_ENDS


def _box_value(text: str) -> str | None:
    """The value of a ``Key: value`` fact-box line, or ``None`` for any other line."""
    colon = text.find(": ", 0, _KEY_END + 1)  # (the colon and its space)
    match = _KEYED.match(text) if colon > 0 else None
    if match is None or len(match[1].split()) > 4 or _is_said(match[2]):
        return None
    if any(char.isdigit() for char in match[1]):
        return None  # a dated sub-heading: "July 7: Court sets hearing date"
    return match[2]


@functools.cache
def _credit_marks(separators: tuple[str, ...]) -> tuple[str, ...]:
    """A character of each credit separator, but a colon or a slash (looked for anyway).

    Found once per dialect's separators, not once per page.
    """
    return tuple({separator.strip()[:1] or separator[:1] for separator in separators}
                 - {":", "/"})


class _Outlet(NamedTuple):
    """How a story's outlet is named in the text it leaks (see :func:`_outlet`)."""

    blurbs: tuple[str, ...]
    """How a blurb about the outlet opens: ``"ap is "``, ``"the associated press is "``."""
    longest: int
    """The length of the longest blurb opening."""
    spaced: tuple[str, ...]
    """Its names between spaces, lower-cased: ``" associated press "``, ``" ap "``."""


@functools.lru_cache(maxsize=256)
def _outlet(source: str) -> _Outlet:
    """The names of the outlet called ``source``, found once per outlet, not per page.

    Its name, and its initials when it has several words.
    """
    name = source.lower().removeprefix("the ")
    initials = "".join(word[0] for word in name.split() if word)
    names = (name, initials) if len(initials) >= 2 and " " in name else (name,)
    blurbs = tuple(f"{the}{each} is " for each in names for the in ("", "the "))
    return _Outlet(blurbs, max(map(len, blurbs)), tuple(f" {each} " for each in names))


def claim_leaks(state: LineState, texts: list[int], start: int, end: int) -> None:
    """Claim the chrome leaked into the story between ``start`` and ``end``.

    Args:
        state: The page.
        texts: The lines of free text between ``start`` and ``end``, in order.
        start: The story's first line.
        end: The line after the story's last.
    """
    leaks = _Leaks(state, texts, start, end)
    if leaks.lines:
        leaks.run()


class _Leaks:
    """One page's body lines, their words, and what has been found leaked so far."""

    def __init__(self, state: LineState, texts: list[int], start: int, end: int) -> None:
        self.state = state
        self.norms = state.norms
        self.lines: list[int] = []
        """The free lines of text between ``start`` and ``end``, which the stage judges."""
        self.start, self.end = start, end
        self.leaked: set[int] = set()
        self.kept: set[int] = set()
        self.shaped: dict[int, int | None] = {}
        """Per line judged so far, what :meth:`_loose_line` reads of its text."""
        self.notices: list[int] = []
        """The lines short enough to be a notice or a prompt."""
        self.brief: list[int] = []
        """The lines short enough to be a credit line."""
        self.titles: list[int] = []
        """The lines short enough to be a title or a label that end like one (most of
        a story is longer, and ends in a full stop)."""
        self.keyed: list[int] = []
        """The lines with a colon: fact boxes, player clocks."""
        self.marked: list[int] = []
        """The lines that may end in a credit: each credit holds a separator, a slash
        or a closing bracket."""
        notes = self._sort(texts)
        self.short = frozenset(self.titles)
        self.notes = _Text(self.notices, notes)
        """The text of the lines short enough to be a notice or a prompt."""
        self.title, self.source = self._header()
        self._headline: frozenset[str] | None = None
        self._lead: int | None = _UNJUDGED
        self._narrow: frozenset[str] | None = None

    def _sort(self, texts: list[int]) -> list[str]:
        """Find the lines to judge and sort them for the cues, in one step per line.

        Most of a story is long lines of prose, which most cues never stand in.

        Returns:
            The text of each notice (see :attr:`notices`).
        """
        norms = self.norms
        # The dump's first and last lines may be cut anywhere: they are not judged.
        low = 1 if texts and texts[0] == 0 else 0
        high = len(texts) - 1 if texts and texts[-1] == len(norms) - 1 else len(texts)
        self.lines = lines = texts[low:high]
        # (The lists as local names: this loop runs on every line of the body.)
        notices, titles, brief = self.notices, self.titles, self.brief
        keyed, marked = self.keyed, self.marked
        notes: list[str] = []
        marks = _credit_marks(self.state.dialect.credit_separators)
        notice_max, ends = _NOTICE_MAX, _PARAGRAPH_ENDS
        for i in lines:
            norm = norms[i]
            size = len(norm)
            final = norm[-1]
            if size > notice_max:
                if final in ends:
                    # A paragraph: its key would stand first, and no credit ends it.
                    if ":" in norm and norm.index(":") < _KEY_END:
                        keyed.append(i)
                    continue
            else:
                notices.append(i)
                notes.append(norm)
                if size <= _CREDIT_LINE:
                    brief.append(i)
                if size <= _TITLE_MAX and (final.isalnum() or final == "%"):
                    titles.append(i)
            if ":" in norm:
                keyed.append(i)
                marked.append(i)
            elif "/" in norm or final == ")" or (marks and any(m in norm for m in marks)):
                marked.append(i)
        return notes

    @functools.cached_property
    def words(self) -> _Words:
        """Each line's content words, each found when first asked (most pages need none)."""
        return _Words(self.norms)

    @functools.cached_property
    def prose(self) -> list[int]:
        """The lines long enough to be a paragraph (found when asked)."""
        norms = self.norms
        return [i for i in self.lines if len(norms[i]) >= _PROSE_MIN]

    @property
    def headline(self) -> frozenset[str]:
        """The words of the story's headline (found when asked)."""
        if self._headline is None:
            self._headline = words(self.title) if self.title else frozenset()
        return self._headline

    @property
    def lead(self) -> int | None:
        """The story's lead: its first paragraph about the headline's subject."""
        if self._lead == _UNJUDGED:
            lead = next((i for i in self.prose if self.words[i] & self.headline), None)
            if lead is None and not self.headline and self.prose:
                lead = self.prose[0]
            self._lead = lead
        return self._lead

    @property
    def narrow(self) -> frozenset[str]:
        """The story's subject: the words of its headline and its lead (found when asked)."""
        if self._narrow is None:
            lead = self.lead
            self._narrow = self.headline | (self.words[lead] if lead is not None else frozenset())
        return self._narrow

    def _header(self) -> tuple[str | None, str | None]:
        """The story's headline and its outlet's name, from the lines above the body."""
        state = self.state
        norms, roles = state.norms, state.roles
        headline = source = None
        for i in range(self.start):
            role = roles[i]
            if role is _HEADLINE_ROLE:
                headline = norms[i]
            elif role is _SOURCE_TIME:
                value = state.values[i] or ""
                source = norms[i][: len(norms[i]) - len(value)].strip() or None
        return headline, source

    def run(self) -> None:
        self._notices()
        self._captions()
        self._boxes()
        self._labels()
        if self.leaked or self.kept or not all(map(self._embedded, self.titles)):
            self._runs()
            self._loose()
            self._sandwiched()
        claim = self.state.claim
        for i in sorted(self.leaked):
            claim(i, _BOILERPLATE)
        for i in sorted(self.kept - self.leaked):
            claim(i, _BODY, Role.PARAGRAPH)

    def _embedded(self, i: int) -> bool:
        """Whether line ``i`` stands between two paragraphs, and more story follows.

        Such a line (a sub-heading, most often) is the story's as long as nothing
        around it has been found leaked: it is no run, it introduces a paragraph,
        and it is not at the story's end.
        """
        lines = self.lines
        k = bisect.bisect_left(lines, i)
        if not 0 < k < len(lines) - 2:
            return False
        before, after = lines[k - 1], lines[k + 1]
        norms = self.norms
        if (len(norms[after]) < _PROSE_MIN or after in self.short
                or len(norms[before]) < _PROSE_MIN):
            return False  # (a line both long and short enough may be a title too)
        norm = norms[before]
        return (norm[-1] in SENTENCE_ENDS and not norm.endswith(":")
                and self._follows(before, i) and self._follows(i, after))

    # -- single lines -----------------------------------------------------------------
    def _notices(self) -> None:
        """Prompts, page notices, the outlet's blurb, player clocks, outlet credits."""
        norms, leaked, lines = self.norms, self.leaked, self.lines
        outlet = _outlet(self.source) if self.source else None
        if outlet is not None:
            longest = outlet.longest
            for i in {lines[0], lines[-1]}:
                if norms[i][:longest].lower().startswith(outlet.blurbs):
                    leaked.add(i)  # the outlet describing itself
        # A notice or a prompt is a line or two, not a paragraph. What it holds is
        # found in the body's text at once, and only the lines that hold it are read.
        notes = self.notes
        text = notes.text
        found: dict[int, int] = {}  # a line, and where a prompt word may start in it
        # Most pages hold none of the words: a plain test of the text for each (the
        # part :meth:`_Text.hits` searches for first) settles it without a search.
        for hint, rest in _HINT_RESTS:
            if rest in text:
                for i, at in notes.hits(hint).items():
                    found[i] = min(at, found.get(i, at))
        for word in _PROMPT_WORDS:
            if word in text:
                for i, at in notes.hits(word, whole=True).items():
                    found[i] = min(at, found.get(i, at))
        for i, at in sorted(found.items()):
            if i not in leaked and _is_prompt(norms[i], at):
                leaked.add(i)
        if "ranslat" in text:
            for i in notes.holding("ranslat", start=False):
                if _SELF.search(norms[i]) is not None:
                    leaked.add(i)  # a notice about the page's translation
        for i in self.keyed:
            norm = norms[i]
            if len(norm) <= 40 and _CLOCK.match(norm) is not None and len(norm.split()) <= 3:
                leaked.add(i)  # a player's clock
        if outlet is not None:
            spaced = outlet.spaced
            for i in self.titles:
                norm = norms[i]
                if len(norm) > 60 or i in leaked:
                    continue
                low = f" {norm.lower()} "
                for name in spaced:
                    if name in low:
                        leaked.add(i)  # the outlet's name alone: a photo credit
                        break

    # -- captions ---------------------------------------------------------------------
    def _captions(self) -> None:
        """Captions with a credit, and pictures described under a credit line."""
        # (Most stories hold no line that can end in a credit: none is read for one.)
        captions = self._credited() if self.marked else {}
        gallery = self._gallery(captions)
        for i, label in captions.items():
            if label != gallery and not (i == self.lines[0] and self.words[i] & self.headline):
                self.leaked.add(i)  # (a video page's own clip, on top, is about its headline)
        if gallery is None:
            self._under_credits(captions)

    def _credited(self) -> dict[int, str]:
        """The lines that end in a credit, not yet found leaked, and each one's label.

        A captioned line's words become those of its caption alone, the credit left out.
        """
        state, norms = self.state, self.norms
        rules = state.rules
        assert rules is not None  # the aggregator layout compiles them first
        pattern, separators = rules.captions, rules.credit_separators
        captions: dict[int, str] = {}
        # Every credit holds a separator, a slash or a closing bracket.
        for i in self.marked:
            if i in self.leaked:
                continue
            norm = norms[i]
            size = len(norm)
            if size > CAPTION_MAX:
                continue
            label, found = None, None
            if pattern is not None and norm[-1] not in CREDIT_ENDS:
                # A credit stands in the last characters, after a separator: the
                # pattern only runs where one stands there.
                tail = size - 80 if size > 80 else 0
                for separator in separators:
                    if norm.find(separator, tail) >= 0:
                        found = pattern.search(norm, tail)
                        if found is not None:
                            label = found[0].split(separator, 1)[0]
                        break
            if label is None and "/" in norm and _SLASH_CREDIT.search(norm):
                label = "/"
            if label is None and norm[-1] == ")":
                bracket = _BRACKET_CREDIT.search(norm)
                # One sentence: a paragraph of several signed by its agency is story.
                if bracket is not None and ". " not in norm[:bracket.start()]:
                    label = _BRACKETED
            if label is not None:
                captions[i] = label
                self.words[i] = words(norm[:found.start()]) if found is not None else self.words[i]
        return captions

    def _gallery(self, captions: dict[int, str]) -> str | None:
        """The credit label of a gallery's captions, or ``None`` when it is no gallery.

        On a gallery page most of the text is captions, and they agree in topic with
        the headline and the lead: they are the story. A carousel of other stories'
        clips is as long, but about other things.
        """
        if len(captions) < 3:
            return None
        others = sum(1 for i in self.lines if i not in captions and i not in self.leaked)
        if len(captions) < others:
            return None
        labels: dict[str, int] = {}
        for label in captions.values():
            labels[label] = labels.get(label, 0) + 1
        top = max(labels, key=labels.__getitem__)
        if top == _BRACKETED and not others:
            return top  # a digest: each item credits its source in brackets
        narrow = self.narrow
        agree = sum(1 for i in captions if self.words[i] & narrow)
        return None if agree * 2 < len(captions) else top

    def _under_credits(self, captions: dict[int, str]) -> None:
        """Credit lines (a short line printed again and again), and the picture under each."""
        norms = self.norms
        seen: dict[str, list[int]] = {}
        for i in self.brief:
            norm = norms[i]
            if norm.count(" ") < 4:
                seen.setdefault(norm, []).append(i)
        credits = {i for found in seen.values() if len(found) > 1 for i in found}
        credits |= {i for i in self.leaked
                    if len(norms[i]) <= _CREDIT_LINE and not ends_sentence(norms[i])}
        self.leaked |= credits
        if not credits:
            return
        lines = set(self.lines)
        for i in sorted(credits):
            nxt = i + 1
            if nxt not in lines or nxt in captions:
                continue
            norm = norms[nxt]
            if len(norm) <= _CAPTION_LINE and ends_sentence(norm) and ". " not in norm[:-1]:
                self.leaked.add(nxt)

    # -- fact boxes -------------------------------------------------------------------
    def _boxes(self) -> None:
        """``Key: value`` boxes: the story's when their values share its words."""
        if not self.keyed:  # (most stories hold no line with a colon)
            return
        norms, leaked = self.norms, self.leaked
        # (A key is at most 31 characters long, as _KEYED says.)
        values = {i: value for i in self.keyed
                  if i not in leaked and (value := _box_value(norms[i])) is not None}
        if not values:
            return
        wide = set(self.headline)
        for i in self.prose:
            if i not in leaked and i not in values:
                wide |= self.words[i]
        if not wide:
            return
        box_lines = set(values)
        box: list[tuple[int, str]] = []
        for i in [*self.lines, -1]:
            value = values.get(i)
            if value is not None and (not box or self._follows(box[-1][0], i)):
                box.append((i, value))
                continue
            if box:
                # One line alone is told by the headline and the lead, a box by the story.
                topic = wide if len(box) > 1 else self.narrow
                agree = sum(1 for _, v in box if words(v) & topic)
                alone = all(j in box_lines for j in self.prose)
                own = alone or agree * _BOX_SHARE >= len(box)
                target = self.kept if own else self.leaked
                target.update(j for j, _ in box)
                box = []
            if value is not None:
                box.append((i, value))

    def _follows(self, i: int, j: int) -> bool:
        """Whether line ``j`` comes right after line ``i`` (blank lines between)."""
        return j == i + 1 or self.state.next_nonblank(i + 1, self.end) == j

    # -- runs and labels ----------------------------------------------------------------
    def _loose_line(self, i: int) -> bool:
        """A short line of no sentence: a name, a label, a menu item, a title.

        Not a piece of a sentence a removed link split: it ends in a word or a
        figure, and neither the line before ends mid-sentence nor the line after
        carries on the sentence.
        """
        if i not in self.short or i in self.leaked or i in self.kept:
            return False
        shaped = self._shape(i)
        if shaped is None:
            return False
        # Unless the line before, which ends mid-sentence, has itself been found leaked.
        return shaped < 0 or shaped in self.leaked

    def _shape(self, i: int) -> int | None:
        """What :meth:`_loose_shape` says of line ``i``, read once."""
        shaped = self.shaped.get(i, _UNJUDGED)
        if shaped == _UNJUDGED:
            shaped = self.shaped[i] = self._loose_shape(i)
        return shaped

    def _loose_shape(self, i: int) -> int | None:
        """What :meth:`_loose_line` asks of the text, which the stage does not change.

        Returns:
            ``None`` when line ``i`` is no loose line whatever is found leaked; the
            line before it when that line ends mid-sentence (then ``i`` is loose only
            if that line is leaked); else ``-1``.
        """
        norm = self.norms[i]
        last = norm[-1]
        if (not (last.isalnum() or last == "%")
                or norm.endswith(self.state.dialect.paragraph_closers)):
            return None
        after = i + 1
        if after < self.end and self.norms[after]:
            first = self.norms[after][0]
            if first.islower() or first in ",;.)":
                return None
        state = self.state
        before = state.prev_nonblank(i - 1, self.start)
        if (before is not None and before == i - 1 and state.kinds[before] is None
                and not ends_sentence(self.norms[before])
                and not self.norms[before].endswith(":")
                and not (self.norms[before][-1].isalnum()
                         and len(self.norms[before]) <= _TITLE_MAX)):
            return before
        return -1

    def _labels(self) -> None:
        """Short labels sharing their last word, each above a clip: programme names."""
        norms = self.norms
        last: dict[str, list[int]] = {}
        for i in self.titles:
            split = norms[i].split(None, 3)  # (no more words than a label has are split)
            if len(split) <= 3 and starts_capitalised(norms[i]) and self._loose_line(i):
                last.setdefault(split[-1].lower(), []).append(i)
        for found in last.values():
            if len(found) > 1:
                self.leaked.update(found)

    def _runs(self) -> None:
        """Runs of loose lines that no lead-in line introduces."""
        norms = self.norms
        # Only short lines and leaked ones can be in a run: a long line between two
        # of them does not follow the first, and so ends its run.
        run: list[int] = []
        for i in [*sorted(self.short.union(self.leaked)), -1]:
            if i >= 0 and (i in self.leaked or (
                    self._loose_line(i) and len(norms[i].split()) <= 2 * _SHORT)):
                if run and not self._follows(run[-1], i):
                    self._close_run(run)
                    run = []
                run.append(i)
                continue
            if run:
                self._close_run(run)
                run = []

    def _close_run(self, run: list[int]) -> None:
        if self._introduced(run[0]):
            self.kept.update(run)  # a list the story introduces
        elif len(run) >= _RUN:
            self.leaked.update(run)

    def _introduced(self, i: int) -> bool:
        """Whether the story's line above ``i`` is a lead-in to a list: ``"... are:"``."""
        before = self.state.prev_nonblank(i - 1, self.start)
        return (before is not None and self.state.free_text(before)
                and before not in self.leaked and self.norms[before].endswith(":"))

    def _loose(self) -> None:
        """Headline-like lines that introduce nothing, and teasers at the story's end."""
        norms, lines = self.norms, self.lines
        # The lines that may be loose (more may turn loose as lines are found leaked).
        loose = [(bisect.bisect_left(lines, i), i) for i in self.titles
                 if i not in self.leaked and self._shape(i) is not None]
        # The shape of a line is asked first, its subject last: most lines are
        # settled without finding the story's subject at all.
        for k, i in loose:
            if not self._loose_line(i) or self._introduced(i):
                continue
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if nxt is not None and not self._follows(i, nxt):
                nxt = None
            if nxt is None or nxt in self.leaked or self._loose_line(nxt):
                if (nxt is not None or self.end < len(norms)) and self._off_topic(i):
                    self.leaked.add(i)
                continue
            # A title and its standfirst, the story's last lines, about another subject.
            after = lines[k + 2] if k + 2 < len(lines) else None
            at_end = (after is None and self.end < len(norms)) or after in self.leaked
            if (at_end and len(self.headline) >= _TOPIC_MIN and self.lead is None
                    and self._off_topic(i) and self._off_topic(nxt)):
                self.leaked.update((i, nxt))
        # A clip under a leaked label, at the story's end, about another subject.
        if len(lines) > 1 and self.end < len(norms):
            i = lines[-1]
            if (lines[-2] in self.leaked and i not in self.leaked and i != self.lead
                    and self._off_topic(i)):
                self.leaked.add(i)

    def _off_topic(self, i: int) -> bool:
        """Whether line ``i`` is about another subject than the story's headline and lead.

        A story with no known subject has no line off it.
        """
        narrow = self.narrow
        return bool(narrow) and not self.words[i] & narrow

    def _sandwiched(self) -> None:
        """A line of another subject between two leaked lines (a carousel's caption)."""
        lines, leaked = self.lines, self.leaked
        if len(leaked) < 2 or not self.narrow:
            return
        narrow = self.narrow
        found = [
            i for k, i in enumerate(lines[1:-1], 1)
            if lines[k - 1] in leaked and lines[k + 1] in leaked
            and i not in leaked and i not in self.kept and i != self.lead
            and not self.words[i] & narrow
        ]
        leaked.update(found)


class _Words(dict[int, frozenset[str]]):
    """Each line's content words, computed the first time they are asked for."""

    def __init__(self, norms: list[str]) -> None:
        super().__init__()
        self.norms = norms

    def __missing__(self, i: int) -> frozenset[str]:
        found = self[i] = words(self.norms[i])
        return found


def _opens_imperative(norm: str) -> bool:
    """Whether a line opens with a verb that asks the reader to act."""
    space = norm.find(" ")
    return (norm[:space] if space > 0 else norm).lower() in _IMPERATIVES


def _is_prompt(norm: str, at: int = 0) -> bool:
    """Whether a line speaks to the reader: two kinds of cue, one of them a strong one.

    ``at`` is where the first prompt word's hint stands in the line, if known.
    """
    found = _PROMPT.search(norm, max(0, at - _PROMPT_REACH))
    # An imperative opening the line is a cue, unless it is the strong word itself.
    imperative = _opens_imperative(norm) and not (found and found.start() == 0)
    if found is None and not imperative:
        return False  # (two weak cues are not enough: no more searching)
    cues = (found is not None) + imperative + (_PRICE.search(norm) is not None)
    if cues < 2 or found is None:
        cues += _ADDRESS.search(norm) is not None
    return cues >= 3 or (found is not None and cues >= 2)


class _Text:
    """The text of some lines, joined once, and which of the lines hold a piece of it.

    One search of the joined text costs much less than one per line, and much less
    than lower-casing it (a search takes the first letter in either case instead).
    """

    def __init__(self, indexes: list[int], lines: list[str]) -> None:
        self.indexes = indexes
        self.lines = lines
        self.text = "\n".join(lines)
        self.count = len(lines)
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Where each line starts in the text (each is followed by a line break).

        Found when first asked: most pages hold nothing searched for.
        """
        if self._starts is None:
            self._starts = list(accumulate(map((1).__add__, map(len, self.lines)), initial=0))
        return self._starts

    def holding(self, needle: str, *, start: bool = True, whole: bool = False) -> list[int]:
        """The lines (their indexes in the page) that hold ``needle``, in order.

        Args:
            needle: What to find, as it is printed.
            start: Only where it starts a word, its first letter in either case.
            whole: Only where it is a whole word, as it is.
        """
        return list(self.hits(needle, start=start, whole=whole))

    def hits(self, needle: str, *, start: bool = True, whole: bool = False) -> dict[int, int]:
        """Each line (its index in the page) that holds ``needle``, and where it stands.

        Args:
            needle: What to find, as it is printed.
            start: Only where it starts a word, its first letter in either case.
            whole: Only where it is a whole word, as it is.
        """
        text = self.text
        found: dict[int, int] = {}
        first, rest = (needle[0], needle[1:]) if start and not whole else ("", needle)
        size = len(rest)
        at = text.find(rest, 1 if first else 0)
        if at < 0:
            return found
        starts = self.starts
        while at >= 0:
            if first:
                # The first letter in either case, and no letter before it.
                letter = text[at - 1]
                ok = (letter == first or letter.lower() == first) and not (
                    at >= 2 and _in_word(text[at - 2]))
            else:
                ok = not whole or (not (at and _in_word(text[at - 1])) and not (
                    at + size < len(text) and _in_word(text[at + size])))
            if not ok:
                at = text.find(rest, at + 1)
                continue
            k = bisect.bisect_right(starts, at) - 1
            found[self.indexes[k]] = at - len(first) - starts[k]
            # On to the next line: one hit is enough for a line.
            nxt = starts[k + 1] if k + 1 < self.count else len(text)
            at = text.find(rest, nxt + (1 if first else 0))
        return found


def _in_word(char: str) -> bool:
    return char.isalnum() or char == "_"
