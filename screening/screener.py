"""The full, layered screen: rules, personal information, semantic heads, toxicity, language.

The result is the most severe level any layer gives. A missing safeguarding layer never
passes a view: every result is marked ``needs_human`` with ``layer_missing:<layer>``.
"""

from __future__ import annotations

import threading
import time

from .language import LANGUAGE_VERSION, LanguageDetector
from .pii import find_pii, pii_kinds
from .rules import LEVEL_SCORE, RULES_VERSION, RuleOutcome, apply_rules
from .semantic import SemanticLayer, SemanticScores
from .toxicity import ToxicityLayer
from .types import CATEGORIES, Level, ScreenResult

TOXICITY_LOW = 0.5
# Semantic heads for categories other than suicide learnt from a few hundred examples:
# alone they ask a person to read (medium) and escalate only when very sure.
SEMANTIC_ESCALATE_MIN = 0.9


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
    ) -> None:
        self.semantic = SemanticLayer(embedding_model_path or None)
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
            self.semantic.load()
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
            "semantic": self.semantic.status,
            "toxicity": self.toxicity.status,
            "language": self._language_status,
        }

    def model_versions(self) -> dict[str, str]:
        return {
            "rules": RULES_VERSION,
            "semantic": self.semantic.version,
            "toxicity": self.toxicity.version,
            "language": LANGUAGE_VERSION if self._language_status == "loaded" else "none",
        }

    def screen(self, texts: list[str]) -> list[ScreenResult]:
        if not self._loaded:
            self.load()
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise ScreeningError(f"text {i} is {type(text).__name__}, not str")
        started = time.perf_counter()
        outcomes = [apply_rules(t) for t in texts]
        semantic: list[SemanticScores | None] = [None] * len(texts)
        if self.semantic.status == "loaded" and texts:
            try:
                semantic = list(self.semantic.score(texts, outcomes))
            except Exception as exc:
                raise ScreeningError(f"semantic layer failed on a batch of {len(texts)}: {exc}") from exc
        toxicity = self.toxicity.score(texts) if texts else []
        per_text_ms = (time.perf_counter() - started) * 1000 / max(1, len(texts))
        results = []
        for i, text in enumerate(texts):
            try:
                results.append(self._combine(text, outcomes[i], semantic[i], toxicity[i], per_text_ms))
            except Exception as exc:
                raise ScreeningError(f"screening text {i} failed: {type(exc).__name__}: {exc}") from exc
        return results

    def _combine(
        self, text: str, outcome: RuleOutcome, scores: SemanticScores | None, toxicity: float, elapsed: float
    ) -> ScreenResult:
        level = outcome.level
        reasons = list(outcome.reasons)
        categories = {c: outcome.categories.get(c, 0.0) for c in CATEGORIES}
        needs_human = False
        theme = None
        if scores is not None:
            theme = scores.theme
            thresholds = self.semantic.heads.thresholds if self.semantic.heads else {}
            for category, prob in scores.categories.items():
                if category == "suicide_self_harm":
                    # The head already weighs the rule features; its probability ranks better than
                    # the rules' coarse scores, which only set a floor when a rule escalates.
                    floor = 0.5 if outcome.categories.get(category, 0.0) >= 0.9 else 0.0
                    categories[category] = max(prob, floor)
                else:
                    categories[category] = max(categories[category], prob)
                limits = thresholds.get(category, {"medium": 0.5, "high": 0.9})
                model_level = Level.NONE
                if prob >= limits["high"] and (
                    category == "suicide_self_harm" or prob >= SEMANTIC_ESCALATE_MIN
                ):
                    model_level = Level.HIGH
                elif prob >= limits["medium"]:
                    model_level = Level.MEDIUM
                if model_level > Level.NONE:
                    level = max(level, model_level)
                    reasons.append(f"model:{category}")
            if scores.prototype and scores.prototype[1] >= self.semantic.heads.prototype_threshold:
                level = max(level, Level.MEDIUM)
                reasons.append(f"prototype:{scores.prototype[0]}")
        else:
            needs_human = True
            reasons.append("layer_missing:semantic")
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
            spans=outcome.spans + pii_spans,
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


__all__ = ["LEVEL_SCORE", "Screener", "ScreeningError", "fast_result", "get_screener"]
