"""``python -m moderation evaluate``: the screen measured on text it was not built from.

Sections, most telling first:
1. the dev probes (written by a safeguarding specialist who saw neither the rules nor the
   bank) and the bank's held-out fifth: escalated, flagged and exact level per expected
   level, recall per category, the confusion matrix of levels;
2. suicide and self-harm on the held-out sitb rows (AUC per source; ordinary adult posts);
3. real children's views (false alarms, theme suggestion) and our own examples written
   beside the rules (an upper bound, printed for comparison only);
4. the same text gives the same result alone or in any batch; throughput.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

import numpy as np
from sklearn.metrics import roc_auc_score

from . import bank, datasets
from .screener import Screener
from .types import SAFEGUARDING_CATEGORIES, Level, ScreenResult

Printer = Callable[[str], None]
EXPECTED = ("none", "medium", "high", "urgent")


def share(flags: Sequence[bool]) -> str:
    return f"{(sum(flags) / len(flags) if flags else 0.0):6.1%} ({sum(flags)}/{len(flags)})"


def _rate(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else float("nan")


def screen_all(screener: Screener, texts: list[str], batch: int = 64) -> list[ScreenResult]:
    results: list[ScreenResult] = []
    for start in range(0, len(texts), batch):
        results.extend(screener.screen(texts[start : start + batch]))
    return results


def labelled_report(name: str, rows: list[bank.Labelled], results: list[ScreenResult], out: Printer) -> dict:
    """Escalated / flagged / exact per expected level, recall per category, confusion matrix."""
    figures: dict[str, float] = {}
    out(f"\n== {name} ({len(rows)} messages) ==")
    out(f"  {'expected':9s} {'escalated':>16s} {'flagged':>16s} {'exact level':>16s}")
    for expected in EXPECTED:
        picked = [r for row, r in zip(rows, results, strict=True) if row.level == expected]
        escalated = [r.escalate for r in picked]
        flagged = [r.level >= Level.MEDIUM for r in picked]
        exact = [r.level.label == expected for r in picked]
        out(f"  {expected:9s} {share(escalated):>16s} {share(flagged):>16s} {share(exact):>16s}")
        figures[f"{expected}_escalated"] = _rate(escalated)
        figures[f"{expected}_flagged"] = _rate(flagged)
        figures[f"{expected}_exact"] = _rate(exact)
    serious = [r for row, r in zip(rows, results, strict=True) if row.level in ("high", "urgent")]
    figures["serious_escalated"] = _rate([r.escalate for r in serious])
    figures["serious_flagged"] = _rate([r.level >= Level.MEDIUM for r in serious])
    out(
        f"  urgent+high: escalated {share([r.escalate for r in serious])}"
        f"  flagged {share([r.level >= Level.MEDIUM for r in serious])}"
    )
    out("  recall per category (urgent+high escalated | medium+ flagged | named as the top category):")
    for category in SAFEGUARDING_CATEGORIES:
        mine = [(row, r) for row, r in zip(rows, results, strict=True) if row.category == category]
        if not mine:
            continue
        esc = [r.escalate for row, r in mine if row.level in ("high", "urgent")]
        flag = [r.level >= Level.MEDIUM for row, r in mine if row.level != "none"]
        named = [_top_category(r) == category for row, r in mine if row.level != "none"]
        out(f"    {category:18s} {share(esc):>16s} | {share(flag):>16s} | {share(named):>16s}")
        figures[f"recall_{category}"] = _rate(esc)
    out("  confusion (rows expected, columns given): " + " ".join(f"{lv.label:>7s}" for lv in Level))
    for expected in EXPECTED:
        counts = [
            sum(1 for row, r in zip(rows, results, strict=True) if row.level == expected and r.level == given)
            for given in Level
        ]
        out(f"    {expected:9s}{'':33s}" + " ".join(f"{c:7d}" for c in counts))
    return figures


def _top_category(result: ScreenResult) -> str:
    return max(SAFEGUARDING_CATEGORIES, key=lambda c: result.categories.get(c, 0.0))


def sitb_report(screener: Screener, out: Printer) -> dict:
    figures: dict[str, float] = {}
    held = set(datasets.load_splits()["sitb_heldout_rows"])
    rows = [r for r in datasets.load_sitb() if r.index in held]
    results = screen_all(screener, [r.text for r in rows])
    labels = np.array([r.label for r in rows])
    scores = np.array([x.categories["suicide_self_harm"] for x in results])
    out(f"\n== suicide and self-harm on held-out sitb rows ({len(rows)}) ==")
    figures["auc_overall"] = float(roc_auc_score(labels, scores))
    out(f"  AUC overall {figures['auc_overall']:.3f}")
    for group in ("rallypoint", "short_phrases", "talklife", "reddit"):
        mask = np.array([r.source_group == group for r in rows])
        ones = [x for x, m, y in zip(results, mask, labels, strict=True) if m and y == 1]
        zeros = [x for x, m, y in zip(results, mask, labels, strict=True) if m and y == 0]
        auc = (
            float(roc_auc_score(labels[mask], scores[mask])) if len(set(labels[mask])) == 2 else float("nan")
        )
        figures[f"auc_{group}"] = auc
        out(
            f"  {group:14s} AUC {auc:.3f} | label 1: flagged {share([x.level >= Level.MEDIUM for x in ones])}"
            f" escalated {share([x.escalate for x in ones])} | label 0: flagged"
            f" {share([x.level >= Level.MEDIUM for x in zeros])}"
            f" escalated {share([x.escalate for x in zeros])}"
        )
        if group == "rallypoint":
            figures["adult_posts_flagged"] = _rate([x.level >= Level.MEDIUM for x in zeros])
            figures["adult_posts_escalated"] = _rate([x.escalate for x in zeros])
    return figures


def views_report(screener: Screener, out: Printer) -> dict:
    figures: dict[str, float] = {}
    views = datasets.load_views()
    results = screen_all(screener, [v["text"] for v in views])
    out(f"\n== real children's views ({len(views)}; none is a disclosure) ==")
    figures["views_escalated"] = _rate([x.escalate for x in results])
    figures["views_flagged"] = _rate([x.level >= Level.MEDIUM for x in results])
    out(
        f"  escalated {share([x.escalate for x in results])}"
        f"  flagged {share([x.level >= Level.MEDIUM for x in results])}"
    )
    correct = [x.theme == v["theme"] for x, v in zip(results, views, strict=True)]
    figures["theme_accuracy"] = _rate(correct)
    out(f"  theme suggested correctly {share(correct)}")
    examples = [e for e in datasets.load_examples() if e["split"] == "test"]
    ex = screen_all(screener, [e["text"] for e in examples])
    disclosures = [x for x, e in zip(ex, examples, strict=True) if e["category"] != "none"]
    negatives = [x for x, e in zip(ex, examples, strict=True) if e["category"] == "none"]
    out(f"\n== our own examples, written beside the rules ({len(examples)}; an upper bound only) ==")
    out(
        f"  disclosures escalated {share([x.escalate for x in disclosures])}"
        f"  flagged {share([x.level >= Level.MEDIUM for x in disclosures])}"
        f" | hard negatives flagged {share([x.level >= Level.MEDIUM for x in negatives])}"
    )
    figures["own_examples_escalated"] = _rate([x.escalate for x in disclosures])
    return figures


def stability_report(screener: Screener, texts: list[str], out: Printer, seed: int = 7) -> dict:
    """Each text alone, then in shuffled batches of 1–64: the same level and the same scores."""
    alone = [screener.screen([t])[0] for t in texts]
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    batched: dict[int, ScreenResult] = {}
    position, sizes = 0, random.Random(seed + 1)
    while position < len(order):
        chunk = order[position : position + sizes.randint(1, 64)]
        for index, result in zip(chunk, screener.screen([texts[i] for i in chunk]), strict=True):
            batched[index] = result
        position += len(chunk)
    same = [
        a.level == batched[i].level and a.categories == batched[i].categories for i, a in enumerate(alone)
    ]
    out(f"\n== same text, same result: alone and in shuffled batches {share(same)}")
    return {"same_result_in_any_batch": _rate(same)}


def throughput_report(screener: Screener, out: Printer) -> dict:
    """Views a second in batches of 64, and CPU time a view (steady on a busy machine, unlike seconds)."""
    texts = [v["text"] for v in datasets.load_views()] * 4
    screen_all(screener, texts[:64])
    rates, cpu = [], []
    for _ in range(3):  # other processes share the cores: the median of three
        started, started_cpu = time.perf_counter(), time.process_time()
        screen_all(screener, texts)
        rates.append(len(texts) / (time.perf_counter() - started))
        cpu.append((time.process_time() - started_cpu) * 1000 / len(texts))
    cpu_ms = sorted(cpu)[1]
    out(
        f"\nthroughput: {sorted(rates)[1]:.0f} views/s in batches of 64"
        f" ({', '.join(f'{r:.0f}' for r in rates)}); {cpu_ms:.1f} ms of CPU a view,"
        f" so about {2000 / cpu_ms:.0f} views/s on two free cores"
    )
    return {"views_per_second": sorted(rates)[1], "cpu_ms_per_view": cpu_ms}


def evaluate(screener: Screener, out: Printer = print, *, quick: bool = False) -> dict[str, float]:
    figures: dict[str, float] = {}
    out(f"layers: {screener.layers()}")
    out(f"model versions: {screener.model_versions()}")
    dev = bank.load_dev_probes()
    figures.update({f"dev_{k}": v for k, v in labelled_report(
        "dev probes (independent, never trained on)", dev, screen_all(screener, [r.text for r in dev]), out
    ).items()})  # fmt: skip
    held = bank.held_out_rows()
    figures.update({f"bank_{k}": v for k, v in labelled_report(
        "the bank's held-out fifth", held, screen_all(screener, [r.text for r in held]), out
    ).items()})  # fmt: skip
    if quick:
        return figures
    figures.update(sitb_report(screener, out))
    figures.update(views_report(screener, out))
    stable_texts = [r.text for r in held[:200]] + [r.text for r in dev[:100]]
    figures.update(stability_report(screener, stable_texts, out))
    figures.update(throughput_report(screener, out))
    return figures
