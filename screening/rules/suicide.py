"""Suicide and self-harm in the child's own words.

Each rule: a name, a category, the level it gives unmodified, a plain description, the
words a match cannot do without (``needs``) and messages it must fire on and stay quiet on
(``tests/screening/test_rule_examples.py`` runs them). ``docs/screen-rules.md`` is made from these.
"""

from __future__ import annotations

from ..types import Level
from .model import Rule, _c
from .vocabulary import I_AM, MYSELF, NOT_HYPERBOLE, SELF_HARM, SH_WORD, SUICIDE_WORD, WANT, WANT_STRONG, WORD

RULES: tuple[Rule, ...] = (
    Rule(
        name="kms",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="“kms” (kill myself) and its chat spellings: a child saying they want to die.",
        pattern=_c(r"\b(?:kms|kmsl|kmys)\b"),
        needs=(("kms", "kmys"),),
        fires_on=("i just want to kms", "honestly kmsl everything is too much"),
        quiet_on=("i would never kms",),
    ),
    Rule(
        name="kys_self",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="“kys” (kill yourself) said about themselves: “I want to kys”.",
        pattern=_c(rf"\b(?:i|{I_AM}|{WANT})\s+(?:just\s+|literally\s+)?kys\b"),
        needs=(("kys",),),
        fires_on=("i wanna kys", "im gonna kys tonight"),
        quiet_on=("people at school tell me to kys",),
    ),
    Rule(
        name="kill_myself",
        category="suicide_self_harm",
        level=Level.HIGH,
        description=(
            "Killing, ending or hurting their own life in so many words: “kill myself”, “end myself”, "
            "“unalive myself”."
        ),
        pattern=_c(
            rf"(?<!me to )(?<!me 2 )(?<!go )\b(?:kill|kil|killing|unalive|unaliving|end|ending|hang|hanging|"
            rf"shoot|drown|poison|off)\w{{0,3}}\s+{MYSELF}\b"
        ),
        needs=(
            ("sefl", "self", "ysef", "yslef"),
            ("drown", "end", "hang", "kil", "off", "poison", "shoot", "unalive", "unaliving"),
        ),
        fires_on=("i want to kill myself", "im going to end myself", "i'm going to kill myself tonight"),
        quiet_on=(
            "people at school tell me to kill myself",
            "i would never kill myself",
            "i'd never kill myself",
        ),
    ),
    Rule(
        name="want_to_die",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Wanting, needing or planning to die, not exist or never wake up.",
        pattern=_c(
            rf"(?<!no one )(?<!nobody )(?<!noone )\b{WANT_STRONG}\s+(?:just\s+)?(?:die|d1e|dye|be\s+dead|"
            rf"not\s+be\s+alive|not\s+exist|stop\s+existing|"
            rf"not\s+be\s+here\s+any\s*more|disappear\s+forever|sleep\s+forever|never\s+wake\s+up|"
            rf"unalive|go\s+to\s+sleep\s+and\s+never){NOT_HYPERBOLE}"
        ),
        needs=(
            ("alive", "d1e", "dead", "die", "disappear", "dye", "exist", "forever", "here", "never", "sleep"),
            (
                "feel",
                "need",
                "plan",
                "ready",
                "tempted",
                "thinking",
                "trying",
                "tryna",
                "wana",
                "wanna",
                "want",
                "wish",
                "wnt",
            ),
        ),
        fires_on=("i just want to die", "i wanna disappear forever", "i honestly want to die"),
        quiet_on=("i want to die of embarrassment", "nobody wants to die", "i'm dying to see the new film"),
    ),
    Rule(
        name="going_to_die",
        category="suicide_self_harm",
        level=Level.MEDIUM,
        description=(
            "“I'm going to die”: as often fear or a figure of speech as intent, so a person reads it."
        ),
        pattern=_c(
            rf"\b(?:i'?m|im|i\s+am|i)\s+(?:just\s+|literally\s+|actually\s+|really\s+)?(?:going\s+to|gonna|gna|will|"
            rf"might|about\s+to)\s+(?:just\s+)?die{NOT_HYPERBOLE}|\bi'?ll\s+(?:just\s+)?die{NOT_HYPERBOLE}"
        ),
        needs=(("die",),),
        fires_on=("i'm going to die", "if this carries on i'll just die"),
        quiet_on=("i thought i was going to die on that rollercoaster", "i'm going to die lol"),
        unless=_c(
            r"\b(?:thought|think|thinking|felt\s+like|was\s+sure)\s+(?:i|we)\s+(?:was|were|am|'m|are|would)\b"
        ),
        joke="drop",
    ),
    Rule(
        name="want_it_to_end",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Wanting everything, their life or the pain to end or be over.",
        pattern=_c(
            r"\b(?:want|wanna|wish|need)\s+(?:it\s+all|everything|my\s+life|the\s+pain|all\s+of\s+(?:it|this)|"
            r"it\s+all\s+of\s+it)\s+(?:to\s+)?(?:just\s+)?(?:to\s+)?(?:end|stop|be\s+over)\b|"
            r"\b(?:want|wanna|wish)\s+it\s+(?:all\s+)?(?:to\s+)?(?:just\s+)?(?:end|be\s+over)\s+(?:for\s+good|forever|now|tonight)\b"
        ),
        needs=(
            ("need", "wanna", "want", "wish"),
            ("end", "forever", "good", "now", "over", "stop", "tonight"),
        ),
        fires_on=("i just want it all to end", "i want it to be over for good"),
        quiet_on=("i want the lesson to end",),
    ),
    Rule(
        name="end_it_all",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Ending it all, ending or taking their own life.",
        pattern=_c(
            r"(?<!threatened to )(?<!threaten to )(?<!threatens to )(?<!threatening to )"
            r"\b(?:end(?:ing)?\s+it\s+all|end(?:ing)?\s+my\s+(?:own\s+)?life|take\s+my\s+(?:own\s+)?life|"
            r"end\s+it\s+(?:tonight|today|now|soon)|end\s+(?:every|every\s+)thing)\b(?!\s+in\s+(?:my|your|our)\s+(?:own\s+)?hands)"
        ),
        needs=(("end", "take"), ("all", "end", "every", "life", "take")),
        fires_on=("i'm going to end it all", "i want to take my own life"),
        quiet_on=("he threatened to end it all", "i would never end my life"),
    ),
    Rule(
        name="suicidal",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Saying they feel suicidal or have suicidal thoughts.",
        pattern=_c(
            rf"\b(?:{I_AM}|feel(?:ing|s)?|been|get(?:ting)?|have|having|had)\s+(?:so\s+|really\s+|very\s+|"
            rf"quite\s+|kinda\s+|a\s+bit\s+|proper\s+|super\s+)?(?:suicidal|sucidal|suicidle|suicidel|"
            rf"suisidal|suicidal\s+thoughts|{SUICIDE_WORD}\s+thoughts)\b"
        ),
        needs=(("sucidal", "suicidal", "suicidel", "suicidle", "suisidal", "thoughts"),),
        fires_on=("i feel suicidal", "i've been having suicidal thoughts", "im so suicidal"),
        quiet_on=("i'm not suicidal", "i have never been suicidal"),
    ),
    Rule(
        name="thinking_suicide",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Thinking about suicide, killing themselves or not being here.",
        pattern=_c(
            rf"\bi\s+{WORD}{{0,2}}?(?:think|thinking|thought)\s+(?:about|of)\s+(?:{SUICIDE_WORD}|killing\s+{MYSELF}|"
            rf"ending\s+it|dying|not\s+being\s+here)\b|\b(?:i\s+have|i'?ve\s+been\s+having|i\s+get|i\s+keep\s+having|"
            rf"i'?m\s+having|my)\s+{WORD}?thoughts\s+(?:about|of)\s+(?:{SUICIDE_WORD}|killing\s+{MYSELF}|dying)\b|"
            rf"\b{WANT_STRONG}\s+(?:commit|comit|try)\s+{SUICIDE_WORD}\b"
        ),
        needs=(("comit", "commit", "think", "thought", "try"),),
        fires_on=("i keep thinking about suicide", "i have thoughts of killing myself"),
        quiet_on=("we learned about suicide prevention in pshe", "i never think about suicide"),
    ),
    Rule(
        name="unalive",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Social-media words for suicide (“unalive”, “sewerslide”) said about themselves.",
        pattern=_c(rf"\b(?:i|{I_AM}|{WANT})\s+(?:\w+\s+)?(?:unalive|sewer\s*slide|sewerslide)\w*"),
        needs=(("slide", "unalive"), ("sewer", "unalive")),
        fires_on=("i want to unalive", "im gonna sewerslide"),
        quiet_on=("unalive is a word people use on tiktok",),
    ),
    Rule(
        name="self_harm",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="The child says they self-harm, now or again.",
        pattern=_c(
            rf"\b(?:i|i'?ve|ive|{I_AM}|been|started|start|keep|kept|still|do|did|doing|my|relapsed?)\s+"
            rf"{WORD}{{0,3}}?{SELF_HARM}(?:ing|ed)?\b"
        ),
        needs=(("s/h", "self", "sh"),),
        fires_on=("i self harm", "i've been self harming again"),
        quiet_on=(
            "self harm awareness week is in march",
            "we learned about self harm in pshe",
            "i would never self harm",
        ),
    ),
    Rule(
        name="self_injury",
        category="suicide_self_harm",
        level=Level.HIGH,
        description=(
            "Cutting, burning, scratching or starving themselves, or cutting their arms, wrists or legs."
        ),
        pattern=_c(
            rf"\b(?:cut|cutting|cuts|carve|carving|burn|burning|scratch(?:ing)?|harm|harming|hurt|hurting|"
            rf"punch(?:ing)?|starve|starving|stab|stabbing|bang(?:ing)?\s+my\s+head|pull(?:ing)?\s+my\s+hair)\s+"
            rf"{MYSELF}\b|\b(?:cut|cutting|cuts|carve|carving|burn|burning|scratch(?:ing)?|stab|stabbing)\s+"
            rf"(?:into\s+)?my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?)\b"
        ),
        needs=(
            ("arm", "hip", "leg", "sefl", "self", "skin", "stomach", "thigh", "wrist", "ysef", "yslef"),
            (
                "bang",
                "burn",
                "carve",
                "carving",
                "cut",
                "harm",
                "hurt",
                "pull",
                "punch",
                "scratch",
                "stab",
                "starve",
                "starving",
            ),
        ),
        fires_on=("i cut myself last night", "i keep scratching my arms"),
        quiet_on=(
            "i fell off my bike and cut my legs",
            "i cut my finger cooking",
            "i would never cut myself",
        ),
        unless=_c(
            r"\b(?:fell|fall|falling|tripped|off\s+my\s+bike|accident\w*|football|rugby|pe|playing|cooking|"
            r"oven|glass|paper|knife\s+slipped|would|'d\s+hurt|sunburn\w*)\b"
        ),
    ),
    Rule(
        name="eating_harm",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Starving themselves, not eating or being sick on purpose.",
        pattern=_c(
            rf"\b(?:starv\w+|starve)\s+{MYSELF}\b|\b(?:stopped|stop|not|don'?t|dont|barely)\s+eat(?:ing)?\s+"
            rf"(?:\w+\s+)?on\s+purpose\b|\b(?:make|making|made)\s+{MYSELF}\s+(?:be\s+)?(?:sick|throw\s+up|vomit)\b|"
            rf"\b(?:throw|throwing|threw)\s+up\s+(?:\w+\s+)?on\s+purpose\b"
        ),
        needs=(
            ("made", "make", "making", "purpose", "starv"),
            ("barely", "don't", "dont", "made", "make", "making", "not", "starv", "stop", "threw", "throw"),
        ),
        fires_on=("i stopped eating on purpose", "i make myself sick after tea"),
        quiet_on=("i made myself a sandwich",),
    ),
    Rule(
        name="cut_again",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Cutting again, too deep, or relapsing; their cuts or scars.",
        pattern=_c(
            r"\b(?:i|i've|ive|i\s+have)\s+(?:cut|cutted)\s+(?:again|last\s+night|today|yesterday|deep|too\s+deep|"
            r"this\s+morning|(?:my\s+)?(?:arms?|wrists?|thighs?|legs?)\b)|\b(?:i|i've|ive|i\s+have|i'?m|im|just)\s+"
            r"relapsed\b|\bmy\s+(?:cuts|scars)\b|\bcut\s+(?:again|too\s+deep)\b"
        ),
        needs=(
            ("again", "cut", "deep", "relapsed", "scars"),
            (
                "again",
                "arm",
                "cuts",
                "deep",
                "leg",
                "morning",
                "night",
                "relapsed",
                "scars",
                "thigh",
                "today",
                "wrist",
                "yesterday",
            ),
        ),
        fires_on=("i cut again last night", "my scars are showing in pe"),
        quiet_on=("i had my hair cut again",),
        unless=_c(
            r"\b(?:surgery|operation|op|chicken\s*pox|acne|spots|fell|accident|hair|fringe|fingers?)\b"
        ),
    ),
    Rule(
        name="overdose",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Wanting or planning to overdose or to take a lot of pills.",
        pattern=_c(
            r"\b(?:overdose|overdosing|od)\s+on\b|\b(?:i|i'?m|im|gonna|going\s+to|want\s+to|wanna|will|might|"
            rf"thinking\s+(?:of|about)|tried\s+to|try\s+to|could|should)\s+{WORD}?(?:overdos\w*|od)\b|"
            r"\btake\s+(?:all\s+(?:of\s+)?(?:my|the|mums?|moms?|dads?|mum's|mom's|dad's)|loads\s+of|lots\s+of|"
            r"a\s+lot\s+of|all\s+the|a\s+load\s+of|(?:a|the)\s+whole\s+(?:box|pack|packet|bottle)\s+of|"
            rf"\d{{2,}})\s+{WORD}?(?:pills|tablets|meds|paracetamol|painkillers)\b"
        ),
        needs=(("overdos", "od", "take"),),
        fires_on=("i want to overdose", "i'm going to take all of mum's pills"),
        quiet_on=("my grandad takes pills for his heart",),
    ),
    Rule(
        name="wish_dead",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Wishing they were dead, gone or never born.",
        pattern=_c(
            r"\bwish\s+(?:i|id|i'd)\s+(?:was|were|had|could|would|never)\s+(?:just\s+)?(?:dead|die|died|"
            r"never\s+(?:been\s+)?born|not\s+(?:alive|here|born)|gone|disappear|not\s+wake\s+up|"
            r"been\s+born|sleep\s+forever|stop\s+existing)\b"
        ),
        needs=(("wish",), ("could", "had", "never", "was", "were", "would")),
        fires_on=("i wish i was dead", "i wish i'd never been born"),
        quiet_on=("i wish i was taller",),
    ),
    Rule(
        name="not_want_to_live",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Not wanting to live, be alive or be here any more.",
        pattern=_c(
            r"\b(?:don'?t|do\s+not|dont|no\s+longer)\s+(?:really\s+)?(?:want|wanna|wish)\s+(?:to\s+)?"
            r"(?:live|be\s+alive|be\s+here|exist|wake\s+up|go\s+on)\b"
        ),
        needs=(("wanna", "want", "wish"), ("don't", "dont", "longer", "not")),
        fires_on=("i don't want to live anymore", "i dont wanna be here"),
        quiet_on=("i don't want to go to school",),
    ),
    Rule(
        name="no_point_living",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="No point in living; everyone would be better off without them.",
        pattern=_c(
            r"\b(?:no|what'?s\s+the|whats\s+the|wats\s+the|not\s+any)\s+point\s+(?:in\s+|of\s+)?(?:living|"
            r"being\s+alive|life|me\s+being\s+here|going\s+on|carrying\s+on|existing)\b|"
            r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bno\s+reason\s+to\s+live\b|"
            r"\bbetter\s+off\s+(?:dead|without\s+me)\b|\blife\s+(?:isn'?t|is\s+not|aint)\s+worth\s+living\b|"
            r"\b(?:everyone|they|people|every1)\s+(?:would\s+be|will\s+be|is|are)\s+better\s+off\s+without\s+me\b"
        ),
        needs=(("better", "living", "nothing", "point", "reason", "without"),),
        fires_on=(
            "there's no point in living",
            "everyone would be better off without me",
            "what's the point in living",
        ),
        quiet_on=("there's no point in revising",),
    ),
    Rule(
        name="goodbye_note",
        category="suicide_self_harm",
        level=Level.URGENT,
        description="A goodbye or suicide note, or “this is my goodbye”: a plan already made.",
        pattern=_c(
            rf"\b(?:wrote|written|writing|write|left|leave|leaving|made)\s+(?:a|my)\s+(?:goodbye|last|final)\s+"
            rf"(?:note|letter)s?\b|\b(?:wrote|written|writing|write|left|leave|leaving|made)\s+(?:a|my)\s+"
            rf"(?:note|letter)s?\s+(?:to|for)\s+(?:(?:my\s+)?family|every(?:one|body|1)|my\s+(?:mum|mom|dad|parents|"
            rf"friends|nan|sister|brother|little\s+\w+))\s+(?:\w+\s+){{0,2}}?(?:saying\s+(?:sorry|goodbye|bye|i\s+love)|"
            rf"to\s+say\s+(?:sorry|goodbye|bye)|sorry|goodbye|for\s+when\s+i'?m\s+gone|in\s+case|to\s+read\s+after)|"
            rf"\b(?:wrote|written|writing|write|left|leave|leaving|have|"
            rf"got|made|my)\s+(?:a\s+)?{SUICIDE_WORD}\s+note\b|\bthis\s+is\s+(?:my\s+)?goodbye\b"
        ),
        needs=(("goodbye", "letter", "note"),),
        fires_on=(
            "i wrote a goodbye letter to my family",
            "this is my goodbye",
            "i wrote a note to my family saying sorry",
            "i left a letter for my mum in case",
        ),
        quiet_on=("i wrote a letter to my nan", "i wrote a note to my mum to say i'm at the park"),
    ),
    Rule(
        name="took_overdose",
        category="suicide_self_harm",
        level=Level.URGENT,
        description="They have already taken an overdose or a lot of pills: an emergency.",
        pattern=_c(
            r"\b(?:i'?ve|ive|i\s+have|i|just)\s+(?:just\s+)?(?:took|taken|swallowed|had)\s+(?:an?\s+)?"
            r"(?:overdose|od)\b|\b(?:i'?ve|ive|i\s+have|i|just)\s+(?:just\s+)?(?:took|taken|swallowed)\s+"
            r"(?:\d+|all|loads|lots|a\s+lot|a\s+load|the\s+whole\s+(?:box|pack|packet|bottle))\s*(?:of\s+)?"
            r"(?:\w+\s+)?(?:pills|tablets|paracetamol|meds|painkillers)\b(?!\s+(?:for|because)\s+(?:my\s+)?(?:headache|cold))"
        ),
        needs=(("had", "swallowed", "taken", "took"),),
        fires_on=("i've taken 20 paracetamol", "i just took an overdose"),
        quiet_on=("i took 2 paracetamol for my headache",),
    ),
    Rule(
        name="plan_or_means",
        category="suicide_self_harm",
        level=Level.URGENT,
        description=(
            "The means or the place ready: pills saved up, a rope, standing on a bridge or roof, going to "
            "jump."
        ),
        pattern=_c(
            r"\b(?:pills|tablets|paracetamol|meds)\s+(?:\w+\s+)?saved\s+up|\bsaved\s+up\s+(?:my\s+|some\s+|loads\s+of\s+)?"
            r"(?:pills|tablets|paracetamol|meds)|\b(?:bought|got|have|made)\s+(?:a\s+)?(?:rope|noose)\b|"
            r"\b(?:going\s+to|gonna|gna|will|wanna|want\s+to)\s+jump\s+(?:off|in\s+front)|\b(?:standing|stood|sat|sitting)\s+"
            r"on\s+(?:the\s+)?(?:bridge|roof|edge|ledge|train\s+tracks)(?!\s+of\s+(?:the|my|his|her|a)\s+(?:bed|pool|seat|chair|"
            r"sofa|couch|bath|table|stage|field|pitch|desk|car))|\b(?:going\s+to|gonna)\s+(?:hang|hung)\s+(?:my\s*self)"
        ),
        needs=(
            (
                "bought",
                "gna",
                "going",
                "gonna",
                "got",
                "have",
                "made",
                "meds",
                "paracetamol",
                "pills",
                "sat",
                "saved",
                "sitting",
                "standing",
                "stood",
                "tablets",
                "wanna",
                "want",
                "will",
            ),
        ),
        fires_on=("i have pills saved up", "i'm going to jump off the bridge"),
        quiet_on=("i was standing on the edge of the pool",),
    ),
    Rule(
        name="self_harm_disclosed",
        category="suicide_self_harm",
        level=Level.HIGH,
        description="Self-harm named, then the child says they do it or that it helps them.",
        pattern=_c(
            rf"{SH_WORD}[^.!?\n]{{0,40}}\b(?:i\s+(?:do|did|have|started|can'?t\s+stop|keep|still)|helps\s+me|"
            rf"makes\s+me\s+feel)\b"
        ),
        needs=(("self",), ("harm", "harn", "herm", "hern", "injur")),
        fires_on=("self harm is something i do every night", "self harming helps me cope"),
        quiet_on=("self harm is something we learned about",),
    ),
    Rule(
        name="self_harm_mention",
        category="suicide_self_harm",
        level=Level.MEDIUM,
        description="Self-harm named near “I”, “me” or “my”: a person reads it.",
        pattern=_c(rf"{SH_WORD}[^.!?\n]{{0,40}}\b(?:i|me|my)\b|\b(?:i|me)\b[^.!?\n]{{0,40}}{SH_WORD}"),
        needs=(("self",),),
        fires_on=("can i talk to someone about self harm",),
        quiet_on=("self harm awareness week is in march",),
        opinion=True,
    ),
    Rule(
        name="hate_my_life",
        category="suicide_self_harm",
        level=Level.MEDIUM,
        description="Hating their life or themselves, not coping, nobody caring: a person reads it.",
        pattern=_c(
            r"\b(?:i\s+hate\s+(?:my\s+life|being\s+alive|myself)|can'?t\s+(?:do|take|cope\s+with)\s+(?:this|it|"
            r"life)\s+any\s*more|can'?t\s+go\s+on|tired\s+of\s+(?:living|being\s+alive|life)|"
            r"want\s+to\s+disappear|no\s*(?:one|body)\s+would\s+(?:care|notice|miss\s+me)|"
            r"no\s*(?:one|body)\s+(?:cares|loves)\s+(?:about\s+)?me)\b"
        ),
        needs=(("can't", "cant", "cares", "disappear", "hate", "loves", "tired", "would"),),
        fires_on=("i hate my life", "no one would miss me"),
        quiet_on=("i hate my little brother's music", "i don't hate my life"),
    ),
    Rule(
        name="kys_bare",
        category="suicide_self_harm",
        level=Level.MEDIUM,
        description="“kys” on its own: said to them or by them, a person reads it.",
        pattern=_c(r"\bkys\b"),
        needs=(("kys",),),
        fires_on=("someone sent me kys",),
        quiet_on=("i would never say kys to anyone",),
        joke="cap",
    ),
)
