from __future__ import annotations

from pathlib import Path

import pytest

from easy_read.render import (
    PICTOGRAMS,
    glossary_box,
    pick_pictogram,
    points,
    points_for_template,
)

STATIC = Path(__file__).resolve().parents[2] / "static" / "pictograms"


def test_every_pictogram_file_is_vendored_with_licence_and_attribution() -> None:
    for pictogram in PICTOGRAMS:
        path = STATIC / pictogram.file
        assert path.is_file(), path
        assert path.read_text(encoding="utf-8").lstrip().startswith("<svg")
        assert "<script" not in path.read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0" in (STATIC / "LICENSE.txt").read_text(encoding="utf-8")
    attribution = (STATIC / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "openmoji@17.0.0" in attribution
    for pictogram in PICTOGRAMS:
        assert pictogram.file in attribution


def test_keys_cover_the_required_topics() -> None:
    keys = {p.key for p in PICTOGRAMS}
    assert {
        "school", "home", "family", "health", "money", "police", "safety", "phone", "computer",
        "friends", "talk", "listen", "idea", "sad", "happy", "question", "calendar", "done", "work", "world",
    } <= keys  # fmt: skip


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("You told us school can feel scary.", "school"),
        ("You want to see a doctor quickly.", "health"),
        ("Bus tickets cost too much money.", "money"),
        ("The police came to our house.", "police"),
        ("You can call us on the phone.", "phone"),
        ("Some people are unkind online.", "computer"),
        ("You want to see your mum and dad more.", "family"),
        ("You want to feel safe.", "safety"),
        ("You want to see your friends.", "friends"),
        ("We listened to you.", "listen"),
        ("We had a new idea.", "idea"),
        ("Some of you feel lonely.", "sad"),
        ("We are proud of you.", "happy"),
        ("What do you think about it?", "idea"),
        ("Who can help?", "question"),
        ("This will start in September.", "calendar"),
        ("We changed the rule.", "done"),
        ("Young people want more jobs.", "work"),
        ("Children come here from all over the world.", "world"),
        ("Some young people live in a children's home.", "home"),
        ("You told us what you think.", "idea"),
    ],
)
def test_pictogram_is_picked_by_keywords(text: str, key: str) -> None:
    pictogram = pick_pictogram(text)
    assert pictogram is not None and pictogram.key == key


def test_no_pictogram_when_nothing_matches() -> None:
    assert pick_pictogram("The weather is nice") is None


def test_points_one_per_line_without_list_markers() -> None:
    text = "What we did\n\n- We wrote to 20 schools.\n2. We talked to doctors.\n"
    result = points(text)
    assert [p.text for p in result] == ["What we did", "We wrote to 20 schools.", "We talked to doctors."]
    assert [p.pictogram.key if p.pictogram else None for p in result] == ["done", "school", "health"]


def test_points_for_template_are_plain_dicts() -> None:
    (point,) = points_for_template("We listened to you.")
    assert point == {
        "text": "We listened to you.",
        "pictogram": {"key": "listen", "file": "1F442.svg", "label": "Listen"},
    }


def test_glossary_box_lists_each_word_once_in_order() -> None:
    text = "Our safeguarding team met the local authority. Safeguarding means keeping you safe. SEND help."
    assert [e.term for e in glossary_box(text)] == ["safeguarding", "local authority", "SEND"]
    assert glossary_box("We listened to you.") == []
