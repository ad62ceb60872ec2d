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
    # A match is void when its sentence also matches this: "run away from a dog", "slept in a
    # tent at camp". For harmless things children write that look like the rule.
    unless: re.Pattern[str] | None = None


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Building blocks. Spelling variants are part of the blocks so that every rule gets them.
I_AM = r"(?:i'?m|i\s+am|ima|imma|am)"
I_HAVE = r"(?:i'?ve|i\s+have|ive)"
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
# Play fighting between children is not abuse.
PLAY_UNLESS = _c(
    r"\b(?:toy|toys|pillow|play\s*-?\s*fight\w*|when\s+we\s+(?:play|are\s+playing)|wrestl\w*|tickl\w*|nerf|"
    r"by\s+accident|accidentally|in\s+(?:football|rugby|pe|the\s+game)|on\s+the\s+trampoline)\b"
)


# ---- prefilter: literal words a match cannot do without ---------------------------------
# Every rule runs over the whole view, so a 5,000-character post used to cost ~70 full regex
# scans. ``required_literals`` reads a compiled pattern and works out groups of literal
# strings such that every match contains at least one string of every group ("kms", "kmsl"
# or "kmys" for ``\b(?:kms|kmsl|kmys)\b``). ``may_match`` checks those with plain substring
# search on the folded text, so a rule whose words are absent is skipped without changing
# any decision: the groups are derived from the pattern itself, never written by hand.

# Characters that IGNORECASE matching treats as an ASCII letter but ``str.lower`` does not
# turn into one (Turkish dotted/dotless i, the Kelvin sign, long s): folded first.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
_FOLD_PAIRS = tuple((chr(code), ascii_char) for code, ascii_char in _FOLD.items())
_MAX_EXACT = 64  # largest set of alternatives spelt out before giving up on exactness
_MAX_GROUPS = 3  # groups kept per pattern: the most selective ones
# Stands for ``\b`` inside the strings the reader works out: removed before any substring check,
# kept to tell that a match starts at the start of a word.
_BOUNDARY = "\x00"
# Stands for one character of a class that has no word characters (``\s``, ``[\s-]``).
_NON_WORD = "\x01"
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


_last_fold: tuple[str, str] = ("", "")


def fold(text: str) -> str:
    """Lower-case text for the prefilter: an ASCII literal matches (ignoring case) only if it is in here.

    The last answer is kept: the rules and the personal-information patterns fold the same view
    (the very same string object, unless ``prepare`` changed a quote).
    """
    global _last_fold
    last = _last_fold
    if last[0] is text:
        return last[1]
    if text.isascii():
        folded = text.lower()
    else:  # ``text.translate(_FOLD).lower()``; ``str.replace`` is many times faster than translate
        folded = text
        for char, ascii_char in _FOLD_PAIRS:
            if char in folded:
                folded = folded.replace(char, ascii_char)
        folded = folded.lower()
    _last_fold = (text, folded)
    return folded


Strings = frozenset[str]


@dataclass(frozen=True)
class _Info:
    """What a piece of pattern tells about the text it matches (all strings lower-case ASCII).

    ``exact``: every string the piece can match, when that is a small set of literals;
    ``prefix``/``suffix``: strings every match starts/ends with; ``groups``: sets of strings,
    each of which has a member inside every match. None or ``{""}`` means nothing is known.
    """

    exact: Strings | None = None
    prefix: Strings | None = None
    suffix: Strings | None = None
    groups: tuple[Strings, ...] = ()


_EMPTY = _Info(frozenset({""}), frozenset({""}), frozenset({""}))
_OPAQUE = _Info()


def _exact(strings: Strings) -> _Info:
    return _Info(strings, strings, strings)


def _product(left: Strings | None, right: Strings | None) -> Strings | None:
    if left is None or right is None or len(left) * len(right) > _MAX_EXACT:
        return None
    return frozenset(a + b for a in left for b in right)


