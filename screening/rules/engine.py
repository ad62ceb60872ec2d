"""The rule engine: finds every rule's matches and decides what each means in its context.

Context decides what a match means: a negation just before it ("I would never hurt
myself") removes it, reported speech ("my friend said she wants to die") makes it a
concern about another child, self-harm or running away clearly over ("I used to self harm
but I'm ok now") lowers it to medium, a joke marker ("kms lol") caps self-harm at medium (a
person still reads) and drops threats to others ("I'm gonna kill my brother lol"). Harm done
to the child is never lowered by a past-tense verb ("she gave me two black eyes"): only clear
words that it is over and they are safe now lower it, and only to medium
(docs/severity-rubric.md). Pure Python, no models: this runs inside the web request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..types import Level, Span
from .cues import SENTENCE_CUES, cue_in
from .model import Rule
from .vocabulary import (
    JOKE_MARKERS,
    NEGATION,
    NEGATION_NOT_REALLY,
    NEGATION_STILL_RISK,
    OPINION,
    OTHER_SUBJECT,
    PAST_MARKERS,
    RELAPSE_MARKERS,
    SAFE_NOW,
    THIRD_PARTY_LEAD,
    URGENT_CUES,
)

# Categories where the child is the one who feels or does what the rule names, so a match
# whose subject is someone else ("if you feel suicidal") is only read, never escalated.
# For these, words that it is over ("I used to, I'm better now") lower a match to medium.
SUBJECT_CATEGORIES = frozenset({"suicide_self_harm", "running_away"})
SUBJECT_RULES = frozenset({"threat_to_others", "carries_weapon"})

# What each modifier a match can carry means, in plain words (``reasons`` name them; the rules
# card prints them).
MODIFIERS: dict[str, str] = {
    "negation_qualified": "A denial with “right now” or “yet” after it (“I don't want to die right now”): "
    "lowered to medium, never dropped. A plain denial just before a match (“I would never hurt myself”) "
    "removes the match.",
    "third_party": "About a friend or someone else the child names (“my friend said she wants to die”): "
    "kept at medium to high, because a friend in danger is as serious as the child.",
    "other_person": "Said about people in general or someone unnamed (“if you feel suicidal, call…”): "
    "lowered to medium, so a person still reads it.",
    "past": "Clearly over: for self-harm and running away, “I used to… I'm better now”; for harm done to "
    "the child, only words that they are safe now (“that was years ago, I live with my nan now and I'm "
    "safe”). Lowered to medium, never lower. A past-tense verb alone never lowers harm done to a child.",
    "opinion": "An opinion about services or the news (“schools should talk about self harm more”) on a "
    "rule about a mention, not a disclosure: lowered to low.",
    "joke_marker": "“lol”, “jk” or a laughing emoji in the sentence: self-harm and other disclosures are "
    "capped at medium (a person still reads: children joke, and children hide); a threat to others "
    "made as a joke is dropped.",
    "plan_means_time": "Suicide or self-harm with a plan, the means or a time anywhere in the view "
    "(“tonight”, “pills”, “after school”): raised to urgent.",
    "trusted_adult": "Abuse, neglect or exploitation by an adult in a position of trust (a teacher, coach, "
    "carer, relative) in the same sentence: a medium rule raised to high.",
    "injury": "An injury (bruises, marks, bleeding) in the same sentence as abuse, neglect or exploitation: "
    "a medium rule raised to high.",
    "age_gap": "An adult or much older person in the same sentence: a medium rule raised to high.",
    "secrecy": "Secrecy or threats (“don't tell anyone”, “or else”) in the same sentence: a medium rule "
    "raised to high.",
    "harm_now": "Abuse, exploitation or violence happening now (“right now”, “he's here”, “tonight”): "
    "raised to urgent.",
}

# Categories where a cue in the sentence raises a rule's medium to high (harm done by adults).
CUE_CATEGORIES = frozenset({"abuse", "neglect", "exploitation"})

LEVEL_SCORE = {Level.URGENT: 1.0, Level.HIGH: 0.9, Level.MEDIUM: 0.6, Level.LOW: 0.3, Level.NONE: 0.0}

_CLAUSE_BREAK = re.compile(r"[.!?;\n]|,\s|\bbut\b|\bthough\b|\bhowever\b")
_SENTENCE_BREAK = re.compile(r"[.!?\n]+")
_HARM_NOW = re.compile(
    r"\b(?:right\s+now|rn|tonight|happening\s+now|at\s+the\s+moment|(?:he|she|they)'?s\s+(?:here|outside|"
    r"coming)|when\s+(?:he|she|they)\s+gets?\s+home|help\s+me\s+now|come\s+quick)\b"
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


@lru_cache(maxsize=64)
def _text_has(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the whole view matches: asked once per view, not once per rule match."""
    return pattern.search(text) is not None


def _is_over(rule: Rule, text: str) -> bool:
    """Words that the harm is over: for the child's own feelings and actions, "used to" and the
    like; for harm done to them, only words that they are safe now."""
    if _text_has(RELAPSE_MARKERS, text):
        return False
    if rule.category in SUBJECT_CATEGORIES:
        return _text_has(PAST_MARKERS, text) or _text_has(SAFE_NOW, text)
    return _text_has(SAFE_NOW, text)


def _contextualise(rule: Rule, text: str, match: re.Match[str]) -> tuple[Level, list[str]] | None:
    """The level a match gives in its context, with the modifier names; None if it is void.

    ``text`` is the folded view the match was found in.
    """
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
        elif _is_over(rule, text):
            level = min(level, Level.MEDIUM)
            modifiers.append("past")
    elif rule.name.startswith("third_party"):
        modifiers.append("third_party")
    if rule.opinion and level <= Level.MEDIUM and OPINION.search(sentence):
        # An opinion about services or the news, with no child at risk named.
        return Level.LOW, [*modifiers, "opinion"]
    if rule.joke != "ignore" and JOKE_MARKERS.search(sentence + text[sentence_end : sentence_end + 12]):
        if rule.joke == "drop":
            return None
        if level > Level.MEDIUM:
            level = Level.MEDIUM
            modifiers.append("joke_marker")
    if level == Level.MEDIUM and rule.first_person and not modifiers and rule.category in CUE_CATEGORIES:
        # A worry about an adult's behaviour in the same sentence as a trusted adult, an injury, an
        # age gap or secrecy is at least high (docs/severity-rubric.md, "Cues that raise a level").
        for name in SENTENCE_CUES:
            if cue_in(name, sentence):
                level = Level.HIGH
                modifiers.append(name)
                break
    if level == Level.HIGH and rule.first_person and not modifiers:
        if rule.category == "suicide_self_harm" and _text_has(URGENT_CUES, text):
            level = Level.URGENT
            modifiers.append("plan_means_time")
        elif rule.category in ("abuse", "exploitation", "violence") and _text_has(_HARM_NOW, text):
            level = Level.URGENT
            modifiers.append("harm_now")
    return level, modifiers


def judge(rule: Rule, folded: str, matches: list[re.Match[str]], outcome: RuleOutcome) -> None:
    """Add each match of ``rule`` to ``outcome`` at the level its context gives."""
    for match in matches:
        if match.end() == match.start():
            continue
        judged = _contextualise(rule, folded, match)
        if judged is None:
            continue
        level, modifiers = judged
        outcome.add(rule, level, Span(match.start(), match.end(), "risk", rule.name), modifiers)
