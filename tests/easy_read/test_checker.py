from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from easy_read.checker import DEFAULT_BLOCKING, EasyReadReport, check
from tests.easy_read.texts import (
    ADULT_POLICY,
    GOOD,
    GOOD_WITH_BULLETS,
    LONG_SENTENCE,
    NUMBER_IN_WORDS,
    PASSIVE,
    UNEXPLAINED,
)


def kinds(report: EasyReadReport) -> set[str]:
    return {p.kind for p in report.problems}


@pytest.mark.parametrize("text", [GOOD, GOOD_WITH_BULLETS])
def test_good_easy_read_passes(text: str) -> None:
    report = check(text)
    assert report.passes, report.problems
    assert report.reading_age <= 9
    assert not report.blocking_problems


def test_sentences_are_counted_one_line_each() -> None:
    report = check(GOOD)
    assert [s.word_count for s in report.sentences] == [9, 10, 6, 9, 9]
    assert report.sentences[1].text == "We asked the council to answer you in 2 weeks."


def test_thirty_word_sentence_fails_as_too_long() -> None:
    report = check(LONG_SENTENCE)
    assert report.sentences[0].word_count == 30
    assert not report.passes
    problem = next(p for p in report.problems if p.kind == "too_long")
    assert problem.sentence == 0 and problem.blocking
    assert "30 words" in problem.message


def test_sixteen_to_twenty_words_is_advice_not_a_block() -> None:
    text = "We asked every school in the town to give you a quiet room at lunch time."
    report = check(text, max_reading_age=99)
    assert "long" in kinds(report)
    assert "too_long" not in kinds(report)
    assert report.passes


def test_passive_sentence_is_found() -> None:
    report = check(PASSIVE)
    problem = next(p for p in report.problems if p.kind == "passive")
    assert problem.sentence == 0
    assert PASSIVE[problem.start : problem.end] == "was changed"
    # Advice by default; a stricter gate can make it block.
    assert report.passes
    assert not check(PASSIVE, blocking_kinds=DEFAULT_BLOCKING | {"passive"}).passes


@pytest.mark.parametrize(
    "text",
    ["The letter was written by the office.", "Your views are being heard.", "We got told to wait."],
)
def test_passive_irregular_and_progressive(text: str) -> None:
    assert "passive" in kinds(check(text))


@pytest.mark.parametrize(
    "text", ["I was scared at school.", "You are allowed to say no.", "This is called a survey plan."]
)
def test_feelings_and_naming_are_not_passive(text: str) -> None:
    assert "passive" not in kinds(check(text))


def test_number_in_words_fails_with_digits_suggested() -> None:
    report = check(NUMBER_IN_WORDS)
    assert not report.passes
    problem = next(p for p in report.problems if p.kind == "number_in_words")
    assert problem.blocking
    assert "20" in problem.suggestion


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three hundred children", "300"),
        ("Three hundred and twenty of you", "320"),
        ("twenty-one days", "21"),
    ],
)
def test_number_phrases_become_one_number(text: str, value: str) -> None:
    problems = [p for p in check(text).problems if p.kind == "number_in_words"]
    assert len(problems) == 1
    assert problems[0].suggestion == f"Write {value} instead."


def test_one_as_a_pronoun_is_not_a_number() -> None:
    assert "number_in_words" not in kinds(check("No one will know it was you."))


def test_unexplained_hard_word_fails() -> None:
    report = check(UNEXPLAINED)
    assert not report.passes
    problem = next(p for p in report.problems if p.kind == "hard_word")
    assert UNEXPLAINED[problem.start : problem.end] == "safeguarding"
    assert "keeping children safe" in problem.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Safeguarding means keeping children safe.",
        "We have a safeguarding (keeping you safe) team.",
        "We have a new policy. This means new rules for us.",
        "We talked to Ofsted. Ofsted is the group that checks schools.",
        "Keeping you safe is called safeguarding.",
    ],
)
def test_explained_hard_word_passes_the_word_check(text: str) -> None:
    assert "hard_word" not in kinds(check(text))


def test_hard_word_only_needs_explaining_once() -> None:
    text = "An advocate is someone who helps you speak up. You can ask for an advocate."
    assert "hard_word" not in kinds(check(text))


def test_replace_words_suggest_the_plain_word() -> None:
    problem = next(p for p in check("We will ensure you are safe.").problems if p.kind == "hard_word")
    assert problem.suggestion == "Use “make sure” instead."


def test_adult_policy_paragraph_fails_on_many_counts() -> None:
    report = check(ADULT_POLICY)
    assert not report.passes
    assert {"too_long", "reading_age", "hard_word"} <= kinds(report)
    assert report.reading_age > 12


def test_more_than_one_idea() -> None:
    assert "more_than_one_idea" in kinds(check("We listened to you and we changed the rule."))
    assert "more_than_one_idea" in kinds(check("We wrote to them, but they said no because it costs a lot."))
    assert "more_than_one_idea" not in kinds(check("Mum and dad can come to the meeting too."))


def test_reading_age_threshold_is_a_parameter() -> None:
    text = "We wrote to the council about buses for children in care."
    age = check(text).reading_age
    assert check(text, max_reading_age=age).passes
    assert "reading_age" in kinds(check(text, max_reading_age=age - 0.5))


def test_empty_text_does_not_pass() -> None:
    report = check("   \n ")
    assert not report.passes
    assert kinds(report) == {"empty"}


def test_unknown_blocking_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown"):
        check(GOOD, blocking_kinds={"spelling"})


def test_messages_are_plain() -> None:
    # Authors see these: no jargon from our own code, and they read simply.
    for problem in check(ADULT_POLICY + "\n" + PASSIVE + "\n" + NUMBER_IN_WORDS).problems:
        for words in (problem.message, problem.suggestion):
            assert "_" not in words
            assert "regex" not in words.lower()


def test_report_is_deterministic_and_serialisable() -> None:
    assert check(ADULT_POLICY).to_dict() == check(ADULT_POLICY).to_dict()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_consistent_report(text: str) -> None:
    report = check(text)
    assert report.passes == (not report.blocking_problems)
    for problem in report.problems:
        assert problem.sentence is None or 0 <= problem.sentence < len(report.sentences)
        if problem.start is not None:
            assert 0 <= problem.start <= problem.end <= len(text)
    for sentence in report.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
