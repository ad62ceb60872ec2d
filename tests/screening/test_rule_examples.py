"""Every rule is data with its own examples: each fires on its own and stays quiet on its own.

Also what the engine's prefilter relies on, checked on the rules as written: every match of a
rule holds a string of each of its ``needs`` groups, no pattern can match a piece mark ("." or
"?"), and every pattern is lower case (it runs on the folded view).
"""

from __future__ import annotations

import pytest

from screening import CATEGORIES, Level
from screening.rules import RULES, apply_rules
from screening.rules.cues import CUES, apply_cues, cues
from screening.rules.matcher import PIECE_MARKS
from screening.rules.text import folded_view

RULE_IDS = [rule.name for rule in RULES]


def test_rule_names_are_unique_and_every_rule_is_described() -> None:
    assert len(set(RULE_IDS)) == len(RULE_IDS)
    for rule in RULES:
        assert rule.category in CATEGORIES, rule.name
        assert rule.description.strip().endswith("."), rule.name
        assert rule.fires_on and rule.quiet_on, rule.name
        assert rule.joke in ("cap", "drop", "ignore"), rule.name


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_rule_fires_on_its_examples(rule) -> None:
    for text in rule.fires_on:
        outcome = apply_rules(text)
        assert rule.name in outcome.reasons, (rule.name, text, outcome.reasons)
        assert outcome.categories[rule.category] >= 0.5 or rule.level <= Level.MEDIUM, (rule.name, text)
        assert any(span.label == rule.name for span in outcome.spans)


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_rule_stays_quiet_on_its_examples(rule) -> None:
    for text in rule.quiet_on:
        assert rule.name not in apply_rules(text).reasons, (rule.name, text)


def test_no_rule_fires_on_nothing() -> None:
    """Across every rule's examples, each rule fires at least once (a rule that never fires is dead)."""
    fired: set[str] = set()
    for rule in RULES:
        for text in rule.fires_on:
            fired |= set(apply_rules(text).reasons)
    assert [rule.name for rule in RULES if rule.name not in fired] == []


def _corpus() -> list[str]:
    from screening.datasets import load_examples, load_views

    texts = [t for rule in RULES for t in (*rule.fires_on, *rule.quiet_on)]
    texts += [e["text"] for e in load_examples()]
    texts += [v["text"] for v in load_views()]
    return texts


def test_every_match_holds_a_needed_string_of_each_group() -> None:
    """What the prefilter assumes, checked on every match of every rule over the examples and data."""
    from screening.rules.text import folded_view

    for text in _corpus():
        folded = folded_view(text)
        for rule in RULES:
            for match in rule.pattern.finditer(folded):
                for group in rule.needs:
                    assert any(s in match.group() for s in group), (rule.name, group, match.group())


def test_needed_strings_hold_no_piece_mark_and_are_lower_case() -> None:
    for rule in RULES:
        for group in rule.needs:
            assert group, rule.name
            for string in group:
                assert string and string == string.lower(), (rule.name, string)
                assert not set(string) & set(PIECE_MARKS), (rule.name, string)


def _can_match_a_mark(source: str) -> str | None:
    """Why a pattern's source could match "." or "?", or None. Reads the regex text itself."""
    marks = set(PIECE_MARKS)
    i = 0
    while i < len(source):
        char = source[i]
        if source.startswith(("(?<=", "(?<!"), i):
            # A look-behind reads text before the match, never at its end: it may see a mark.
            depth, i = 1, i + 4
            while depth:
                if source[i] == "\\":
                    i += 1
                elif source[i] == "(":
                    depth += 1
                elif source[i] == ")":
                    depth -= 1
                i += 1
            continue
        if char == "\\":
            escaped = source[i + 1]
            if escaped in "WSD" or escaped in marks:
                return source[i : i + 2]
            i += 2
            continue
        if char == ".":
            return "."  # any character
        if char == "[":
            end = i + 1
            if source[end] == "^":
                end += 1
            if source[end] == "]":
                end += 1
            while source[end] != "]":
                end += 2 if source[end] == "\\" else 1
            body = source[i + 1 : end]
            negated = body.startswith("^")
            members: set[str] = set()
            classes: set[str] = set()
            j = 1 if negated else 0
            while j < len(body):
                if body[j] == "\\":
                    (classes if body[j + 1] in "wWsSdD" else members).add(body[j + 1])
                    j += 2
                elif j + 2 < len(body) and body[j + 1] == "-":
                    low, high = body[j], body[j + 2]
                    members |= {m for m in marks if low <= m <= high}
                    j += 3
                else:
                    members.add(body[j])
                    j += 1
            if negated and not marks <= members:
                return source[i : end + 1]
            if not negated and (members & marks or classes & set("WSD")):
                return source[i : end + 1]
            i = end + 1
            continue
        i += 1
    return None


