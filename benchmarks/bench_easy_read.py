"""How long the Easy Read check takes on a 300-word text (an update's Easy Read version).

Prints p50, p95 and max in ms over the runs. The budget is 5 ms per check (the editor's
page checks on every save). Moved here from the test suite (#16): a busy machine is slow,
not wrong.

Run (from the project root):
    .venv/bin/python benchmarks/bench_easy_read.py [--runs 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from easy_read.checker import check
from tests.easy_read.texts import ADULT_POLICY, GOOD, LONG_SENTENCE

BUDGET_MS = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    text = " ".join([GOOD, ADULT_POLICY, LONG_SENTENCE] * 3)
    check(text)  # warm caches (glossary patterns, syllables)
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        check(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(len(times) * 0.95))]
    print(f"easy read check, {len(text.split())} words, {args.runs} runs")
    print(f"  p50 {statistics.median(times):.2f} ms   p95 {p95:.2f} ms   max {times[-1]:.2f} ms")
    print(f"  budget {BUDGET_MS:.0f} ms per check: {'within' if p95 <= BUDGET_MS else 'OVER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
