"""Neglect: no food, left alone, a carer who cannot look after them.

Each rule: a name, a category, the level it gives unmodified, a plain description, the
words a match cannot do without (``needs``) and messages it must fire on and stay quiet on
(``tests/screening/test_rule_examples.py`` runs them). ``docs/screen-rules.md`` is made from these.
"""

from __future__ import annotations

from ..types import Level
from .model import Rule, _c

RULES: tuple[Rule, ...] = (
    Rule(
        name="no_food",
        category="neglect",
        level=Level.HIGH,
        description="No food at home, not eating for days, nobody feeding them.",
        pattern=_c(
            r"\b(?:there'?s|there\s+is|we\s+have|we'?ve\s+got|there\s+isn'?t|never\s+any|we\s+got)\s+(?:no|never\s+any|never|"
            r"hardly\s+any|any)\s+food\b|\bhaven'?t\s+eaten\s+(?:in|for|since)\s+(?:\d+|two|three|four|a\s+few|"
            r"days|ages|yesterday)|\bno\s*(?:one|body)\s+(?:looks\s+after|feeds|takes\s+care\s+of|cooks\s+for)\s+"
            r"(?:me|us)\b"
        ),
        needs=(("cooks", "eaten", "feeds", "food", "looks", "takes"),),
        fires_on=("there's no food in the house", "i haven't eaten for 2 days"),
        quiet_on=("we have no homework this week",),
    ),
    Rule(
        name="left_alone",
        category="neglect",
        level=Level.HIGH,
        description="Left alone for days, overnight or all weekend.",
        pattern=_c(
            r"\b(?:left|leave|leaves|leaving)\s+(?:me|us)\s+(?:home\s+|at\s+home\s+)?(?:alone|on\s+(?:my|our)\s+own|by\s+"
            r"(?:myself|ourselves))\s+(?:for\s+(?:days|\w+\s+days|the\s+weekend|ages|a\s+week)|overnight|"
            r"all\s+(?:night|weekend|day))"
        ),
        needs=(("leave", "leaving", "left"), ("all", "for", "overnight")),
        fires_on=("they leave me home alone for days", "mum left us on our own all weekend"),
        quiet_on=("mum left me alone for ten minutes",),
    ),
    Rule(
        name="carer_intoxicated",
        category="neglect",
        level=Level.MEDIUM,
        description="A parent or carer who is drunk, high or passed out: a person reads it.",
        pattern=_c(
            r"\b(?:my\s+)?(?:mum|mom|dad|parents|mam|step\s*dad|carer)\s+(?:is|are|'s|gets|get)\s+(?:always\s+|"
            r"usually\s+|often\s+)?(?:drunk|high|wasted|off\s+(?:her|his|their)\s+face|passed\s+out|"
            r"on\s+drugs)\b"
        ),
        needs=(
            ("drugs", "drunk", "face", "high", "passed", "wasted"),
            ("drugs", "drunk", "face", "high", "out", "wasted"),
        ),
        fires_on=("my mum is always drunk", "my dad gets high"),
        quiet_on=("my dad is a bus driver",),
    ),
    Rule(
        name="basic_needs",
        category="neglect",
        level=Level.MEDIUM,
        description="No heating, bed or clean clothes; going to school hungry: a person reads it.",
        pattern=_c(
            r"\b(?:we|i)\s+(?:have|got)\s+no\s+(?:heating|electric|electricity|hot\s+water|bed|clean\s+clothes)\b|"
            r"\b(?:i|we)\s+(?:don'?t|dont|do\s+not)\s+have\s+(?:a\s+bed|clean\s+clothes|food|a\s+coat|shoes)\b|"
            r"\bgo(?:ing)?\s+(?:to\s+school|to\s+bed)\s+hungry\b|\bi\s+have\s+to\s+look\s+after\s+(?:myself|my\s+"
            r"(?:little|baby)\s+\w+|my\s+(?:mum|mom|dad))"
        ),
        needs=(("after", "got", "have", "hungry"),),
        fires_on=("we have no heating", "i go to school hungry"),
        quiet_on=("we have no school on friday",),
    ),
    Rule(
        name="left_in_charge",
        category="neglect",
        level=Level.HIGH,
        description="Looking after a baby or little sibling at night or alone; a parent out every night.",
        pattern=_c(
            r"\b(?:look(?:ing)?\s+after|babysit\w*|mind(?:ing)?)\s+my\s+(?:baby|little|younger|2\s+little|two\s+little)\s+"
            r"(?:\w+\s+)?(?:brothers?|sisters?|siblings?|bro|sis)\s+(?:\w+\s+){0,3}?(?:every\s+night|all\s+night|overnight|"
            r"on\s+my\s+own|by\s+myself|all\s+weekend|when\s+(?:my\s+)?(?:mum|mom|dad|they|she|he)\s+(?:goes|go|is|are)\s+out|"
            r"because\s+(?:my\s+)?(?:mum|mom|dad|they|she|he)\s+(?:goes|go|is|are)\s+(?:out|drunk|asleep|passed\s+out))|"
            r"\b(?:mum|mom|mam|dad|parents|they|she|he)\s+(?:\w+\s+)?(?:goes|go|went)\s+out\s+(?:\w+\s+){0,2}?"
            r"(?:every\s+night|all\s+night|for\s+days|and\s+leaves?\s+(?:me|us))"
        ),
        needs=(("baby", "little", "out", "younger"),),
        fires_on=(
            "i look after my baby sister every night because mum goes out",
            "mum goes out every night and leaves us",
        ),
        quiet_on=("i look after my little brother sometimes when mum is at the shop",),
    ),
    Rule(
        name="carer_not_coping",
        category="neglect",
        level=Level.MEDIUM,
        description=(
            "A parent in bed all day or not cooking or looking after them; the child doing everything: a "
            "person reads it."
        ),
        pattern=_c(
            r"\b(?:mum|mom|mam|dad|parents?|carer)\s+(?:\w+\s+)?(?:stays?|lies|lays|is|are)\s+in\s+bed\s+all\s+day|"
            r"\b(?:mum|mom|mam|dad|parents?)\s+(?:never|doesn'?t|dont|don'?t|won'?t)\s+(?:\w+\s+)?(?:cook|feed|wash|"
            r"get\s+up|get\s+out\s+of\s+bed|look\s+after)|\bi\s+(?:have\s+to\s+)?do\s+everything\s+(?:at\s+home|"
            r"in\s+the\s+house|for\s+(?:my\s+)?(?:mum|mom|dad|family))|\b(?:doesn'?t|dont|don'?t|never)\s+(?:\w+\s+)?"
            r"(?:cook|clean)\s+or\s+(?:cook|clean)"
        ),
        needs=(
            (
                "bed",
                "clean",
                "cook",
                "doesn't",
                "doesnt",
                "don't",
                "dont",
                "everything",
                "never",
                "won't",
                "wont",
            ),
        ),
        fires_on=("my mum stays in bed all day", "i do everything at home"),
        quiet_on=("my mum stays in bed when she has a cold",),
    ),
    Rule(
        name="thrown_out",
        category="neglect",
        level=Level.HIGH,
        description="Kicked or thrown out of home: a disclosure, even in the past tense.",
        pattern=_c(
            r"\b(?:kicked|kicks|kicking|thrown|threw|throws|chucked|chucks)\s+me\s+out\b(?!\s+of\s+(?:the\s+)?(?:game|match|team|lesson|class|club|chat|group))"
        ),
        needs=(("kick", "thr", "chuck"),),
        fires_on=("my mum kicked me out", "they kicked me out"),
        quiet_on=("they kicked me out of the game", "they never kicked me out"),
    ),
    Rule(
        name="kept_off_school",
        category="neglect",
        level=Level.HIGH,
        description="Not sent to school, or out of school for weeks or months.",
        pattern=_c(
            r"\b(?:mum|mom|mam|dad|parents?|carer|they|she|he)\s+(?:don'?t|doesn'?t|dont|doesnt|won'?t|wont|never)\s+"
            r"(?:let\s+me\s+go\s+to|send\s+me\s+to|take\s+me\s+to)\s+school\b|\bhaven'?t\s+been\s+(?:to|in)\s+"
            r"school\s+(?:for|since)\s+(?:months|weeks|ages|a\s+(?:long\s+time|few\s+(?:weeks|months))|\w+\s+(?:weeks|months))"
        ),
        needs=(("school",),),
        fires_on=("my mum doesn't send me to school", "i haven't been to school for months"),
        quiet_on=("i haven't been to school for two days because i had flu",),
    ),
)
