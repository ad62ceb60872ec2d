"""The labelled bank the learned layer is trained on, its held-out fifth, and the dev probes.

The bank (``data/bank/*.jsonl``) is messages in children's own words, each labelled by the
severity rubric (``docs/severity-rubric.md``) with a level and a category, written by people
who saw neither the phrase rules nor the dev probes (``data/bank/README.md`` says who and how).
One message in five is held out of training, chosen by a hash of its id, so the split never
changes when the bank grows. The dev probes (``data/dev_probes.jsonl``) are only ever
evaluated on: nothing here trains on them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
BANK_DIR = DATA_DIR / "bank"
DEV_PROBES_PATH = DATA_DIR / "dev_probes.jsonl"

LEVELS: tuple[str, ...] = ("none", "medium", "high", "urgent")
HELD_OUT_SHARE = 5  # one in five


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    level: str  # one of LEVELS
    category: str  # a safeguarding category, or "none"
    part: str  # the file it came from: who wrote it, about what

    @property
    def level_index(self) -> int:
        return LEVELS.index(self.level)


def held_out(item_id: str) -> bool:
    return int(hashlib.sha256(item_id.encode("utf-8")).hexdigest(), 16) % HELD_OUT_SHARE == 0


def _read(path: Path, part: str, level_key: str = "level") -> list[Labelled]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                rows.append(Labelled(item["id"], item["text"], item[level_key], item["category"], part))
    return rows


def load_bank() -> list[Labelled]:
    return [row for path in sorted(BANK_DIR.glob("*.jsonl")) for row in _read(path, path.stem)]


def training_rows() -> list[Labelled]:
    return [row for row in load_bank() if not held_out(row.id)]


def held_out_rows() -> list[Labelled]:
    return [row for row in load_bank() if held_out(row.id)]


def load_dev_probes() -> list[Labelled]:
    """Evaluation only: written by a safeguarding specialist who never saw the rules or the bank."""
    return _read(DEV_PROBES_PATH, "dev_probes", level_key="expect")
