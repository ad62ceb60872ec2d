"""The phrase rules as data, and the engine that runs them inside the web request.

Every rule (``model.Rule``) has a name, a category, a level, a plain description, the words a
match cannot do without, and messages it must fire on and stay quiet on; they live in one
module per category. ``apply_rules(text)`` runs them all: one multi-pattern pass finds the
words (``matcher``), the rules run only where their words are, and ``engine`` decides what each
match means in its context. ``cues(text)`` names the severity cues of docs/severity-rubric.md.
``python -m moderation rules-card`` writes docs/screen-rules.md from all of this.
"""

from __future__ import annotations

from . import abuse, bullying, exploitation, neglect, running_away, someone_else, suicide, violence
from .cues import CUES, apply_cues, cues
from .engine import LEVEL_SCORE, RuleOutcome, judge
from .matcher import Matcher
from .model import Rule
from .text import folded_view, prepare

RULES_VERSION = "rules-2026.1"

RULES: tuple[Rule, ...] = (
    *suicide.RULES,
    *someone_else.RULES,
    *abuse.RULES,
    *neglect.RULES,
    *exploitation.RULES,
    *bullying.RULES,
    *violence.RULES,
    *running_away.RULES,
)

_MATCHER = Matcher(RULES)


def apply_rules(text: str) -> RuleOutcome:
    """Every rule on one view, each match judged in its context."""
    folded = folded_view(text)
    outcome = RuleOutcome()
    for rule, matches in zip(RULES, _MATCHER.matches(folded), strict=True):
        judge(rule, folded, matches, outcome)
    return outcome


__all__ = [
    "CUES",
    "LEVEL_SCORE",
    "RULES",
    "RULES_VERSION",
    "Rule",
    "RuleOutcome",
    "apply_cues",
    "apply_rules",
    "cues",
    "prepare",
]
