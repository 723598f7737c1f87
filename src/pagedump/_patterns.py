"""What a regular expression can match, to skip patterns that cannot match a line.

Three cheap questions are answered once per pattern: which characters a match can
start with, whether a match can hold a space at all, and which text every match must
contain. A line that starts otherwise, holds a space, or lacks the text then skips the
pattern without running it.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import Any

import attrs

__all__ = ["Gate", "alternation", "compile_all", "gate_of", "required_text", "spaceless"]

_c: Any
_p: Any
try:  # The parser is internal to re; without it, every pattern simply stays ungated.
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - CPython 3.11+ has both
    _c = _p = None

# A character class wider than this is not worth listing.
_WIDEST = 512


@attrs.frozen
class Gate:
    r"""The characters a match can start with.

    Attributes:
        chars: The characters, listed.
        digits: Whether any decimal digit (``\d``, Unicode included) can start it too.
    """

    chars: frozenset[str] = frozenset()
    digits: bool = False

    def __or__(self, other: Gate) -> Gate:
        return Gate(self.chars | other.chars, self.digits or other.digits)


def gate_of(source: str) -> Gate | None:
    r"""The characters a match of ``source`` can start with; ``None`` when unknown.

    Unknown means any character might: a leading ``.``, ``\w``, a negated class, a
    lookaround, an all-optional start, a case-insensitive pattern, or a pattern this
    analysis does not follow.
    """
    if _p is None:
        return None
    try:
        parsed = _p.parse(source)
        return None if _folds_case(parsed) else _first(list(parsed))
    except (re.error, TypeError, ValueError, AttributeError):
        return None


def _folds_case(parsed: Any) -> bool:  # noqa: ANN401 - re's parse tree is untyped
    """Whether any part of a parsed pattern matches letters in either case."""
    if parsed.state.flags & re.IGNORECASE:
        return True
    stack = list(parsed)
    while stack:
        op, av = stack.pop()
        if op is _c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return True
            stack.extend(av[3])
        elif op is _c.BRANCH:
            for branch in av[1]:
                stack.extend(branch)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.ASSERT, _c.ASSERT_NOT):
            stack.extend(av[-1])
    return False


def _first(items: list[tuple[Any, Any]]) -> Gate | None:
    optional = Gate()  # what optional leading items (``-?``) can start with
    for op, av in items:
        if op is _c.AT:
            continue  # anchors take no character
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0:
            part = _first(list(av[2]))
            if part is None:
                return None
            optional |= part
            continue
        gate = _definite(op, av)
        return None if gate is None else optional | gate
    return None  # all optional: the match may be empty


def _definite(op: Any, av: Any) -> Gate | None:  # noqa: ANN401 - re's parse tree is untyped
    if op is _c.LITERAL:
        return Gate(frozenset(chr(av)))
    if op is _c.IN:
        return _charset(av)
    if op is _c.BRANCH:
        gate = Gate()
        for branch in av[1]:
            part = _first(list(branch))
            if part is None:
                return None
            gate |= part
        return gate
    if op is _c.SUBPATTERN:
        return _first(list(av[3]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return _first(list(av[2]))
    return None


def _charset(items: list[tuple[Any, Any]]) -> Gate | None:
    chars: set[str] = set()
    digits = False
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] <= _WIDEST:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            digits = True
        else:
            return None
    return Gate(frozenset(chars), digits)


def spaceless(source: str) -> bool:
    """Whether no match of ``source`` can contain a space (``False`` when unsure)."""
    if _p is None:
        return False
    try:
        return _no_space(list(_p.parse(source)))
    except (re.error, TypeError, ValueError, AttributeError):
        return False


def _no_space(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # they take no character
        if op is _c.LITERAL:
            if chr(av).isspace():
                return False
        elif op is _c.IN:
            if not _class_without_space(av):
                return False
        elif op is _c.BRANCH:
            if not all(_no_space(list(branch)) for branch in av[1]):
                return False
        elif op is _c.SUBPATTERN:
            if not _no_space(list(av[3])):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if not _no_space(list(av[2])):
                return False
        else:
            return False
    return True


_SPACELESS_CATEGORIES = frozenset(
    ["CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_SPACE"])


def _class_without_space(items: list[tuple[Any, Any]]) -> bool:
    if items and items[0][0] is _c.NEGATE:
        return any(op is _c.CATEGORY and str(av) == "CATEGORY_SPACE" for op, av in items[1:]) or (
            any(op is _c.LITERAL and av == ord(" ") for op, av in items[1:]))
    for op, av in items:
        if op is _c.LITERAL:
            if chr(av).isspace():
                return False
        elif op is _c.RANGE:
            if av[0] <= ord(" ") <= av[1] or av[0] <= ord("\t") <= av[1]:
                return False
        elif op is _c.CATEGORY:
            if str(av) not in _SPACELESS_CATEGORIES:
                return False
        else:
            return False
    return True


def required_text(source: str) -> str:
    """The longest run of literal text every match of ``source`` contains.

    ``""`` when there is none or when unsure (case-insensitive patterns among them),
    so that ``required_text(source) in line`` is always a safe test to skip a line.
    """
    if _p is None:
        return ""
    try:
        parsed = _p.parse(source)
        if parsed.state.flags & re.IGNORECASE:
            return ""
        return max(_literal_runs(list(parsed)), key=len, default="")
    except (re.error, TypeError, ValueError, AttributeError):
        return ""


def _literal_runs(items: list[tuple[Any, Any]]) -> list[str]:
    """The runs of literal characters in a sequence that every match goes through."""
    runs: list[str] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            runs.append("".join(run))
            run = []
        if op is _c.SUBPATTERN and not av[1] & re.IGNORECASE:
            runs.extend(_literal_runs(list(av[3])))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            runs.extend(_literal_runs(list(av[2])))
    if run:
        runs.append("".join(run))
    return runs


def alternation(named: list[tuple[str, str]]) -> re.Pattern[str] | None:
    """One pattern matching a whole line against several, each in a named group.

    The alternatives are tried in the order given; the first that matches wins, and
    ``match.lastgroup`` names it (the mistune way: one call per line, dispatch on the
    group). ``None`` when there are none.

    Args:
        named: ``(group name, pattern source)`` pairs. The sources must hold no named
            groups of their own that clash across alternatives.
    """
    if not named:
        return None
    alternatives = "|".join(f"(?P<{name}>{source})" for name, source in named)
    return re.compile(f"(?:{alternatives})\\Z")


@functools.lru_cache(maxsize=64)
def compile_all(sources: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The patterns of ``sources``, compiled once for every stage that matches them."""
    return tuple(re.compile(source) for source in sources)
