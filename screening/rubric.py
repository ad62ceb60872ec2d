"""The severity rubric's cues applied to the learned layer (``docs/severity-rubric.md``).

The learned layer says how serious a window is; the rubric's cues say when a serious one
cannot wait: a plan, the means to hand, a time, happening now, an injury that cannot wait, a
young child alone. Only the window that decided the level is read for cues (a "tonight" in
another sentence about a party says nothing), and only a view the layer already escalates
is raised: a cue never makes a concern on its own, and nothing here lowers a level.
"""

from __future__ import annotations

from .rules import apply_cues, cues
from .types import SAFEGUARDING_CATEGORIES, Level


def raise_to_urgent(level: Level, categories: dict[str, float], window: str) -> tuple[Level, list[str]]:
    """(the level, the cues that raised it) for a learned result; unchanged below high."""
    if level != Level.HIGH:
        return level, []
    top = max(SAFEGUARDING_CATEGORIES, key=lambda c: categories.get(c, 0.0))
    raising = sorted(name for name in cues(window) if apply_cues(level, top, {name}) == Level.URGENT)
    return (Level.URGENT, [f"cue:{name}" for name in raising]) if raising else (level, [])
