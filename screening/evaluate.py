"""Evaluation on data the heads were not trained on: the fixed held-out split of sitb_train.csv,
the held-out part of our own labelled examples, and the children's views sample."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from sklearn.metrics import roc_auc_score

from . import datasets
from .screener import Screener
from .types import Level, ScreenResult

Printer = Callable[[str], None]


def _share(flags: list[bool]) -> str:
    return f"{(sum(flags) / len(flags) if flags else 0.0):6.1%} ({sum(flags)}/{len(flags)})"


def _screen(screener: Screener, texts: list[str], batch: int = 64) -> list[ScreenResult]:
    results: list[ScreenResult] = []
    for start in range(0, len(texts), batch):
        results.extend(screener.screen(texts[start : start + batch]))
    return results


def _suicide_score(result: ScreenResult) -> float:
    # The batch line's category score: what any consumer of the screen would rank by.
    return result.categories["suicide_self_harm"]


def evaluate(screener: Screener, out: Printer = print) -> dict[str, float]:
    figures: dict[str, float] = {}
    out(f"layers: {screener.layers()}")
    out(f"model versions: {screener.model_versions()}")
    splits = datasets.load_splits()
    held = set(splits["sitb_heldout_rows"])
    rows = [r for r in datasets.load_sitb() if r.index in held]
    results = _screen(screener, [r.text for r in rows])
    labels = np.array([r.label for r in rows])
    scores = np.array([_suicide_score(x) for x in results])
    probs = np.array([x.categories["suicide_self_harm"] for x in results])
    out(f"\n== suicide/self-harm on held-out sitb rows ({len(rows)}) ==")
    figures["auc_overall"] = roc_auc_score(labels, scores)
    levels = np.array([float(x.level) for x in results])
    by_level = roc_auc_score(labels, levels + probs)
    out(f"AUC overall (category score) {figures['auc_overall']:.3f}; by level then score {by_level:.3f}")
    non_reddit = np.array([r.source_group != "reddit" for r in rows])
    figures["auc_without_reddit"] = roc_auc_score(labels[non_reddit], scores[non_reddit])
    out(f"AUC without Reddit rows {figures['auc_without_reddit']:.3f}")
    for group in ("rallypoint", "short_phrases", "talklife", "reddit"):
        mask = np.array([r.source_group == group for r in rows])
        pos = [x.level >= Level.MEDIUM for x, m, y in zip(results, mask, labels, strict=True) if m and y == 1]
        esc = [x.escalate for x, m, y in zip(results, mask, labels, strict=True) if m and y == 1]
        neg_esc = [x.escalate for x, m, y in zip(results, mask, labels, strict=True) if m and y == 0]
        neg_flag = [
            x.level >= Level.MEDIUM for x, m, y in zip(results, mask, labels, strict=True) if m and y == 0
        ]
        auc = roc_auc_score(labels[mask], scores[mask]) if len(set(labels[mask])) == 2 else float("nan")
        out(
            f"  {group:14s} AUC {auc:.3f} | label 1: flagged {_share(pos)} escalated {_share(esc)}"
            f" | label 0: flagged {_share(neg_flag)} escalated {_share(neg_esc)}"
        )
        figures[f"recall_flagged_{group}"] = sum(pos) / len(pos) if pos else float("nan")
    rally_zero = [
        x.escalate
        for x, r in zip(results, rows, strict=True)
        if r.source_group == "rallypoint" and not r.label
    ]
    figures["adult_posts_escalated"] = sum(rally_zero) / len(rally_zero)
    out(f"ordinary adult forum posts (RallyPoint label 0) escalated: {_share(rally_zero)}")

    examples = [e for e in datasets.load_examples() if e["split"] == "test"]
    ex_results = _screen(screener, [e["text"] for e in examples])
    out(f"\n== our held-out labelled examples ({len(examples)}) ==")
    categories = sorted({e["category"] for e in examples} - {"none"})
    for category in categories:
        truth = [e["category"] == category for e in examples]
        found = [x.level >= Level.MEDIUM and x.categories.get(category, 0) >= 0.5 for x in ex_results]
        hits = sum(t and f for t, f in zip(truth, found, strict=True))
        recall = hits / max(1, sum(truth))
        precision = hits / max(1, sum(found))
        out(f"  {category:18s} recall {recall:5.1%}  precision {precision:5.1%}  (n={sum(truth)})")
    disclosures = [x for x, e in zip(ex_results, examples, strict=True) if e["category"] != "none"]
    negatives = [x for x, e in zip(ex_results, examples, strict=True) if e["category"] == "none"]
    figures["disclosures_escalated"] = sum(x.escalate for x in disclosures) / len(disclosures)
    out(
        f"  disclosures escalated {_share([x.escalate for x in disclosures])}"
        f"  flagged {_share([x.level >= Level.MEDIUM for x in disclosures])}"
    )
    out(
        f"  hard negatives (jokes, negation, swearing) escalated {_share([x.escalate for x in negatives])}"
        f"  flagged {_share([x.level >= Level.MEDIUM for x in negatives])}"
    )

    views = datasets.load_views()
    view_results = _screen(screener, [v["text"] for v in views])
    held_views = set(splits["views_heldout_rows"])
    out(f"\n== children's views sample ({len(views)}, {len(held_views)} held out of training) ==")
    figures["views_escalated"] = sum(x.escalate for x in view_results) / len(view_results)
    out(
        f"  all views: escalated {_share([x.escalate for x in view_results])}"
        f"  flagged {_share([x.level >= Level.MEDIUM for x in view_results])}"
    )
    held_results = [x for i, x in enumerate(view_results) if i in held_views]
    out(
        f"  held-out views: escalated {_share([x.escalate for x in held_results])}"
        f"  flagged {_share([x.level >= Level.MEDIUM for x in held_results])}"
    )
    correct = [x.theme == v["theme"] for x, v in zip(view_results, views, strict=True)]
    figures["theme_accuracy"] = sum(correct) / len(correct)
    out(f"  theme accuracy (themes never trained on these views) {_share(correct)}")
    held_correct = [c for i, c in enumerate(correct) if i in held_views]
    figures["theme_accuracy_heldout"] = sum(held_correct) / max(1, len(held_correct))
    out(f"  theme accuracy on held-out views {_share(held_correct)}")

    # int8 activations are quantized per batch: a view's level should not depend on its neighbours.
    alone = [screener.screen([v["text"]])[0] for v in views]
    same = [a.level == b.level for a, b in zip(alone, view_results, strict=True)]
    figures["views_same_level_alone"] = sum(same) / len(same)
    out(f"  same level screened alone as in a batch of 64 {_share(same)}")

    texts = [v["text"] for v in views] * 4
    _screen(screener, texts[:64])  # warm-up
    rates = []
    for _ in range(3):  # other processes share the cores: report the median of three
        started = time.perf_counter()
        _screen(screener, texts)
        rates.append(len(texts) / (time.perf_counter() - started))
    figures["views_per_second"] = sorted(rates)[1]
    out(
        f"\nthroughput: {figures['views_per_second']:.0f} views/s in batches of 64"
        f" (median of {', '.join(f'{r:.0f}' for r in rates)})"
    )
    return figures
