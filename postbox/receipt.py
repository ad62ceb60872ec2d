"""Receipt codes: what a child writes down to come back and see what happened.

A code is five short words and a three-digit number, for example
``tulip-oven-kite-mango-cub-482``. The words come from the EFF short list (trimmed of
words that could upset a child), which gives a little over 60 random bits. Only a keyed
hash of the code is stored; look-ups go by that hash and compare in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from functools import cache
from pathlib import Path

WORD_COUNT = 5
NUMBER_DIGITS = 3
MIN_BITS = 60

_WORDS_FILE = Path(__file__).with_name("data") / "receipt_words.txt"


@cache
def words() -> tuple[str, ...]:
    listed = tuple(w for w in _WORDS_FILE.read_text().split() if w)
    if len(set(listed)) != len(listed):
        raise RuntimeError("receipt word list has repeats")
    return listed


def entropy_bits() -> float:
    return WORD_COUNT * math.log2(len(words())) + NUMBER_DIGITS * math.log2(10)


def new_code() -> str:
    # One draw from the operating system's generator, uniform over every possible code,
    # then split into its words and number (a draw per word cost six system calls).
    listed = words()
    value = secrets.randbelow(len(listed) ** WORD_COUNT * 10**NUMBER_DIGITS)
    value, number = divmod(value, 10**NUMBER_DIGITS)
    chosen = []
    for _ in range(WORD_COUNT):
        value, index = divmod(value, len(listed))
        chosen.append(listed[index])
    return "-".join([*chosen, f"{number:0{NUMBER_DIGITS}d}"])


_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalise(raw: str) -> str | None:
    """The canonical form of what a child typed, or None when it cannot be a code.

    Children copy codes with spaces, capitals, dots or line breaks; all of those are fine.
    """
    parts = [p for p in _SEPARATORS.split(raw.strip().lower()) if p]
    if len(parts) != WORD_COUNT + 1:
        return None
    *word_parts, number = parts
    if not (number.isdigit() and len(number) == NUMBER_DIGITS):
        return None
    if any(not p.isalpha() for p in word_parts):
        return None
    return "-".join(parts)


def digest(code: str, key: bytes) -> str:
    """The keyed hash that is stored instead of the code."""
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()


def matches(code: str, stored_digest: str, key: bytes) -> bool:
    return hmac.compare_digest(digest(code, key), stored_digest)
