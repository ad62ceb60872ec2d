"""Hand-made features that sit next to the sentence embedding in the trained heads.

Two kinds: counts of the Suicide Risk Lexicon's prototypical terms per construct (adult,
clinical vocabulary, good at RallyPoint-style posts), and the phrase rules' score per
category (children's vocabulary, negation and reported speech already handled). Together
with the embedding they lift the suicide head well above embedding-only logistic regression.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from .rules import RuleOutcome, apply_rules

DATA_DIR = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA_DIR / "suicide_risk_lexicon.json"

# Circumstances and identities, not risk: they must never push a view towards an alert.
_EXCLUDED_CONSTRUCTS = {
    "gender_and_sexual_identity",
    "discrimination",
    "relationships_and_kinship",
    "physical_health_issues_and_disability",
    "finances_and_work_stress",
}
RULE_FEATURE_CATEGORIES = (
    "suicide_self_harm",
    "abuse",
    "neglect",
    "exploitation",
    "bullying",
    "violence",
    "running_away",
)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]], re.Pattern[str]]:
    """Construct names, term -> construct indexes, and one regex over every term (one pass per text)."""
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        lexicon = json.load(handle)
    names: list[str] = []
    term_constructs: dict[str, list[int]] = {}
    for construct, entry in lexicon.items():
        name = entry.get("variable_name") or re.sub(r"\W+", "_", construct.lower())
        terms = {t.strip().lower() for t in entry.get("prototypical_terms", []) if t.strip()}
        if any(bad in name for bad in _EXCLUDED_CONSTRUCTS) or not terms:
            continue
        for term in terms:
            term_constructs.setdefault(term, []).append(len(names))
        names.append(name)
    alternation = "|".join(re.escape(t) for t in sorted(term_constructs, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    return tuple(names), {t: tuple(i) for t, i in term_constructs.items()}, pattern


def feature_names() -> list[str]:
    names, _, _ = _lexicon()
    return [f"lexicon:{name}" for name in names] + [f"rules:{c}" for c in RULE_FEATURE_CATEGORIES]


def lexicon_matches(text: str) -> dict[str, list[str]]:
    """Construct -> matched terms, for explanations."""
    names, term_constructs, pattern = _lexicon()
    found: dict[str, list[str]] = {}
    for term in pattern.findall(text[:5000]):
        for index in term_constructs.get(term.lower(), ()):
            found.setdefault(names[index], []).append(term)
    return found


def hand_features(text: str, outcome: RuleOutcome | None = None) -> np.ndarray:
    """Lexicon counts (log scale) then rule scores, in ``feature_names()`` order."""
    outcome = outcome if outcome is not None else apply_rules(text)
    names, term_constructs, pattern = _lexicon()
    counts = [0] * len(names)
    for term in pattern.findall(text[:5000]):
        for index in term_constructs.get(term.lower(), ()):
            counts[index] += 1
    values = [math.log1p(c) for c in counts]
    values += [outcome.categories.get(c, 0.0) for c in RULE_FEATURE_CATEGORIES]
    return np.asarray(values, dtype=np.float32)
