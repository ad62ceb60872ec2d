"""Personal information in a view: what it is, where it is, and how to hide it.

Patterns favour recall on what children actually share (UK phone numbers, postcodes,
"my snap is ...", "I go to St Mary's Primary") over catching every name: a missed surname
is read by a moderator before anyone else sees the view; a hidden ordinary word costs
little. Pure regex, so it runs inside the web request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .folding import fold, may_match
from .types import Span

REDACTION = "[…]"

_I = re.IGNORECASE

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# UK numbers: 0 or +44 followed by 9–10 more digits, with spaces, dots or dashes between.
PHONE = re.compile(r"(?<![\d+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s.-]?\)?\d){8,9}(?!\d)")
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b", _I)
_STREET_TYPES = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|pl|terrace|"
    r"grove|gardens|gdns|park|square|sq|hill|mews|view|walk|rise|row|green|estate|parade|flats|house|tower)"
)
ADDRESS = re.compile(
    rf"\b(?:flat\s+\d+[a-z]?,?\s+)?\d{{1,4}}[a-z]?,?\s+(?:[A-Za-z'-]+\s+){{1,3}}{_STREET_TYPES}\b"
    rf"|\b(?:live|living|stay|staying)\s+(?:at|on|in)\s+((?:[A-Z][A-Za-z'-]+\s+){{1,3}}{_STREET_TYPES})\b",
    _I,
)
_SCHOOL_TYPES = (
    r"(?:Primary|Secondary|High|Grammar|Junior|Infants?|Middle|Academy|College|School|Prep|Academies)"
)
_NOT_SCHOOL_NAME = {
    "a",
    "an",
    "the",
    "my",
    "our",
    "your",
    "at",
    "in",
    "to",
    "secondary",
    "primary",
    "high",
    "junior",
    "middle",
    "every",
    "all",
    "some",
    "this",
    "that",
    "from",
    "and",
    "or",
    "go",
    "i",
    "we",
    "local",
    "new",
    "big",
    "small",
    "state",
    "private",
    "public",
    "grammar",
    "special",
    "boarding",
    "own",
    "of",
    "their",
    "his",
    "her",
    "its",
    "for",
    "many",
    "most",
    "more",
    "other",
    "after",
    "before",
}
SCHOOL_CAPITALISED = re.compile(
    rf"\b((?:St\.?\s+|Saint\s+)?(?:[A-Z][A-Za-z'’-]+\s+){{1,4}}{_SCHOOL_TYPES}(?:\s+(?:School|Academy|College))?)\b"
)
SCHOOL_AFTER_VERB = re.compile(
    r"\b(?:go|goes|going|went|attend|attends|attending|am|i'?m|at|from)\s+(?:to\s+)?"
    r"((?:st\.?\s+|saint\s+)?(?:[a-z'’-]+\s+){1,3}(?:primary|secondary|high|grammar|junior|infants?|academy|college)"
    r"(?:\s+(?:school|academy))?)\b",
    _I,
)
HANDLE_AT = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})")
_PLATFORMS = (
    r"(?:snap|snapchat|insta|instagram|ig|tiktok|tik\s+tok|discord|twitter|fb|facebook|roblox|xbox|psn|"
    r"gamertag|username|user\s*name|whatsapp|telegram|twitch|youtube|steam)"
)
HANDLE_NAMED = re.compile(
    rf"\b(?:(?:my|add\s+me\s+on|add\s+me|message\s+me\s+on|dm\s+me\s+on|follow\s+me\s+on|me\s+on)\s+{_PLATFORMS}"
    rf"(?:\s+(?:name|username|user|handle|tag|id|account))?\b\s*(?:is|it'?s|=|:|-)?|\b{_PLATFORMS}"
    rf"(?:\s+(?:name|username|user|handle|tag|id))?\s*(?:[:=]|\bis\b))\s*@?([A-Za-z0-9_][A-Za-z0-9_.]{{2,29}})",
    _I,
)
_HANDLE_STOPWORDS = {
    "is",
    "and",
    "the",
    "me",
    "my",
    "on",
    "it",
    "too",
    "but",
    "account",
    "to",
    "a",
    "for",
    "so",
}
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DOB = re.compile(
    rf"\b(?:born(?:\s+on)?|birthday(?:\s+is)?(?:\s+on)?|dob|d\.o\.b\.?|date\s+of\s+birth(?:\s+is)?)\s*[:-]?\s*"
    rf"((?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}})|(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTHS}(?:\s+(?:19|20)\d{{2}})?)|(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?))",
    _I,
)
NAME_INTRO = re.compile(
    r"\b(?:my\s+name\s+is|my\s+names|my\s+name's|i'?m\s+called|im\s+called|i\s+am\s+called|call\s+me|"
    r"this\s+is|i\s+am|i'?m|from|love|signed|my\s+(?:friend|mate|teacher|brother|sister|dad|mum|stepdad|"
    r"cousin|uncle|carer|social\s+worker)(?:\s+is|\s+called)?)\s*[,:-]?\s+"
    r"([A-Z][a-z'’-]+\s+[A-Z][A-Za-z'’-]+)"
)
NAME_INTRO_LOWER = re.compile(
    r"\b(?:my\s+name\s+is|my\s+names|my\s+name's|i'?m\s+called|im\s+called|i\s+am\s+called)\s+"
    r"([a-z][a-z'’-]+\s+[a-z][a-z'’-]+)",
    _I,
)
# Two capitalised words where the first is a common first name: "Chloe Smith said ...".
_FIRST_NAMES = set(
    [
        "oliver",
        "george",
        "harry",
        "jack",
        "jacob",
        "noah",
        "charlie",
        "muhammad",
        "mohammed",
        "thomas",
        "oscar",
        "william",
        "james",
        "leo",
        "alfie",
        "henry",
        "joshua",
        "freddie",
        "archie",
        "ethan",
        "isaac",
        "alexander",
        "joseph",
        "edward",
        "samuel",
        "max",
        "daniel",
        "arthur",
        "lucas",
        "mohammad",
        "logan",
        "theo",
        "harrison",
        "benjamin",
        "mason",
        "sebastian",
        "finley",
        "adam",
        "dylan",
        "zachary",
        "riley",
        "teddy",
        "theodore",
        "david",
        "toby",
        "jake",
        "tyler",
        "elijah",
        "louie",
        "reuben",
        "ryan",
        "matthew",
        "kai",
        "luca",
        "jayden",
        "lewis",
        "aaron",
        "callum",
        "connor",
        "liam",
        "kieran",
        "jordan",
        "olivia",
        "amelia",
        "isla",
        "ava",
        "emily",
        "sophia",
        "grace",
        "mia",
        "poppy",
        "ella",
        "lily",
        "evie",
        "isabella",
        "sophie",
        "ivy",
        "freya",
        "harper",
        "willow",
        "charlotte",
        "jessica",
        "daisy",
        "alice",
        "florence",
        "ruby",
        "chloe",
        "evelyn",
        "phoebe",
        "sienna",
        "sofia",
        "millie",
        "rosie",
        "lucy",
        "layla",
        "ellie",
        "erin",
        "holly",
        "amber",
        "megan",
        "hannah",
        "lauren",
        "bethany",
        "jasmine",
        "leah",
        "maisie",
        "zara",
        "aisha",
        "fatima",
        "maryam",
        "amira",
        "katie",
        "emma",
        "abigail",
        "molly",
        "scarlett",
        "eliza",
        "imogen",
        "matilda",
        "esme",
        "niamh",
        "caitlin",
    ]
)
FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z'’-]{1,})\b")
_NOT_SURNAME = {
    "and",
    "is",
    "said",
    "says",
    "was",
    "has",
    "the",
    "i",
    "my",
    "at",
    "in",
    "from",
    "school",
    "primary",
    "academy",
    "high",
    "college",
    "road",
    "street",
    "told",
    "went",
    "goes",
}


def _group_span(match: re.Match[str], kind: str, group: int = 0) -> Span | None:
    if group and match.group(group) is None:
        group = 0
    start, end = match.span(group)
    return Span(start, end, kind, kind) if end > start else None


_DIGIT = re.compile(r"\d")


# Literal strings each pattern cannot match without: groups, and every match contains a string
# of each group (lower case, looked for in the folded view). A pattern whose strings are absent
# from the view is not run. Read off each pattern by hand; the tests compare with ``finditer``
# over the whole text.
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_NEEDS: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {
    EMAIL: (("@",), (".",)),
    PHONE: (("0", "44"),),
    POSTCODE: (),
    ADDRESS: (
        _words(
            "ave close court cres ct dr flats gdns green grove hill house lane ln mews parade park pl rd "
            "rise road row sq st terrace tower view walk way"
        ),
    ),
    SCHOOL_CAPITALISED: (
        _words("academies academy college grammar high infant junior middle prep primary school secondary"),
    ),
    SCHOOL_AFTER_VERB: (
        _words("academy college grammar high infant junior primary secondary"),
        _words("am at from go i'm im went"),
    ),
    HANDLE_AT: (("@",),),
    HANDLE_NAMED: (
        _words(
            "discord facebook fb ig insta me my on psn roblox snap steam telegram tik twitch twitter user "
            "whatsapp xbox youtube"
        ),
    ),
    DOB: (
        ("birth", "born", "d.o.b", "dob"),
        _words("- . / apr aug dec feb jan jul jun mar may nov oct sep"),
    ),
    NAME_INTRO: (
        _words(
            "am brother call carer cousin dad friend from i'm im love mate mum signed sister social teacher "
            "this uncle"
        ),
        ("call", "from", "i", "love", "my"),
    ),
    NAME_INTRO_LOWER: (("called", "name"), ("called", "is", "name's", "names"), ("i", "my")),
    FULL_NAME: (),
}
# Patterns every match of which has a digit (``\d`` outside any optional part): a phone
# number, a postcode, a date of birth. A view without a digit skips them.
_NEEDS_DIGIT = frozenset({PHONE, POSTCODE, DOB})


# Where a match can start, for patterns that are tried only there (``pattern.match`` at each
# offset, left to right, skipping offsets inside the previous match: what ``finditer`` gives
# when no match starts anywhere else). Each function lists a superset of the offsets every
# match of its pattern starts at, read off the pattern by hand (see the tests that compare
# with ``finditer`` over the whole text).
_DIGIT_RUNS = re.compile(r"\d+")
_PHONE_STARTS = re.compile(r"[+(0]")


def _literal_offsets(folded: str, literal: str) -> list[int]:
    found: list[int] = []
    index = folded.find(literal)
    while index >= 0:
        found.append(index)
        index = folded.find(literal, index + 1)
    return found


def _phone_starts(text: str, folded: str) -> list[int]:
    # "+44 ...", "(0...", "0...": the first character is one of "+(0".
    return [m.start() for m in _PHONE_STARTS.finditer(text)]


def _digit_runs(text: str) -> list[int]:
    """Where each run of digits starts (a digit with no digit just before it)."""
    return [m.start() for m in _DIGIT_RUNS.finditer(text)]


def _postcode_starts(text: str, folded: str) -> list[int]:
    # One or two letters then a digit (so the first digit of a run), or "gir".
    starts = _literal_offsets(folded, "gir")
    for start in _digit_runs(text):
        starts.append(start - 1)
        starts.append(start - 2)
    return starts


def _address_starts(text: str, folded: str) -> list[int]:
    # "flat 2, 14 Oak Road", "14 Oak Road" (a digit after \b: the first of a run),
    # "live/living/stay/staying at ...".
    starts = _digit_runs(text)
    for literal in ("flat", "liv", "stay"):
        starts.extend(_literal_offsets(folded, literal))
    return starts


_STARTS = {PHONE: _phone_starts, POSTCODE: _postcode_starts, ADDRESS: _address_starts}


def _finditer_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` and none is empty."""
    cursor = 0
    match_at = pattern.match
    for start in sorted(set(starts)):
        if start < cursor or start < 0:
            continue
        match = match_at(text, start)
        if match is not None:
            yield match
            cursor = match.end()


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches in a str pattern


