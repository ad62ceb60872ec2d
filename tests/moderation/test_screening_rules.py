"""Phrase rules on how children write: what must escalate, what must be flagged, what must not."""

from __future__ import annotations

import pytest

from moderation.screening import CATEGORIES, Level, fast_screen

ESCALATE = [
    ("i want to kms", "suicide_self_harm"),
    ("i wanna die", "suicide_self_harm"),
    ("honestly i just want to end it all", "suicide_self_harm"),
    ("i keep thinking about sucide", "suicide_self_harm"),
    ("self harn is something i do every night", "suicide_self_harm"),
    ("i been sh again", "suicide_self_harm"),
    ("i want to unalive myself", "suicide_self_harm"),
    ("i dont want to live anymore", "suicide_self_harm"),
    ("i feel suicidal all the time", "suicide_self_harm"),
    ("i cut myself last night and no one knows", "suicide_self_harm"),
    ("everyone would be better off without me", "suicide_self_harm"),
    ("i wish i was never born", "suicide_self_harm"),
    ("my stepdad hits me when mum's at work", "abuse"),
    ("my dad punches me if i get bad marks", "abuse"),
    ("my uncle touches me and says its our secret", "abuse"),
    ("im scared to go home", "abuse"),
    ("there's no food in the house and i havent eaten for 2 days", "neglect"),
    ("a man on snapchat keeps asking me to send pics", "exploitation"),
    ("older boys make me carry drugs for them", "exploitation"),
    ("i carry a knife cos i'm scared", "violence"),
    ("my mum kicked me out and i have nowhere to sleep", "running_away"),
    ("no one is allowed to know but i cut my arms", "suicide_self_harm"),
]

URGENT = [
    "i have pills saved up and im going to take them tonight",
    "im going to kill myself tonight",
    "i've taken 20 paracetamol",
    "i bought a rope i'm going to end it all",
    "im going to jump off the bridge after school",
    "he is hitting me right now please help",
]

NOT_ESCALATED = [
    "school is shit, we need better teachers",
    "this homework is killing me",
    "i'm dying of boredom",
    "i could kill my brother lol",
    "im gonna kill him lol he took my charger",
    "i would never hurt myself",
    "i'm not going to kill myself, i just want better buses",
    "my mum is going to kill me when she sees my report",
    "fuck this fucking bus it's always late",
    "knife crime is bad in my area, we need youth clubs",
    "bullying is a big problem and schools should do more",
    "we need more mental health support in schools",
    "i got hit by a ball in pe",
    "i'm so hungry i could eat a horse",
]


@pytest.mark.parametrize(("text", "category"), ESCALATE)
def test_disclosures_escalate(text: str, category: str) -> None:
    result = fast_screen(text)
    assert result.escalate, (text, result.reasons)
    assert result.categories[category] >= 0.5
    assert result.reasons, "every escalation names the rule that fired"
    assert any(span.kind == "risk" for span in result.spans)


@pytest.mark.parametrize("text", URGENT)
def test_plan_means_or_time_is_urgent(text: str) -> None:
    assert fast_screen(text).level == Level.URGENT, fast_screen(text).reasons


@pytest.mark.parametrize("text", NOT_ESCALATED)
def test_jokes_negation_and_swearing_do_not_escalate(text: str) -> None:
    result = fast_screen(text)
    assert not result.escalate, (text, result.reasons)
    assert result.level <= Level.LOW


@pytest.mark.parametrize(
    "text",
    [
        "my friend said she wants to die",
        "my best mate keeps saying he wants to kill himself",
        "my friend is cutting herself and told me not to tell",
    ],
)
def test_third_party_concern_is_flagged(text: str) -> None:
    result = fast_screen(text)
    assert result.level >= Level.MEDIUM
    assert "third_party" in result.reasons
    assert result.categories["suicide_self_harm"] >= 0.5


def test_past_tense_is_lower_than_present() -> None:
    past = fast_screen("i used to self harm but i'm ok now")
    present = fast_screen("i self harm")
    assert past.level == Level.MEDIUM
    assert "past" in past.reasons
    assert present.level >= Level.HIGH


def test_relapse_is_not_past() -> None:
    assert fast_screen("i used to self harm and i started again last week").escalate


def test_joke_marker_on_self_harm_still_gets_read() -> None:
    result = fast_screen("kms lol this test tomorrow")
    assert result.level == Level.MEDIUM  # a person reads: children joke, and children hide
    assert "joke_marker" in result.reasons


def test_negation_with_right_now_still_gets_read() -> None:
    result = fast_screen("i don't want to die right now")
    assert result.level == Level.MEDIUM


def test_told_to_kill_yourself_is_bullying_not_a_disclosure() -> None:
    result = fast_screen("people at school tell me to kill myself")
    assert result.categories["bullying"] >= 0.5
    assert "kill_myself" not in result.reasons


def test_run_on_text_without_punctuation() -> None:
    text = "i hate school everyone is mean and my dad hits me when he is drunk and i dont no who to tell"
    result = fast_screen(text)
    assert result.escalate
    assert "physical_abuse" in result.reasons


def test_result_shape() -> None:
    result = fast_screen("hello")
    assert set(result.categories) == set(CATEGORIES)
    assert result.level == Level.NONE
    assert result.model_versions.keys() == {"rules"}
    for span in fast_screen("i want to kms").spans:
        assert 0 <= span.start < span.end
