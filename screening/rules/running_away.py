"""Running away, being thrown out, sleeping rough, going missing.

Each rule: a name, a category, the level it gives unmodified, a plain description, the
words a match cannot do without (``needs``) and messages it must fire on and stay quiet on
(``tests/screening/test_rule_examples.py`` runs them). ``docs/screen-rules.md`` is made from these.
"""

from __future__ import annotations

from ..types import Level
from .model import Rule, _c
from .vocabulary import I_AM, LEAVE_UNLESS, NOT_NEG, ROUGH_UNLESS, RUN_UNLESS, WANT

RULES: tuple[Rule, ...] = (
    Rule(
        name="running_away",
        category="running_away",
        level=Level.MEDIUM,
        description="Wanting or thinking of running away: a person reads it.",
        pattern=_c(
            rf"\b(?:{I_AM}|{WANT}|i'?m\s+thinking\s+(?:of|about)|i\s+might)\s+{NOT_NEG}(?:run|running|runaway)\s+"
            rf"(?:away|off)\b"
        ),
        needs=(("run",), ("away", "off")),
        fires_on=("i might run away", "i want to run away"),
        quiet_on=("running away from a dog",),
        unless=RUN_UNLESS,
    ),
    Rule(
        name="running_away_plan",
        category="running_away",
        level=Level.HIGH,
        description="Going to run away, running away tonight, or keeps running away.",
        pattern=_c(
            rf"\b(?:{I_AM}\s+{NOT_NEG}(?:going\s+to|gonna|gna|about\s+to|planning\s+(?:to|on)|ready\s+to)|"
            rf"i\s+(?:will|am\s+going\s+to)|i'?ll)\s+(?:just\s+|actually\s+|really\s+|definitely\s+)?(?:run|running|runaway)\s+"
            rf"(?:away|off)\b|\b{I_AM}\s+{NOT_NEG}running\s+away\s+(?:tonight|today|tomorrow|this\s+weekend|after\s+school|"
            rf"soon|from\s+(?:home|here))|\bi\s+(?:keep|kept|always|sometimes|often)\s+{NOT_NEG}(?:run(?:ning)?|ran)\s+"
            rf"(?:away|off)\b"
        ),
        needs=(
            ("always", "away", "keep", "kept", "off", "often", "running", "sometimes"),
            ("away", "here", "home", "off", "school", "soon", "today", "tomorrow", "tonight", "weekend"),
        ),
        fires_on=("i'm going to run away", "im running away tonight"),
        quiet_on=("i'm not going to run away",),
        unless=RUN_UNLESS,
    ),
    Rule(
        name="ran_away",
        category="running_away",
        level=Level.HIGH,
        description="Has run away, has nowhere to sleep, is sofa-surfing or homeless.",
        pattern=_c(
            r"\b(?:i'?ve|ive|i\s+have|i)\s+(?:just\s+)?(?:ran|run)\s+(?:away\b|off\b(?!\s+(?:the|with|to)\b))|"
            r"\b(?:i'?ve|i\s+have|i'?ve\s+got|i\s+got|i\s+had|i'?m\s+left\s+with)\s+nowhere\s+(?:to|i\s+can)\s+"
            rf"(?:go|sleep|stay|live)\b|\bcan'?t\s+go\s+(?:back\s+)?home\b|\b(?:i'?m|im|i\s+am)\s+{NOT_NEG}homeless\b|"
            r"\bsofa\s*-?\s*surf\w*"
        ),
        needs=(("away", "home", "nowhere", "off", "sofa"),),
        fires_on=("i ran off after school", "i've got nowhere to sleep"),
        quiet_on=("i ran off the pitch",),
        unless=RUN_UNLESS,
    ),
    Rule(
        name="leaving_home",
        category="running_away",
        level=Level.HIGH,
        description="Leaving home or a placement, not coming back, packing a bag to go.",
        pattern=_c(
            rf"\b(?:{I_AM}\s+{NOT_NEG}(?:leaving|going\s+to\s+leave|gonna\s+leave|walking\s+out\s+of|moving\s+out\s+of)|"
            rf"i\s+(?:will|am\s+going\s+to|want\s+to|wanna|just|have)\s+(?:leave|left)|i'?ll\s+leave|i'?ve\s+left|i\s+left|"
            rf"i\s+(?:just\s+)?(?:walked|stormed|ran)\s+out\s+of)\s+"
            rf"(?:home|my\s+(?:house|home|foster\s+home|care\s+home|placement))\b"
            rf"(?!\s+(?:for|to\s+go\s+to|at|in|this\s+morning|early|to\s+get)\b)|\b(?:leaving|leave|left|going|gone|go|run|"
            rf"running|walk\w*\s+out)\s+(?:\w+\s+){{0,4}}?(?:and\s+)?(?:never|not|won'?t\s+be)\s+(?:coming|come|going|go)\s+"
            rf"back\b(?!\s+to\s+(?:this|that|the|school|class|there))|\b(?:packed|packing|pack)\s+(?:a|my)\s+{NOT_NEG}"
            rf"(?:bag|bags|stuff|things|rucksack)\s+(?:\w+\s+){{0,3}}?(?:to\s+leave|leaving|run|running|never|tonight)"
        ),
        needs=(
            ("back", "home", "house", "pack", "placement"),
            ("back", "home", "house", "leave", "leaving", "never", "placement", "run", "tonight"),
        ),
        fires_on=("im leaving home tonight", "i packed a bag and im leaving and never coming back"),
        quiet_on=("i'm leaving home for uni next year",),
        unless=LEAVE_UNLESS,
    ),
    Rule(
        name="slept_rough",
        category="running_away",
        level=Level.HIGH,
        description="Sleeping rough, outside, in a park, car or station.",
        pattern=_c(
            rf"\b(?:i|i'?ve|ive|i\s+have|{I_AM}|been)\s+{NOT_NEG}(?:slept|sleeping|sleep|stayed|staying|"
            rf"spent\s+(?:the|last)\s+night|spending\s+(?:the|my)\s+nights?|living|lived)\s+{NOT_NEG}(?:rough|outside|"
            rf"on\s+the\s+streets?|in\s+(?:a|the)\s+(?:park|tent|car|bus\s+station|train\s+station|station|stairwell|"
            rf"shed|garage|woods|alley|doorway|bin\s+shed|playground|underpass)|at\s+the\s+(?:park|bus\s+station|"
            rf"train\s+station|station|playground)|on\s+(?:a|the)\s+(?:bench|night\s+bus|streets?))\b|"
            rf"\b(?:i'?ve|ive|i\s+have)\s+been\s+(?:living\s+|sleeping\s+)?(?:on\s+the\s+streets?|rough|homeless)\b"
        ),
        needs=(
            ("been", "lived", "living", "night", "sleep", "slept", "stayed", "staying"),
            (
                "alley",
                "bench",
                "bus",
                "car",
                "doorway",
                "garage",
                "homeless",
                "outside",
                "park",
                "playground",
                "rough",
                "shed",
                "stairwell",
                "station",
                "street",
                "tent",
                "underpass",
                "woods",
            ),
        ),
        fires_on=("i slept at the park", "i've been sleeping on the streets"),
        quiet_on=("i slept in a tent at scout camp",),
        unless=ROUGH_UNLESS,
    ),
    Rule(
        name="going_missing",
        category="running_away",
        level=Level.HIGH,
        description="Going missing, or being reported missing.",
        pattern=_c(
            rf"\b(?:i|i'?ve|ive|i\s+have)\s+{NOT_NEG}(?:go|going|gone|went|been\s+going)\s+missing\b|"
            r"\b(?:reported|report|reports)\s+me\s+(?:as\s+)?missing\b"
        ),
        needs=(("missing",),),
        fires_on=("i keep going missing from my placement", "they reported me missing"),
        quiet_on=("i havent gone missing",),
    ),
    Rule(
        name="not_going_home",
        category="running_away",
        level=Level.MEDIUM,
        description="Not wanting to go home, or being threatened with being kicked out: a person reads it.",
        pattern=_c(
            rf"\b(?:i\s+)?(?:don'?t|dont|do\s+not|never)\s+(?:ever\s+)?(?:want|wanna)\s+(?:to\s+)?go\s+(?:back\s+)?home\b|"
            rf"\b{I_AM}\s+not\s+going\s+(?:back\s+)?home\b|\bi\s+(?:won'?t|will\s+not|refuse\s+to)\s+go\s+(?:back\s+)?home\b|"
            rf"\b(?:will|gonna|going\s+to|'ll|threaten(?:s|ed)?\s+to|said\s+(?:they|he|she)\s*(?:'d|would|will|'ll))\s+"
            rf"(?:kick|throw|chuck)\s+me\s+out\b"
        ),
        needs=(("chuck", "going", "home", "kick", "throw"), ("home", "out")),
        fires_on=("i don't want to go home", "my dad said he'll kick me out"),
        quiet_on=("i don't want to go home this holiday is amazing",),
        unless=LEAVE_UNLESS,
    ),
)
