"""Loading the project's copies of the labelled data, and the fixed train/held-out split."""

from __future__ import annotations

import csv
import hashlib
import html
import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SITB_PATH = DATA_DIR / "sitb_train.csv"
EXAMPLES_PATH = DATA_DIR / "screening_examples.jsonl"
VIEWS_PATH = DATA_DIR / "childrens_views_sample.jsonl"
THEMES_PATH = DATA_DIR / "themes.json"
SPLITS_PATH = DATA_DIR / "splits.json"

# The sample's chapter names differ from the product's theme names.
THEME_ALIASES = {"Families": "Family", "Unaccompanied Children Seeking Asylum": "Children Seeking Asylum"}


@dataclass(frozen=True)
class Row:
    index: int
    text: str
    label: int
    source: str

    @property
    def source_group(self) -> str:
        """Reddit, TalkLife, short phrases or RallyPoint posts: the groups results are reported by."""
        if self.source.startswith("reddit"):
            return "reddit"
        if "talklife" in self.source:
            return "talklife"
        if any(k in self.source for k in ("phrases", "highlighted", "negated")):
            return "short_phrases"
        return "rallypoint"


def clean(text: str) -> str:
    """Undo upstream noise: the ``|body|`` marker, HTML entities, Windows line endings."""
    text = text.replace(" |body| ", " ").replace("|body|", " ").replace("\r\n", "\n")
    return html.unescape(html.unescape(text)).replace("\u200b", "").strip()


def load_sitb() -> list[Row]:
    with SITB_PATH.open(encoding="utf-8", newline="") as handle:
        return [
            Row(i, clean(r["doc"]), int(float(r["label"])), r["source"].strip())
            for i, r in enumerate(csv.DictReader(handle))
        ]


def load_examples() -> list[dict]:
    with EXAMPLES_PATH.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_views() -> list[dict]:
    with VIEWS_PATH.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        row["theme"] = THEME_ALIASES.get(row["theme"], row["theme"])
    return rows


def load_themes() -> dict[str, list[str]]:
    return json.loads(THEMES_PATH.read_text(encoding="utf-8"))


def _held_out(text: str, share: int = 5) -> bool:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % share == 0


def make_splits() -> dict[str, list[int]]:
    """One in five sitb rows and children's views, chosen by a hash of the text: stable and reproducible."""
    return {
        "sitb_heldout_rows": [r.index for r in load_sitb() if _held_out(r.text)],
        "views_heldout_rows": [i for i, v in enumerate(load_views()) if _held_out(v["text"])],
    }


def load_splits() -> dict[str, list[int]]:
    if not SPLITS_PATH.exists():
        SPLITS_PATH.write_text(json.dumps(make_splits(), indent=0) + "\n", encoding="utf-8")
    return json.loads(SPLITS_PATH.read_text(encoding="utf-8"))
