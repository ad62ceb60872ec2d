"""Personal information in a view: what it is, where it is, and how to hide it.

Patterns favour recall on what children actually share (UK phone numbers, postcodes,
"my snap is ...", "I go to St Mary's Primary") over catching every name: a missed surname
is read by a moderator before anyone else sees the view; a hidden ordinary word costs
little. Pure regex, so it runs inside the web request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .rule_patterns import fold, may_match, required_literals
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
# Literal strings each pattern cannot match without (see ``rule_patterns.required_literals``):
# a pattern whose strings are absent from the view is not run. Worked out once, at import.
_NEEDS = {
    pattern: required_literals(pattern)
    for pattern in (EMAIL, PHONE, POSTCODE, ADDRESS, SCHOOL_CAPITALISED, SCHOOL_AFTER_VERB, HANDLE_AT,
                    HANDLE_NAMED, DOB, NAME_INTRO, NAME_INTRO_LOWER, FULL_NAME)
}  # fmt: skip
# Patterns every match of which has a digit (``\d`` outside any optional part): a phone
# number, a postcode, a date of birth. A view without a digit skips them.
_NEEDS_DIGIT = frozenset({PHONE, POSTCODE, DOB})


def _finditer(pattern: re.Pattern[str], text: str, folded: str, has_digit: bool) -> Iterator[re.Match[str]]:
    if (pattern in _NEEDS_DIGIT and not has_digit) or not may_match(_NEEDS[pattern], folded):
        return iter(())
    return pattern.finditer(text)


def find_pii(text: str) -> list[Span]:
    """All personal-information spans, longest first where they overlap, in text order."""
    found: list[Span] = []

    def add(span: Span | None) -> None:
        if span is not None:
            found.append(span)

    folded = fold(text)
    has_digit = _DIGIT.search(text) is not None

    def finditer(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return _finditer(pattern, text, folded, has_digit)

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
