"""The words the rules are built from, and the context patterns the engine reads around a match.

Patterns run on the view folded to lower case (``screening.folding.fold``) with curly
apostrophes straightened, so every letter here is lower case. Spelling variants are part of
the blocks so that every rule gets them.
"""

from __future__ import annotations

from .model import _c

# Building blocks. Spelling variants are part of the blocks so that every rule gets them.
I_AM = r"(?:i'?m|i\s+am|ima|imma|am)"
MYSELF = r"(?:my\s*self|myslef|mysef|myselfe|meself|my\s*sefl)"
_WANT_LEAD = r"(?:really\s+|just\s+|honestly\s+|actually\s+|kinda\s+|kind\s+of\s+|seriously\s+)?"
# Wanting or planning: said by the child about themselves ("wants" is someone else).
WANT_STRONG = (
    rf"(?:{_WANT_LEAD}(?:want(?:ed)?\s*(?:to|2)|wanna|wana|wnt\s*(?:to|2)|need\s+to|feel\s+like|"
    r"thinking\s+(?:about|of)|tempted\s+to|wish\s+i\s+could|plan(?:ning)?\s+(?:to|on)|trying\s+to|tryna|"
    r"ready\s+to))"
)
# Plain future: "i'm going to die" is as often fear or hyperbole as intent.
WANT_FUTURE = rf"(?:{_WANT_LEAD}(?:going\s+to|gonna|gna|will|'ll|might|should|about\s+to))"
WANT = rf"(?:{WANT_STRONG}|{WANT_FUTURE})"
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
# Someone the child names: a friend, sibling or classmate (not a bare pronoun).
FRIEND_NAMED = (
    r"(?:(?:my|our|a)\s+(?:best\s+|close\s+|online\s+)?(?:friend|mate|bestie|bff|bf|gf|boyfriend|girlfriend|"
    r"sister|brother|sis|bro|cousin|classmate|pal|buddy|sibling)s?)"
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
    r"\s+now|don'?t\s+(?:do\s+it\s+)?any\s*more|stopped(?!\s+(?:eating|going|talking|sleeping|caring))|recovered|clean\s+(?:for|since)|(?:haven'?t|not)\s+"
    r"(?:done\s+it|cut|self\s+harmed)\s+(?:for|since|in)|got\s+help|getting\s+help|had\s+help)\b"
)
RELAPSE_MARKERS = _c(
    r"\b(?:again|relapsed?|started\s+again|back\s+to|still|recently|last\s+night|this\s+week)\b"
)
JOKE_MARKERS = _c(
    r"(?:\b(?:lol|lool|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|jks|jokes?|joking|kidding|xd)\b|[😂🤣💀😭😆])"
)
# The words just before a match name someone other than the child as the one who feels or
# does it: "if you feel suicidal", "those who are having suicidal thoughts", "he was going to
# kill her". Applied to rules where the child is the subject (self-harm, running away).
OTHER_SUBJECT = _c(
    r"\b(?:you|u|ya|your|you'?re|people|ppl|anyone|anybody|someone|somebody|those|who|he|she|they|everyone|"
    r"everybody|nobody|no\s*one|others|many|men|women|veterans|soldiers|guys|that|which|it)(?:'(?:d|ll|s|re))?\s+"
    r"(?:(?:would|will|might|could|should|can|do|does|did|are|is|was|were|really|just|still|actually|ever|"
    r"all|often|sometimes|then|also|may|must|probably|only|been|have|has|had|going\s+to|gonna|wants?\s+to|"
    r"wanted\s+to|tried\s+to|trying\s+to|decided\s+to|decides?\s+to)\s+){0,2}$"
)
THIRD_PARTY_LEAD = _c(
    rf"\b{FRIEND}\s+(?:\w+\s+){{0,4}}?(?:said|says|told\s+me|tells\s+me|texted|messaged|posted|keeps\s+saying|"
    rf"thinks|wrote)\b"
)