def test_no_rule_pattern_can_match_a_piece_mark() -> None:
    for rule in RULES:
        assert _can_match_a_mark(rule.pattern.pattern) is None, (
            rule.name,
            _can_match_a_mark(rule.pattern.pattern),
        )


def test_the_mark_reader_finds_what_matches_a_mark() -> None:
    for source in (r"a.b", r"\W", r"[^a]", r"[.!]", r"[ -~]", r"\?", r"[\S]", r"(?<=a)(?=[.])"):
        assert _can_match_a_mark(source) is not None, source
    for source in (
        r"\bkms\b",
        r"[^.!?\n]{0,40}",
        r"su[!1*]c",
        r"(?:i'?m)\s+",
        r"(?<!me to )\w+",
        r"(?<=[.?])x",
    ):
        assert _can_match_a_mark(source) is None, source


def test_patterns_are_lower_case_because_they_run_on_the_folded_view() -> None:
    import re

    for rule in RULES:
        letters = re.sub(r"\\.", "", rule.pattern.pattern)  # escapes such as \b \s \W
        assert letters == letters.lower() and letters.isascii(), rule.name
        assert not rule.pattern.flags & re.IGNORECASE, rule.name


# ---- the rubric: what a past tense, an opinion and the severity cues do ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "she gave me two black eyes",
        "he touched me",
        "they kicked me out",
        "when i was 7 my uncle touched me",
        "my dad used to hit me when i was little",
    ],
)
def test_a_past_tense_verb_never_lowers_harm_done_to_the_child(text: str) -> None:
    outcome = apply_rules(text)
    assert outcome.level >= Level.HIGH, (text, outcome.reasons)
    assert "past" not in outcome.reasons


def test_only_words_that_it_is_over_and_they_are_safe_lower_harm_and_only_to_medium() -> None:
    outcome = apply_rules("my dad used to hit me but that was years ago, i live with my nan now and i'm safe")
    assert outcome.level == Level.MEDIUM
    assert "past" in outcome.reasons


def test_self_harm_clearly_over_is_read_not_escalated() -> None:
    assert apply_rules("i used to self harm but i'm better now").level == Level.MEDIUM


def test_an_opinion_about_services_is_not_flagged_but_a_disclosure_beside_it_is() -> None:
    opinion = apply_rules("i think schools should talk to me about self harm more")
    assert opinion.level <= Level.LOW and "opinion" in opinion.reasons
    disclosure = apply_rules("i self harm and schools should talk about it more")
    assert disclosure.level >= Level.HIGH


CUE_IDS = [cue.name for cue in CUES]


@pytest.mark.parametrize("cue", CUES, ids=CUE_IDS)
def test_cue_is_found_in_its_examples_and_not_in_its_quiet_ones(cue) -> None:
    for text in cue.fires_on:
        assert cue.name in cues(text), (cue.name, text, cues(text))
    for text in cue.quiet_on:
        assert cue.name not in cues(text), (cue.name, text, cues(text))


def test_cues_raise_a_level_the_way_the_rubric_says_and_never_lower_it() -> None:
    found = cues("my uncle hits me every day and he is coming home tonight")
    assert {"trusted_adult", "ongoing", "now", "time"} <= found
    assert apply_cues(Level.HIGH, "abuse", found) == Level.URGENT
    assert apply_cues(Level.MEDIUM, "abuse", {"ongoing"}) == Level.HIGH
    assert apply_cues(Level.NONE, "abuse", found) == Level.NONE  # a cue alone is not a worry
    assert apply_cues(Level.MEDIUM, "suicide_self_harm", {"time"}) == Level.MEDIUM  # low mood today
    assert apply_cues(Level.HIGH, "suicide_self_harm", {"means"}) == Level.URGENT
    assert apply_cues(Level.URGENT, "abuse", set()) == Level.URGENT
    assert apply_cues(Level.HIGH, "toxicity", found) == Level.HIGH


def test_a_young_child_alone_and_an_age_gap_are_worked_out_from_ages() -> None:
    assert "young_child_alone" in cues("im 7 and nobody's home")
    assert "young_child_alone" not in cues("im 14 and nobody's home")
    assert "age_gap" in cues("he's 22 and i'm 14")
    assert "age_gap" not in cues("he's 15 and i'm 14")
    assert folded_view("I’M 7") == "i'm 7"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("my teacher calls me stupid", "trusted_adult"),
        ("im scared of my stepdad", "trusted_adult"),
        ("my mum is always drunk and i have bruises", "injury"),
    ],
)
def test_a_cue_in_the_sentence_raises_a_worry_about_an_adult_to_high(text: str, cue: str) -> None:
    outcome = apply_rules(text)
    assert outcome.level == Level.HIGH and cue in outcome.reasons, outcome.reasons


@pytest.mark.parametrize(
    "text", ["my mum calls me stupid", "i am scared of my dad", "my mum is always drunk"]
)
def test_the_same_worry_without_a_cue_stays_medium(text: str) -> None:
    assert apply_rules(text).level == Level.MEDIUM
