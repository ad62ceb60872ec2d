"""Benchmark the screen: fast_screen latency (p50/p99 ms) and batch throughput (views/s).

Run: python benchmarks/bench_screen.py   (from the project root, venv active)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screening import fast_screen
from screening.datasets import load_examples, load_views
from screening.screener import Screener


def main() -> None:
    texts = [v["text"] for v in load_views()] + [e["text"] for e in load_examples()]
    # Include some long views: the post-box accepts up to 5,000 characters.
    texts += [" ".join(texts[i : i + 12]) for i in range(0, len(texts), 12)]
    for text in texts[:50]:
        fast_screen(text)
    timings = []
    for _ in range(5):
        for text in texts:
            started = time.perf_counter()
            fast_screen(text)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p99 = timings[int(0.99 * (len(timings) - 1))]
    print(f"fast_screen: n={len(timings)} p50 {statistics.median(timings):.2f} ms  p99 {p99:.2f} ms")

    screener = Screener().load()
    print(f"layers: {screener.layers()}")
    views = [v["text"] for v in load_views()] * 6
    screener.screen(views[:64])
    started = time.perf_counter()
    for start in range(0, len(views), 64):
        screener.screen(views[start : start + 64])
    elapsed = time.perf_counter() - started
    print(
        f"batch: {len(views)} views in {elapsed:.2f} s = {len(views) / elapsed:.0f} views/s (batches of 64)"
    )


if __name__ == "__main__":
    main()
