"""The batch contract: ``python -m moderation screen`` reads JSON Lines and writes one line per input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINE_KEYS = {"id", "level", "escalate", "needs_human", "categories", "pii", "reasons", "language"}
CATEGORY_KEYS = {"suicide_self_harm", "abuse", "neglect", "exploitation", "bullying", "violence", "toxicity"}


def _run(stdin: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "POSTBOX_DETOXIFY_CHECKPOINT": "",
        "POSTBOX_EMBEDDING_MODEL_PATH": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "moderation", "screen"],
        input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=240, check=False,
    )  # fmt: skip


def test_screen_batch_contract() -> None:
    items = [
        {"id": "a", "text": "i want to kms"},
        {"id": 2, "text": "school is shit, we need better teachers"},
        {"id": "c", "text": "My name is Chloe Smith, text me on 07700 900123"},
    ]
    lines = [json.dumps(i) for i in items]
    lines.insert(1, "{not json")  # no id: an error on stderr, no output line
    lines.insert(3, json.dumps({"id": "bad", "text": 42}))  # id but no text: a needs_human line
    proc = _run("\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "bad", "c"]
    for line in out:
        assert set(line) == LINE_KEYS
        assert set(line["categories"]) == CATEGORY_KEYS
        assert all(0.0 <= v <= 1.0 for v in line["categories"].values())
        assert line["level"] in {"none", "low", "medium", "high", "urgent"}
        assert line["escalate"] == (line["level"] in {"high", "urgent"})
    by_id = {o["id"]: o for o in out}
    assert by_id["a"]["escalate"] and by_id["a"]["needs_human"]
    assert "kms" in by_id["a"]["reasons"]
    assert not by_id[2]["escalate"]
    assert by_id["bad"]["needs_human"]
    assert by_id["c"]["pii"] == ["name", "phone"]
    assert by_id["c"]["language"] == "en"
    assert "line 2" in proc.stderr and "line 4" in proc.stderr
