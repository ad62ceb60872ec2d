"""The full, layered screen: phrase rules, the learned layer, toxicity, language, personal information.

Recall comes from the learned layer (every sentence window scored by heads trained on the
labelled bank); the phrase rules add what they are precise about (named disclosures, cues
that raise a level) and the in-request fast screen uses them alone. The result is the most
severe level any layer gives; a missing safeguarding layer never passes a view: every
result is then marked ``needs_human`` with ``layer_missing:<layer>``.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from .language import LANGUAGE_VERSION, LanguageDetector
from .learned import LearnedLayer, LearnedScores
from .pii import find_pii, pii_kinds
from .rubric import raise_to_urgent
from .rules import RULES_VERSION, RuleOutcome, apply_rules
from .toxicity import ToxicityLayer
from .types import CATEGORIES, Level, ScreenResult, Span

TOXICITY_LOW = 0.5


class ScreeningError(RuntimeError):
    """Screening one text failed; the job queue retries and then marks it needs_human."""


def fast_result(text: str) -> ScreenResult:
    """Rules and personal information only: what the web request can afford."""
    started = time.perf_counter()
    outcome = apply_rules(text)
    pii_spans = find_pii(text)
    return ScreenResult(
        level=outcome.level,
        needs_human=outcome.level >= Level.MEDIUM,
        categories={c: outcome.categories.get(c, 0.0) for c in CATEGORIES},
        reasons=list(outcome.reasons),
        spans=outcome.spans + pii_spans,
        pii=pii_kinds(pii_spans),
        model_versions={"rules": RULES_VERSION},
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


class Screener:
    def __init__(
        self,
        *,
        detoxify_checkpoint: str | None = None,
        embedding_model_path: str | None = None,
        detoxify_config_dir: str | None = None,
        heads_dir: Path | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.learned = LearnedLayer(embedding_model_path or None, heads_dir, cache_dir)
        self.toxicity = ToxicityLayer(detoxify_checkpoint or None, detoxify_config_dir)
        self.language = LanguageDetector()
        self._language_status = "missing"
        self._loaded = False
        self._load_lock = threading.Lock()

    def load(self) -> Screener:
        """Load every model once. Never raises for a missing model: the layer is reported missing."""
        with self._load_lock:
            if self._loaded:
                return self
            self.learned.load()
            self.toxicity.load()
            try:
                self.language.load()
                self._language_status = "loaded"
            except Exception:
                self._language_status = "missing"
            self._loaded = True
        return self

    def layers(self) -> dict[str, str]:
        return {
            "rules": "loaded",
            "pii": "loaded",
            "learned": self.learned.status,
            "toxicity": self.toxicity.status,
            "language": self._language_status,
        }

    def model_versions(self) -> dict[str, str]:
        return {
            "rules": RULES_VERSION,
            "learned": self.learned.version,
            "toxicity": self.toxicity.version,
            "language": LANGUAGE_VERSION if self._language_status == "loaded" else "none",
        }

    def screen(self, texts: list[str]) -> list[ScreenResult]:
        """One result per text; a text's result never depends on the others in the list."""
        if not self._loaded:
            self.load()
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise ScreeningError(f"text {i} is {type(text).__name__}, not str")
        if not texts:
            return []
        started = time.perf_counter()
        outcomes = [apply_rules(t) for t in texts]
        learned: list[LearnedScores | None] = [None] * len(texts)
        if self.learned.status == "loaded":
            try:
                learned = list(self.learned.score(texts))
            except Exception as exc:
                raise ScreeningError(f"learned layer failed on a batch of {len(texts)}: {exc}") from exc
        toxicity = self.toxicity.score(texts)
        per_text_ms = (time.perf_counter() - started) * 1000 / len(texts)
        results = []
        for i, text in enumerate(texts):
            try:
                results.append(self._combine(text, outcomes[i], learned[i], toxicity[i], per_text_ms))
            except Exception as exc:
                raise ScreeningError(f"screening text {i} failed: {type(exc).__name__}: {exc}") from exc
        return results

    def _combine(
        self, text: str, outcome: RuleOutcome, scores: LearnedScores | None, toxicity: float, elapsed: float
    ) -> ScreenResult:
        level = outcome.level
        reasons = list(outcome.reasons)
        categories = {c: outcome.categories.get(c, 0.0) for c in CATEGORIES}
        spans = list(outcome.spans)
        needs_human = False
        theme = None
        if scores is not None:
            theme = scores.theme
            for category, probability in scores.categories.items():
                categories[category] = max(categories.get(category, 0.0), probability)
            if scores.level > Level.NONE:
                window = scores.window.text
                learned_level, raised_by = raise_to_urgent(scores.level, scores.categories, window)
                level = max(level, learned_level)
                reasons.extend([*scores.reasons, *raised_by])
                if len(scores.window.text) < len(text.strip()):
                    spans.append(Span(scores.window.start, scores.window.end, "risk", scores.reasons[0]))
        else:
            needs_human = True
            reasons.append("layer_missing:learned")
        categories["toxicity"] = round(float(toxicity), 4)
        if toxicity >= TOXICITY_LOW and level < Level.LOW:
            level = Level.LOW
            reasons.append("toxicity")
        language = "en"
        if self._language_status == "loaded":
            guess = self.language.detect(text)
            if guess.confident:
                language = guess.code
                needs_human = True
                reasons.append(f"language:{guess.code}")
        else:
            needs_human = True
            reasons.append("layer_missing:language")
        pii_spans = find_pii(text)
        return ScreenResult(
            level=level,
            needs_human=needs_human or level >= Level.MEDIUM,
            categories={c: round(min(1.0, max(0.0, v)), 4) for c, v in categories.items()},
            reasons=list(dict.fromkeys(reasons)),
            spans=spans + pii_spans,
            pii=pii_kinds(pii_spans),
            language=language,
            model_versions=self.model_versions(),
            elapsed_ms=elapsed,
            theme=theme,
        )


_shared: Screener | None = None
_shared_lock = threading.Lock()


def get_screener(
    *, detoxify_checkpoint: str | None = None, embedding_model_path: str | None = None
) -> Screener:
    """The process-wide, loaded screener (built on first call; later arguments are ignored)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Screener(
                detoxify_checkpoint=detoxify_checkpoint, embedding_model_path=embedding_model_path
            ).load()
        return _shared


def shared_screener() -> Screener | None:
    """The process-wide screener if one has been loaded, without loading it."""
    return _shared


__all__ = ["Screener", "ScreeningError", "fast_result", "get_screener", "shared_screener"]
