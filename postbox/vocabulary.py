"""The fixed choices a child can make, and the words a child sees for each status."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

THEMES: tuple[str, ...] = (
    "Better World",
    "Children's Social Care",
    "Community",
    "Education",
    "Family",
    "Health",
    "Jobs and Skills",
    "Online Safety",
    "Safety from Crime",
    "Youth Work",
    "Children Seeking Asylum",
    "Something else",
)

# What each theme means, in words a child can follow; shown beside the choice.
THEME_HINTS: dict[str, str] = {
    "Better World": "the planet, fairness, and having a say",
    "Children's Social Care": "living in care, foster care, social workers",
    "Community": "where you live, places to go, feeling part of things",
    "Education": "school, college, teachers, learning",
    "Family": "home, parents, carers, brothers and sisters",
    "Health": "feeling well, doctors, mental health",
    "Jobs and Skills": "work, training, money, your future",
    "Online Safety": "phones, games, social media",
    "Safety from Crime": "feeling safe, police, knives, gangs",
    "Youth Work": "youth clubs, activities, things to do",
    "Children Seeking Asylum": "coming to this country to be safe",
    "Something else": "anything not in this list",
}

AGE_BANDS: tuple[str, ...] = ("under 8", "8-11", "12-15", "16-17", "18-25")

AGE_BAND_LABELS: dict[str, str] = {
    "under 8": "Under 8",
    "8-11": "8 to 11",
    "12-15": "12 to 15",
    "16-17": "16 or 17",
    "18-25": "18 to 25",
}

FOUND_US: tuple[str, ...] = ("school", "friend", "family", "youth club", "social worker", "online", "other")

FOUND_US_LABELS: dict[str, str] = {
    "school": "At school",
    "friend": "From a friend",
    "family": "From my family",
    "youth club": "At a youth club",
    "social worker": "From a social worker or carer",
    "online": "Online",
    "other": "Somewhere else",
}

# Status words a child sees, keyed by ``ViewStatus`` value.
STATUS_WORDS: dict[str, str] = {
    "received": "We got your message.",
    "being_read": "Someone is reading your message.",
    "with_help_team": "We passed your message to our help team.",
    "shared": "We shared your message with the children's board.",
    "answered": "We wrote back to you.",
}

STATUS_TITLES: dict[str, str] = {
    "received": "Received",
    "being_read": "Being read",
    "with_help_team": "Passed to our help team",
    "shared": "Shared with the board",
    "answered": "Answered",
}

_AREAS_FILE = Path(__file__).with_name("data") / "local_authorities.json"


@cache
def areas() -> tuple[str, ...]:
    return tuple(json.loads(_AREAS_FILE.read_text(encoding="utf-8")))
