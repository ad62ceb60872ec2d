from __future__ import annotations

import json

import pytest

from easy_read.glossary import GLOSSARY_PATH, entries, find_hard_words, lookup

REQUIRED = """safeguarding advocacy advocate consultation|local authority|children's social care|care leaver
|corporate parent|commissioner|legislation|policy|implement|statutory|entitlement|wellbeing
|mental health services|CAMHS|exploitation|Ofsted|curriculum|SEND|EHCP|pupil referral unit
|alternative provision|youth justice|asylum|unaccompanied|placement|foster carer|residential|kinship carer
|independent reviewing officer|Section 47|Help at Hand|moderation|anonymous|confidential|escalate
|participation|feedback|survey|evidence|recommendation|stakeholders|accountable|ensure|facilitate|utilise
|approximately|prioritise|assessment|eligibility|initiative"""


def _required_terms() -> list[str]:
    first, *rest = REQUIRED.replace("\n", "").split("|")
    return first.split() + rest


def test_glossary_has_enough_words_each_complete() -> None:
    all_entries = entries()
    assert len(all_entries) >= 60
    for entry in all_entries:
        assert entry.plain and entry.meaning and entry.action in {"explain", "replace"}
        # One line a child can read: short, ends like a sentence.
        assert len(entry.meaning.split()) <= 25, entry.term
        assert entry.meaning.endswith("."), entry.term


@pytest.mark.parametrize("term", _required_terms())
def test_required_office_words_are_in_the_glossary(term: str) -> None:
    entry = lookup(term)
    assert entry is not None, term
    assert entry.term == term


def test_terms_are_unique() -> None:
    data = json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    terms = [e["term"].lower() for e in data["entries"]]
    assert len(terms) == len(set(terms))


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("Policies", "policy"),
        ("local authorities", "local authority"),
        ("LOCAL   Authority", "local authority"),
        ("advocates", "advocate"),
        ("advocating", "advocate"),
        ("EHCPs", "EHCP"),
        ("well-being", "wellbeing"),
        ("children’s social care", "children's social care"),
        ("utilize", "utilise"),
    ],
)
def test_lookup_handles_case_plurals_and_spellings(word: str, term: str) -> None:
    entry = lookup(word)
    assert entry is not None and entry.term == term


@pytest.mark.parametrize("word", ["send", "Send", "help at hand", "policyholder", "school", ""])
def test_lookup_misses_everyday_words(word: str) -> None:
    assert lookup(word) is None


def test_multi_word_terms_win_over_their_parts() -> None:
    text = "Children's social care and mental health services talked to the foster carers."
    found = find_hard_words(text)
    assert [h.term for h in found] == ["children's social care", "mental health services", "foster carer"]
    assert [text[h.start : h.end] for h in found] == [
        "Children's social care",
        "mental health services",
        "foster carers",
    ]


def test_multi_word_terms_across_line_breaks_and_spaces() -> None:
    text = "the independent\nreviewing  officer came"
    (found,) = find_hard_words(text)
    assert found.term == "independent reviewing officer"
    assert (found.start, found.end) == (4, 34)


def test_word_boundaries() -> None:
    assert find_hard_words("unsafeguarding surveyor") == []
    assert [h.term for h in find_hard_words("(survey), 'policy'!")] == ["survey", "policy"]


def test_acronyms_match_only_in_capitals() -> None:
    found = find_hard_words("Send us a message about SEND support.")
    assert [(h.term, h.start) for h in found] == [("SEND", 24)]


def test_result_shape_is_start_end_term_plain_meaning() -> None:
    (hit,) = find_hard_words("We ensure it.")
    start, end, term, plain, meaning = hit
    assert (start, end, term, plain) == (3, 9, "ensure", "make sure")
    assert meaning
