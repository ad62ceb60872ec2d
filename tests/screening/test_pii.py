"""Personal information: detection by kind, and redaction that never leaks a found span."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening import fast_screen, find_pii, redact

FOUND = [
    ("My name is Chloe Smith", "name", "Chloe Smith"),
    ("my name is jayden okafor and im 12", "name", "jayden okafor"),
    ("I go to St Mary's Primary", "school", "St Mary's Primary"),
    ("i go to oakwood academy in year 8", "school", "oakwood academy"),
    ("I go to Kingsway High School", "school", "Kingsway High School"),
    ("I live at 12 Oak Road", "address", "12 Oak Road"),
    ("my postcode is M14 5RT", "postcode", "M14 5RT"),
    ("text me 07700 900123", "phone", "07700 900123"),
    ("ring 020 7946 0958 after 6", "phone", "020 7946 0958"),
    ("call +44 7700 900123", "phone", "+44 7700 900123"),
    ("email me jo.b@example.co.uk pls", "email", "jo.b@example.co.uk"),
    ("add me @lily.rose", "handle", "@lily.rose"),
    ("my snap is coolkid_22", "handle", "coolkid_22"),
    ("I was born on 12/03/2012", "dob", "12/03/2012"),
    ("my birthday is 3rd May 2011", "dob", "3rd May 2011"),
]

CLEAN = [
    "school is shit, we need better teachers",
    "At High School we have lots of tests",
    "i go to school every day",
    "Call Childline on 0800 1111",
    "oh snap that is funny",
    "I am 12 and I live in Leeds",
    "We need more youth clubs in the area",
]


@pytest.mark.parametrize(("text", "kind", "value"), FOUND)
def test_finds_personal_information(text: str, kind: str, value: str) -> None:
    spans = find_pii(text)
    assert any(s.kind == kind and text[s.start : s.end] == value for s in spans), spans
    redacted = redact(text, spans)
    assert value not in redacted
    assert "[…]" in redacted
    assert kind in fast_screen(text).pii


@pytest.mark.parametrize("text", CLEAN)
def test_no_false_personal_information(text: str) -> None:
    assert find_pii(text) == []
    assert redact(text, []) == text


def test_redact_keeps_the_rest_of_the_text() -> None:
    text = "I'm Chloe Smith, text me on 07700 900123 about the youth club"
    assert redact(text, find_pii(text)) == "I'm […], text me on […] about the youth club"


def test_fast_screen_reports_sorted_unique_kinds() -> None:
    result = fast_screen("07700 900123 or 07700 900124, I go to Kingsway High School")
    assert result.pii == ["phone", "school"]


_pieces = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["07700 900123", "SW1A 1AA", "@kid_22", "a.b@c.io", "My name is Amy Jones", "12 Oak Road",
                     "I go to St Mary's Primary", "born 01/02/2010", "my snap is x_y_z", " ", "\n"]),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=8).map("".join))
def test_redacted_text_never_contains_a_detected_span(text: str) -> None:
    spans = find_pii(text)
    redacted = redact(text, spans)
    for span in spans:
        assert text[span.start : span.end] not in redacted


_PREFILTERED = [
    "Flat 3, 12 Oak Road",
    "flat 2b 7 high street",
    "I am living at Kings Road",
    "we're staying on Mill Lane now",
    "postcode GIR 0AA or M14 5RT, sw1a1aa",
    "ring +44 (0)7700 900123 or (01632) 960 123",
    "I go to Oakwood Academies",
    "She goes to St Anne's Infants School",
    "my tik tok is dance_kid",
    "add me on user name: cool_kid_9",
    "my username is ab_c and my ig: x.y.z",
    "i go to the local primary school",
    "youtube: kid_vids, steam is gamer",
]
_PII_PIECES = st.one_of(
    st.text(max_size=8),
    st.sampled_from([*_PREFILTERED, "Academies", "High", "0", "+", "(", " ", "\n", "ı", "K", "ſnap", "12"]),
)


def _prefilter_agrees(text: str) -> None:
    from screening import pii

    view = pii._View(text)
    for pattern in pii._NEEDS:
        assert [m.span() for m in view.finditer(pattern)] == [m.span() for m in pattern.finditer(text)], (
            pattern.pattern[:60],
            text,
        )


@pytest.mark.parametrize("text", [*_PREFILTERED, *(text for text, _, _ in FOUND), *CLEAN])
def test_prefilters_and_start_offsets_find_every_match(text: str) -> None:
    _prefilter_agrees(text)
    _prefilter_agrees(("we went to the park, it was fine. " * 40 + text + " ok. ") * 2)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PII_PIECES, max_size=10).map(" ".join))
def test_prefilters_agree_with_every_pattern_run_in_full(text: str) -> None:
    _prefilter_agrees(text)
