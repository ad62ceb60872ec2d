"""Which language a view is in, so that no view in another language is screened blind.

The detector (lingua) is restricted to English plus the languages most spoken by children in
England, and built once per process. Short or ambiguous text counts as English: "kms lol"
or "omg ngl idk" confuse any detector, and sending textspeak to a person because of a
detector's guess would bury the queue. A view is called "not English" only when it is long
enough, the detector is confident, and few of its words are everyday English or textspeak.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

LANGUAGE_VERSION = "lingua-2.1.1-restricted"

_LANGUAGE_NAMES = (
    "ENGLISH", "FRENCH", "POLISH", "SPANISH", "GERMAN", "ROMANIAN", "PORTUGUESE", "ITALIAN", "URDU",
    "ARABIC", "PUNJABI", "BENGALI", "SOMALI", "TURKISH", "LITHUANIAN", "UKRAINIAN", "RUSSIAN", "PERSIAN",
    "GUJARATI", "HINDI", "TAMIL", "CHINESE", "VIETNAMESE", "ALBANIAN", "TAGALOG", "WELSH", "DUTCH",
    "LATVIAN", "BULGARIAN", "CZECH", "SLOVAK", "HUNGARIAN", "GREEK", "SWAHILI", "YORUBA", "KOREAN",
    "JAPANESE",
)  # fmt: skip

_COMMON_ENGLISH = set(
    [
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "you",
        "your",
        "he",
        "she",
        "him",
        "her",
        "it",
        "its",
        "we",
        "us",
        "our",
        "they",
        "them",
        "their",
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "if",
        "because",
        "cos",
        "coz",
        "cuz",
        "bc",
        "is",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "don't",
        "dont",
        "not",
        "no",
        "yes",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "about",
        "as",
        "into",
        "like",
        "than",
        "then",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "what",
        "when",
        "where",
        "why",
        "how",
        "who",
        "which",
        "all",
        "any",
        "some",
        "more",
        "most",
        "very",
        "too",
        "just",
        "really",
        "only",
        "also",
        "can",
        "could",
        "would",
        "should",
        "will",
        "won't",
        "wont",
        "cant",
        "can't",
        "im",
        "i'm",
        "ive",
        "i've",
        "its",
        "it's",
        "get",
        "got",
        "go",
        "going",
        "gonna",
        "wanna",
        "want",
        "need",
        "know",
        "think",
        "feel",
        "say",
        "said",
        "tell",
        "told",
        "make",
        "made",
        "help",
        "school",
        "home",
        "mum",
        "mom",
        "dad",
        "mam",
        "family",
        "friend",
        "friends",
        "people",
        "teacher",
        "teachers",
        "kids",
        "children",
        "child",
        "life",
        "time",
        "day",
        "today",
        "night",
        "always",
        "never",
        "sometimes",
        "lol",
        "lmao",
        "omg",
        "ngl",
        "tbh",
        "idk",
        "imo",
        "fr",
        "rn",
        "u",
        "ur",
        "pls",
        "plz",
        "thx",
        "ty",
        "btw",
        "brb",
        "wyd",
        "hbu",
        "ok",
        "okay",
        "yeah",
        "yh",
        "ye",
        "nah",
        "innit",
        "bruh",
        "bro",
        "sis",
        "fam",
        "kms",
        "kys",
        "sh",
        "hate",
        "love",
        "sad",
        "happy",
        "good",
        "bad",
        "better",
        "worse",
        "everyone",
        "nobody",
        "someone",
        "anyone",
        "want",
        "wants",
        "up",
        "down",
        "out",
        "off",
        "over",
        "again",
        "still",
        "even",
        "much",
        "many",
        "every",
        "other",
        "new",
        "old",
        "big",
        "little",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1, lower case
    confident: bool  # True when the view should go to a person because it is not English
    confidence: float


class LanguageDetector:
    def __init__(self) -> None:
        self._detector = None
        self._lock = threading.Lock()

    def _build(self):
        from lingua import Language, LanguageDetectorBuilder

        languages = [getattr(Language, name) for name in _LANGUAGE_NAMES if hasattr(Language, name)]
        return LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(0.0).build()

    def load(self) -> None:
        with self._lock:
            if self._detector is None:
                self._detector = self._build()

    def detect(self, text: str) -> LanguageGuess:
        words = _WORD.findall(text.lower())
        letters = [ch for ch in text if ch.isalpha()]
        if not letters:
            return LanguageGuess("en", False, 0.0)
        latin_share = sum(1 for ch in letters if _LATIN.match(ch)) / len(letters)
        english_share = sum(1 for w in words if w in _COMMON_ENGLISH) / max(1, len(words))
        # Short Latin-script text, or text full of everyday English words, is English.
        if latin_share > 0.5 and (len(words) < 4 or len(letters) < 20 or english_share >= 0.3):
            return LanguageGuess("en", False, 0.0)
        self.load()
        assert self._detector is not None  # load() builds it or raises
        values = self._detector.compute_language_confidence_values(text)
        if not values:
            return LanguageGuess("en", False, 0.0)
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        english = next((v.value for v in values if v.language.iso_code_639_1.name == "EN"), 0.0)
        if code == "en":
            return LanguageGuess("en", False, top.value)
        if latin_share <= 0.5:
            return LanguageGuess(code, True, top.value)
        confident = top.value >= 0.5 and english < 0.2
        return LanguageGuess(code if confident else "en", confident, top.value)


_shared = LanguageDetector()


def detect_language(text: str) -> LanguageGuess:
    """Process-wide detector; built on first use (about a second)."""
    return _shared.detect(text)