# ---- bullying, running away and threats: children's words for them ---------------------
BULLY_SUBJECT = (
    r"(?:they|people|ppl|everyone|every1|everybody|kids|girls|boys|lads|someone|some\s*one|he|she|bullies|"
    r"the\s+(?:others|bullies)|other\s+(?:kids|people|girls|boys)|some\s+(?:\w+\s+)?(?:kids|girls|boys|people|lads)|"
    r"my\s+class(?:mates)?|(?:this|a|one)\s+(?:boy|girl|kid|lad)|a\s+group\s+of\s+\w+)"
)
INSULT = (
    r"(?:freak|loser|weirdo|weird|nerd|geek|slag|slut|sket|whore|retard\w*|fatty|fat|ugly|gay|lesbian|fag\w*|emo|"
    r"tramp|stupid|dumb|smelly|stinky|terrorist|monkey|pig|cow|bitch|dog|ginger|paki|midget|anorexic|poor|minger|"
    r"disgusting|worthless|useless|thick|spaz\w*|mong|psycho|idiot|dickhead|baby|lesbo|tranny|names)\b"
)
# Bullying in a game, a story or a lesson is not a child being bullied.
BULLY_UNLESS = _c(
    r"\b(?:in\s+(?:the|a|my)\s+(?:game|film|movie|book|story|video|play|show)|roleplay|role\s+play|pshe|"
    r"(?:we\s+)?(?:learned|learnt|learning)\s+about)\b"
)
# "running away from a dog", "run away to disneyland", playing tag: not a child leaving home.
RUN_UNLESS = _c(
    r"\bfrom\s+(?:a|an|the|this|that|some|these|those)\s+(?:\w+\s+)?(?:dogs?|spiders?|bees?|wasps?|monsters?|"
    r"zombies?|ghosts?|clowns?|geese|goose|cows?|bulls?|horses?|cats?|chaser|tagger|seagulls?|bugs?|snakes?)\b|"
    r"\bwhen\s+i\s+grow\s+up\b|\b(?:to|in|at|with|and\s+join)\s+(?:disney\w*|hogwarts|narnia|(?:a|the)\s+circus|neverland|mars|the\s+moon|a\s+unicorn|"
    r"my\s+(?:celebrity\s+)?crush|taylor\s+swift|harry\s+styles)\b|"
    r"\b(?:playing|tag|kiss\s+chase|hide\s+and\s+seek|fortnite|minecraft|roblox|film|movie|song|lyrics|"
    r"race|sports\s+day|pe\s+lesson)\b"
)
LEAVE_UNLESS = _c(
    r"\b(?:holiday|holidays|trip|party|sleepover|camp|camping|festival|uni|university|college|residential|"
    r"disney\w*|beach|theme\s+park|so\s+fun|too\s+fun|amazing|best\s+day|nan'?s|grandma'?s|nans|grandmas)\b"
)
ROUGH_UNLESS = _c(
    r"\b(?:camp|camping|festival|holiday|holidays|scouts|guides|brownies|cubs|beavers|dofe|d\s+of\s+e|duke\s+of\s+"
    r"edinburgh|garden|sleepover|glamping|caravan|trip|road\s+trip|on\s+the\s+way|journey|drive|for\s+fun|"
    r"for\s+charity|sleep\s*out)\b"
)
THREAT_SUBJECT = (
    r"(?:they|he|she|someone|somebody|people|them|gangs?|boys|lads|girls|kids|men|a\s+(?:boy|girl|man|lad|gang|group)|"
    r"(?:some|older|the|these|those)\s+(?:\w+\s+)?(?:boys|girls|kids|lads|men|gang|guys|people))"
)
THREAT_SAID = (
    r"(?:said|says|say|saying|threaten(?:ed|s|ing)?|keeps?\s+saying|told\s+me|tell\s+me|messaged(?:\s+me)?|"
    r"texted(?:\s+me)?|posted)(?:\s+me)?(?:\s+that)?(?:\s+(?:they|he|she|theyre|theyll|theyd|hes|shes|hell|shell))?(?:\s*'(?:re|s|ll|d)|\s+(?:are|is|will|"
    r"would|were|was))?(?:\s+(?:going\s+to|gonna|gna|to))?"
)
# One optional word between a subject and its verb, but never a negation ("i'm not going to").
NOT_NEG = (
    r"(?:(?!not\b|never\b|no\b|havent\b|hadnt\b|didnt\b|dont\b|wont\b|cant\b|aint\b|isnt\b|wasnt\b|"
    r"wouldnt\b|shouldnt\b)\w+\s+)?"
)
# One word between a subject and its verb that is not a negation: "my dad (always) hits me", never
# "my dad (never) hits me" or "my friend would (never) want to die".
WORD = (
    r"(?:(?!(?:not|never|no|dont|doesnt|didnt|wont|wouldnt|isnt|wasnt|cant|cannot|hasnt|havent|hadnt|aint|"
    r"don't|doesn't|didn't|won't|wouldn't|isn't|wasn't|can't|hasn't|haven't|hadn't|ain't)\s)\w+\s+)"
)
# Play fighting between children is not abuse.
PLAY_UNLESS = _c(
    r"\b(?:toy|toys|pillow|play\s*-?\s*fight\w*|when\s+we\s+(?:play|are\s+playing)|wrestl\w*|tickl\w*|nerf|"
    r"by\s+accident|accidentally|in\s+(?:football|rugby|pe|the\s+game)|on\s+the\s+trampoline|hide\s+and\s+seek|"
    r"at\s+(?:chess|cards|fifa|football|tennis|monopoly|uno|mario\s*kart|racing|draughts|scrabble|pool|darts|"
    r"ping\s*pong|table\s+tennis|badminton|checkers|connect\s+4|everything))\b"
)


