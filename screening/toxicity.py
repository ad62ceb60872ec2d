"""Toxicity: Detoxify from a local checkpoint, or alt-profanity-check when there is none.

Detoxify's own loader asks the Hugging Face hub for the base model's config even when it
is given a checkpoint file, so it cannot run offline. This module does the same job from
local files only: the checkpoint (``{"config": ..., "state_dict": ...}``, as Detoxify's
releases are) plus a directory with the Hugging Face ``config.json`` and tokenizer files
(next to the checkpoint unless given). The result is a real ``detoxify.Detoxify`` object,
so prediction is Detoxify's own code.

Toxicity alone never raises a view above ``low``: children are allowed to be angry.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# Detoxify's names differ between releases; these are the ones it standardises to.
_RENAMES = {"toxic": "toxicity", "identity_hate": "identity_attack", "severe_toxic": "severe_toxicity"}


def find_config_dir(checkpoint: Path, config_dir: str | None) -> Path:
    if config_dir:
        return Path(config_dir)
    base = checkpoint if checkpoint.is_dir() else checkpoint.parent
    return base


def _checkpoint_file(path: Path) -> Path:
    if path.is_dir():
        candidates = sorted(path.glob("*.ckpt")) + sorted(path.glob("*.pt"))
        if not candidates:
            raise FileNotFoundError(f"no .ckpt file in {path}")
        return candidates[0]
    return path


def load_detoxify(checkpoint: str, config_dir: str | None = None, device: str = "cpu") -> Any:
    """A ``detoxify.Detoxify`` built from local files only. Raises if anything is missing."""
    import torch
    import transformers
    from detoxify import Detoxify

    path = Path(checkpoint)
    if not path.exists():
        raise FileNotFoundError(f"Detoxify checkpoint not found: {checkpoint}")
    ckpt_file = _checkpoint_file(path)
    hf_dir = find_config_dir(path, config_dir)
    if not (hf_dir / "config.json").is_file():
        raise FileNotFoundError(f"no Hugging Face config.json next to the checkpoint in {hf_dir}")
    # weights_only: a checkpoint is data, never code.
    loaded = torch.load(ckpt_file, map_location=device, weights_only=True)
    if "config" not in loaded or "state_dict" not in loaded:
        raise ValueError("Detoxify checkpoint needs 'config' and 'state_dict'")
    arch = loaded["config"]["arch"]["args"]
    class_names = [_RENAMES.get(c, c) for c in loaded["config"]["dataset"]["args"]["classes"]]
    model_class = getattr(transformers, arch["model_name"])
    config = model_class.config_class.from_pretrained(
        str(hf_dir), num_labels=arch["num_classes"], local_files_only=True
    )
    model = model_class(config)
    result = model.load_state_dict(loaded["state_dict"], strict=False)
    missing = [k for k in result.missing_keys if not k.endswith("position_ids")]
    if missing:
        raise ValueError(f"checkpoint does not fit {arch['model_name']}: missing {missing[:5]}")
    tokenizer = getattr(transformers, arch["tokenizer_name"]).from_pretrained(
        str(hf_dir), local_files_only=True
    )
    detox = Detoxify.__new__(Detoxify)
    detox.model, detox.tokenizer, detox.class_names, detox.device = model, tokenizer, class_names, device
    model.to(device)
    model.eval()
    return detox


class ToxicityLayer:
    """Scores 0..1 per text. ``status`` is "loaded", "fallback: profanity-check" or "missing"."""

    def __init__(self, checkpoint: str | None = None, config_dir: str | None = None) -> None:
        self.checkpoint = checkpoint or None
        self.config_dir = config_dir
        self.status = "missing"
        self.version = "none"
        self.error: str | None = None
        self._detoxify: Any = None
        self._profanity: Any = None

    def load(self) -> None:
        if self.checkpoint:
            try:
                self._detoxify = load_detoxify(self.checkpoint, self.config_dir)
                self.status, self.version = "loaded", f"detoxify:{Path(self.checkpoint).name}"
                return
            except Exception as exc:
                self.error = f"{type(exc).__name__}: {exc}"
        try:
            from profanity_check import predict_prob

            self._profanity = predict_prob
            self.status, self.version = "fallback: profanity-check", "alt-profanity-check-1.9.1"
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            self.status = "missing"

    def score(self, texts: list[str]) -> list[float]:
        if not texts:
            return []
        if self._detoxify is not None:
            scores: list[float] = []
            for start in range(0, len(texts), 32):
                chunk = texts[start : start + 32]
                out = self._detoxify.predict(chunk)
                values = out.get("toxicity", next(iter(out.values())))
                scores.extend(float(v) for v in (values if isinstance(values, list) else [values]))
            return scores
        if self._profanity is not None:
            return [float(p) for p in self._profanity(texts)]
        return [0.0] * len(texts)
