"""Benchmark ``fast_screen`` per text on a mixed set: children's views, screening examples, adult
forum posts (sitb_train.csv) and synthetic 5,000-character views built by concatenating posts.

Prints count, p50, p95, p99 and max in ms, overall and per source. The budget is p99 <= 5 ms.

Run (from the project root):
    .venv/bin/python benchmarks/bench_fast_screen.py
    .venv/bin/python benchmarks/bench_fast_screen.py --repeat 3
    .venv/bin/python benchmarks/bench_fast_screen.py --dump /tmp/fast.jsonl   # decisions, for diffing
    .venv/bin/python benchmarks/bench_fast_screen.py --check /tmp/fast.jsonl  # same decisions?
    .venv/bin/python benchmarks/bench_fast_screen.py --profile                 # cProfile, top functions
    .venv/bin/python benchmarks/bench_fast_screen.py --clock cpu --repeat 3    # on a busy machine

``--clock cpu`` times each view with the thread's CPU clock instead of the wall clock: on a
machine shared with other jobs it leaves out the time the process waits for a core, so two
versions can be compared while other work runs (the wall clock is what a child waits for).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screening import fast_screen
from screening.datasets import load_examples, load_sitb, load_views

# The post-box accepts views of up to 5,000 characters (postbox/forms.py MAX_TEXT).
MAX_VIEW_CHARS = 5000
SYNTHETIC_COUNT = 24
BUDGET_P99_MS = 5.0


def mixed_set() -> list[tuple[str, str]]:
    """(source, text) pairs in a fixed order."""
    views = [v["text"] for v in load_views()]
    examples = [e["text"] for e in load_examples()]
    sitb = [row.text for row in load_sitb()]
    items = [("views", t) for t in views]
    items += [("examples", t) for t in examples]
    items += [("sitb", t[:MAX_VIEW_CHARS]) for t in sitb]
    # Synthetic long views: consecutive forum posts, half of them with children's examples mixed in
    # (so that rules fire deep inside a long text), cut to exactly 5,000 characters.
    synthetic: list[str] = []
    cursor = 0
    for n in range(SYNTHETIC_COUNT):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < MAX_VIEW_CHARS:
            parts.append(sitb[cursor % len(sitb)])
            if n % 2:
                parts.append(examples[(cursor * 7) % len(examples)])
            cursor += 1
        synthetic.append(" ".join(parts)[:MAX_VIEW_CHARS])
    items += [("synthetic_5000", t) for t in synthetic]
    return items


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile on an already sorted list."""
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def summarise(timings: list[float]) -> tuple[int, float, float, float, float]:
    values = sorted(timings)
    return (
        len(values),
        percentile(values, 0.50),
        percentile(values, 0.95),
        percentile(values, 0.99),
        values[-1] if values else float("nan"),
    )


def print_table(rows: list[tuple[str, list[float]]]) -> None:
    print(f"{'source':<16}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name, timings in rows:
        count, p50, p95, p99, worst = summarise(timings)
        print(f"{name:<16}{count:>7}{p50:>9.3f}{p95:>9.3f}{p99:>9.3f}{worst:>9.3f}")


def decision(text: str) -> dict:
    result = fast_screen(text)
    return {
        "level": int(result.level),
        "needs_human": result.needs_human,
        "categories": result.categories,
        "reasons": result.reasons,
        "spans": [[s.start, s.end, s.kind, s.label] for s in result.spans],
        "pii": result.pii,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=1, help="timed passes over the set (per-text timings)")
    parser.add_argument("--dump", type=Path, help="write every text's decision as JSON lines and exit")
    parser.add_argument("--check", type=Path, help="compare every text's decision with a --dump file")
    parser.add_argument("--profile", action="store_true", help="profile one pass with cProfile")
    parser.add_argument(
        "--clock", choices=("wall", "cpu"), default="wall", help="wall clock, or this thread's CPU time"
    )
    args = parser.parse_args()

    items = mixed_set()
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as handle:
            for source, text in items:
                handle.write(json.dumps({"source": source, **decision(text)}) + "\n")
        print(f"wrote {len(items)} decisions to {args.dump}")
        return

    for _, text in items[:200]:  # warm up: compiled patterns, caches
        fast_screen(text)

    if args.check:
        with args.check.open(encoding="utf-8") as handle:
            before = [json.loads(line) for line in handle]
        if len(before) != len(items):
            raise SystemExit(f"{args.check} has {len(before)} decisions, the set has {len(items)} texts")
        differ = [
            i
            for i, (old, (source, text)) in enumerate(zip(before, items, strict=True))
            if old != {"source": source, **decision(text)}
        ]
        for i in differ[:20]:
            print(f"differs: #{i} {items[i][0]}: {items[i][1][:80]!r}")
        print(f"{len(items) - len(differ)} of {len(items)} decisions identical to {args.check}")
        raise SystemExit(1 if differ else 0)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _, text in items:
            fast_screen(text)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("tottime")
        stats.print_stats(25)
        return

    per_source: dict[str, list[float]] = {}
    every: list[float] = []
    clock = time.perf_counter if args.clock == "wall" else time.thread_time
    gc.collect()
    for _ in range(max(1, args.repeat)):
        for source, text in items:
            started = clock()
            fast_screen(text)
            elapsed = (clock() - started) * 1000
            per_source.setdefault(source, []).append(elapsed)
            every.append(elapsed)
    print(
        f"fast_screen on {len(items)} texts x {max(1, args.repeat)} pass(es), views cut to {MAX_VIEW_CHARS}, "
        f"{args.clock} clock"
    )
    print_table([("overall", every), *per_source.items()])
    p99 = summarise(every)[3]
    verdict = "within" if p99 <= BUDGET_P99_MS else "OVER"
    print(f"overall p99 {p99:.3f} ms: {verdict} the {BUDGET_P99_MS:.0f} ms budget")


if __name__ == "__main__":
    main()
