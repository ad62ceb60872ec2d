"""The screen's contract: what every layer returns and what the rest of the product reads.

The web app, the job worker and the batch command only touch these types and the two
entry points in ``screening`` (``fast_screen`` and ``Screener``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

CATEGORIES: tuple[str, ...] = (
    "suicide_self_harm",
    "abuse",
    "neglect",
    "exploitation",
    "bullying",
    "violence",
    "running_away",
    "toxicity",
)
# The seven the severity rubric covers (docs/severity-rubric.md): toxicity is never a concern alone.
SAFEGUARDING_CATEGORIES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "toxicity")
# The batch contract in DESIGN.md names these seven; running_away is reported in
# reasons and spans and folded into the web record, but not in the batch line.
BATCH_CATEGORIES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "running_away")


class Level(IntEnum):
    NONE = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    URGENT = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Level:
        return cls[value.upper()]


@dataclass(frozen=True)
class Span:
    """A stretch of the text the screen points at: a rule match or personal information."""

    start: int
    end: int
    kind: str  # "risk" or a PII kind: name, school, address, postcode, phone, email, handle, dob
    label: str  # rule name or PII kind, shown to moderators


@dataclass
class ScreenResult:
    level: Level
    needs_human: bool
    categories: dict[str, float]  # every name in CATEGORIES, 0..1
    reasons: list[str]  # rule and model names
    spans: list[Span] = field(default_factory=list)
    pii: list[str] = field(default_factory=list)  # kinds found, sorted, unique
    language: str = "en"
    model_versions: dict[str, str] = field(default_factory=dict)
    elapsed_ms: float = 0.0
    theme: str | None = None  # suggested theme, when the layer that suggests one is loaded

    @property
    def escalate(self) -> bool:
        return self.level >= Level.HIGH

    @property
    def show_help(self) -> bool:
        """Whether the child should be shown help on the thank-you page at once."""
        return self.level >= Level.MEDIUM and any(
            self.categories.get(c, 0.0) >= 0.5 for c in CATEGORIES if c != "toxicity"
        )
