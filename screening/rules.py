"""Phrase-rule engine: runs the rules in ``rule_patterns`` and applies context.

Context decides what a match means: a negation just before it ("I would never hurt
myself") removes it, reported speech ("my friend said she wants to die") makes it a
concern about another child, past tense with recovery ("I used to self harm but I'm ok
now") lowers it to medium, a joke marker ("kms lol") caps self-harm at medium (a person
still reads) and drops threats to others ("I'm gonna kill my brother lol"). Pure Python,
no models: this runs inside the web request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .rule_patterns import (
    JOKE_MARKERS,
    NEGATION,
    NEGATION_NOT_REALLY,
    NEGATION_STILL_RISK,
    OTHER_SUBJECT,
    PAST_MARKERS,
    RELAPSE_MARKERS,
    THIRD_PARTY_LEAD,
    URGENT_CUES,
    Rule,
    Starts,
    fold,
    folded_pattern,
    match_starts,
    required_literals,
)
from .rule_table import RULES
from .types import Level, Span

RULES_VERSION = "rules-2025.2"

# Categories where the child is the one who feels or does what the rule names, so a match
# whose subject is someone else ("if you feel suicidal") is only read, never escalated.
SUBJECT_CATEGORIES = frozenset({"suicide_self_harm", "running_away"})
SUBJECT_RULES = frozenset({"threat_to_others", "carries_weapon"})

LEVEL_SCORE = {Level.URGENT: 1.0, Level.HIGH: 0.9, Level.MEDIUM: 0.6, Level.LOW: 0.3, Level.NONE: 0.0}

_CLAUSE_BREAK = re.compile(r"[.!?;\n]|,\s|\bbut\b|\bthough\b|\bhowever\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?\n]+")
_HARM_NOW = re.compile(
    r"\b(?:right\s+now|rn|tonight|happening\s+now|at\s+the\s+moment|(?:he|she|they)'?s\s+(?:here|outside|"
    r"coming)|when\s+(?:he|she|they)\s+gets?\s+home|help\s+me\s+now|come\s+quick)\b",
    re.IGNORECASE,
)


@dataclass
class RuleOutcome:
    level: Level = Level.NONE
    categories: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def add(self, rule: Rule, level: Level, span: Span, modifiers: list[str]) -> None:
        self.level = max(self.level, level)
        score = LEVEL_SCORE[level]
        self.categories[rule.category] = max(self.categories.get(rule.category, 0.0), score)
        for reason in (rule.name, *modifiers):
            if reason not in self.reasons:
                self.reasons.append(reason)
        self.spans.append(span)


def prepare(text: str) -> str:
    """Straighten curly quotes without changing length, so match offsets stay valid."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")


