"""The Easy Read gate: checks a "you said, we did" Easy Read text before it is published.

``check(text)`` looks at each sentence and at the whole text and returns a report with
plain-words problems for the author. The gate (``report.passes``) is closed by any
*blocking* problem. By default these block:

- ``too_long``: a sentence over 20 words;
- ``reading_age``: the whole text reads above age 9 (``max_reading_age``);
- ``hard_word``: a glossary word that is not explained where it is first used;
- ``number_in_words``: a number written in words ("twenty") instead of digits;
- ``empty``: nothing to check.

These are advice only (shown, but do not close the gate): ``long`` (16 to 20 words),
``more_than_one_idea`` and ``passive``. They are heuristics and a good editor may keep a
sentence they flag. Pass ``blocking_kinds`` to make them block too.

Everything is regular expressions and word lists: deterministic, no model, about 1 ms
for a 300-word text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from easy_read.glossary import GlossaryEntry, find_entries
from easy_read.readability import reading_age_of_sentences
from easy_read.text import Sentence, split_sentences, words

MAX_WORDS = 20
AIM_WORDS = (10, 15)
DEFAULT_MAX_READING_AGE = 9.0
DEFAULT_BLOCKING = frozenset({"too_long", "reading_age", "hard_word", "number_in_words", "empty"})
ALL_KINDS = DEFAULT_BLOCKING | {"long", "more_than_one_idea", "passive"}


@dataclass(frozen=True)
class Problem:
    """One thing for the author to fix. ``sentence`` is a 0-based index into
    ``EasyReadReport.sentences``, or None when it is about the whole text.
    ``start``/``end`` mark the words in the checked text, for highlighting."""

    sentence: int | None
    kind: str
    message: str
    suggestion: str
    blocking: bool
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class SentenceCheck:
    index: int
    start: int
    end: int
    text: str
    word_count: int
    kinds: tuple[str, ...] = ()


@dataclass
class EasyReadReport:
    sentences: list[SentenceCheck]
    reading_age: float
    max_reading_age: float
    problems: list[Problem] = field(default_factory=list)
    passes: bool = False

    @property
    def blocking_problems(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems}

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# --- numbers written as words ---------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORD = "(?:" + "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True)) + ")"
# "and" only joins a number after a scale word ("three hundred and twenty"), so that
# "two and three" stays two numbers.
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_NUMBER_PHRASE = re.compile(
    rf"\b{_NUMBER_WORD}(?:(?:\s+|-|{_AND_AFTER_SCALE}){_NUMBER_WORD})*\b", re.IGNORECASE
)


def _number_value(phrase: str) -> int:
    total, current = 0, 0
    for part in re.split(r"[\s-]+", phrase.lower()):
        if part in _UNITS:
            current += _UNITS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part in _SCALES:
            total += max(current, 1) * _SCALES[part]
            current = 0
    return total + current


def _numbers_in_words(sentence: Sentence) -> list[tuple[int, int, str, int]]:
    found = []
    for match in _NUMBER_PHRASE.finditer(sentence.text):
        phrase = match.group()
        # "one" alone is nearly always a pronoun ("no one", "the one I like"), not a count.
        if phrase.lower() == "one":
            continue
        found.append((match.start(), match.end(), phrase, _number_value(phrase)))
    return found


# --- passive voice ---------------------------------------------------------------------

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|getting|gotten)"
_ADVERBS = (
    r"(?:\s+(?:not|never|also|often|always|already|just|still|all|really|usually|sometimes|now|then|being))*"
)


def _word_list(words_: str) -> list[str]:
    return words_.split()


_IRREGULAR = _word_list(
    "made done given taken told written seen sent found kept left paid heard known shown chosen "
    "built brought bought caught taught held hurt put set cut said spoken broken stolen forgotten "
    "hidden beaten bitten driven eaten fallen grown thrown drawn worn torn felt meant met won "
    "understood thought sold spent dealt fed led shut hit let forgiven begun struck sought spread "
    "shot bent ignored"
)
# Words that look like participles but after "be" describe a feeling or a state, and
# plain Easy Read uses them all the time ("I was scared", "you are allowed to").
_NOT_PASSIVE = frozenset(
    _word_list(
        "tired scared worried excited interested bored pleased surprised confused annoyed frightened "
        "embarrassed ashamed married called named supposed used allowed involved born red bed need "
        "feed seed speed shed hundred sacred naked wicked ragged beloved kindred"
    )
)
_PASSIVE = re.compile(
    rf"\b{_BE}{_ADVERBS}\s+(?P<participle>[a-z]{{2,}}ed|{'|'.join(_IRREGULAR)})\b", re.IGNORECASE
)


def _passive(sentence: Sentence) -> re.Match[str] | None:
    for match in _PASSIVE.finditer(sentence.text):
        if match.group("participle").lower() not in _NOT_PASSIVE:
            return match
    return None


# --- more than one idea ----------------------------------------------------------------

_SUBJECT = r"(?:i|you|we|they|he|she|it|there)"
# Words that always start a second clause.
_STRONG_JOIN = re.compile(
    r"\b(?:because|which|although|though|whereas|unless|however|but|so\s+that|while|therefore)\b",
    re.IGNORECASE,
)
# "and"/"so"/"or"/"then" join two ideas when a comma comes before them or a new
# subject after them ("we listened and we changed it"); "mum and dad" is one idea.
_COMMA_JOIN = re.compile(r",\s*(?:and|so|or|then)\b", re.IGNORECASE)
_NEW_CLAUSE = re.compile(rf"\b(?:and|but|so|or|then)\s+{_SUBJECT}\b", re.IGNORECASE)


def _idea_joins(sentence: Sentence) -> tuple[int, bool, str | None]:
    """(number of joins, whether two main verb groups were seen, the first joining words)."""
    text = sentence.text
    joins = [m for m in _STRONG_JOIN.finditer(text)]
    joins += [m for m in _COMMA_JOIN.finditer(text)]
    new_clauses = list(_NEW_CLAUSE.finditer(text))
    joins += [m for m in new_clauses if not any(j.start() <= m.start() < j.end() for j in joins)]
    count = len(joins) + text.count(";")
    first = min(joins, key=lambda m: m.start()).group().strip(", ") if joins else None
    return count, bool(new_clauses), first


def _more_than_one_idea(sentence: Sentence, word_count: int) -> str | None:
    count, two_main_clauses, first = _idea_joins(sentence)
    if two_main_clauses or count >= 2 or (count == 1 and ("," in sentence.text or word_count > 15)):
        return first or ";"
    return None


# --- hard words ------------------------------------------------------------------------

_OPEN_MARK = r"[*_\"“‘']*"
# Right after the word: "safeguarding (keeping children safe)", "Ofsted - the group
# that...", "an advocate is someone who...", "CAMHS, which means...".
_EXPLAINED_AFTER = re.compile(
    rf"{_OPEN_MARK}\s*(?:\(|[-–—:]\s|,?\s*(?:(?:which|that|this|it)\s+)?(?:means?|stands?\s+for"
    r"|is\s+(?:when|where|how|what|a|an|the|someone|somebody|about|our|your)"
    r"|are\s+(?:people|the|groups?|things|places|when|where|what))\b)",
    re.IGNORECASE,
)
# Just before the word: "this is called safeguarding", "a group known as Ofsted".
_EXPLAINED_BEFORE = re.compile(
    rf"(?:called|known\s+as|named|we\s+call\s+(?:this|it|them))\s*{_OPEN_MARK}$", re.I
)
# The next sentence: "We have a new policy. This means a new set of rules."
_EXPLAINED_NEXT = re.compile(
    r"^\W*(?:this|that|it|these|the\s+word|this\s+word|these\s+words)\s+(?:means?|mean"
    r"|is\s+(?:when|where|how|what|a|an|the|someone|somebody)\b|are\s+(?:people|the|groups?|things)\b)",
    re.IGNORECASE,
)


def _is_explained(text: str, start: int, end: int, here: Sentence, after: Sentence | None) -> bool:
    if _EXPLAINED_AFTER.match(text, end, here.end) or _EXPLAINED_BEFORE.search(text[here.start : start]):
        return True
    if after is None:
        return False
    if _EXPLAINED_NEXT.match(after.text):
        return True
    # "We talked to Ofsted. Ofsted is the group that checks schools."
    written = text[start:end]
    lead = len(after.text) - len(after.text.lstrip("*_\"“‘' "))
    return after.text[lead:].lower().startswith(written.lower()) and bool(
        _EXPLAINED_AFTER.match(after.text, lead + len(written))
    )


def _hard_word_problem(
    entry: GlossaryEntry, written: str, index: int, start: int, end: int, blocking: bool
) -> Problem:
    if entry.action == "replace":
        message = f"“{written}” is a hard word."
        suggestion = f"Use “{entry.plain}” instead."
    else:
        message = f"“{written}” is a hard word and it is not explained."
        suggestion = (
            f"Use “{entry.plain}” instead, or explain it the first time you use it, "
            f"for example: “{entry.meaning}”"
        )
    return Problem(index, "hard_word", message, suggestion, blocking, start, end)


def _hard_word_problems(text: str, sentences: list[Sentence], blocking: bool) -> list[Problem]:
    problems: list[Problem] = []
    # A word needs explaining once, where it is first used: later uses are fine. If the
    # first use is not explained, the author is told about that first use.
    settled: set[str] = set()
    for i, sentence in enumerate(sentences):
        after = sentences[i + 1] if i + 1 < len(sentences) else None
        for rel_start, rel_end, entry in find_entries(sentence.text):
            if entry.term in settled:
                continue
            settled.add(entry.term)
            start, end = sentence.start + rel_start, sentence.start + rel_end
            if not _is_explained(text, start, end, sentence, after):
                problems.append(_hard_word_problem(entry, text[start:end], i, start, end, blocking))
    return problems


# --- the check -------------------------------------------------------------------------


def check(
    text: str,
    max_reading_age: float = DEFAULT_MAX_READING_AGE,
    blocking_kinds: frozenset[str] | set[str] = DEFAULT_BLOCKING,
) -> EasyReadReport:
    """Check an Easy Read text. ``report.passes`` is the publishing gate."""
    unknown = set(blocking_kinds) - ALL_KINDS
    if unknown:
        raise ValueError(f"unknown problem kinds: {sorted(unknown)}")

    def blocks(kind: str) -> bool:
        return kind in blocking_kinds

    sentences = split_sentences(text)
    problems: list[Problem] = []
    for sentence in sentences:
        i, count = sentence.index, len(words(sentence.text))
        if count > MAX_WORDS:
            problems.append(
                Problem(
                    i,
                    "too_long",
                    f"This sentence has {count} words. A sentence must have {MAX_WORDS} words or fewer.",
                    f"Split it into short sentences of {AIM_WORDS[0]} to {AIM_WORDS[1]} words.",
                    blocks("too_long"),
                    sentence.start,
                    sentence.end,
                )
            )
        elif count > AIM_WORDS[1]:
            problems.append(
                Problem(
                    i,
                    "long",
                    f"This sentence has {count} words. "
                    f"Easy Read works best with {AIM_WORDS[0]} to {AIM_WORDS[1]}.",
                    "Try to make it shorter, or split it in 2.",
                    blocks("long"),
                    sentence.start,
                    sentence.end,
                )
            )
        join = _more_than_one_idea(sentence, count)
        if join:
            problems.append(
                Problem(
                    i,
                    "more_than_one_idea",
                    "This sentence has more than one idea in it.",
                    f"Put each idea in its own sentence. Try starting a new sentence where it says “{join}”.",
                    blocks("more_than_one_idea"),
                    sentence.start,
                    sentence.end,
                )
            )
        passive = _passive(sentence)
        if passive:
            problems.append(
                Problem(
                    i,
                    "passive",
                    f"This sentence does not say who did it (“{passive.group()}”).",
                    "Say who did it first. For example: “We changed the rule”, not “The rule was changed”.",
                    blocks("passive"),
                    sentence.start + passive.start(),
                    sentence.start + passive.end(),
                )
            )
        for start, end, phrase, value in _numbers_in_words(sentence):
            problems.append(
                Problem(
                    i,
                    "number_in_words",
                    f"“{phrase}” is a number written in words. Easy Read uses numbers like {value}.",
                    f"Write {value} instead.",
                    blocks("number_in_words"),
                    sentence.start + start,
                    sentence.start + end,
                )
            )
    problems += _hard_word_problems(text, sentences, blocks("hard_word"))

    age = reading_age_of_sentences(sentences)
    if not sentences:
        problems.append(
            Problem(
                None,
                "empty",
                "There is no text to check.",
                "Write the Easy Read text first.",
                blocks("empty"),
            )
        )
    elif age > max_reading_age:
        problems.append(
            Problem(
                None,
                "reading_age",
                f"This text is hard to read. It suits age {age:g} and up. "
                f"It needs to suit age {max_reading_age:g}.",
                "Use shorter sentences and short, everyday words.",
                blocks("reading_age"),
            )
        )

    problems.sort(key=lambda p: (p.sentence if p.sentence is not None else len(sentences), p.start or 0))
    kinds_by_sentence: dict[int, list[str]] = {}
    for problem in problems:
        if problem.sentence is not None:
            kinds_by_sentence.setdefault(problem.sentence, []).append(problem.kind)
    checks = [
        SentenceCheck(
            s.index, s.start, s.end, s.text, len(words(s.text)), tuple(kinds_by_sentence.get(s.index, ()))
        )
        for s in sentences
    ]
    passes = not any(p.blocking for p in problems)
    return EasyReadReport(checks, age, max_reading_age, problems, passes)
