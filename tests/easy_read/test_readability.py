from __future__ import annotations

import pytest

from easy_read.readability import flesch_kincaid_grade, reading_age, syllables, visible_text
from tests.easy_read.texts import ADULT_POLICY, GOOD

PLAIN = """We read your messages.
You told us you want more time to play.
We asked schools to give you a longer break.
Some schools said yes."""


def test_plain_text_reads_at_nine_or_under() -> None:
    assert reading_age(PLAIN) <= 9
    assert reading_age(GOOD) <= 9


def test_adult_policy_paragraph_reads_over_twelve() -> None:
    assert reading_age(ADULT_POLICY) > 12


def test_formula_is_flesch_kincaid_plus_five() -> None:
    # 2 sentences, 10 words, 11 syllables ("today" has 2).
    text = "We read it today. The cat sat on a mat."
    assert sum(syllables(w) for w in text.replace(".", "").split()) == 11
    assert flesch_kincaid_grade(text) == pytest.approx(0.39 * 10 / 2 + 11.8 * 11 / 10 - 15.59)
    assert reading_age(ADULT_POLICY) == round(flesch_kincaid_grade(ADULT_POLICY) + 5, 1)


def test_never_below_five_and_zero_for_no_words() -> None:
    assert reading_age("Hi.") == 5.0
    assert reading_age("") == 0.0
    assert reading_age("<p> </p>") == 0.0


@pytest.mark.parametrize(
    ("word", "count"),
    [("the", 1), ("idea", 2), ("children", 2), ("changed", 1), ("listened", 2), ("don’t", 1), ("2025", 1)],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_a_new_line_ends_a_sentence() -> None:
    lines = "\n".join(["We listened to you"] * 6)
    one_run_on = " ".join(["We listened to you"] * 6)
    assert reading_age(lines) < reading_age(one_run_on)


def test_visible_text_skips_script_style_and_hidden() -> None:
    html = """<!doctype html><html><head><title>Page title</title><style>p {color: red}</style></head>
    <body><h1>Hello there</h1><p>Hi &amp; bye<script>var x = "secret words";</script></p>
    <p hidden>hidden words</p><template><p>template words</p></template>
    <div>Last<br>line</div><img src="x.png" alt="alt words"><svg><title>pic</title></svg></body></html>"""
    assert visible_text(html) == "Hello there\nHi & bye\nLast\nline"


def test_html_page_is_measured_on_its_visible_text() -> None:
    page = "<main>" + "".join(f"<p>{line}</p>" for line in PLAIN.splitlines()) + "</main>"
    with_script = page + "<script>" + ADULT_POLICY + "</script>"
    assert reading_age(page) == reading_age(PLAIN)
    assert reading_age(with_script) == reading_age(PLAIN)


def test_headings_without_full_stops_do_not_run_together() -> None:
    html = "<h2>What you said</h2><p>You want more parks.</p>"
    assert visible_text(html) == "What you said\nYou want more parks."


def test_unclosed_tags_do_not_hide_later_text() -> None:
    assert visible_text("<ul><li>One<li>Two</ul><p>After") == "One\nTwo\nAfter"
