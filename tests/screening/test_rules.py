"""Phrase rules on how children write: what must escalate, what must be flagged, what must not."""

from __future__ import annotations

import pytest

from screening import CATEGORIES, Level, fast_screen

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


# ---- rules added in rules-2025.2: each with a positive, a negated and a joking/harmless case ----

NEW_RULE_POSITIVES = [
    ("they all laugh at me every day", "bullies_me", "bullying", Level.HIGH),
    ("people keep calling me names", "bullies_me", "bullying", Level.HIGH),
    ("i get called a terrorist at school", "bullies_me", "bullying", Level.HIGH),
    ("im being bullied at school", "being_bullied", "bullying", Level.HIGH),
    ("they post stuff about me online", "online_bullying", "bullying", Level.HIGH),
    ("someone made a fake account of me", "online_bullying", "bullying", Level.HIGH),
    ("they said horrible things about me in class", "nasty_words_about_me", "bullying", Level.HIGH),
    ("nobody will sit with me", "left_out", "bullying", Level.MEDIUM),
    ("i dont want to go to school because of the bullies", "school_avoidance", "bullying", Level.MEDIUM),
    ("people at school tell me to kill myself", "told_to_die", "bullying", Level.HIGH),
    ("i'm going to run away", "running_away_plan", "running_away", Level.HIGH),
    ("i might run away", "running_away", "running_away", Level.MEDIUM),
    ("im leaving home tonight", "leaving_home", "running_away", Level.HIGH),
    ("i packed a bag and im leaving and never coming back", "leaving_home", "running_away", Level.HIGH),
    ("i slept at the park", "slept_rough", "running_away", Level.HIGH),
    ("i keep going missing from my placement", "going_missing", "running_away", Level.HIGH),
    ("i don't want to go home", "not_going_home", "running_away", Level.MEDIUM),
    ("i ran off after school", "ran_away", "running_away", Level.HIGH),
    ("he said he will stab me if i tell", "threatened_with_violence", "violence", Level.HIGH),
    ("they said they are going to kill me", "threatened_to_kill", "violence", Level.MEDIUM),
    ("someone got stabbed in front of me", "witnessed_violence", "violence", Level.HIGH),
    ("he is blackmailing me", "blackmailed", "exploitation", Level.HIGH),
    ("i keep staying out with older men", "older_men", "exploitation", Level.HIGH),
    ("i sent a boy nudes", "sent_images", "exploitation", Level.HIGH),
    ("i look after my baby sister every night because mum goes out", "left_in_charge", "neglect", Level.HIGH),
    ("my mum stays in bed all day", "carer_not_coping", "neglect", Level.MEDIUM),
    ("i just want it all to end", "want_it_to_end", "suicide_self_harm", Level.HIGH),
    ("i stopped eating on purpose", "eating_harm", "suicide_self_harm", Level.HIGH),
    ("i'm going to die", "going_to_die", "suicide_self_harm", Level.MEDIUM),
    ("she wants to die", "third_party_mention", "suicide_self_harm", Level.MEDIUM),
]


@pytest.mark.parametrize(("text", "rule", "category", "level"), NEW_RULE_POSITIVES)
def test_new_rules_fire_with_their_name(text: str, rule: str, category: str, level: Level) -> None:
    result = fast_screen(text)
    assert rule in result.reasons, (text, result.reasons)
    assert result.level >= level, (text, result.level, result.reasons)
    assert result.categories[category] >= 0.5
    assert any(span.label == rule for span in result.spans)


NEW_RULE_NEGATED = [
    "i'm not being bullied any more",
    "i'm not going to run away",
    "i would never run away",
    "i am not leaving home",
    "i never slept outside",
    "i havent gone missing",
    "i'm not homeless",
    "nobody wants to die",
]


@pytest.mark.parametrize("text", NEW_RULE_NEGATED)
def test_new_rules_respect_negation(text: str) -> None:
    result = fast_screen(text)
    assert result.level <= Level.LOW, (text, result.reasons)


NEW_RULE_HARMLESS = [
    "running away from a dog",
    "i was running away from a wasp in the playground haha",
    "bullying is wrong we learned about it",
    "i want to run away to disneyland lol",
    "i want to run away and join the circus when i grow up",
    "they laughed at my joke lol",
    "my friends call me a legend",
    "i slept in a tent at scout camp",
    "i don't want to go home this holiday is amazing",
    "i'm leaving home for uni next year",
    "lol my mum said she'd kill me if i was late again",
    "i'm going to die if i don't get tickets lol",
    "i thought i was going to die on that rollercoaster",
    "my little brother hits me with his toy sword when we play",
    "i hurt my leg playing football",
    "i cut my finger cooking",
    "the cuts to youth services are bad",
    "i sat on the edge of my bed and cried",
    "i watched a film where someone gets shot",
    "i took my meds this morning",
    "everyone laughs at my dad's jokes",
]


@pytest.mark.parametrize("text", NEW_RULE_HARMLESS)
def test_jokes_play_and_everyday_words_do_not_match(text: str) -> None:
    result = fast_screen(text)
    assert result.level <= Level.LOW, (text, result.reasons)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("im going to run away tonight lol", "running_away_plan"),
        ("they all laugh at me every day lol", "bullies_me"),
        ("i slept at the park last night haha", "slept_rough"),
    ],
)
def test_joke_marker_caps_new_rules_at_medium(text: str, rule: str) -> None:
    result = fast_screen(text)
    assert rule in result.reasons
    assert result.level == Level.MEDIUM  # a person still reads it
    assert "joke_marker" in result.reasons


def test_running_away_in_the_past_with_recovery_is_lower() -> None:
    result = fast_screen("i used to run away a lot when i was younger but im ok now")
    assert not result.escalate


