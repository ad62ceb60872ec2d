"""docs/severity-rubric.md, row by row, on the whole screen (real model, our own sentences)."""

from __future__ import annotations

import pytest

from screening import Level, get_screener
from screening.rubric import raise_to_urgent
from screening.screener import Screener

ABUSE = {"abuse": 0.9, "suicide_self_harm": 0.1}
SELF_HARM = {"suicide_self_harm": 0.95, "abuse": 0.1}


@pytest.fixture(scope="module")
def screener() -> Screener:
    return get_screener()


def test_a_time_raises_an_escalated_window_to_urgent() -> None:
    assert raise_to_urgent(Level.HIGH, ABUSE, "he said he will do it again tonight") == (
        Level.URGENT,
        ["cue:now", "cue:time"],
    )


def test_means_raise_self_harm_to_urgent() -> None:
    level, reasons = raise_to_urgent(Level.HIGH, SELF_HARM, "i have been saving up tablets in my drawer")
    assert level == Level.URGENT and "cue:means" in reasons


def test_a_cue_never_makes_a_concern_on_its_own() -> None:
    assert raise_to_urgent(Level.MEDIUM, ABUSE, "we are going to the cinema tonight") == (Level.MEDIUM, [])
    assert raise_to_urgent(Level.NONE, ABUSE, "tonight tonight tonight") == (Level.NONE, [])


def test_no_cue_no_change() -> None:
    assert raise_to_urgent(Level.HIGH, ABUSE, "my uncle hit me when i was little") == (Level.HIGH, [])


@pytest.mark.parametrize(
    "text",
    [
        "my mum gave me two black eyes last week",
        "he touched me in the changing rooms after football",
        "they kicked me out when i was 16 and i have been sofa surfing since",
    ],
)
def test_past_tense_never_lowers_harm(screener: Screener, text: str) -> None:
    assert screener.screen([text])[0].level >= Level.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "i have saved up my mums tablets and im going to take them all tonight when everyone is asleep",
        "my step dad is outside my bedroom door right now shouting that hes going to kill me",
    ],
)
def test_plan_means_time_or_now_is_urgent(screener: Screener, text: str) -> None:
    assert screener.screen([text])[0].level == Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "we need more buses in the evening so we can get to the youth club",
        "the new skate park is brilliant, thank you for listening to us",
    ],
)
def test_an_ordinary_view_is_not_a_concern(screener: Screener, text: str) -> None:
    assert screener.screen([text])[0].level < Level.MEDIUM
