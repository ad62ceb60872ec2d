"""Abuse: physical, sexual, emotional and domestic abuse, and asking for help.

Each rule: a name, a category, the level it gives unmodified, a plain description, the
words a match cannot do without (``needs``) and messages it must fire on and stay quiet on
(``tests/screening/test_rule_examples.py`` runs them). ``docs/screen-rules.md`` is made from these.
"""

from __future__ import annotations

from ..types import Level
from .model import Rule, _c
from .vocabulary import (
    ABUSER,
    ADULT,
    BULLY_UNLESS,
    HURT_VERB,
    HURT_VERB_WORDS,
    MARKS_UNLESS,
    PLAY_UNLESS,
    WORD,
)

RULES: tuple[Rule, ...] = (
    Rule(
        name="physical_abuse",
        category="abuse",
        level=Level.HIGH,
        description="An adult, carer or partner hitting, kicking, burning or hurting the child or a sibling.",
        pattern=_c(
            rf"\b{ABUSER}\s+{WORD}{{0,2}}?{HURT_VERB}\s+(?:me|us|my\s+(?:little\s+|baby\s+|big\s+)?"
            rf"(?:brother|sister|sibling)s?)\b(?!\s+(?:up|out)\b)"
        ),
        needs=(
            HURT_VERB_WORDS,
            (
                "batter",
                "beat",
                "belt",
                "bit",
                "burn",
                "choke",
                "choking",
                "drag",
                "grab",
                "hit",
                "hurt",
                "kick",
                "pinch",
                "punch",
                "pushed",
                "pushes",
                "shove",
                "slap",
                "smack",
                "strangl",
                "stuff",
                "things",
                "threw",
                "whip",
            ),
        ),
        fires_on=("my dad hits me", "my stepdad punches me when he's drunk", "my mums boyfriend slaps me"),
        quiet_on=(
            "my little brother hits me with his toy sword when we play",
            "my dad beat me at chess",
            "my dad would never hit me",
            "my dad never hits me",
        ),
        unless=PLAY_UNLESS,
    ),
    Rule(
        name="gets_hit",
        category="abuse",
        level=Level.HIGH,
        description="“I get hit”, “I keep getting smacked”: being hurt, with or without saying who by.",
        pattern=_c(
            r"\b(?:i|we)\s+(?:get|got|gets|am\s+getting|keep\s+getting|been|get\s+really)\s+(?:(?:hit|beaten|beat|"
            r"smacked|slapped|kicked|punched|battered|burnt|whipped|strangled)\b(?!\s+(?:by\s+(?:a|the)\s+(?:ball|car|"
            r"bus|bike|door|swing)|in\s+(?:football|pe|rugby)|with\s+(?:it|a\s+ball|the\s+ball|all|a\s+lot))\b)|"
            r"hurt\s+(?:by\s+(?:my|him|her|them)|at\s+home)\b)"
        ),
        needs=(
            ("been", "get", "got", "really"),
            (
                "battered",
                "beat",
                "burnt",
                "hit",
                "hurt",
                "kicked",
                "punched",
                "slapped",
                "smacked",
                "strangled",
                "whipped",
            ),
        ),
        fires_on=("i get hit at home", "i keep getting smacked"),
        quiet_on=("i got hit by a ball in pe",),
    ),
    Rule(
        name="being_abused",
        category="abuse",
        level=Level.HIGH,
        description="Being abused, raped, molested, assaulted or groomed, in those words.",
        pattern=_c(
            r"\b(?:i'?m|i\s+am|i\s+was|i'?ve\s+been|im|i\s+have\s+been|i\s+got|i\s+get)\s+(?:being\s+|getting\s+)?"
            r"(?:sexually\s+)?(?:abused|molested|raped|assaulted|groomed)\b|\b(?:abuses?|abused|rapes?|raped|molest\w*)\s+"
            r"(?:me|us)\b"
        ),
        needs=(("abuse", "molest", "rape", "assault", "groom"),),
        fires_on=("i am being abused", "he raped me"),
        quiet_on=("the film was about a girl who was abused",),
    ),
    Rule(
        name="bruises",
        category="abuse",
        level=Level.HIGH,
        description="Bruises, marks or burns on them from someone.",
        pattern=_c(
            r"\b(?:bruises?|marks?|burns?)\s+(?:on\s+my|all\s+over\s+me|from\s+(?:my|where|when|him|her))\b"
        ),
        needs=(("bruise", "burn", "mark"),),
        fires_on=("i have bruises on my arms from where he grabbed me", "there are marks all over me"),
        quiet_on=("i got top marks on my spelling test",),
        unless=MARKS_UNLESS,
    ),
    Rule(
        name="domestic_abuse",
        category="abuse",
        level=Level.HIGH,
        description=(
            "Someone at home hitting or hurting their mum, dad or nan: domestic abuse the child lives with."
        ),
        pattern=_c(
            rf"\b{ABUSER}\s+{WORD}{{0,2}}?{HURT_VERB}\s+(?:my\s+)?(?:mum|mom|mam|mother|dad|nan|gran)\b"
        ),
        needs=(
            ("dad", "gran", "mam", "mom", "mother", "mum", "nan"),
            HURT_VERB_WORDS,
        ),
        fires_on=("my dad hits my mum", "he punches my mom when he's drunk"),
        quiet_on=("the ball hit my mum", "my stepdad would never hurt my mum"),
    ),
    Rule(
        name="sexual_abuse",
        category="abuse",
        level=Level.HIGH,
        description=(
            "Being touched, kissed or made to do sexual things; someone coming into their room or bed at "
            "night."
        ),
        pattern=_c(
            r"\b(?:touch(?:es|ed|ing)?|feels?\s+up|felt\s+up|kiss(?:es|ed)?)\s+me\s+(?:\w+\s+){0,3}?(?:there|down\s+there|"
            r"privates?|private\s+parts|inappropriately|where|in\s+bed|at\s+night|when\s+no\s*one)|"
            r"\b(?:makes?|made|forces?|forced|tells?\s+me\s+to)\s+me\s+(?:to\s+)?(?:touch|watch\s+porn|do\s+sexual|"
            r"take\s+my\s+clothes\s+off|get\s+naked|do\s+stuff|do\s+things|sleep\s+with)|"
            r"\bcomes?\s+(?:in|into)\s+my\s+(?:room|bed)\s+(?:at\s+night|when)"
        ),
        needs=(
            ("come", "feel", "felt", "force", "kiss", "made", "make", "tell", "touch"),
            (
                "bed",
                "inappropriately",
                "naked",
                "night",
                "off",
                "one",
                "parts",
                "porn",
                "private",
                "sexual",
                "stuff",
                "there",
                "things",
                "touch",
                "when",
                "where",
                "with",
            ),
        ),
        fires_on=("he touches me down there", "my uncle comes into my room at night"),
        quiet_on=("my mum kisses me goodnight", "my nan kisses me goodnight"),
    ),
    Rule(
        name="touches_me",
        category="abuse",
        level=Level.HIGH,
        description="An adult or relative who touches them.",
        pattern=_c(rf"\b{ABUSER}\s+{WORD}?touch(?:es|ed)\s+me\b"),
        needs=(("touched", "touches"),),
        fires_on=("my uncle touches me", "he touched me"),
        quiet_on=("my dog touches me with its nose", "he never touched me"),
    ),
    Rule(
        name="afraid_at_home",
        category="abuse",
        level=Level.HIGH,
        description="Scared to go home or not safe at home.",
        pattern=_c(
            r"\b(?:scared|afraid|frightened|terrified)\s+(?:to\s+go|of\s+going)\s+home\b|"
            r"\b(?:don'?t|do\s+not|dont|never)\s+feel\s+safe\s+(?:at\s+home|in\s+my\s+(?:house|home|room)|with\s+my)"
        ),
        needs=(("afraid", "feel", "frightened", "scared", "terrified"),),
        fires_on=("i'm scared to go home", "i don't feel safe at home"),
        quiet_on=("i'm scared to go on the rollercoaster",),
    ),
    Rule(
        name="threatened_by_adult",
        category="abuse",
        level=Level.HIGH,
        description="An adult threatening to kill, hurt or hit them or their mum.",
        pattern=_c(
            rf"\b{ABUSER}\s+{WORD}?(?:threaten(?:s|ed)?|says?\s+(?:he|she)\s*(?:'ll|will))\s+(?:to\s+)?"
            rf"(?:kill|hurt|hit|beat|stab)\s+(?:me|us|my\s+mum)|\bscared\s+(?:he|she|they)\s*(?:'ll|will|is\s+going\s+to|"
            rf"'s\s+going\s+to|'re\s+going\s+to|are\s+going\s+to|gonna)\s+(?:kill|hurt|hit|beat)\s+(?:me|us|my\s+mum)\b"
        ),
        needs=(("say", "scared", "threaten"),),
        fires_on=("my dad threatens to kill me", "i'm scared he'll hurt me"),
        quiet_on=("my dad threatens to take my phone",),
    ),
    Rule(
        name="locked_in",
        category="abuse",
        level=Level.HIGH,
        description="An adult locking them in or out.",
        pattern=_c(rf"\b{ABUSER}\s+{WORD}?(?:locks?|locked|shuts?)\s+me\s+(?:in|out|up)\b"),
        needs=(("lock", "shut"),),
        fires_on=("my mum locks me in my room", "he locked me out all night"),
        quiet_on=("i locked myself out by accident",),
    ),
    Rule(
        name="gave_me_injury",
        category="abuse",
        level=Level.HIGH,
        description=(
            "An adult who gave them a black eye, bruises, a split lip or burns: a disclosure, even in the "
            "past tense."
        ),
        pattern=_c(
            rf"\b{ABUSER}\s+{WORD}{{0,2}}?(?:gave|give|gives|giving|left)\s+me\s+(?:a\s+|an\s+|two\s+|2\s+)?"
            rf"(?:black\s+eyes?|bruises?|(?:split|fat|bust|busted)\s+lip|nosebleed|bloody\s+nose|marks|burns?|"
            rf"broken\s+(?:arm|wrist|nose|finger|rib)s?)\b(?!\s+(?:shadow|palette|make\s*up))"
        ),
        needs=(
            ("gave", "give", "giving", "left"),
            ("black", "bloody", "broken", "bruise", "burn", "lip", "marks", "nosebleed"),
        ),
        fires_on=("she gave me two black eyes", "my stepdad gave me a split lip"),
        quiet_on=("my friend gave me a black eye shadow palette",),
    ),
    Rule(
        name="emotional_abuse",
        category="abuse",
        level=Level.MEDIUM,
        description=(
            "An adult calling them worthless, stupid or a mistake, or wishing they were never born: a "
            "person reads it."
        ),
        pattern=_c(
            rf"\b{ADULT}\s+{WORD}?(?:calls?|called|says?|said|tells?|told|screams?|shouts?)\s+(?:at\s+)?me\s+"
            rf"(?:\w+\s+){{0,2}}?(?:worthless|useless|stupid|fat|ugly|a\s+mistake|a\s+waste|nothing|disgusting|a\s+burden)"
            rf"|\b{ADULT}\s+{WORD}?(?:wish(?:es)?|said|says)\s+(?:\w+\s+){{0,2}}?(?:i|me)\s+(?:was|were|had)\s+never\s+"
            rf"(?:been\s+)?born"
        ),
        needs=(
            ("call", "never", "said", "say", "scream", "shout", "tell", "told"),
            (
                "born",
                "burden",
                "disgusting",
                "fat",
                "mistake",
                "nothing",
                "stupid",
                "ugly",
                "useless",
                "waste",
                "worthless",
            ),
        ),
        fires_on=("my mum calls me worthless", "my dad says he wishes i was never born"),
        quiet_on=("my mum told me a funny story",),
    ),
    Rule(
        name="scared_of_adult",
        category="abuse",
        level=Level.MEDIUM,
        description="Scared of a parent, carer or relative: a person reads it.",
        pattern=_c(rf"\b(?:scared|afraid|frightened|terrified)\s+of\s+{ADULT}\b"),
        needs=(("afraid", "frightened", "scared", "terrified"),),
        fires_on=("i'm scared of my dad", "i am terrified of my stepdad"),
        quiet_on=("i'm scared of spiders",),
    ),
    Rule(
        name="domestic_conflict",
        category="abuse",
        level=Level.MEDIUM,
        description="Parents fighting all the time, or the police called to the house: a person reads it.",
        pattern=_c(
            r"\b(?:my\s+)?(?:parents|mum\s+and\s+dad|mom\s+and\s+dad|they)\s+(?:always\s+)?(?:fight|scream|shout|argue)"
            r"\s+(?:\w+\s+){0,2}?(?:all\s+the\s+time|every\s+(?:night|day)|and\s+(?:he|she)\s+(?:hits|hurts))|"
            r"\bpolice\s+(?:came|come|were\s+called)\s+(?:round|to\s+(?:our|my)\s+(?:house|home))"
        ),
        needs=(
            ("argue", "fight", "police", "scream", "shout"),
            ("day", "hits", "home", "house", "hurts", "night", "round", "time"),
        ),
        fires_on=("my parents fight all the time", "the police came round to our house"),
        quiet_on=("my parents fight over the remote",),
    ),
    Rule(
        name="asks_for_help",
        category="abuse",
        level=Level.MEDIUM,
        description="Asking for help, or saying they don't feel safe: a person reads it.",
        pattern=_c(
            r"\b(?:please\s+help\s+me|help\s+me\s+please|i\s+need\s+help|some\s*(?:one|body)\s+(?:please\s+)?help\s+me|"
            r"i\s+need\s+some\s*one\s+to\s+talk\s+to|i\s+don'?t\s+feel\s+safe|i\s+do\s+not\s+feel\s+safe)\b"
        ),
        needs=(("feel", "help", "need", "please"),),
        fires_on=("please help me", "i don't feel safe"),
        quiet_on=("can you help me with my homework",),
    ),
    Rule(
        name="forced_marriage",
        category="abuse",
        level=Level.HIGH,
        description="Being made to marry, promised to someone, or taken abroad to be married.",
        pattern=_c(
            r"\b(?:make|makes|making|made|force|forces|forcing|forced|want|wants|going\s+to|gonna)\s+me\s+(?:to\s+)?"
            r"(?:get\s+)?marr(?:y|ied)\b|\b(?:arranged|forced)\s+(?:a\s+)?marriage\s+(?:for\s+me|to)\b|"
            r"\b(?:taking|take|takes|send|sending|sent)\s+me\s+(?:abroad|back\s+home|away|to\s+\w+)\s+(?:\w+\s+){0,3}?"
            r"(?:to\s+(?:get\s+)?marr(?:y|ied)|for\s+(?:a|my)\s+(?:wedding|marriage))|"
            r"\b(?:i'?m|im|i\s+am|i'?ve\s+been)\s+(?:being\s+)?(?:promised|engaged)\s+to\s+(?:a|an|my)\s+(?:\w+\s+)?"
            r"(?:man|cousin|older|uncle)"
        ),
        needs=(("marr", "wedding", "promised", "engaged"),),
        fires_on=(
            "my parents are going to make me marry my cousin",
            "they're taking me abroad in the summer to get married",
        ),
        quiet_on=("i want to get married when i'm older", "my sister is getting married"),
    ),
    Rule(
        name="fgm",
        category="abuse",
        level=Level.HIGH,
        description="FGM talked about for them: being cut “down there” or “like my sister”.",
        pattern=_c(
            r"\bfgm\b|\b(?:get|be|being|getting)\s+cut\s+(?:down\s+there|like\s+my\s+(?:sister|cousin|mum|mom))|"
            r"\bcut\s+me\s+down\s+there\b|\bfemale\s+genital\b"
        ),
        needs=(("fgm", "cut", "female"),),
        fires_on=(
            "my aunt says i will get cut down there when we go on holiday",
            "they want to do fgm on me",
        ),
        quiet_on=("we learned about fgm in pshe", "i will get cut from the team"),
        unless=BULLY_UNLESS,
    ),
)
