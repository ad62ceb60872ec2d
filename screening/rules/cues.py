"""The severity cues of docs/severity-rubric.md, as data: what raises a level, and how far.

``cues(text)`` names the cues in a view; ``apply_cues(level, category, found)`` raises a level
(a rule's or a learned one) the way the rubric says. A cue never makes a concern on its own:
"tonight" raises a disclosure (high) to urgent, "every day" raises a worry (medium) to high,
and a view with no worry in it stays as it is. Nothing here lowers a level: a past-tense verb
is not a cue ("she gave me two black eyes" keeps its level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Level
from .model import _c
from .text import folded_view

HARM = ("suicide_self_harm", "abuse", "neglect", "exploitation", "bullying", "violence", "running_away")


@dataclass(frozen=True)
class Cue:
    name: str
    description: str
    pattern: re.Pattern[str]
    applies_from: Level  # the level a category must already have for the cue to count
    raises_to: Level
    categories: tuple[str, ...]
    fires_on: tuple[str, ...]
    quiet_on: tuple[str, ...]


_AGE = re.compile(
    r"\b(\d{1,2})\s*(?:yo|y/o|yrs?\s*old|years?\s*old|year-old)\b|"
    r"\b(?:i'?m|im|i\s+am|he'?s|hes|he\s+is|she'?s|shes|she\s+is|they'?re|they\s+are)\s+(?:only\s+|just\s+)?"
    r"(\d{1,2})\b(?!\s*(?:%|am\b|pm\b|:|st\b|nd\b|rd\b|th\b|mins?\b|minutes?\b|hours?\b|times?\b))"
)
_YOUNG = _c(
    r"\b(?:(?:i'?m|im|i\s+am|(?:he|she)\s*(?:'s|is))\s+(?:only\s+|just\s+)?(?:[4-9]|1[01]|four|five|six|seven|eight|nine|"
    r"ten|eleven)\b(?!\s*(?:%|am\b|pm\b|:|mins?\b|minutes?\b|hours?\b))|(?:[1-9]|1[01])\s*(?:yo|y/o|years?\s*old)|"
    r"my\s+(?:baby|little|younger)\s+(?:brother|sister|bro|sis|siblings?)|(?:baby|toddler))\b"
)
_ALONE = _c(
    r"\b(?:home\s+alone|on\s+(?:my|our)\s+own|by\s+(?:myself|ourselves)|no\s+(?:adults?|grown\s*-?\s*ups?|one)\s+"
    r"(?:is\s+)?(?:here|home|in\s+the\s+house)|nobody'?s\s+(?:here|home)|(?:left|leaves?)\s+(?:me|us)\s+alone|"
    r"alone\s+(?:at\s+home|in\s+the\s+house|overnight|all\s+night|tonight))\b"
)

CUES: tuple[Cue, ...] = (
    Cue(
        "plan",
        "A plan made: a note written, goodbyes said, knowing how.",
        _c(
            r"\b(?:(?:i'?ve\s+got|i\s+have|i'?ve\s+made|i\s+made|i\s+got)\s+a\s+plan|planned\s+(?:it|everything|how)|(?:wrote|written|writing|left)\s+"
            r"(?:a|my)\s+(?:goodbye\s+|last\s+|final\s+|suicide\s+)?(?:note|letter)|said\s+(?:my\s+)?goodbyes?|"
            r"giv(?:e|ing)\s+(?:away\s+)?my\s+(?:stuff|things)\s+away|(?:decided|know|worked\s+out)\s+how\s+(?:i'?ll|"
            r"i\s+will|i'?m\s+going\s+to|to\s+do\s+it))\b"
        ),
        Level.HIGH,
        Level.URGENT,
        ("suicide_self_harm", "running_away", "violence"),
        ("i've got a plan", "i wrote a goodbye letter"),
        ("we made a plan for the school trip",),
    ),
    Cue(
        "means",
        "The means to hand: pills saved up, a rope, a blade, a bridge or a roof.",
        _c(
            r"\b(?:pills|tablets|paracetamol|painkillers|rope|noose|ligature|blades?|razors?|bridge|train\s+tracks?|"
            r"railway|roof|ledge|saved\s+up|stockpil\w+)\b"
        ),
        Level.HIGH,
        Level.URGENT,
        ("suicide_self_harm",),
        ("i have pills saved up", "i'm on the roof"),
        ("i'm going to the park",),
    ),
    Cue(
        "time",
        "A time or a date: tonight, tomorrow, after school, on Friday, at 9pm, in an hour.",
        _c(
            r"\b(?:tonight|tonite|2nite|2night|today|tomorrow|tmrw|tmr|this\s+(?:evening|weekend|afternoon|morning)|"
            r"after\s+school|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
            r"(?:at|by)\s+\d{1,2}(?::\d{2}\s*(?:am|pm)?|\s*(?:am|pm|o'?clock))|in\s+(?:an?|\d+)\s+(?:hours?|minutes?|mins?)|"
            r"on\s+my\s+birthday|when\s+(?:everyone|they|mum|dad|mom)\s+(?:is|are|goes?|go)\s+(?:asleep|out|to\s+bed))\b"
        ),
        Level.HIGH,
        Level.URGENT,
        HARM,
        ("i'm doing it tonight", "they're going to jump me after school"),
        ("i was sad last year",),
    ),
    Cue(
        "now",
        "Happening now: right now, he's here, she's outside, I'm hiding.",
        _c(
            r"\b(?:right\s+now|rn|happening\s+now|at\s+the\s+moment|tonight|(?:he|she|they)\s*(?:'s|is|are|'re)\s+"
            r"(?:here|outside|downstairs|coming|on\s+(?:his|her|their)\s+way|at\s+the\s+door|in\s+my\s+room)|"
            r"when\s+(?:he|she|they)\s+gets?\s+home|help\s+me\s+now|come\s+quick|(?:i'?m|im)\s+(?:hiding|locked\s+in))\b"
        ),
        Level.HIGH,
        Level.URGENT,
        ("abuse", "exploitation", "violence", "neglect", "running_away"),
        ("he's outside my house", "he is hitting me right now"),
        ("he was outside yesterday",),
    ),
    Cue(
        "severe_injury",
        "An injury that cannot wait: bleeding that won't stop, an overdose taken, can't breathe.",
        _c(
            r"\b(?:(?:won'?t|wont|will\s+not|doesn'?t|can'?t|cant)\s+stop\s+(?:the\s+)?bleeding|bleeding\s+(?:a\s+lot|loads|"
            r"badly|everywhere)|(?:i'?ve|ive|i\s+have|i|just)\s+(?:just\s+)?(?:took|taken|swallowed)\s+(?:\d+|all|loads|"
            r"lots|a\s+lot|the\s+whole|an\s+overdose)|can'?t\s+breathe)\b"
        ),
        Level.MEDIUM,
        Level.URGENT,
        HARM,
        ("it won't stop bleeding", "i've taken all the tablets"),
        ("i had a nosebleed in class",),
    ),
    Cue(
        "young_child_alone",
        "A young child (under about 12) alone now, or a baby or little sibling left with them.",
        _c(r"(?!)"),  # worked out from two patterns: see ``cues``
        Level.MEDIUM,
        Level.URGENT,
        HARM,
        ("i'm 8 and i'm home alone and there's no food", "i'm on my own with my baby sister all night"),
        ("i'm 15 and home alone for an hour",),
    ),
    Cue(
        "ongoing",
        "Ongoing: every day, always, again, keeps, still, for months.",
        _c(
            r"\b(?:every\s+(?:day|night|time|week|weekend|morning)|everyday|always|again|keeps?|kept|still|"
            r"all\s+the\s+time|constantly|for\s+(?:months|years|weeks|ages|a\s+long\s+time)|since\s+i\s+was|"
            r"over\s+and\s+over|non\s*-?\s*stop)\b"
        ),
        Level.MEDIUM,
        Level.HIGH,
        HARM,
        ("they do it every day", "he keeps doing it"),
        ("it happened once",),
    ),
    Cue(
        "trusted_adult",
        "An adult in a position of trust: a teacher, coach, carer, youth or social worker, a relative.",
        _c(
            r"\b(?:teachers?|coach|tutor|carer|foster\s+(?:carer|mum|mom|dad|parents?)|youth\s+worker|social\s+worker|"
            r"key\s*worker|support\s+worker|scout\s+leader|priest|vicar|imam|pastor|doctor|nurse|babysitter|"
            r"childminder|nanny|uncle|aunt(?:ie|y)?|grandad|grandpa|grandma|step\s*-?\s*(?:dad|mum|mom|father|mother)|"
            r"cousin|(?:mum|mom|mam)'?s\s+(?:new\s+)?(?:boyfriend|partner|fella)|dad'?s\s+(?:new\s+)?(?:girlfriend|partner))\b"
        ),
        Level.MEDIUM,
        Level.HIGH,
        HARM,
        ("my football coach", "my stepdad"),
        ("my friend",),
    ),
    Cue(
        "age_gap",
        "An age gap: an adult or someone much older with a child (a 13-year-old and a 19-year-old).",
        _c(
            r"\b(?:older\s+(?:man|men|guy|guys|boys?|lads?|bloke|woman|women|girls?|person|people)|grown\s*-?\s*(?:up|man|men)|"
            r"adult\s+(?:man|men|guy|woman)|much\s+older|way\s+older|(?:a|an)\s+(?:man|guy|bloke)\s+in\s+his\s+"
            r"(?:twenties|thirties|forties|fifties|20s|30s|40s|50s))\b"
        ),
        Level.MEDIUM,
        Level.HIGH,
        HARM,
        ("an older man", "i'm 13 and he's 19"),
        ("my older sister", "i'm 13 and she's 14"),
    ),
    Cue(
        "injury",
        "An injury: bruises, marks, bleeding, black eyes, broken bones, burns.",
        _c(
            r"\b(?:bruis\w*|black\s+eyes?|bleed\w*|broken\s+(?:arm|wrist|nose|bone|finger|rib|leg)s?|split\s+lip|burns|"
            r"burnt|marks\s+on\s+my|swollen|stitches|concussion)\b"
        ),
        Level.MEDIUM,
        Level.HIGH,
        HARM,
        ("i have bruises", "he gave me a black eye"),
        ("my phone is broken",),
    ),
    Cue(
        "secrecy",
        "Secrecy and threats: don't tell anyone, our secret, or else, he'll share it.",
        _c(
            r"\b(?:don'?t\s+tell\s+(?:anyone|anybody|no\s*one|your\s+(?:mum|mom|dad|parents|teacher))|not\s+(?:to\s+)?"
            r"tell\s+(?:anyone|anybody|my\s+(?:mum|mom|dad|parents))|(?:our|a)\s+(?:little\s+)?secret|keep\s+(?:it|this)\s+"
            r"(?:a\s+)?secret|or\s+else|(?:he|she|they)(?:'ll|\s+will)\s+(?:share|post|send|leak)\s+(?:it|them|my))\b"
        ),
        Level.MEDIUM,
        Level.HIGH,
        HARM,
        ("he said it's our secret", "don't tell anyone or else"),
        ("it's a surprise party for mum",),
    ),
)
_BY_NAME = {cue.name: cue for cue in CUES}


def _age_gap(folded: str) -> bool:
    ages = [int(a or b) for a, b in _AGE.findall(folded)]
    return len(ages) >= 2 and min(ages) < 16 and max(ages) - min(ages) >= 4


# Cues the engine looks for in the sentence of a medium rule's match (``engine._contextualise``).
SENTENCE_CUES = ("trusted_adult", "injury", "age_gap", "secrecy")


def cue_in(name: str, folded_sentence: str) -> bool:
    """Whether the cue ``name`` is in an already folded stretch of text."""
    if name == "age_gap" and _age_gap(folded_sentence):
        return True
    return _BY_NAME[name].pattern.search(folded_sentence) is not None


def cues(text: str) -> set[str]:
    """The names of the cues in ``text`` (see ``CUES``)."""
    folded = folded_view(text)
    found = {cue.name for cue in CUES if cue.pattern.search(folded)}
    if _age_gap(folded):
        found.add("age_gap")
    if _YOUNG.search(folded) and _ALONE.search(folded):
        found.add("young_child_alone")
    return found


def apply_cues(level: Level, category: str, found: set[str]) -> Level:
    """``level`` for ``category`` raised by the cues in ``found``, as the rubric says; never lowered."""
    raised = level
    for name in found:
        cue = _BY_NAME.get(name)
        if cue is not None and category in cue.categories and level >= cue.applies_from:
            raised = max(raised, cue.raises_to)
    return raised
