"""Words, not codes, on the staff pages: statuses, decisions and the screen's reasons."""

from __future__ import annotations

from functools import cache

from moderation.escalation import CATEGORY_NAMES
from screening.rules import RULES
from screening.rules.cues import CUES

REVIEW_STATES = {"open": "Waiting for a person", "closed": "Done"}
DECISIONS = {
    "approved": "approved for boards",
    "not_a_concern": "not a concern (approved)",
    "escalated": "sent to Help at Hand",
    "closed": "closed without sharing",
}
CASE_STATES = {"new": "New", "acknowledged": "Acknowledged", "in_progress": "In progress", "closed": "Closed"}
# What a rule's modifier says about the match.
_MODIFIERS = {
    "negation_qualified": "said with a 'not'",
    "third_party": "about someone else",
    "other_person": "about another person",
    "past": "in the past",
    "joke_marker": "maybe a joke",
    "plan_means_time": "a plan, a way or a time",
    "harm_now": "happening now",
    "toxicity": "toxic language",
    "contact_requested": "the child asked to be contacted",
}
_PREFIXES = {
    "model": "the model found signs of {}",
    "learned": "the learned layer found signs of {}",
    "prototype": "close to known examples of {}",
    "layer_missing": "a check could not run ({})",
    "language": "written in another language ({})",
}


@cache
def _rule_categories() -> dict[str, str]:
    return {rule.name: rule.category for rule in RULES}


@cache
def _cue_names() -> frozenset[str]:
    return frozenset(cue.name for cue in CUES)


def reason_words(reason: str) -> str:
    """``bullies_me`` → "bullying: bullies me"; ``model:bullying`` → "the model found signs of bullying"."""
    if reason in _MODIFIERS:
        return _MODIFIERS[reason]
    prefix, _, rest = reason.partition(":")
    if rest and prefix in _PREFIXES:
        return _PREFIXES[prefix].format(CATEGORY_NAMES.get(rest, rest.replace("_", " ")))
    if reason in _cue_names():
        return f"raised by a sign in the same sentence: {reason.replace('_', ' ')}"
    category = _rule_categories().get(reason)
    plain = reason.replace("_", " ")
    return f"{CATEGORY_NAMES.get(category, category)}: {plain}" if category else plain


def reasons_words(reasons: list[str]) -> str:
    return "; ".join(reason_words(r) for r in reasons) or "none"