@pytest.mark.parametrize(
    "text",
    [
        "if you feel suicidal call a helpline",
        "those who are having suicidal thoughts should talk to someone",
        "she's going to end it all",
    ],
)
def test_someone_else_or_people_in_general_is_read_not_escalated(text: str) -> None:
    result = fast_screen(text)
    assert result.level == Level.MEDIUM, (text, result.reasons)
    assert "other_person" in result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "5% of people will die before they are 40",
        "Lincoln was shot in 1865",
        "he died from a drug overdose",
        "Kurt Cobain's suicide note was found",
        "i had all the symptoms of ptsd",
    ],
)
def test_adult_news_and_history_do_not_escalate(text: str) -> None:
    assert not fast_screen(text).escalate, fast_screen(text).reasons


# ---- the multi-pattern prefilter never changes what fires ----------------------------------

POSITIVE_TEXTS = [
    *(text for text, _ in ESCALATE),
    *URGENT,
    *(text for text, *_ in NEW_RULE_POSITIVES),
    "my friend said she wants to die",
    "my best mate keeps saying he wants to kill himself",
    "my friend is cutting herself and told me not to tell",
    "i used to self harm and i started again last week",
    "kms lol this test tomorrow",
    "i don't want to die right now",
    "i hate school everyone is mean and my dad hits me when he is drunk and i dont no who to tell",
    "im going to run away tonight lol",
    "they all laugh at me every day lol",
    "i slept at the park last night haha",
    "if you feel suicidal call a helpline",
    "she's going to end it all",
]


def _reference(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every rule's raw matches, the plain way: the rule's own pattern over the whole view."""
    from screening.rules import RULES
    from screening.rules.text import folded_view

    folded = folded_view(text)
    return {rule.name: [m.span() for m in rule.pattern.finditer(folded)] for rule in RULES}


def _through_matcher(text: str) -> dict[str, list[tuple[int, int]]]:
    from screening.rules import _MATCHER, RULES
    from screening.rules.text import folded_view

    found = _MATCHER.matches(folded_view(text))
    return {rule.name: [m.span() for m in matches] for rule, matches in zip(RULES, found, strict=True)}


def test_every_rule_with_an_example_still_fires_through_the_prefilter() -> None:
    from screening.rules import RULES

    covered: set[str] = set()
    for text in POSITIVE_TEXTS:
        reference = _reference(text)
        assert _through_matcher(text) == reference, text  # the prefilter dropped or moved a match
        covered |= {name for name, spans in reference.items() if spans}
    assert {rule for _, rule, *_ in NEW_RULE_POSITIVES} <= covered
    assert len(covered) >= len(RULES) // 3


def test_prefilter_on_long_views_agrees_with_every_rule_run_in_full() -> None:
    filler = "we went to the park and then we had tea at my nan's house, it was fine. " * 20
    for text in POSITIVE_TEXTS[::3]:
        long_view = (filler + text + " " + filler.upper())[:5000]
        assert _through_matcher(long_view) == _reference(long_view), text


def test_fold_matches_ignorecase_at_every_code_point() -> None:
    """The rules rely on: an ASCII letter matches ignoring case exactly where it is in the folded
    text, ``\\w``/``\\s``/``\\d`` and sentence marks are unchanged by folding, and folding keeps
    every offset."""
    import re
    import sys

    from screening.folding import fold

    text = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folded = fold(text)
    assert len(folded) == len(text)

    def at(pattern: str, flags: int, s: str) -> list[int]:
        return [m.start() for m in re.finditer(pattern, s, flags)]

    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert at(letter, re.IGNORECASE, text) == at(letter, 0, folded), letter
    for cls in (r"\w", r"\s", r"\d", r"[.!?\n]"):
        assert at(cls, 0, text) == at(cls, 0, folded), cls


# Words every rule starts with or needs, shuffled with everyday words, digits and sentence
# marks: each rule's matches through the prefilter must be exactly its own finditer.
_RULE_WORDS = [
    "my", "step", "dad", "mum's", "he", "she", "they", "i", "i'm", "im", "me", "you'll", "they'll", "hits",
    "hit", "punched", "calls", "me", "worthless", "wants", "want", "to", "die", "kill", "myself", "self",
    "harm", "selfharm", "got", "stabbed", "jumped", "then", "and", "just", "a", "knife", "gun", "pulled",
    "on", "older", "man", "40", "yo", "online", "snap", "asked", "for", "pics", "run", "away", "kick",
    "out", "will", "going", "gonna", "home", "never", "not", "bully", "bullies", "laugh", "at", "sh",
    "suicidal", "thoughts", "thinking", "about", "suicide", "locked", "in", "drunk", "carry", "drugs",
    "overdosed", "called", "gave", "black", "eyes", "nudes", "share", "secret", "told",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(40))
def test_prefilter_agrees_with_every_rule_run_in_full_on_shuffled_words(seed: int) -> None:
    import random

    rng = random.Random(seed)
    pieces = [
        *_RULE_WORDS,
        ". ",
        "! ",
        "? ",
        "\n",
        ", ",
        ".",
        "?",
        "lol",
        "The",
        "MY",
        "Dad",
        "2",
        "12",
        "got stabbed",
    ]
    text = " ".join(rng.choice(pieces) for _ in range(rng.randint(5, 400)))
    assert _through_matcher(text) == _reference(text), text


def test_sentence_bounds_are_the_sentence_marks_around_a_match() -> None:
    import random
    import re

    from screening.rules.engine import _sentence_bounds

    marks = re.compile(r"[.!?\n]+")
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice("ab .!?\n") for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        left = max((m.end() for m in marks.finditer(text, 0, start)), default=0)
        right = marks.search(text, end)
        assert _sentence_bounds(text, start, end) == (left, right.start() if right else len(text)), text
