"""The view as every pattern reads it."""

from __future__ import annotations

from ..folding import fold


def prepare(text: str) -> str:
    """Straighten curly quotes without changing length, so match offsets stay valid."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")


def folded_view(text: str) -> str:
    """The view as every pattern reads it: quotes straightened, folded to lower case, same offsets."""
    prepared = prepare(text)
    folded = fold(prepared)
    if len(folded) != len(prepared):  # cannot happen with Python's case tables (a test checks)
        folded = "".join(fold(ch) if len(fold(ch)) == 1 else ch for ch in prepared)
    return folded
