"""Receipt codes: what a child writes down to come back and see what happened.

A code is six short words and a three-digit number, for example
``tulip-kite-mango-otter-cloud-bell-482``. The words (``data/receipt_words.txt``) are
concrete, kind words children learn early: animals, food, toys, places, colours and nature,
each common in everyday English (wordfreq), then read through by eye to take out anything
that could upset a child, be used as an insult, or be spelt two ways (grey/gray). 389
words, six of them and three digits: 61.6 random bits. Codes made before (five words from
the EFF short list) are still accepted: a look-up only hashes what was typed. Only a keyed
hash of the code is stored; look-ups go by that hash and compare in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
import secrets
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

WORD_COUNT = 6
# Older codes had five words; they keep working.
ACCEPTED_WORD_COUNTS = (5, 6)
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
    if len(parts) - 1 not in ACCEPTED_WORD_COUNTS:
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


def seal(code: str, form_token: str, key: bytes) -> str:
    """The code encrypted under a key made from the form token: readable again only by
    whoever holds the page the child sent from (a refresh), never from the database alone."""
    return _token_fernet(form_token, key).encrypt(code.encode()).decode()


def unseal(sealed: str, form_token: str, key: bytes) -> str | None:
    try:
        return _token_fernet(form_token, key).decrypt(sealed.encode()).decode()
    except InvalidToken:
        return None


def _token_fernet(form_token: str, key: bytes) -> Fernet:
    raw = hmac.new(key, b"receipt-seal:" + form_token.encode(), hashlib.sha256).digest()
    return Fernet(base64.urlsafe_b64encode(raw))


def matches(code: str, stored_digest: str, key: bytes) -> bool:
    return hmac.compare_digest(digest(code, key), stored_digest)