# Words a match cannot do without, each a whole ``\w+`` word of the folded view: a handle
# names its platform ("my snap is", "insta: ..."; "tik tok", "user name" start with "tik",
# "user"), a school named after a verb ends with the kind of school.
_NEEDS_WORD = {
    HANDLE_NAMED: frozenset(
        {"snap", "snapchat", "insta", "instagram", "ig", "tiktok", "tik", "discord", "twitter", "fb",
         "facebook", "roblox", "xbox", "psn", "gamertag", "username", "user", "whatsapp", "telegram",
         "twitch", "youtube", "steam"}
    ),
    SCHOOL_AFTER_VERB: frozenset(
        {"primary", "secondary", "high", "grammar", "junior", "infant", "infants", "academy", "college"}
    ),
}  # fmt: skip
# Case matters for these: every match contains one of the strings exactly as written.
_NEEDS_EXACT = {
    SCHOOL_CAPITALISED: ("Primary", "Secondary", "High", "Grammar", "Junior", "Infant", "Middle", "Academy",
                         "Academies", "College", "School", "Prep"),
}  # fmt: skip


class _View:
    """One view, with what the prefilters ask about it worked out once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.has_digit = _DIGIT.search(text) is not None

    def has_word(self, word: str) -> bool:
        """Whether ``word`` is a whole ``\\w+`` word of the folded view."""
        folded = self.folded
        end = len(folded)
        index = folded.find(word)
        while index >= 0:
            after = index + len(word)
            if (index == 0 or not _is_word_char(folded[index - 1])) and (
                after == end or not _is_word_char(folded[after])
            ):
                return True
            index = folded.find(word, index + 1)
        return False

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        if (pattern in _NEEDS_DIGIT and not self.has_digit) or not may_match(_NEEDS[pattern], self.folded):
            return iter(())
        if pattern in _NEEDS_WORD and not any(self.has_word(w) for w in _NEEDS_WORD[pattern]):
            return iter(())
        if pattern in _NEEDS_EXACT and not any(s in self.text for s in _NEEDS_EXACT[pattern]):
            return iter(())
        if pattern in _STARTS:
            return _finditer_at(pattern, self.text, _STARTS[pattern](self.text, self.folded))
        return pattern.finditer(self.text)


def find_pii(text: str) -> list[Span]:
    """All personal-information spans, longest first where they overlap, in text order."""
    found: list[Span] = []

    def add(span: Span | None) -> None:
        if span is not None:
            found.append(span)

    finditer = _View(text).finditer

    for m in finditer(EMAIL):
        add(_group_span(m, "email"))
    for m in finditer(PHONE):
        add(_group_span(m, "phone"))
    for m in finditer(POSTCODE):
        if any(ch.isdigit() for ch in m.group(0)):
            add(_group_span(m, "postcode"))
    for m in finditer(ADDRESS):
        add(_group_span(m, "address", 1 if m.group(1) else 0))
    for m in finditer(SCHOOL_CAPITALISED):
        words = m.group(1).split()
        if words[0].lower().rstrip(".") not in _NOT_SCHOOL_NAME or words[0].lower().startswith("st"):
            add(_group_span(m, "school", 1))
    for m in finditer(SCHOOL_AFTER_VERB):
        words = m.group(1).lower().split()
        if any(w not in _NOT_SCHOOL_NAME and w not in {"school", "academy", "college"} for w in words[:-1]):
            add(_group_span(m, "school", 1))
    for m in finditer(HANDLE_AT):
        add(_group_span(m, "handle"))
    for m in finditer(HANDLE_NAMED):
        if m.group(1).lower() not in _HANDLE_STOPWORDS:
            add(_group_span(m, "handle", 1))
    for m in finditer(DOB):
        add(_group_span(m, "dob", 1))
    for pattern in (NAME_INTRO, NAME_INTRO_LOWER):
        for m in finditer(pattern):
            surname = m.group(1).split()[-1].lower()
            if surname not in _NOT_SURNAME:
                add(_group_span(m, "name", 1))
    for m in finditer(FULL_NAME):
        if m.group(1).lower() in _FIRST_NAMES and m.group(2).lower() not in _NOT_SURNAME:
            add(_group_span(m, "name"))
    return _without_overlaps(found)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longest span where two overlap (an e-mail, not the handle inside it)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def redact(text: str, spans: list[Span]) -> str:
    """Replace every span with "[…]". The result never contains the text of any span given."""
    merged: list[list[int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        start, end = max(0, span.start), min(len(text), span.end)
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[str] = []
    cursor = 0
    for start, end in merged:
        pieces.append(text[cursor:start])
        pieces.append(REDACTION)
        cursor = end
    pieces.append(text[cursor:])
    redacted = "".join(pieces)
    # The same details may also appear where no pattern matched (a repeated number, say):
    # hide those too, so the promise "a redacted text never contains the span" holds.
    secrets = sorted({text[s.start : s.end] for s in spans if s.end > s.start}, key=len, reverse=True)
    for _ in range(10):
        leftovers = [s for s in secrets if s and s in redacted]
        if not leftovers:
            return redacted
        for secret in leftovers:
            redacted = redacted.replace(secret, REDACTION)
    # Pathological case (a span that overlaps the marker itself): fall back to blanking characters.
    blocked = set("".join(secrets))
    return "".join("□" if ch in blocked else ch for ch in redacted)


def pii_kinds(spans: list[Span]) -> list[str]:
    return sorted({span.kind for span in spans})