def _clause_prefix(text: str, start: int) -> str:
    window = text[max(0, start - 60) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    # Just after the last sentence mark before ``start`` (what the last match of
    # ``_SENTENCE_BREAK`` in ``text[:start]`` ends at), without scanning from the start.
    left = max(text.rfind(".", 0, start), text.rfind("!", 0, start), text.rfind("?", 0, start),
               text.rfind("\n", 0, start)) + 1  # fmt: skip
    right_match = _SENTENCE_BREAK.search(text, end)
    return left, right_match.start() if right_match else len(text)


def _is_negated(prefix: str) -> bool:
    tail = prefix[-45:]
    for negator in NEGATION.finditer(tail):
        after = tail[negator.end() :]
        if not NEGATION_NOT_REALLY.match(after.lstrip()):
            return True
    return False


@lru_cache(maxsize=32)
def _text_has(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the whole view matches: asked once per view, not once per rule match."""
    return pattern.search(text) is not None


def _contextualise(rule: Rule, text: str, match: re.Match[str]) -> tuple[Level, list[str]] | None:
    """The level a match gives in its context, with the modifier names; None if it is void."""
    level = rule.level
    modifiers: list[str] = []
    sentence_start, sentence_end = _sentence_bounds(text, match.start(), match.end())
    sentence = text[sentence_start:sentence_end]
    if rule.unless is not None and rule.unless.search(sentence):
        return None
    if rule.first_person:
        if _is_negated(_clause_prefix(text, match.start())):
            if not NEGATION_STILL_RISK.match(text[match.end() : match.end() + 20]):
                return None
            level = min(level, Level.MEDIUM)
            modifiers.append("negation_qualified")
        if THIRD_PARTY_LEAD.search(text[sentence_start : match.start()]):
            # A child worried about another child: still a safeguarding concern.
            modifiers.append("third_party")
            return max(Level.MEDIUM, min(level, Level.HIGH)), modifiers
        if (rule.category in SUBJECT_CATEGORIES or rule.name in SUBJECT_RULES) and OTHER_SUBJECT.search(
            text[max(0, match.start() - 40) : match.start()]
        ):
            # Someone else, or people in general, not the child: a person reads it.
            level = min(level, Level.MEDIUM)
            modifiers.append("other_person")
        elif _text_has(PAST_MARKERS, text) and not _text_has(RELAPSE_MARKERS, text):
            level = min(level, Level.MEDIUM)
            modifiers.append("past")
    elif rule.name.startswith("third_party"):
        modifiers.append("third_party")
    if rule.joke != "ignore" and JOKE_MARKERS.search(sentence + text[sentence_end : sentence_end + 12]):
        if rule.joke == "drop":
            return None
        if level > Level.MEDIUM:
            level = Level.MEDIUM
            modifiers.append("joke_marker")
    if level == Level.HIGH and rule.first_person and not modifiers:
        if rule.category == "suicide_self_harm" and _text_has(URGENT_CUES, text):
            level = Level.URGENT
            modifiers.append("plan_means_time")
        elif rule.category in ("abuse", "exploitation", "violence") and _text_has(_HARM_NOW, text):
            level = Level.URGENT
            modifiers.append("harm_now")
    return level, modifiers


@dataclass(frozen=True)
class _Compiled:
    """A rule as the engine runs it. Worked out from the rule's own pattern once, at import.

    ``search``: the pattern without IGNORECASE, run on the ``fold``-ed view (same matches,
    several times faster), or the rule's pattern itself run on the view. ``alternatives``:
    where a match of each top-level alternative can start (``match_starts``), so the pattern
    is tried only there; ``groups``: literal strings a match cannot do without
    (``required_literals``).
    """

    rule: Rule
    search: re.Pattern[str]
    on_folded: bool
    alternatives: tuple[Starts, ...] | None
    groups: tuple[frozenset[str], ...]


def _compile(rule: Rule) -> _Compiled:
    folded = folded_pattern(rule.pattern)
    if folded is None:
        return _Compiled(rule, rule.pattern, False, None, ())
    return _Compiled(rule, folded, True, match_starts(rule.pattern), required_literals(rule.pattern))


_COMPILED: tuple[_Compiled, ...] = tuple(_compile(rule) for rule in RULES)


def _trie(words: list[str]) -> str:
    """A regex for "starts with one of ``words``", branching one character at a time."""
    heads = sorted({w for w in words if not any(o != w and w.startswith(o) for o in words)})
    if heads == [""]:
        return ""
    by_first: dict[str, list[str]] = {}
    for word in heads:
        by_first.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(re.escape(ch) + _trie(rest) for ch, rest in by_first.items()) + ")"


# Every top-level alternative of every rule, numbered: ``_Words`` lists where each can start.
_ALTERNATIVES: tuple[Starts, ...] = tuple(alt for c in _COMPILED for alt in c.alternatives or ())
_ALTERNATIVE_IDS: dict[int, tuple[int, ...]] = {}  # id() of a ``_Compiled`` -> its numbers
_next_id = 0
for _c in _COMPILED:
    _count = len(_c.alternatives or ())
    _ALTERNATIVE_IDS[id(_c)] = tuple(range(_next_id, _next_id + _count))
    _next_id += _count

# The words of a view that any rule starts at (each a whole word, ``\w+``), found in one pass.
_ANCHOR_WORDS = sorted({w for alt in _ALTERNATIVES for w in (*alt.whole, *alt.starts)})
_ANCHOR = re.compile(r"\b" + _trie(_ANCHOR_WORDS) + r"\w*") if _ANCHOR_WORDS else None
_BY_WORD: dict[str, frozenset[int]] = {}
_BY_HEAD: dict[str, frozenset[int]] = {}
for _i, _alt in enumerate(_ALTERNATIVES):
    for _w in _alt.whole:
        _BY_WORD[_w] = _BY_WORD.get(_w, frozenset()) | {_i}
    for _w in _alt.starts:
        _BY_HEAD[_w] = _BY_HEAD.get(_w, frozenset()) | {_i}
_HEAD_SIZES = sorted({len(w) for w in _BY_HEAD})
_DIGIT = re.compile(r"\d")
_CHARS: dict[frozenset[str], re.Pattern[str]] = {}  # a character class per ``Starts.after``
_TARGETS: dict[str, tuple[int, ...]] = {}  # word -> alternatives that start at it (a cache)


def _targets(word: str) -> tuple[int, ...]:
    """The alternatives a match of which can start at ``word`` (a whole word of a view)."""
    found = _TARGETS.get(word)
    if found is None:
        ids = set(_BY_WORD.get(word, ()))
        for size in _HEAD_SIZES:
            ids |= _BY_HEAD.get(word[:size], frozenset()) if size <= len(word) else frozenset()
        found = tuple(sorted(ids))
        if len(_TARGETS) > 50_000:
            _TARGETS.clear()
        _TARGETS[word] = found
    return found


class _Words:
    """Where each word of the folded view that some rule starts at begins, built once per view."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.at: dict[str, list[int]] = {}
        if _ANCHOR is not None:
            for match in _ANCHOR.finditer(folded):
                self.at.setdefault(match.group(), []).append(match.start())
        self._by_alternative: dict[int, list[int]] | None = None
        self._after: dict[frozenset[str], list[int]] = {}
        self._literal: dict[str, list[int]] = {}
        self._present: dict[str, bool] = {}
        self._digits: list[int] | None = None

    def after(self, chars: frozenset[str]) -> list[int]:
        """Offsets just after each of ``chars`` in the view."""
        if chars not in self._after:
            pattern = _CHARS.get(chars)
            if pattern is None:
                pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")
                _CHARS[chars] = pattern
            self._after[chars] = [m.end() for m in pattern.finditer(self.folded)]
        return self._after[chars]

    def digits(self) -> list[int]:
        """Offsets of the digits (``\\d``) in the view."""
        if self._digits is None:
            self._digits = [m.start() for m in _DIGIT.finditer(self.folded)]
        return self._digits

    def literal(self, text: str) -> list[int]:
        """Offsets where ``text`` occurs in the view (overlapping ones too)."""
        if text not in self._literal:
            found: list[int] = []
            index = self.folded.find(text)
            while index >= 0:
                found.append(index)
                index = self.folded.find(text, index + 1)
            self._literal[text] = found
        return self._literal[text]

    def may_match(self, groups: tuple[frozenset[str], ...]) -> bool:
        """``may_match(groups, folded)``, each string looked for once per view."""
        present = self._present
        for group in groups:
            for string in group:
                seen = present.get(string)
                if seen is None:
                    seen = present[string] = string in self.folded
                if seen:
                    break
            else:
                return False
        return True

    def positions(self, alternative: int) -> list[int]:
        """Every offset a match of alternative number ``alternative`` can start at, unsorted."""
        if self._by_alternative is None:
            self._by_alternative = {}
            for word, offsets in self.at.items():
                for target in _targets(word):
                    self._by_alternative.setdefault(target, []).extend(offsets)
        found = self._by_alternative.get(alternative, [])
        starts = _ALTERNATIVES[alternative]
        if starts.begin or starts.after or starts.literals or starts.digit:
            found = list(found)
            if starts.begin:
                found.append(0)
            if starts.digit:
                found.extend(self.digits())
            if starts.after:
                found.extend(self.after(starts.after))
            for text in starts.literals:
                found.extend(self.literal(text))
        return found


# One ``match`` call from Python costs about as much as scanning this many characters (the
# rules that start at common words are the long ones, whose scans are slow: measured).
_MATCH_COST = 8
# Up to this many starts are tried without looking for the rule's literals first (a few
# substring searches over a long view cost more than a few tries).
_FEW_STARTS = 20


def _matches(compiled: _Compiled, prepared: str, folded: str, words: _Words) -> Iterator[re.Match[str]]:
    """Exactly the matches ``compiled.rule.pattern.finditer(prepared)`` gives, in order."""
    if not compiled.on_folded:
        yield from compiled.search.finditer(prepared)
        return
    if compiled.alternatives is None:
        if words.may_match(compiled.groups):
            yield from compiled.search.finditer(folded)
        return
    # Every match starts where one of the alternatives that can match in this view starts:
    # try the pattern there only, left to right, skipping starts inside the previous match,
    # the way ``finditer`` moves on.
    ids = _ALTERNATIVE_IDS[id(compiled)]
    found: list[int] = []
    for alternative in ids:
        found.extend(words.positions(alternative))
    if len(found) > _FEW_STARTS:
        # Worth asking which alternatives can match at all: one whose literals are missing
        # from the view starts nowhere.
        found = []
        for alternative in ids:
            offsets = words.positions(alternative)
            if offsets and words.may_match(_ALTERNATIVES[alternative].groups):
                found.extend(offsets)
    if not found:
        return
    starts = sorted(set(found))
    if len(starts) * _MATCH_COST > len(folded):  # common words: one scan is cheaper than many tries
        yield from compiled.search.finditer(folded)
        return
    cursor = 0
    match_at = compiled.search.match
    for start in starts:
        if start < cursor:
            continue
        match = match_at(folded, start)
        if match is not None:
            yield match
            cursor = match.end()


def _run_rule(rule: Rule, prepared: str, matches: Iterable[re.Match[str]], outcome: RuleOutcome) -> None:
    for match in matches:
        if match.end() == match.start():
            continue
        judged = _contextualise(rule, prepared, match)
        if judged is None:
            continue
        level, modifiers = judged
        outcome.add(rule, level, Span(match.start(), match.end(), "risk", rule.name), modifiers)


def apply_rules(text: str) -> RuleOutcome:
    prepared = prepare(text)
    outcome = RuleOutcome()
    folded = fold(prepared)
    if len(folded) != len(prepared):  # cannot happen with Python's case tables; never guess offsets
        for rule in RULES:
            _run_rule(rule, prepared, rule.pattern.finditer(prepared), outcome)
        return outcome
    words = _Words(folded)
    for compiled in _COMPILED:
        _run_rule(compiled.rule, prepared, _matches(compiled, prepared, folded, words), outcome)
    return outcome
