"""The training bank: labelled by the rubric, a fixed held-out fifth, and never a dev probe."""

from __future__ import annotations

import re
from collections import Counter

from screening.bank import LEVELS, held_out, held_out_rows, load_bank, load_dev_probes, training_rows
from screening.types import SAFEGUARDING_CATEGORIES


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def test_every_row_is_labelled_by_the_rubric() -> None:
    rows = load_bank()
    assert len(rows) > 10_000
    assert {r.level for r in rows} == set(LEVELS)
    assert {r.category for r in rows} <= {*SAFEGUARDING_CATEGORIES, "none"}
    assert all(r.text.strip() for r in rows)
    assert len({r.id for r in rows}) == len(rows)
    levels = Counter(r.level for r in rows)
    assert levels["none"] >= levels["high"] >= levels["urgent"] > 1000  # as many hard negatives as concerns


def test_a_fifth_is_held_out_by_id_and_never_trained_on() -> None:
    train, held = training_rows(), held_out_rows()
    assert 0.17 < len(held) / (len(train) + len(held)) < 0.23
    assert not {r.id for r in train} & {r.id for r in held}
    assert all(held_out(r.id) for r in held)


def test_no_dev_probe_is_in_the_bank() -> None:
    """The dev probes only ever measure: neither their text nor a near-copy may train the screen."""
    probes = {_norm(p.text) for p in load_dev_probes()}
    assert len(probes) > 200
    bank = {_norm(r.text) for r in load_bank()}
    assert not probes & bank

    def trigrams(text: str) -> set[tuple[str, ...]]:
        words = text.split()
        return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}

    probe_grams = [trigrams(p) for p in probes if len(p.split()) >= 12]
    index: dict[tuple[str, ...], list[int]] = {}
    for i, grams in enumerate(probe_grams):
        for gram in grams:
            index.setdefault(gram, []).append(i)
    for text in bank:
        grams = trigrams(text)
        hits = Counter(i for gram in grams for i in index.get(gram, ()))
        for i, shared in hits.items():
            assert shared / len(probe_grams[i]) < 0.6, text
