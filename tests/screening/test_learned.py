"""The learned layer: sentence windows, stored vocabularies, and one result per text whatever its batch.

Real model throughout (the installed MiniLM through ONNX Runtime, the committed heads).
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from screening import Level, get_screener
from screening.bank import held_out_rows
from screening.lexical import Lexical
from screening.screener import Screener
from screening.segment import MAX_WINDOWS, WHOLE_MAX_WORDS, windows


@pytest.fixture(scope="module")
def screener() -> Screener:
    return get_screener()


def test_a_short_view_is_one_window() -> None:
    text = "  we need more youth clubs. the bus is too dear.  "
    [window] = windows(text)
    assert window.text == text.strip()
    assert text[window.start : window.end] == window.text


def test_a_long_view_gives_a_window_per_sentence_with_its_neighbours() -> None:
    sentences = [f"sentence number {i} is about the school trip and the canteen food." for i in range(8)]
    text = " ".join(sentences)
    found = windows(text)
    assert len(found) == 8
    assert found[0].text == " ".join(sentences[:2])
    assert found[3].text == " ".join(sentences[2:5])
    for window in found:
        assert text[window.start : window.end] == window.text


def test_unpunctuated_run_is_cut_and_every_word_is_read() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    found = windows(text)
    assert 1 < len(found) <= MAX_WINDOWS
    covered = " ".join(w.text for w in found)
    assert all(f"word{i}" in covered for i in range(400))


def test_a_huge_view_is_capped_but_its_end_is_still_read() -> None:
    text = ". ".join(f"line {i} of a very long story about my week" for i in range(500)) + ". last line here"
    found = windows(text)
    assert len(found) == MAX_WINDOWS
    assert found[-1].text.endswith("last line here")


def test_worrying_line_in_a_long_complaint_is_not_diluted(screener: Screener) -> None:
    school = [
        "our school canteen is rubbish and the chips are always cold.",
        "the maths teacher never explains anything properly so nobody gets it.",
        "we only get one trip a year and it is always to the same museum.",
        "the toilets are locked at lunch which is not fair on anyone.",
        "the bus home is late most days and it rains a lot.",
        "pe is fun though and i like art.",
    ]
    worry = "my stepdad hits me with his belt when mum is at work and i have bruises on my back."
    text = " ".join([*school[:3], worry, *school[3:]])
    assert len(text.split()) > WHOLE_MAX_WORDS
    learned = screener.learned.score([text])[0]
    assert learned.level >= Level.HIGH, learned
    assert worry in learned.window.text and len(learned.window.text) < len(text)
    result = screener.screen([text])[0]
    assert result.level >= Level.HIGH
    assert any(s.label.startswith("learned:") and worry in text[s.start : s.end] for s in result.spans)


def test_lexical_vocabulary_round_trips_through_plain_arrays() -> None:
    texts = ["i want to kms lol", "kms in the game", "we need youth clubs", "youth clubs are shut", "lol ok"]
    fitted = Lexical.fit(texts * 3)
    stored = Lexical.from_arrays({k: np.array(v) for k, v in fitted.to_arrays().items()})
    probe = ["kms lol youth", "something new entirely"]
    a, b = fitted.transform(probe), stored.transform(probe)
    assert a.nnz > 10
    assert (a != 0).toarray().tolist() == (b != 0).toarray().tolist()
    assert abs(a - b).max() < 1e-6  # the IDF weights are stored as float32


def test_same_text_same_result_alone_or_in_any_batch(screener: Screener) -> None:
    """Batch invariance on a few hundred texts: each alone, then in shuffled batches of mixed sizes."""
    texts = [row.text for row in held_out_rows()[:240]]
    alone = {text: screener.screen([text])[0] for text in texts}
    order = random.Random(7).sample(texts, len(texts))
    batched = {}
    start = 0
    for size in [1, 7, 32, 64, 3, 133]:
        batch = order[start : start + size]
        batched.update(zip(batch, screener.screen(batch), strict=True))
        start += size
    assert start >= len(texts)
    for text in texts:
        a, b = alone[text], batched[text]
        assert (a.level, a.reasons, a.categories) == (b.level, b.reasons, b.categories), text
