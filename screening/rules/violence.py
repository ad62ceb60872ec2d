"""Violence and weapons.

Each rule: a name, a category, the level it gives unmodified, a plain description, the
words a match cannot do without (``needs``) and messages it must fire on and stay quiet on
(``tests/screening/test_rule_examples.py`` runs them). ``docs/screen-rules.md`` is made from these.
"""

from __future__ import annotations

from ..types import Level
from .model import Rule, _c
from .vocabulary import I_AM, PLAY_UNLESS, THREAT_SAID, THREAT_SUBJECT, TOLD_WORDS, WEAPON, WEAPON_WORDS, WORD

RULES: tuple[Rule, ...] = (
    Rule(
        name="carries_weapon",
        category="violence",
        level=Level.HIGH,
        description="The child carries, hides or will bring a knife or other weapon.",
        pattern=_c(
            rf"\b(?:i|i'?ve|ive|im|i'?m|i\s+am|i\s+will|i'?ll|gonna|going\s+to|started|have\s+to|need\s+to)\s+"
            rf"{WORD}?(?:carry|carrying|got|have|bring|bringing|brought|take|taking|keep|keeping|hide|hiding|"
            rf"bought|buy)\s+(?:a|my|an|the)\s+{WORD}?{WEAPON}"
        ),
        needs=(
            WEAPON_WORDS,
            (
                "bought",
                "bring",
                "brought",
                "buy",
                "carry",
                "got",
                "have",
                "hide",
                "hiding",
                "keep",
                "take",
                "taking",
            ),
        ),
        fires_on=("i carry a knife cos i'm scared", "i'm going to bring a knife to school"),
        quiet_on=("i carry a water bottle", "i would never carry a knife", "i never carry a knife"),
    ),
    Rule(
        name="threat_to_others",
        category="violence",
        level=Level.HIGH,
        description="The child says they will stab, shoot or kill someone (not as a joke).",
        pattern=_c(
            rf"\b(?:{I_AM}\s+(?:going\s+to|gonna)|i\s+will|i'?ll|i\s+want\s+to|i\s+wanna|gonna|going\s+to)\s+"
            rf"(?:stab|shoot|kill|murder|batter|beat\s+up)\s+(?:him|her|them|someone|everyone|people|my\s+\w+|"
            rf"\w+\s+at\s+school|the\s+\w+)\b"
        ),
        needs=(
            ("batter", "beat", "kill", "murder", "shoot", "stab"),
            ("going", "gonna", "i'll", "ill", "wanna", "want"),
        ),
        fires_on=("i'm going to stab him", "i will kill them"),
        quiet_on=("im gonna kill him lol he took my charger", "i'm not going to stab anyone"),
        joke="drop",
    ),
    Rule(
        name="weapon_used_on_me",
        category="violence",
        level=Level.HIGH,
        description="A weapon pulled on them; being stabbed, jumped, mugged or attacked.",
        pattern=_c(
            rf"\b(?:pulled|pull|pulls|held|hold|holds)\s+an?\s+{WEAPON}\s+(?:on|to|at)\s+me\b|"
            rf"\bthreaten(?:ed|s)?\s+me\s+with\s+an?\s+{WEAPON}|\b(?:i|i'?ve|ive|i\s+have|me)\s+(?:just\s+|nearly\s+|"
            rf"also\s+|been\s+)?(?:got|get|been|was|keep\s+getting)\s+(?:\w+\s+)?(?:stabbed|shot|jumped|mugged|robbed|"
            rf"attacked|beaten\s+up|beat\s+up|knifed|slashed)\b(?!\s+down\b)|(?:^|(?<=[.!?\n]))\s*(?:and\s+|then\s+|"
            rf"just\s+)?got\s+(?:\w+\s+)?(?:stabbed|jumped|mugged|robbed|beaten\s+up|beat\s+up|knifed)\b|"
            rf"\b(?:beat|beats|beating|jumped|batter(?:ed)?)\s+me\s+up\b|\b(?:they|he|she|someone|a\s+(?:gang|group|boy|man)|"
            rf"(?:some|older|the)\s+(?:\w+\s+)?(?:boys|lads|kids|men|gang))\s+(?:\w+\s+)?(?:jumped|mugged|robbed|stabbed|"
            rf"knifed|attacked|slashed)\s+me\b"
        ),
        needs=(
            (
                "attacked",
                "batter",
                "beat",
                "been",
                "get",
                "got",
                "held",
                "hold",
                "jumped",
                "knifed",
                "mugged",
                "pull",
                "robbed",
                "slashed",
                "stabbed",
                "threaten",
                "was",
            ),
        ),
        fires_on=("he pulled a knife on me", "i got jumped after school"),
        quiet_on=("we jumped on the trampoline",),
    ),
    Rule(
        name="weapons_around",
        category="violence",
        level=Level.MEDIUM,
        description="Someone near them has or brought a knife or gun: a person reads it.",
        pattern=_c(
            rf"\b(?:he|she|they|someone|people|kids|boys|a\s+boy|a\s+girl|my\s+\w+)\s+{WORD}?(?:has|had|got|"
            rf"carries|carry|carrying|brought|bring|bringing|pulled|showed\s+me|gave\s+me|gives\s+me|handed\s+me)\s+"
            rf"(?:a|an)\s+{WEAPON}\b"
        ),
        needs=(
            WEAPON_WORDS,
            (
                "bring",
                "brought",
                "carries",
                "carry",
                "gave",
                "gives",
                "got",
                "had",
                "handed",
                "has",
                "pulled",
                "showed",
            ),
        ),
        fires_on=("a boy in my class has a knife", "someone brought a gun to school"),
        quiet_on=("he has a water pistol",),
        first_person=False,
        opinion=True,
    ),
    Rule(
        name="threatened_with_violence",
        category="violence",
        level=Level.HIGH,
        description="Someone said they will stab, jump or beat them up.",
        pattern=_c(
            rf"\b{THREAT_SUBJECT}\s+{WORD}{{0,4}}?{THREAT_SAID}\s+(?:stab|shoot|knife|shank|jump|batter|slash|merk|"
            rf"beat\s+me\s+up|do\s+me\s+in|cut|acid)\s+me\b"
        ),
        needs=(
            TOLD_WORDS,
            ("keep", "messaged", "posted", "said", "say", "tell", "texted", "threaten", "told"),
        ),
        fires_on=("he said he will stab me if i tell", "they threatened to jump me after school"),
        quiet_on=("he said he will help me",),
    ),
    Rule(
        name="threatened_to_kill",
        category="violence",
        level=Level.MEDIUM,
        description="Someone said they will kill or hurt them: a person reads it (often said in anger).",
        pattern=_c(
            rf"\b{THREAT_SUBJECT}\s+{WORD}{{0,4}}?{THREAT_SAID}\s+(?:kill|murder|hurt|get|find)\s+me\b"
        ),
        needs=(
            ("find", "get", "hurt", "kill", "murder"),
            TOLD_WORDS,
        ),
        fires_on=("they said they are going to kill me", "he threatened to hurt me"),
        quiet_on=("my mum said she'd kill me if i'm late",),
    ),
    Rule(
        name="witnessed_violence",
        category="violence",
        level=Level.HIGH,
        description="Seeing someone stabbed, shot or beaten up near them.",
        pattern=_c(
            r"\b(?:someone|somebody|a\s+(?:boy|girl|man|kid|lad|woman|teenager)|my\s+(?:\w+\s+)?(?:friend|mate|brother|"
            r"cousin|sister)|he|she|people|they)\s+(?:got|was|were|being|getting|get)\s+(?:\w+\s+)?(?:stabbed|shot|knifed|"
            r"slashed|beaten\s+up|jumped)\s+(?:\w+\s+){0,2}?(?:in\s+front\s+of\s+me|next\s+to\s+me|right\s+by\s+me|"
            r"near\s+me|while\s+i\s+(?:was|watched))|\bi\s+(?:saw|seen|watched|witnessed)\s+(?:\w+\s+){0,3}?(?:get|getting|"
            r"being)\s+(?:stabbed|shot|knifed|killed|beaten\s+up|slashed)\b"
        ),
        needs=(("front", "near", "next", "right", "saw", "seen", "watched", "while", "witnessed"),),
        fires_on=("someone got stabbed in front of me", "i saw a boy get stabbed"),
        quiet_on=("i watched a film where someone gets shot",),
        unless=_c(
            r"\b(?:film|movie|game|video|tv|show|series|netflix|fortnite|gta|cod|call\s+of\s+duty|youtube)\b"
        ),
    ),
    Rule(
        name="hiding_now",
        category="violence",
        level=Level.URGENT,
        description="Hiding from someone now, or someone outside their house or door: urgent.",
        pattern=_c(
            rf"\b(?:i'?m|im|i\s+am|we're|we\s+are)\s+{WORD}?hiding\s+(?:from\s+(?:him|her|them|my\s+\w+|someone|"
            r"somebody|a\s+(?:man|gang|group)|the\s+\w+)|in\s+(?:my|the|a|our)\s+(?:room|bathroom|toilet|wardrobe|"
            r"cupboard|loft|garden|shed|bedroom|car|bushes|bush|park|garage)|under\s+(?:my|the|a)\s+(?:bed|stairs|table|"
            r"covers|duvet)|behind\s+(?:the|a|my)\s+(?:door|sofa|bins?|car|wall|shed|fence))\b|"
            r"\b(?:he|she|they)\s*(?:'s|is|are|'re)\s+(?:outside|banging\s+on)\s+(?:my|our)\s+(?:house|door|room|window|flat)"
        ),
        needs=(("hiding", "outside", "banging"),),
        fires_on=("i'm hiding in the bathroom from my dad", "they're outside my house with knives"),
        quiet_on=(
            "we're hiding from my sister playing hide and seek",
            "i'm not hiding from anyone",
            "i am hiding behind a mask at school",
        ),
        unless=PLAY_UNLESS,
    ),
    Rule(
        name="stranger_taking",
        category="violence",
        level=Level.HIGH,
        description="A stranger trying to take them, grab them or get them into a car.",
        pattern=_c(
            r"\b(?:a|an|some|this|that)\s+(?:\w+\s+)?(?:man|men|guy|guys|stranger|strangers|woman|lady|person|people|van|"
            r"car|bloke)\s+(?:\w+\s+){0,3}?(?:trying|tried|try|keeps\s+trying)\s+to\s+(?:get|make|pull|drag|grab|take|put|"
            r"snatch|lure)\s+me\b"
        ),
        needs=(("try", "tried"),),
        fires_on=("a man tried to get me in his car", "a stranger tried to grab me on the way home"),
        quiet_on=("my mum tried to get me in the car",),
    ),
)
