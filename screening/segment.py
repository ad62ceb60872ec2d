"""Sentence-level reading: a view cut into windows, each a sentence with its neighbours.

One worrying line inside a long complaint about school must not be diluted by the rest,
so the learned layer scores every window and the screen takes the worst. A short view
(most of them) is one window: itself. A longer one gives a window per sentence, holding
the sentence before and the sentence after as context. Children often write without
full stops, so a run of words with no break is cut into pieces of ``MAX_SENTENCE_WORDS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A view this short is read whole: splitting it would only lose context.
WHOLE_MAX_WORDS = 45
MAX_SENTENCE_WORDS = 28
# Past this many sentences a window starts at every other sentence (each pair of neighbours
# still shares a window), and a view never gives more than MAX_WINDOWS windows: the rest
# is read as the last one.
STRIDE_ONE_MAX_SENTENCES = 16
MAX_WINDOWS = 64

_BREAK = re.compile(r"(?<=[.!?])\s+|\n+|(?<=\w)\s*[;:]\s+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Window:
    text: str
    start: int  # character offsets of the whole window in the view
    end: int


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, long unpunctuated runs cut every MAX_SENTENCE_WORDS words."""
    bounds: list[tuple[int, int]] = []
    position = 0
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        words = list(_WORD.finditer(text, position, end))
        for i in range(0, len(words), MAX_SENTENCE_WORDS):
            chunk = words[i : i + MAX_SENTENCE_WORDS]
            bounds.append((chunk[0].start(), chunk[-1].end()))
        position = match.end() if match else len(text)
    return bounds


def windows(text: str) -> list[Window]:
    """The windows the learned layer scores; always at least one."""
    stripped = text.strip()
    if len(_WORD.findall(stripped)) <= WHOLE_MAX_WORDS:
        start = text.find(stripped) if stripped else 0
        return [Window(stripped, start, start + len(stripped))]
    pieces = _pieces(text)
    if len(pieces) == 1:
        start, end = pieces[0]
        return [Window(text[start:end], start, end)]
    stride = 1 if len(pieces) <= STRIDE_ONE_MAX_SENTENCES else 2
    spans = [(max(0, i - 1), min(len(pieces), i + 2)) for i in range(0, len(pieces), stride)]
    if spans[-1][1] < len(pieces):
        spans.append((len(pieces) - 2, len(pieces)))
    if len(spans) > MAX_WINDOWS:
        spans = [*spans[: MAX_WINDOWS - 1], (spans[MAX_WINDOWS - 1][0], len(pieces))]
    return [
        Window(" ".join(text[s:e] for s, e in pieces[first:last]), pieces[first][0], pieces[last - 1][1])
        for first, last in spans
    ]
