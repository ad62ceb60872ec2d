"""The phrase rules, written for how children and teenagers write.

Patterns run case-insensitively on the text with curly apostrophes straightened (same
length, so spans point into the original). Each rule carries a name that ends up in
``reasons``, a category and the level it gives when it matches unmodified. Whether a match
is negated, reported, past or a joke is decided in ``rules.py``; rules marked
``first_person=False`` are already about someone else or already carry their own context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Level


@dataclass(frozen=True)
class Rule:
    name: str
    category: str
    level: Level
    pattern: re.Pattern[str]
    # Joke markers ("lol", "jk") cap self-harm matches at medium but drop threats to others.
    joke: str = "cap"  # "cap" | "drop" | "ignore"
    first_person: bool = True


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Building blocks. Spelling variants are part of the blocks so that every rule gets them.
I_AM = r"(?:i'?m|i\s+am|ima|imma|am)"
I_HAVE = r"(?:i'?ve|i\s+have|ive)"
MYSELF = r"(?:my\s*self|myslef|mysef|myselfe|meself|my\s*sefl)"
WANT = (
    r"(?:(?:really\s+|just\s+|honestly\s+|actually\s+|kinda\s+|kind\s+of\s+)?"
    r"(?:want(?:s|ed)?\s*(?:to|2)|wanna|wana|wnt\s*(?:to|2)|need\s+to|going\s+to|gonna|gna|"
    r"will|'ll|might|should|feel\s+like|thinking\s+(?:about|of)|tempted\s+to|wish\s+i\s+could|"
    r"plan(?:ning)?\s+(?:to|on)|about\s+to|trying\s+to|tryna))"
)
SUICIDE_WORD = r"(?:s+u+i*[cs]+i*d+(?:e|al|le|el|ial)?|sewer\s*slide|su[!1*]c[!1*]de|s\*\*cide|suicidal)"
SH_WORD = r"(?:self[\s-]*h[ae]r[mn]\w*|self[\s-]*injur\w*|selfharm\w*)"
SELF_HARM = r"(?:self[\s-]*h[ae]r[mn]\w*|self[\s-]*injur\w*|s/h|\bsh\b|selfharm\w*)"
# Hyperbole that is not about dying: "dying of boredom", "die of embarrassment".
NOT_HYPERBOLE = r"(?!\s+(?:of|from|laughing|lol|lmao)\b)"
ADULT = (
    r"(?:(?:my|mums?|moms?|mum's|mom's|our)\s+)?(?:step[\s-]?)?"
    r"(?:dad|daddy|father|mum|mummy|mom|mother|mam|parents?|uncle|aunt(?:ie|y)?|grandad|grandpa|"
    r"nan|nana|gran|grandma|carer|foster\s+(?:mum|mom|dad|carer|parents?)|teacher|coach|"
    r"brother|sister|cousin|babysitter|neighbou?r|boyfriend|girlfriend|partner|bf|gf|"
    r"(?:mum|mom|mam)'?s\s+(?:new\s+)?(?:boyfriend|bf|partner|fella)|(?:dad)'?s\s+(?:new\s+)?(?:girlfriend|gf|partner))"
)
ABUSER = rf"(?:{ADULT}|he|she|they|him|her)"
HURT_VERB = (
    r"(?:hits?|hitting|beats?|beating|beat|batters?|punch(?:es|ed|ing)?|kicks?|kicked|kicking|"
    r"slaps?|slapped|slapping|chokes?|choked|choking|strangl\w+|burns?|burnt|burned|hurts?|hurting|"
    r"whips?|whipped|smacks?|smacked|smacking|pushe[sd]|shoves?|shoved|grabs?|grabbed|drags?|dragged|"
    r"belts?|belted|throws?\s+(?:things|stuff)\s+at|threw\s+\w+\s+at|bit|bites|pinch(?:es|ed)?)"
)
FRIEND = (
    r"(?:(?:my|our|a)\s+(?:best\s+|close\s+|online\s+)?(?:friend|mate|bestie|bff|bf|gf|boyfriend|girlfriend|"
    r"sister|brother|sis|bro|cousin|classmate|pal|buddy|sibling)s?|she|he|they)"
)
WEAPON = r"(?:knife|knives|blade|machete|zombie\s+knife|shank|gun|strap|weapon|shotty|shotgun|crossbow|axe)"
NUDES = (
    r"(?:nudes?|naked\s+(?:pics?|photos?|pictures?)|pics?|photos?|pictures?|videos?|vids?|private\s+pics?)"
)

# Plan, means or time: a self-harm disclosure with any of these is urgent.
URGENT_CUES = _c(
    r"\b(?:tonight|tonite|2nite|2night|today|tomorrow|tmrw|tmr|this\s+(?:evening|weekend|afternoon|morning)|"
    r"right\s+now|rn|after\s+school|when\s+(?:everyone|they|mum|dad|mom)\s+(?:is|are|goes?|go)\s+(?:asleep|out|to\s+bed)|"
    r"on\s+my\s+birthday|in\s+an?\s+hour|pills|tablets|paracetamol|rope|noose|belt|ligature|blades?|razors?|"
    r"bridge|train\s+tracks?|railway|roof|jump(?:ing)?\s+(?:off|in\s+front)|hang(?:ing)?\s+myself|saved\s+up|"
    r"stockpil\w+|(?:got|have|made)\s+a\s+plan|planned\s+it|said\s+(?:my\s+)?goodbyes?|bought\s+(?:a|some)\s+\w+)\b"
)
NEGATION = _c(
    r"\b(?:not|never|don'?t|dont|do\s+not|doesn'?t|didn'?t|wouldn'?t|won'?t|no\s+longer|isn'?t|"
    r"aren'?t|nobody\s+should|no\s+one\s+should|shouldn'?t|cannot\s+imagine|can'?t\s+imagine)\b"
)
# Negation words that do not negate what follows: "I don't know why I want to die".
NEGATION_NOT_REALLY = _c(r"\b(?:know|stop|care|understand|matter|think\s+any|think\s+(?:i|anyone))\b")
NEGATION_STILL_RISK = _c(r"^\W*(?:right\s+now|at\s+the\s+moment|yet|for\s+now|rn)\b")
PAST_MARKERS = _c(
    r"\b(?:used\s+to|when\s+i\s+was\s+(?:younger|little|small|a\s+kid|in\s+year|\d+)|in\s+the\s+past|years?\s+ago|"
    r"a\s+long\s+time\s+ago|(?:i'?m|im|i\s+am|i\s+feel|feeling)\s+(?:ok|okay|fine|better|good|alright|much\s+better)"
    r"\s+now|don'?t\s+(?:do\s+it\s+)?any\s*more|stopped|recovered|clean\s+(?:for|since)|(?:haven'?t|not)\s+"
    r"(?:done\s+it|cut|self\s+harmed)\s+(?:for|since|in)|got\s+help|getting\s+help|had\s+help)\b"
)
RELAPSE_MARKERS = _c(
    r"\b(?:again|relapsed?|started\s+again|back\s+to|still|recently|last\s+night|this\s+week)\b"
)
JOKE_MARKERS = _c(
    r"(?:\b(?:lol|lool|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|jks|jokes?|joking|kidding|xd)\b|[😂🤣💀😭😆])"
)
THIRD_PARTY_LEAD = _c(
    rf"\b{FRIEND}\s+(?:\w+\s+){{0,4}}?(?:said|says|told\s+me|tells\s+me|texted|messaged|posted|keeps\s+saying|"
    rf"thinks|wrote)\b"
)
