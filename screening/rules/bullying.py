"""Bullying, in school and online.

Each rule: a name, a category, the level it gives unmodified, a plain description, the
words a match cannot do without (``needs``) and messages it must fire on and stay quiet on
(``tests/screening/test_rule_examples.py`` runs them). ``docs/screen-rules.md`` is made from these.
"""

from __future__ import annotations

from ..types import Level
from .model import Rule, _c
from .vocabulary import BULLY_SUBJECT, BULLY_UNLESS, INSULT, NOT_NEG, WORD

RULES: tuple[Rule, ...] = (
    Rule(
        name="being_bullied",
        category="bullying",
        level=Level.HIGH,
        description="The child says they are bullied or picked on.",
        pattern=_c(
            r"(?<!is )(?<!'s )(?<!are )(?<!was )(?<!were )(?<!has )(?<!he )(?<!she )(?<!they )(?<!kids )"
            r"(?<!children )(?<!son )(?<!daughter )(?<!sons )(?<!people )(?<!students )(?<!pupils )"
            r"\b(?:i'?m|im|i\s+am|i\s+get|i\s+got|i'?ve\s+been|ive\s+been|i\s+have\s+been|been|getting|being|"
            r"keep\s+getting|i\s+was|"
            rf"i\s+keep\s+getting|still\s+getting)\s+{NOT_NEG}(?:bullied|bulied|bullyed|bullid|picked\s+on|"
            r"cyber\s*bullied|ganged\s+up\s+on)\b"
        ),
        needs=(
            ("bulied", "bullid", "bullied", "bullyed", "ganged", "picked"),
            ("bulied", "bullid", "bullied", "bullyed", "cyber", "ganged", "picked"),
        ),
        fires_on=("im being bullied at school", "i keep getting picked on", "i've been bullied for years"),
        quiet_on=("i'm not being bullied any more", "my son is being bullied", "i have never been bullied"),
        unless=BULLY_UNLESS,
    ),
    Rule(
        name="bullies_me",
        category="bullying",
        level=Level.HIGH,
        description=(
            "Others bullying, mocking, pushing, excluding or name-calling them, or taking their things."
        ),
        pattern=_c(
            rf"\b{BULLY_SUBJECT}\s+{WORD}{{0,4}}?(?:bull(?:y|ies|ied|ying)|pick(?:s|ed|ing)?\s+on|"
            rf"laugh(?:s|ing|ed)?\s+at|ma(?:ke|kes|de|king)\s+fun\s+of|ta(?:ke|kes|king|ke)\s+the\s+(?:piss|mick|mickey)\s+"
            rf"(?:out\s+)?of|spread(?:s|ing)?\s+{WORD}?(?:rumou?rs|lies|stories)\s+about|gang(?:s|ed|ing)?\s+up\s+on|"
            rf"(?:push(?:es|ed|ing)?|shov(?:e|es|ed|ing))(?=\s+me\b(?!\s+(?:too|to\s+(?:accept|do|take|try|be|get|work|go|study|keep|make|join|talk)))\b)|trip(?:s|ped|ping)?(?:\s+up)?|spit(?:s|ting)?\s+(?:at|on)|"
            rf"spat\s+(?:at|on)|throw(?:s|ing)?\s+{WORD}?at|threw\s+{WORD}?at|exclud(?:e|es|ed|ing)|"
            rf"leav(?:e|es|ing)\s+{WORD}?out\s+of|threaten(?:s|ed|ing)?|humiliat\w+|"
            rf"send(?:s|ing)?\s+{WORD}?(?:horrible|nasty|mean|hate|rude|threatening|vile)\s+{WORD}?"
            rf"(?:messages|texts|dms|stuff|things|comments)\s+to)\s+me\b|"
            rf"\b{BULLY_SUBJECT}\s+{WORD}{{0,4}}?(?:laugh(?:s|ing|ed)?\s+at|ma(?:ke|kes|de|king)\s+fun\s+of|"
            rf"copy|copies|copying|mock(?:s|ed|ing)?|take\s+the\s+piss\s+out\s+of)\s+my\s+(?:stutter|accent|weight|hair|"
            rf"clothes|name|skin|religion|body|face|teeth|glasses|disability|voice|size|height|shoes|"
            rf"lisp|way\s+i\s+(?:talk|walk|look|dress))\b|"
            rf"\bi\s+(?:get|got|keep\s+getting|'m\s+getting|am\s+getting|always\s+get|get\s+constantly)\s+called\s+"
            rf"(?:(?:horrible|nasty|mean|racist|homophobic)\s+)?(?:names\b|(?:an?\s+)?{WORD}?{INSULT})|"
            rf"\b{BULLY_SUBJECT}\s+{WORD}{{0,4}}?call(?:s|ed|ing)?\s+me\s+(?:(?:horrible|nasty|mean|rude|racist|"
            rf"homophobic|all\s+sorts\s+of)\s+)?(?:names\b|(?:an?\s+)?{WORD}?{INSULT})|"
            rf"\b{BULLY_SUBJECT}\s+{WORD}{{0,4}}?(?:talk(?:s|ing)?|bitch(?:es|ing)?|laugh(?:s|ing)?)\s+about\s+me\s+"
            rf"behind\s+my\s+back\b|\b(?:take|takes|took|taking|steal|steals|stole|stealing|rip|ripped|break|broke)\s+"
            rf"my\s+(?:stuff|things|bag|lunch|money|phone|books?|pencil\s+case)\s+{WORD}{{0,3}}?(?:every\s+day|all\s+the\s+time|"
            rf"again|at\s+school|in\s+class|on\s+purpose)"
        ),
        needs=(("me", "my", "call"),),
        fires_on=(
            "they all laugh at me every day",
            "people keep calling me names",
            "they take my lunch money every day",
        ),
        quiet_on=(
            "they laughed at my joke lol",
            "my friends make fun of my bad jokes lol",
            "they never laugh at me",
        ),
        unless=BULLY_UNLESS,
    ),
    Rule(
        name="nasty_words_about_me",
        category="bullying",
        level=Level.HIGH,
        description="Nasty, racist or hateful things said, posted or sent about or to them.",
        pattern=_c(
            r"\b(?:say|says|saying|said|post\w*|writ\w*|wrote|comment\w*|spread\w*|send\w*|sent|tell\w*|told|shout\w*)\s+"
            r"(?:\w+\s+)?(?:horrible|nasty|mean|rude|awful|hurtful|vile|disgusting|racist|homophobic|sexist|transphobic|"
            r"hateful|hate|cruel|sick)\s+(?:\w+\s+)?(?:to|about|at)\s+me\b|\b(?:send|sends|sending|sent|message|messages|"
            r"messaging|dm|dms)\s+me\s+(?:\w+\s+)?(?:horrible|nasty|mean|hate|rude|threatening|vile|hurtful|racist|"
            r"homophobic)\s+(?:\w+\s+)?(?:messages|texts|dms|stuff|things|comments|pics|memes)\b"
        ),
        needs=(
            (
                "awful",
                "cruel",
                "disgusting",
                "hate",
                "homophobic",
                "horrible",
                "hurtful",
                "mean",
                "nasty",
                "racist",
                "rude",
                "sexist",
                "sick",
                "threatening",
                "transphobic",
                "vile",
            ),
        ),
        fires_on=("they said horrible things about me in class", "someone sends me nasty messages"),
        quiet_on=("i said nasty things about the food",),
        unless=BULLY_UNLESS,
    ),
    Rule(
        name="online_bullying",
        category="bullying",
        level=Level.HIGH,
        description="Posts, group chats, fake accounts or videos made about them online.",
        pattern=_c(
            r"\b(?:post|posts|posting|posted|put|puts|putting|share|shares|sharing|shared|spread\w*|send\w*|sent|"
            r"upload\w*|screenshot\w*)\s+(?:\w+\s+){0,3}?(?:about|of)\s+me\s+(?:\w+\s+){0,2}?(?:online|on\s+(?:snap\w*|"
            r"insta\w*|tiktok|facebook|fb|whatsapp|the\s+group\s*chat|the\s+gc|the\s+internet|social\s+media|youtube|"
            r"twitter|discord|their\s+story|(?:their|his|her)\s+(?:story|page)))\b|"
            r"\b(?:made|make|making|started|set\s+up|created?)\s+(?:a|an)\s+(?:\w+\s+)?(?:group\s*chat|gc|page|account|"
            r"profile)\s+(?:just\s+)?(?:\w+\s+){0,5}?(?:about|of|on|against)\s+me\b|"
            r"\b(?:made|make|making|started|set\s+up|created?)\s+(?:a|an)\s+(?:\w+\s+)?(?:group\s*chat|gc)\s+(?:just\s+)?"
            r"(?:to|for)\s+(?:\w+\s+){0,3}?(?:horrible|nasty|mean|hate|rude|laugh|slag|mock|rate|roast|bully)|"
            r"\bfake\s+(?:account|profile|page|insta|tiktok|snap)\s+(?:of|about|pretending\s+to\s+be|as)\s+me\b|"
            r"(?<!\bi\s)(?<!\bwe\s)\b(?:made|make|making|makes|posted|posts|post|put\s+up|puts\s+up)\s+(?:a|an)\s+(?:\w+\s+)?(?:tiktok|video|vid|"
            r"post|story|meme|edit|reel)s?\s+(?:\w+\s+){0,3}?(?:about|of|laughing\s+at|mocking|making\s+fun\s+of)\s+"
            r"(?:me|my)\b"
        ),
        needs=(
            (
                "create",
                "fake",
                "made",
                "make",
                "making",
                "post",
                "put",
                "screenshot",
                "send",
                "sent",
                "set",
                "share",
                "sharing",
                "spread",
                "started",
                "upload",
            ),
        ),
        fires_on=("they post stuff about me online", "someone made a fake account of me"),
        quiet_on=("i made a tiktok about my cat",),
        unless=BULLY_UNLESS,
    ),
    Rule(
        name="told_to_die",
        category="bullying",
        level=Level.HIGH,
        description="Others telling them to kill themselves or die: bullying, not a disclosure.",
        pattern=_c(
            r"\b(?:told|tell|tells|telling|said|says|keeps?\s+saying)\s+(?:me\s+)?(?:to\s+|i\s+should\s+)"
            r"(?:kys|kill\s+(?:my|your)self|die|go\s+die|unalive)"
        ),
        needs=(("said", "saying", "says", "tell", "told"), ("keep", "said", "says", "tell", "told")),
        fires_on=("people at school tell me to kill myself", "they keep saying i should die"),
        quiet_on=("they told me to go home", "they told me to go and die my hair blue"),
    ),
    Rule(
        name="left_out",
        category="bullying",
        level=Level.MEDIUM,
        description="Nobody sitting, playing or talking with them; no friends: a person reads it.",
        pattern=_c(
            r"\b(?:no\s*(?:one|body)|noone|nobody|no1)\s+(?:\w+\s+)?(?:will|wants?\s+to|ever|even|at\s+school\s+)?\s*"
            r"(?:sit|sits|play|plays|talk|talks|speak|speaks|hang\s+out|hangs\s+out|walk|walks)\s+(?:with|to|next\s+to)\s+"
            r"me\b|\b(?:no\s*(?:one|body)|noone|nobody)\s+(?:\w+\s+)?(?:likes|wants\s+to\s+be\s+friends\s+with)\s+me\b|"
            r"\bi\s+(?:have|got|'ve\s+got|'ve|ve\s+got|have\s+got)\s+no\s+(?:friends|mates|one\s+to\s+(?:sit|play|talk))\b|"
            r"\bi\s+(?:sit|eat|am|spend|'m)\s+(?:\w+\s+)?(?:on\s+my\s+own|alone|by\s+myself)\s+(?:at|every|in)\s+"
            r"(?:lunch|break|dinner|school|the\s+toilets)|\b(?:everyone|every1|everybody|they|people|kids|my\s+class)\s+"
            r"(?:\w+\s+)?(?:ignores?|hates?|excludes?|avoids?)\s+me\b"
        ),
        needs=(
            (
                "break",
                "dinner",
                "friends",
                "lunch",
                "mates",
                "me",
                "play",
                "school",
                "sit",
                "talk",
                "toilets",
            ),
        ),
        fires_on=("nobody will sit with me", "i have no friends"),
        quiet_on=("nobody sat with me on the bus because it was empty",),
        unless=BULLY_UNLESS,
    ),
    Rule(
        name="school_avoidance",
        category="bullying",
        level=Level.MEDIUM,
        description="Scared to go to school, or not wanting to because of the bullies: a person reads it.",
        pattern=_c(
            r"\b(?:don'?t|dont|do\s+not)\s+(?:want\s+to|wanna)\s+go\s+(?:to|into|back\s+to)\s+school\s+(?:any\s*more\s+)?"
            r"(?:because|cos|coz|cuz|bc|as)\s+(?:of\s+)?(?:the\s+)?(?:bull\w+|people|they|everyone|kids|girls|boys|them|"
            r"what\s+they)|\b(?:scared|afraid|frightened|terrified)\s+(?:to\s+go|of\s+going)\s+(?:to|into|back\s+to)\s+school\b"
        ),
        needs=(("school",),),
        fires_on=("i dont want to go to school because of the bullies", "i'm scared to go to school"),
        quiet_on=("i don't want to go to school because it's the holidays",),
    ),
)
