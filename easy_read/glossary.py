"""The office's hard words, with a plainer word and a one-line meaning for children.

The words live in ``glossary.json`` beside this file so that the Easy Read editors can
add words without touching code. Each entry has:

- ``term``: the word as the office writes it ("local authority");
- ``plain``: a plainer word or phrase to use instead ("the council");
- ``meaning``: one short sentence a child can read;
- ``action``: ``"explain"`` (a real thing children need to know, so keep the word and
  explain it) or ``"replace"`` (just use the plain word: "ensure" -> "make sure");
- ``forms`` (optional): other spellings or related words ("utilize", "PRU");
- ``case_sensitive`` (optional): match the exact capitals only. Words written all in
  capitals ("SEND", "CAMHS") are always matched that way, because "send" and "Send"
  are everyday words on a post-box.

Matching is on whole words, ignores case (unless said above), lets the last word take
the usual endings (policy/policies, advocate/advocates/advocating) and prefers the
longest term ("children's social care" rather than "social care").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

GLOSSARY_PATH = Path(__file__).with_name("glossary.json")
ACTIONS = frozenset({"explain", "replace"})


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    plain: str
    meaning: str
    action: str = "explain"
    forms: tuple[str, ...] = ()
    case_sensitive: bool = False

    def to_dict(self) -> dict[str, str]:
        return {"term": self.term, "plain": self.plain, "meaning": self.meaning, "action": self.action}


class HardWord(NamedTuple):
    """One hard word found in a text. ``text[start:end]`` is the words as written."""

    start: int
    end: int
    term: str
    plain: str
    meaning: str


# Where a glossary word may start: a word character not glued to the word before it.
_WORD_START = re.compile(r"(?<![\w-])(?<!\w['’])\w")
_PREFIX = 2


class _Glossary:
    def __init__(self, entries: list[GlossaryEntry]) -> None:
        self.entries = entries
        # One small regex per spelling, filed under its first two letters. Trying only
        # the few that share a word's first letters keeps a 300-word text well under a
        # millisecond; one big alternation of ~200 spellings was several times slower.
        self._by_prefix: dict[str, list[tuple[int, re.Pattern[str], GlossaryEntry]]] = {}
        for entry in entries:
            for surface in (entry.term, *entry.forms):
                exact = entry.case_sensitive or _is_acronym(surface)
                flags = 0 if exact else re.IGNORECASE
                pattern = re.compile(_surface_pattern(surface) + r"(?![\w-])", flags)
                key = surface[:_PREFIX].lower()
                self._by_prefix.setdefault(key, []).append((len(surface), pattern, entry))
        for candidates in self._by_prefix.values():
            # Longest spelling first: "children's social care" beats "children".
            candidates.sort(key=lambda item: -item[0])

    def match_at(self, text: str, pos: int) -> tuple[int, GlossaryEntry] | None:
        for _, pattern, entry in self._by_prefix.get(text[pos : pos + _PREFIX].lower(), ()):
            match = pattern.match(text, pos)
            if match:
                return match.end(), entry
        return None

    def find(self, text: str) -> list[tuple[int, int, GlossaryEntry]]:
        found: list[tuple[int, int, GlossaryEntry]] = []
        pos = 0
        while True:
            start = _WORD_START.search(text, pos)
            if start is None:
                return found
            hit = self.match_at(text, start.start())
            if hit is None:
                pos = start.end()
                continue
            found.append((start.start(), hit[0], hit[1]))
            pos = hit[0]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _literal(text: str) -> str:
    # Straight and curly apostrophes are the same letter to a reader.
    return "['’]".join(re.escape(part) for part in re.split("['’]", text))


def _inflect(word: str) -> str:
    """A regex for ``word`` plus its common endings (only used on a term's last word)."""
    possessive = "(?:['’]s)?"
    if not word[-1:].isalpha():
        return _literal(word)
    if _is_acronym(word):
        return _literal(word) + "s?" + possessive
    lower = word[-1].lower()
    if lower == "y" and len(word) > 2 and word[-2].lower() not in "aeiou":
        return _literal(word[:-1]) + "(?:y|ies|ied)" + possessive
    if lower == "e":
        return _literal(word[:-1]) + "(?:e|es|ed|ing)" + possessive
    if lower == "s":
        return _literal(word) + possessive
    return _literal(word) + "(?:s|es|ed|ing)?" + possessive


def _surface_pattern(surface: str) -> str:
    words = surface.split()
    return r"\s+".join([_literal(w) for w in words[:-1]] + [_inflect(words[-1])])


def _parse(raw: dict[str, object]) -> list[GlossaryEntry]:
    entries: list[GlossaryEntry] = []
    items = raw.get("entries")
    if not isinstance(items, list):
        raise ValueError("glossary.json needs a list called 'entries'")
    for item in items:
        entry = GlossaryEntry(
            term=str(item["term"]).strip(),
            plain=str(item["plain"]).strip(),
            meaning=str(item["meaning"]).strip(),
            action=str(item.get("action", "explain")),
            forms=tuple(str(f).strip() for f in item.get("forms", ())),
            case_sensitive=bool(item.get("case_sensitive", False)),
        )
        if not (entry.term and entry.plain and entry.meaning):
            raise ValueError(f"glossary entry {entry.term!r} needs a term, a plain word and a meaning")
        if entry.action not in ACTIONS:
            raise ValueError(f"glossary entry {entry.term!r} has unknown action {entry.action!r}")
        entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def _glossary() -> _Glossary:
    # Loaded once per process: the regex over ~200 surface forms takes a few ms to build.
    with GLOSSARY_PATH.open(encoding="utf-8") as fh:
        return _Glossary(_parse(json.load(fh)))


def entries() -> list[GlossaryEntry]:
    """Every glossary entry, in file order."""
    return list(_glossary().entries)


def lookup(word: str) -> GlossaryEntry | None:
    """The entry for a word or phrase ("Policies", "local authority"), or None."""
    phrase = " ".join(word.split())
    found = _glossary().find(phrase)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(phrase):
        return found[0][2]
    return None


def find_hard_words(text: str) -> list[HardWord]:
    """Every glossary word in ``text``, in order, never overlapping, longest term first."""
    return [
        HardWord(start, end, entry.term, entry.plain, entry.meaning)
        for start, end, entry in _glossary().find(text)
    ]


def find_entries(text: str) -> list[tuple[int, int, GlossaryEntry]]:
    """Like ``find_hard_words`` but with the whole entry (its ``action`` and ``forms``)."""
    return _glossary().find(text)