def _union(sets: list[Strings | None]) -> Strings | None:
    if any(x is None for x in sets):
        return None
    joined: Strings = frozenset().union(*sets)  # type: ignore[arg-type]
    return joined if len(joined) <= _MAX_EXACT else None


def _useful(group: Strings | None) -> bool:
    return bool(group) and "" not in group  # type: ignore[operator]


def _selectivity(group: Strings) -> tuple[int, int]:
    return min(len(s) for s in group), -len(group)


def _all_groups(info: _Info) -> list[Strings]:
    return [g for g in (info.exact, info.prefix, info.suffix, *info.groups) if g is not None and _useful(g)]


def _best(info: _Info) -> Strings | None:
    """The single most selective group of a piece."""
    return max(_all_groups(info), key=_selectivity, default=None)


def _charset(items: list) -> _Info:
    from re import _constants as c

    chars: set[str] = set()
    spaces = (c.CATEGORY_SPACE, c.CATEGORY_UNI_SPACE, c.CATEGORY_NOT_WORD, c.CATEGORY_UNI_NOT_WORD)
    if (
        items
        and all(
            (op is c.CATEGORY and arg in spaces)
            or (op is c.LITERAL and chr(arg).isascii() and chr(arg).lower() not in _WORD_CHARS)
            for op, arg in items
        )
        and any(op is c.CATEGORY for op, _ in items)
    ):
        return _exact(frozenset({_NON_WORD}))  # some non-word character: ends a word
    for op, arg in items:
        if op is c.LITERAL and chr(arg).isascii():
            chars.add(chr(arg).lower())
        elif op is c.RANGE and arg[1] - arg[0] < 12 and arg[1] < 128:
            chars.update(chr(code).lower() for code in range(arg[0], arg[1] + 1))
        else:  # NEGATE, CATEGORY (\w, \s), big ranges, non-ASCII: anything goes
            return _OPAQUE
    return _exact(frozenset(chars))


def _repeat(low: int, high: int, body: _Info) -> _Info:
    if low == 0 and high == 0:
        return _EMPTY
    if body.exact is not None and high <= 3:
        total: Strings | None = frozenset()
        power: Strings | None = frozenset({""})
        for count in range(high + 1):
            if count >= low:
                total = _union([total, power])
            if count < high:
                power = _product(power, body.exact)
        if total is not None:
            return _Info(total, total, total, body.groups if low else ())
    if low == 0:
        return _OPAQUE
    return _Info(None, body.prefix, body.suffix, tuple(_all_groups(body)))


def _branch(alternatives: list[_Info]) -> _Info:
    exact = _union([alt.exact for alt in alternatives])
    if exact is not None:
        return _exact(exact)
    prefix = _union([alt.prefix for alt in alternatives])
    suffix = _union([alt.suffix for alt in alternatives])
    chosen = [_best(alt) for alt in alternatives]
    group = None if any(g is None for g in chosen) else frozenset().union(*chosen)  # type: ignore[misc]
    return _Info(None, prefix, suffix, (group,) if group else ())


