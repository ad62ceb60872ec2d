"""What a rule is: a named pattern with its category, level, description and examples."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Level


@dataclass(frozen=True)
class Rule:
    """One way children tell us about harm, as data a safeguarding lead can read and question.

    ``pattern`` runs on the folded view (lower case, straight apostrophes). ``needs``: groups of
    strings; every match contains a string of each group, so a sentence without one is never
    searched (the engine's prefilter). ``fires_on``/``quiet_on``: messages the rule must fire on
    and must stay quiet on, context included (negation, jokes, someone else); the tests run them
    all. Whether a match is negated, reported, past or a joke is decided in ``engine.py``;
    ``first_person=False`` rules are already about someone else or carry their own context.
    """

    name: str
    category: str
    level: Level
    description: str
    pattern: re.Pattern[str]
    needs: tuple[tuple[str, ...], ...]
    fires_on: tuple[str, ...]
    quiet_on: tuple[str, ...]
    # Joke markers ("lol", "jk") cap self-harm matches at medium but drop threats to others.
    joke: str = "cap"  # "cap" | "drop" | "ignore"
    first_person: bool = True
    # A match is void when its sentence also matches this: "run away from a dog", "slept in a
    # tent at camp". For harmless things children write that look like the rule.
    unless: re.Pattern[str] | None = None
    # An opinion about services or the news ("schools should talk about self harm") lowers a
    # match of this rule to low: for rules about a mention, never for a disclosure.
    opinion: bool = False


def _c(pattern: str) -> re.Pattern[str]:
    """A rule's pattern. Lower-case only: it runs on the folded view (a test checks)."""
    return re.compile(pattern)
