"""The learned layer's trained heads: plain arrays in ``heads/learned.npz`` and a JSON file.

Written by ``python -m moderation train`` (``train.py``), read by ``learned.py``; no pickles.

- ``level``: four-way logistic regression (none, medium, high, urgent) over the window's
  sentence embedding and its word and letter patterns together.
- ``category``: one logistic regression per safeguarding category over the same features;
  the suicide and self-harm one also learns from the sitb posts.
- ``thresholds``: where the cumulative level probabilities become medium, high and urgent,
  chosen on cross-validated scores of the training rows only.
- ``themes``: theme centroids and examples for suggesting a theme.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .lexical import Lexical

HEADS_DIR = Path(__file__).resolve().parent / "heads"
HEADS_NPZ = "learned.npz"
HEADS_JSON = "learned.json"


@dataclass
class LinearHead:
    """``softmax`` (or ``sigmoid`` per row) of W_emb·e + W_lex·x + b."""

    emb: np.ndarray  # (outputs, dimensions)
    lex: np.ndarray  # (outputs, lexical features)
    bias: np.ndarray  # (outputs,)

    def logits(self, embeddings: np.ndarray, lexical: Any) -> np.ndarray:
        # Row by row: a matrix product over the batch may round differently by batch size,
        # and a view's scores must not depend on what it was screened with.
        dense = rowwise(embeddings, self.emb)
        return np.asarray(dense + np.asarray(lexical @ self.lex.T) + self.bias)


def rowwise(rows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``rows @ weights.T`` computed one row at a time, so each row's result is batch-invariant."""
    if not len(rows):
        return np.zeros((0, weights.shape[0]), dtype=np.float32)
    return np.stack([weights @ row for row in rows])


def heads_digest(npz: bytes, thresholds: dict[str, float]) -> str:
    """The heads' version: their arrays and their cuts (new cuts are a new screen)."""
    return hashlib.sha256(npz + json.dumps(thresholds, sort_keys=True).encode()).hexdigest()[:10]


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def sigmoid(logits: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30))))


@dataclass
class Heads:
    encoder: str
    probe: list[float]
    lexical: Lexical
    level: LinearHead
    categories: list[str]
    category: LinearHead
    thresholds: dict[str, float]  # medium, high, urgent
    themes: list[str]
    theme_centroids: np.ndarray
    theme_examples: np.ndarray
    theme_example_themes: np.ndarray
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unversioned"))

    def save(self, out_dir: Path = HEADS_DIR) -> str:
        out_dir.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {
            **self.lexical.to_arrays(),
            "level_emb": self.level.emb.astype(np.float32),
            "level_lex": self.level.lex.astype(np.float16),
            "level_bias": self.level.bias.astype(np.float32),
            "category_emb": self.category.emb.astype(np.float32),
            "category_lex": self.category.lex.astype(np.float16),
            "category_bias": self.category.bias.astype(np.float32),
            "theme_centroids": self.theme_centroids.astype(np.float32),
            "theme_examples": self.theme_examples.astype(np.float16),
            "theme_example_themes": self.theme_example_themes.astype(np.int16),
        }
        np.savez_compressed(out_dir / HEADS_NPZ, **arrays)
        digest = heads_digest((out_dir / HEADS_NPZ).read_bytes(), self.thresholds)
        self.meta["version"] = f"{self.encoder}-learned-{digest}"
        meta = {
            **self.meta,
            "encoder": self.encoder,
            "probe": self.probe,
            "categories": self.categories,
            "thresholds": self.thresholds,
            "themes": self.themes,
        }
        (out_dir / HEADS_JSON).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        return str(self.meta["version"])

    @classmethod
    def load(cls, directory: Path = HEADS_DIR) -> Heads:
        meta = json.loads((directory / HEADS_JSON).read_text(encoding="utf-8"))
        with np.load(directory / HEADS_NPZ, allow_pickle=False) as stored:
            arrays = dict(stored)

        def head(name: str) -> LinearHead:
            return LinearHead(
                arrays[f"{name}_emb"], arrays[f"{name}_lex"].astype(np.float32), arrays[f"{name}_bias"]
            )

        return cls(
            encoder=meta["encoder"],
            probe=meta["probe"],
            lexical=Lexical.from_arrays(arrays),
            level=head("level"),
            categories=list(meta["categories"]),
            category=head("category"),
            thresholds=meta["thresholds"],
            themes=list(meta["themes"]),
            theme_centroids=arrays["theme_centroids"].astype(np.float32),
            theme_examples=arrays["theme_examples"].astype(np.float32),
            theme_example_themes=arrays["theme_example_themes"].astype(np.int64),
            meta=meta,
        )
