"""Someone else at risk of suicide or self-harm: a friend, a sibling, someone they know.

A friend in danger is as serious as the child themselves (docs/severity-rubric.md); someone
unnamed, or a death by suicide they were told about, is read by a person. Same fields as
every rule (``model.Rule``); ``tests/screening/test_rule_examples.py`` runs the examples.
"""

from __future__ import annotations

from ..types import Level
from .model import Rule, _c
from .vocabulary import FRIEND, FRIEND_NAMED, SELF_HARM, SUICIDE_WORD, WORD

RULES: tuple[Rule, ...] = (
    Rule(
        name="third_party_suicide",
        category="suicide_self_harm",
        level=Level.HIGH,
        description=(
            "A friend or sibling named as wanting to die or hurting themselves: as serious as the child "
            "themselves."
        ),
        pattern=_c(
            rf"\b{FRIEND_NAMED}\s+{WORD}{{0,6}}?(?:wants?\s+to|wanna|going\s+to|gonna|is\s+going\s+to|"
            rf"'s\s+going\s+to|said\s+(?:she|he|they)\s+(?:wants?|wanted)\s+to|keeps?\s+saying\s+(?:she|he|they)\s+"
            rf"wants?\s+to|might|will|tried\s+to|trying\s+to|talks?\s+about|thinks?\s+about)\s+(?:die|dying|"
            rf"kill(?:ing)?\s+(?:her|him|them)sel(?:f|ves)|end(?:ing)?\s+it|unalive)\b|\b{FRIEND_NAMED}\s+"
            rf"{WORD}{{0,2}}?(?:cut|cuts|cutting|harms?|harming|hurts?|hurting)\s+(?:her|him|them)sel(?:f|ves)\b|"
            rf"\b{FRIEND_NAMED}\s+(?:is|'s|has\s+been|keeps|was)\s+(?:\w+\s+)?(?:suicidal|{SELF_HARM}|cutting)\b|"
            rf"\b{FRIEND_NAMED}\s+{SELF_HARM}"
        ),
        needs=(
            (
                "friend",
                "mate",
                "bestie",
                "bff",
                "bf",
                "gf",
                "sis",
                "bro",
                "cousin",
                "pal",
                "buddy",
                "sibling",
            ),
            ("die", "dying", "kill", "end", "unalive", "cut", "harm", "hurt", "suicid", "self", "s/h", "sh"),
        ),
        fires_on=(
            "my friend said she wants to die",
            "my best mate is self harming",
            "my sister keeps saying she wants to die",
        ),
        quiet_on=("my friend wants to go to the cinema", "my friend would never want to die"),
        first_person=False,
    ),
    Rule(
        name="third_party_mention",
        category="suicide_self_harm",
        level=Level.MEDIUM,
        description=(
            "Someone else (he, she, they) wanting to die or hurting themselves, without a friend named: a "
            "person reads it."
        ),
        pattern=_c(
            rf"\b{FRIEND}\s+{WORD}{{0,6}}?(?:wants?\s+to|wanna|going\s+to|gonna|is\s+going\s+to|'s\s+going\s+to|"
            rf"might|will|tried\s+to|trying\s+to)\s+(?:die|kill\s+(?:her|him|them)sel(?:f|ves)|end\s+it|"
            rf"unalive)\b|\b(?:cut|cuts|cutting|harms?|harming|hurts?|hurting|kill|killing)\s+(?:her|him|them)"
            rf"sel(?:f|ves)\b|\b{FRIEND}\s+(?:is|'s|has\s+been|keeps|was)\s+(?:\w+\s+)?(?:suicidal|{SELF_HARM}|"
            rf"cutting)\b"
        ),
        needs=(("die", "kill", "end", "unalive", "cut", "harm", "hurt", "suicid", "self", "s/h", "sh"),),
        fires_on=("she wants to die", "he cuts himself"),
        quiet_on=("she wants to be a doctor",),
        first_person=False,
    ),
    Rule(
        name="suicide_exposure",
        category="suicide_self_harm",
        level=Level.MEDIUM,
        description="Someone they know died by suicide: a person reads it.",
        pattern=_c(
            rf"\b(?:killed|hanged|hung|shot)\s+(?:him|her|them)sel(?:f|ves)\b|\btook\s+(?:his|her|their)\s+"
            rf"(?:own\s+)?life\b|\b(?:committed|died\s+by|death\s+by)\s+{SUICIDE_WORD}\b"
        ),
        needs=(
            ("committed", "death", "died", "hanged", "hung", "killed", "shot", "took"),
            (
                "committed",
                "death",
                "died",
                "herself",
                "herselves",
                "himself",
                "himselves",
                "themself",
                "themselves",
                "took",
            ),
        ),
        fires_on=("my uncle killed himself last year", "a boy at school died by suicide"),
        quiet_on=("he took his time",),
        first_person=False,
        opinion=True,
    ),
)
