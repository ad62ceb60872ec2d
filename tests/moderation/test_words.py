"""Staff read words, not codes: every reason the screen can give has plain words."""

from __future__ import annotations

from moderation.words import reason_words, reasons_words
from screening.rules import RULES
from screening.rules.cues import CUES


def test_every_rule_and_cue_reads_as_words() -> None:
    for rule in RULES:
        words = reason_words(rule.name)
        assert "_" not in words and ":" in words, (rule.name, words)
    for cue in CUES:
        assert "_" not in reason_words(cue.name)


def test_model_and_modifier_reasons_read_as_words() -> None:
    assert reason_words("learned:bullying") == "the learned layer found signs of bullying"
    assert reason_words("model:suicide_self_harm") == "the model found signs of suicide and self-harm"
    assert reason_words("third_party") == "about someone else"
    assert reasons_words([]) == "none"
