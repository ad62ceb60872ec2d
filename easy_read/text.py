"""Splitting text into sentences and words, the same way for the checker and for reading age.

Easy Read puts one idea on each line and often leaves off the full stop, so a line break
always ends a sentence here (textstat's own counter would run such lines together and
make the text look harder than it is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "- ", "* ", "• " or "1. " at the start of a line is a list marker, not part of a sentence.
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+")
_SENTENCE_END = re.compile(r"[.!?]+['\"’”)\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "vs", "approx"})
# A word: letters or digits, joined by an apostrophe, hyphen or dot ("don't", "well-being",
# "s.47"), or a number such as 1,000 or 3.5.
WORD = re.compile(r"\d+(?:[.,:]\d+)*|[^\W_]+(?:['’.-][^\W_]+)*")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return words(self.text)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their places in it; ``text[s.start:s.end] == s.text``."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        marker = _LIST_MARKER.match(line)
        pos = marker.end() if marker else 0
        for end_match in _SENTENCE_END.finditer(line, pos):
            before = line[pos : end_match.start()].rsplit(None, 1)
            last_word = before[-1].lower() if before else ""
            if last_word in _ABBREVIATIONS:
                continue
            spans.append((line_start + pos, line_start + end_match.end()))
            pos = end_match.end()
        spans.append((line_start + pos, line_start + len(line)))
    sentences: list[Sentence] = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not WORD.search(stripped):
            continue
        lead = len(chunk) - len(chunk.lstrip())
        start += lead
        sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
    return sentences
