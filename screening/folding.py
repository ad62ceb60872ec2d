"""Folding a view to lower case for the rules and the personal-information prefilters.

An ASCII letter matches a pattern ignoring case exactly where the folded view has its lower
case (a test checks every code point), and folding keeps every offset, so matches on the
folded view point into the original.
"""

from __future__ import annotations

# Characters that IGNORECASE matching treats as an ASCII letter but ``str.lower`` does not
# turn into one (Turkish dotted/dotless i, the Kelvin sign, long s): folded first.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
_FOLD_PAIRS = tuple((chr(code), ascii_char) for code, ascii_char in _FOLD.items())


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


def may_match(groups: tuple[frozenset[str], ...] | tuple[tuple[str, ...], ...], folded: str) -> bool:
    """False only when ``folded`` lacks every string of some group, so the pattern cannot match."""
    return all(any(s in folded for s in group) for group in groups)