# "Top marks on my test", "felt-tip marks on my arm": not an injury.
MARKS_UNLESS = _c(
    r"\b(?:top|full|good|high|bad|low|bonus|extra|pen|felt\s*-?\s*tip|marker|paint|tan|birth|stretch)\s+marks?\b|"
    r"\bmarks?\s+(?:on|in)\s+my\s+(?:test|exam|homework|work|essay|paper|quiz|spelling|report|maths|english|science)\b"
)
# Clear words that harm done to the child is over and they are safe now: the only thing that
# lowers it (to medium). A past-tense verb alone never does ("she gave me two black eyes").
SAFE_NOW = _c(
    r"\b(?:(?:i'?m|im|i\s+am|i\s+feel|we'?re|we\s+are)\s+(?:safe|ok|okay|fine|alright|better|much\s+better)\s+now|"
    r"(?:i|we)\s+(?:live|living|moved\s+in|stay|staying)\s+with\s+(?:my\s+)?\w+\s+(?:\w+\s+)?now|"
    r"(?:he|she|they)\s*(?:'s|is|are|'re)\s+(?:in\s+prison|not\s+allowed\s+near\s+(?:me|us))|"
    r"(?:it|that|this)\s+(?:all\s+)?(?:stopped|ended|was)\s+(?:years|ages|a\s+long\s+time)\s+ago|"
    r"it'?s\s+(?:all\s+)?over\s+now)\b"
)
# An opinion about services or the news, with no child at risk named: "schools should talk
# about self harm more". Only rules marked ``opinion=True`` read it, and only below high.
OPINION = _c(
    r"\b(?:(?:schools?|teachers|adults|the\s+government|the\s+council|they|we|people|services|everyone)\s+"
    r"(?:should|need\s+to|must)|there\s+(?:should|needs?\s+to)\s+be|more\s+(?:support|help|funding|"
    r"counsell\w+|awareness|youth\s+clubs)|waiting\s+lists?|campaign\w*|awareness\s+(?:week|day|month)|"
    r"(?:on|in)\s+the\s+news|statistics|petition)\b"
)


# Words a rule's needed-word prefilter looks for, shared by several rules.
HURT_VERB_WORDS = (
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
    "threw",
    "throw",
    "whip",
)
TOLD_WORDS = ("messaged", "posted", "said", "say", "tell", "texted", "threaten", "told")
WEAPON_WORDS = (
    "axe",
    "blade",
    "crossbow",
    "gun",
    "knife",
    "knives",
    "machete",
    "shank",
    "shotty",
    "strap",
    "weapon",
)
