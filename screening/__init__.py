"""The safeguarding screen.

``fast_screen(text)`` runs inside the web request (phrase rules and personal information,
pure Python). ``Screener`` runs every layer in batches off the request; ``get_screener()``
returns the process-wide loaded one. Heavy imports (torch, sentence-transformers) happen
only when a Screener loads, so importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pii import find_pii, redact
from .rules import RULES_VERSION, apply_rules
from .types import BATCH_CATEGORIES, CATEGORIES, Level, ScreenResult, Span

if TYPE_CHECKING:
    from .screener import Screener, ScreeningError


def fast_screen(text: str) -> ScreenResult:
    """Phrase rules and personal information only; a few milliseconds even for long views."""
    from .screener import fast_result

    return fast_result(text)


def get_screener(
    *, detoxify_checkpoint: str | None = None, embedding_model_path: str | None = None
) -> Screener:
    from .screener import get_screener as _get

    return _get(detoxify_checkpoint=detoxify_checkpoint, embedding_model_path=embedding_model_path)


def shared_screener() -> Screener | None:
    """The process's loaded screener, or None when none has been loaded (never loads one)."""
    from .screener import shared_screener as _shared

    return _shared()


def __getattr__(name: str):
    if name in ("Screener", "ScreeningError"):
        from . import screener

        return getattr(screener, name)
    raise AttributeError(name)


__all__ = [
    "BATCH_CATEGORIES",
    "CATEGORIES",
    "RULES_VERSION",
    "Level",
    "ScreenResult",
    "Screener",
    "ScreeningError",
    "Span",
    "apply_rules",
    "fast_screen",
    "find_pii",
    "get_screener",
    "redact",
    "shared_screener",
]
