"""Every rule's matches in a view, found without running each rule over the whole view.

One Aho–Corasick pass (pyahocorasick) finds every string any rule ``needs``. No rule pattern
can match a "." or a "?" (a test reads every pattern for that), so a match lies inside one
*piece* of the view: a stretch between two of those marks. A rule runs only on the pieces
holding a string of each of its ``needs`` groups, and yields exactly the matches its pattern's
``finditer`` gives over the whole folded view: ``pos`` keeps the text before a piece visible to
look-behinds and ``\\b``, and the mark at ``endpos`` is one no look-ahead can match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

import ahocorasick

from .model import Rule

# The marks a view is cut at. A test checks that no rule pattern can match either of them.
PIECE_MARKS = ".?"
_MARK = re.compile("[" + re.escape(PIECE_MARKS) + "]")


class Matcher:
    """Built once from the rules; ``matches`` is safe to call from many threads."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        strings = sorted({s for rule in self.rules for group in rule.needs for s in group})
        ids = {s: i for i, s in enumerate(strings)}
        self._automaton = ahocorasick.Automaton()
        for string, number in ids.items():
            self._automaton.add_word(string, (number, len(string)))
        if strings:
            self._automaton.make_automaton()
        self._strings = bool(strings)
        self._groups = tuple(
            tuple(frozenset(ids[s] for s in group) for group in rule.needs) for rule in self.rules
        )

    def pieces_found(self, folded: str) -> tuple[dict[int, set[int]], list[int]]:
        """For each needed string found: the pieces it was found in; and where each piece starts."""
        marks = [m.start() for m in _MARK.finditer(folded)]
        found: dict[int, set[int]] = {}
        if self._strings:
            for end, (number, size) in self._automaton.iter(folded):
                # A needed string never holds a mark, so it lies in the piece its start is in.
                found.setdefault(number, set()).add(bisect_right(marks, end - size + 1))
        return found, marks

    def matches(self, folded: str) -> list[list[re.Match[str]]]:
        """Per rule, in order: exactly ``rule.pattern.finditer(folded)``, as a list."""
        found, marks = self.pieces_found(folded)
        present = set(found)
        starts = [0, *(m + 1 for m in marks)]
        ends = [*marks, len(folded)]
        result: list[list[re.Match[str]]] = []
        for rule, groups in zip(self.rules, self._groups, strict=True):
            if not groups:
                result.append(list(rule.pattern.finditer(folded)))
                continue
            matches: list[re.Match[str]] = []
            result.append(matches)
            if any(group.isdisjoint(present) for group in groups):
                continue  # most rules, most views: a needed word is missing
            pieces: set[int] | None = None
            for group in groups:
                here: set[int] = set()
                for number in group & present:
                    here |= found[number]
                pieces = here if pieces is None else pieces & here
            if len(marks) == 0:
                matches.extend(rule.pattern.finditer(folded))
            elif pieces:
                search = rule.pattern.finditer
                for piece in sorted(pieces):
                    matches.extend(search(folded, starts[piece], ends[piece]))
        return result