def _node(op, arg) -> _Info:
    from re import _constants as c

    if op is c.LITERAL:
        char = chr(arg)
        return _exact(frozenset({char.lower()})) if char.isascii() else _OPAQUE
    if op is c.IN:
        return _charset(arg)
    if op is c.AT and arg in (c.AT_BOUNDARY, c.AT_UNI_BOUNDARY):
        return _exact(frozenset({_BOUNDARY}))  # zero width, but says where a word starts or ends
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _EMPTY  # zero width: the literals either side stay adjacent
    if op is c.SUBPATTERN:
        return _sequence(arg[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(arg)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _repeat(arg[0], arg[1], _sequence(arg[2]))
    if op is c.BRANCH:
        return _branch([_sequence(alt) for alt in arg[1]])
    return _OPAQUE  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...


def _sequence(items) -> _Info:
    """Concatenation: literal runs join across exact pieces and into the prefix/suffix of others."""
    groups: list[Strings] = []
    run: Strings | None = frozenset({""})  # the literal text every match has just matched
    prefix: Strings | None = None
    seen_inexact = False
    for op, arg in items:
        info = _node(op, arg)
        groups.extend(info.groups)
        if info.exact is not None:
            joined = _product(run, info.exact)
            if joined is None:  # too many spellings: keep what we have, start again
                if run is not None:
                    groups.append(run)
                if not seen_inexact:
                    prefix, seen_inexact = run, True
                joined = info.exact
            run = joined
            continue
        head = _product(run, info.prefix) if info.prefix is not None else run
        if head is None:
            head = run
        if head is not None:
            groups.append(head)
        if not seen_inexact:
            prefix, seen_inexact = head, True
        run = info.suffix if info.suffix is not None else frozenset({""})
    if not seen_inexact:
        return _Info(run, run, run, tuple(g for g in groups if _useful(g)))
    if run is not None:
        groups.append(run)
    return _Info(None, prefix, run, tuple(g for g in groups if _useful(g)))


def _minimal(group: frozenset[str]) -> frozenset[str]:
    """Drop strings that contain another string of the group: finding the shorter one is enough."""
    return frozenset(s for s in group if not any(o != s and o in s for o in group))


def required_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Groups of lower-case strings: every match of ``pattern`` contains a string of each group.

    An empty tuple means nothing is known and the pattern must always run. Assumes the
    pattern is searched on ``fold``-ed text only for the check, never for matching.
    """
    info = _info(pattern)
    if info is None:  # an opcode this reader does not know: no prefilter for this pattern
        return ()
    stripped = (frozenset(_longest_piece(s) for s in g) for g in _all_groups(info))
    groups = {_minimal(g) for g in stripped if _useful(g)}
    return tuple(sorted(groups, key=_selectivity, reverse=True)[:_MAX_GROUPS])


def _longest_piece(string: str) -> str:
    """The longest stretch of ``string`` that is literal text (markers removed or split at)."""
    return max(string.replace(_BOUNDARY, "").split(_NON_WORD), key=len)


def _info(pattern: re.Pattern[str]) -> _Info | None:
    from re import _parser

    try:
        return _sequence(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # an opcode this reader does not know
        return None


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The same pattern without IGNORECASE, to run on ``fold``-ed text: same matches, faster.

    Case-insensitive matching of an ASCII lower-case literal is equality after ``fold`` (see
    the test that checks every code point), so the two agree at every position. None when
    the pattern has a literal or range this does not hold for (upper case, non-ASCII).
    """
    from re import _constants as c
    from re import _parser

    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None

    def plain(code: int) -> bool:
        char = chr(code)
        return char.isascii() and char == char.lower()

    def ok(items) -> bool:
        for op, arg in items:
            if op in (c.LITERAL, c.NOT_LITERAL) and not plain(arg):
                return False
            if op is c.RANGE and (arg[1] >= 128 or any(chr(x).isalpha() for x in range(arg[0], arg[1] + 1))):
                return False
            if op is c.IN and not ok(arg):
                return False
            if op is c.SUBPATTERN and (arg[1] or arg[2] or not ok(arg[3])):
                return False
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and not ok(arg[2]):
                return False
            if op in (c.ASSERT, c.ASSERT_NOT) and not ok(arg[1]):
                return False
            if op is c.ATOMIC_GROUP and not ok(arg):
                return False
            if op is c.BRANCH and not all(ok(alt) for alt in arg[1]):
                return False
            if op in (c.GROUPREF, c.GROUPREF_EXISTS):
                return False
        return True

    if not ok(parsed):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def may_match(groups: tuple[frozenset[str], ...], folded: str) -> bool:
    """False only when ``folded`` lacks every string of some group, so the pattern cannot match."""
    return all(any(s in folded for s in group) for group in groups)


# ---- where matches can start: per alternative, with optional leading parts ------------------
# Reading only the prefix every match shares stops at a leading optional group
# (``(?:my\s+)?dad``). ``match_starts`` walks the parsed pattern instead, trying every way a
# match can begin (an optional part taken or skipped, each alternative of a branch) until the
# first word of the match is known. It also knows a match that starts at the start of the
# view or just after one of a few characters (``(?:^|(?<=[.!?\n]))``), at a literal that is
# not the start of a word (``'ll``, ``self``) or at a digit. Every answer is a superset of
# where matches start: assertions it does not understand are skipped, which only allows
# more starts; anything else it cannot read gives no answer (the pattern scans the view).

_MAX_WALK = 4000  # steps per pattern before giving up (no anchors: the pattern scans the view)
_MAX_WORD = 6  # a first word known this far is selective enough: "starts with" it


class _Unknown(Exception):
    """The walk cannot tell where a match starts."""


@dataclass(frozen=True)
class Starts:
    r"""Where a match (of a pattern or of one of its top-level alternatives) can start.

    ``whole``/``starts``: at the start of a ``\w+`` word of the folded view that is one of
    ``whole`` or begins with one of ``starts``; ``begin``: at offset 0; ``after``: just after
    one of these characters; ``literals``: where one of these strings occurs; ``digit``: at a
    digit (``\\d``). ``groups``: literal groups this alternative cannot do without
    (``required_literals``): when the view lacks one, the alternative starts nowhere.
    """

    whole: frozenset[str]
    starts: tuple[str, ...]
    begin: bool
    after: frozenset[str]
    literals: frozenset[str]
    digit: bool
    groups: tuple[frozenset[str], ...]


def _walk(seq: tuple, acc: str, budget: list[int], out: set[tuple]) -> None:
    from re import _constants as c

    budget[0] -= 1
    if budget[0] < 0:
        raise _Unknown
    body = acc.lstrip(_BOUNDARY)
    literal = bool(body) and (len(body) == len(acc) or body[0] not in _WORD_CHARS)
    if literal:
        # Not the start of a word ("self" with no \b before it, "\b'll"): the match starts
        # where this literal text occurs in the view.
        text = body.split(_NON_WORD)[0].split(_BOUNDARY)[0]
        if not text:
            raise _Unknown
        if len(text) < len(body) or len(text) >= _MAX_WORD:
            out.add(("lit", text))
            return
    elif body:
        word = ""
        for char in body:
            if char not in _WORD_CHARS:
                break
            word += char
        if not word:
            raise _Unknown  # \b then a non-word character
        if len(body) > len(word):
            out.add(("word", word, True))
            return
        if len(word) >= _MAX_WORD:
            out.add(("word", word, False))
            return

    def opaque() -> None:
        if not body:
            raise _Unknown
        out.add(("lit", body) if literal else ("word", body, False))

    if not seq:
        opaque()  # the match may end here: the view's word starts with what was read
        return
    (op, arg), rest = seq[0], seq[1:]
    if op is c.LITERAL:
        char = chr(arg)
        if not char.isascii():
            return opaque()
        return _walk(rest, acc + char.lower(), budget, out)
    digits = (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT)
    if op is c.CATEGORY:
        if arg in (c.CATEGORY_SPACE, c.CATEGORY_UNI_SPACE, c.CATEGORY_NOT_WORD, c.CATEGORY_UNI_NOT_WORD):
            return _walk(rest, acc + _NON_WORD, budget, out)
        if arg in digits and not body:
            out.add(("digit",))  # starts at a digit
            return None
        return opaque()
    if op is c.IN:
        info = _charset(arg)
        if info.exact is None and not body and all(o is c.CATEGORY and a in digits for o, a in arg):
            out.add(("digit",))
            return None
        if info.exact is None:
            return opaque()
        for char in sorted(info.exact):
            _walk(rest, acc + char, budget, out)
        return None
    if op is c.AT:
        if arg in (c.AT_BOUNDARY, c.AT_UNI_BOUNDARY):
            return _walk(rest, acc + _BOUNDARY, budget, out)
        if arg in (c.AT_BEGINNING, c.AT_BEGINNING_STRING) and not body:
            out.add(("begin",))
            return None
        return _walk(rest, acc, budget, out)  # another assertion: skipping it allows more starts
    if op is c.ASSERT and arg[0] == -1 and not body and len(arg[1]) == 1:
        inner_op, inner = arg[1][0]
        chars = None
        if inner_op is c.LITERAL and chr(inner).isascii() and chr(inner).lower() not in _WORD_CHARS:
            chars = frozenset({chr(inner).lower()})
        elif inner_op is c.IN and all(
            o is c.LITERAL and chr(a).isascii() and chr(a).lower() not in _WORD_CHARS for o, a in inner
        ):
            chars = frozenset(chr(a).lower() for _, a in inner)
        if chars is not None:
            out.add(("after", chars))
            return None
        return _walk(rest, acc, budget, out)
    if op in (c.ASSERT, c.ASSERT_NOT):
        return _walk(rest, acc, budget, out)
    if op is c.SUBPATTERN:
        if arg[1] or arg[2]:
            raise _Unknown  # local flags
        return _walk(tuple(arg[3]) + rest, acc, budget, out)
    if op is c.ATOMIC_GROUP:
        return _walk(tuple(arg) + rest, acc, budget, out)
    if op is c.BRANCH:
        for alternative in arg[1]:
            _walk(tuple(alternative) + rest, acc, budget, out)
        return None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, item = arg
        if high == 0:
            return _walk(rest, acc, budget, out)
        again = (op, (max(0, low - 1), high if high == c.MAXREPEAT else high - 1, item))
        if low == 0:
            _walk(rest, acc, budget, out)
        return _walk((*item, again, *rest), acc, budget, out)
    return opaque()  # ANY, NOT_LITERAL, GROUPREF, ...


def _starts_of(items) -> Starts:
    found: set[tuple] = set()
    _walk(tuple(items), "", [_MAX_WALK], found)
    whole = {key[1] for key in found if key[0] == "word" and key[2]}
    starts = {key[1] for key in found if key[0] == "word" and not key[2]}
    after: set[str] = set()
    for key in found:
        if key[0] == "after":
            after |= key[1]
    starts = {w for w in starts if not any(o != w and w.startswith(o) for o in starts)}
    whole = {w for w in whole if not w.startswith(tuple(starts))}
    literals = {key[1] for key in found if key[0] == "lit"}
    literals = {s for s in literals if not any(o != s and s.startswith(o) for o in literals)}
    info = _sequence(items)
    stripped = (frozenset(_longest_piece(s) for s in g) for g in _all_groups(info))
    groups = {_minimal(g) for g in stripped if _useful(g)}
    return Starts(
        frozenset(whole),
        tuple(sorted(starts)),
        ("begin",) in found,
        frozenset(after),
        frozenset(literals),
        ("digit",) in found,
        tuple(sorted(groups, key=_selectivity, reverse=True)[:_MAX_GROUPS]),
    )


def match_starts(pattern: re.Pattern[str]) -> tuple[Starts, ...] | None:
    """Where every match of ``pattern`` (run on ``fold``-ed text) can start, one entry per
    top-level alternative; None when some alternative may start anywhere."""
    from re import _constants as c
    from re import _parser

    if pattern.flags & re.MULTILINE:
        return None  # "^" would also match after every newline
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
        alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is c.BRANCH else [items]
        return tuple(_starts_of(alternative) for alternative in alternatives)
    except _Unknown:
        return None
    except Exception:  # an opcode this reader does not know
        return None
