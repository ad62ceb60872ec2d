"""docs/screen-rules.md is what the rules say today, and names every rule and cue."""

from __future__ import annotations

import subprocess
import sys

from screening.rules import RULES
from screening.rules.card import CARD_PATH, render
from screening.rules.cues import CUES


def test_the_committed_rules_card_is_current() -> None:
    assert CARD_PATH.read_text(encoding="utf-8") == render(), "run: python -m moderation rules-card"


def test_the_card_names_every_rule_with_its_examples_and_every_cue() -> None:
    card = render()
    for rule in RULES:
        assert f"### `{rule.name}`: {rule.level.label}" in card
        assert rule.description in card
        for text in (*rule.fires_on, *rule.quiet_on):
            assert f"“{text}”" in card
    for cue in CUES:
        assert f"| `{cue.name}` |" in card


def test_the_command_checks_and_writes_the_card(tmp_path) -> None:
    out = tmp_path / "card.md"
    command = [sys.executable, "-m", "moderation", "rules-card", "--output", str(out)]
    stale = subprocess.run([*command, "--check"], capture_output=True, text=True, check=False)
    assert stale.returncode == 1 and "out of date" in stale.stderr
    assert subprocess.run(command, capture_output=True, text=True, check=False).returncode == 0
    assert out.read_text(encoding="utf-8") == render()
    assert subprocess.run([*command, "--check"], capture_output=True, text=True, check=False).returncode == 0
