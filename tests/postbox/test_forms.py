from __future__ import annotations

import html
import unicodedata

import bleach
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from postbox.forms import _CONTROL, MAX_TEXT, ViewSubmission, clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  hello  ", "hello"),
        ("<b>bold</b> words", "bold words"),
        ("<script>alert(1)</script>hi", "alert(1)hi"),
        ("I <3 my dog & cat", "I <3 my dog & cat"),
        ("line one\r\nline two", "line one\nline two"),
        ("bell\x07 and nul\x00", "bell and nul"),
    ],
)
def test_clean_text_keeps_words_and_drops_markup(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_submission_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        ViewSubmission.model_validate({"text": "hi", "name": "Sam"})


def test_submission_length_is_counted_after_trimming() -> None:
    assert ViewSubmission(text=" " * 10 + "a" * MAX_TEXT + " " * 10).text == "a" * MAX_TEXT
    with pytest.raises(ValidationError):
        ViewSubmission(text="a" * (MAX_TEXT + 1))
    with pytest.raises(ValidationError):
        ViewSubmission(text="   \n\t ")


def test_submission_choices_must_come_from_the_lists() -> None:
    ok = ViewSubmission(text="hi", theme="Education", age_band="8-11", area="Leeds", found_us="school")
    assert ok.area == "Leeds"
    for field, bad in [("theme", "Space"), ("age_band", "40"), ("area", "Paris"), ("found_us", "tv")]:
        with pytest.raises(ValidationError):
            ViewSubmission.model_validate({"text": "hi", field: bad})


@given(st.text(max_size=200))
def test_clean_text_fast_path_agrees_with_bleach(raw: str) -> None:
    expected = html.unescape(
        bleach.clean(
            _CONTROL.sub("", unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))),
            tags=set(),
            attributes={},
            strip=True,
            strip_comments=True,
        )
    ).strip()
    assert clean_text(raw) == expected
