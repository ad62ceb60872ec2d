"""The rules card: docs/screen-rules.md, written from the rules themselves.

``python -m moderation rules-card`` writes it; a test fails when the committed file is not
what ``render()`` gives, so the card a safeguarding lead reads is always the rules that run.
"""

from __future__ import annotations

from pathlib import Path

from ..types import CATEGORIES, Level
from . import RULES, RULES_VERSION
from .cues import CUES
from .engine import MODIFIERS
from .model import Rule

CARD_PATH = Path(__file__).resolve().parents[2] / "docs" / "screen-rules.md"

CATEGORY_TITLES = {
    "suicide_self_harm": "Suicide and self-harm",
    "abuse": "Abuse",
    "neglect": "Neglect",
    "exploitation": "Exploitation",
    "bullying": "Bullying",
    "violence": "Violence",
    "running_away": "Running away",
    "toxicity": "Rude or angry words",
}
JOKE = {
    "cap": "a joke marker caps it at medium",
    "drop": "a joke marker removes it",
    "ignore": "joke markers do not change it",
}


def _quote(texts: tuple[str, ...]) -> str:
    return "; ".join(f"“{t}”" for t in texts)


def _rule(rule: Rule) -> list[str]:
    context = []
    if rule.first_person:
        context.append("about the child: a denial just before it removes it, someone else lowers it")
    else:
        context.append("already about someone else")
    context.append(JOKE[rule.joke])
    if rule.unless is not None:
        context.append("void when its sentence is about play, a game, a lesson or the like (see the pattern)")
    if rule.opinion:
        context.append("an opinion about services lowers it to low")
    lines = [
        f"### `{rule.name}`: {rule.level.label}",
        "",
        rule.description,
        "",
        f"- **Fires on:** {_quote(rule.fires_on)}",
        f"- **Stays quiet on:** {_quote(rule.quiet_on)}",
        f"- **Context:** {'; '.join(context)}.",
        "- **Only looked for in a sentence with:** "
        + " and ".join("one of " + ", ".join(f"`{s}`" for s in group) for group in rule.needs),
        "",
        "<details><summary>Pattern</summary>",
        "",
        "```",
        rule.pattern.pattern,
        "```",
    ]
    if rule.unless is not None:
        lines += ["", "Void when the sentence matches:", "", "```", rule.unless.pattern, "```"]
    lines += ["", "</details>", ""]
    return lines


def render() -> str:
    """The whole card, as Markdown."""
    lines = [
        "# The screen's rules",
        "",
        f"Written by `python -m moderation rules-card` from `screening/rules/` ({RULES_VERSION}: "
        f"{len(RULES)} rules, {len(CUES)} cues).",
        "Do not edit by hand: change a rule, its description or its examples in `screening/rules/` and",
        "run the command again. A test fails when this file is out of date, and another runs every",
        "example below.",
        "",
        "The rules add precision to the learned layer: they read negation, jokes, someone else and",
        "opinions, and they name the severity cues of `docs/severity-rubric.md`. Each rule gives a level",
        "when it matches unmodified; its context can lower or raise it (below). The screen's result is",
        "the most severe level any layer gives.",
        "",
        "| level | what happens |",
        "|---|---|",
        "| urgent | a Help at Hand case and an e-mail at once |",
        "| high | a Help at Hand case and an e-mail; acted on the same working day |",
        "| medium | the moderation queue; read within 3 working days |",
        "| low, none | available to boards once personal details are hidden |",
        "",
        "## Rules per category",
        "",
        "| category | rules | urgent | high | medium |",
        "|---|---|---|---|---|",
    ]
    for category in CATEGORIES:
        rules = [r for r in RULES if r.category == category]
        if rules:
            counts = [
                sum(1 for r in rules if r.level == level)
                for level in (Level.URGENT, Level.HIGH, Level.MEDIUM)
            ]
            lines.append(
                f"| {CATEGORY_TITLES[category]} | {len(rules)} | {counts[0]} | {counts[1]} | {counts[2]} |"
            )
    lines += ["", "## How a match is read in its context", ""]
    lines += ["| modifier | what it does |", "|---|---|"]
    lines += [f"| `{name}` | {text} |" for name, text in MODIFIERS.items()]
    lines += [
        "",
        "## Severity cues",
        "",
        "`cues(text)` names these; `apply_cues` raises a level with them. A cue never makes a worry on",
        "its own: it counts only when the category already has the level in the “from” column.",
        "",
        "| cue | from | to | what it is | found in | not in |",
        "|---|---|---|---|---|---|",
    ]
    for cue in CUES:
        lines.append(
            f"| `{cue.name}` | {cue.applies_from.label} | {cue.raises_to.label} | {cue.description} | "
            f"{_quote(cue.fires_on)} | {_quote(cue.quiet_on)} |"
        )
    for category in CATEGORIES:
        rules = [r for r in RULES if r.category == category]
        if not rules:
            continue
        lines += ["", f"## {CATEGORY_TITLES[category]}", ""]
        for rule in rules:
            lines += _rule(rule)
    return "\n".join(lines).rstrip() + "\n"


def write(path: Path = CARD_PATH) -> Path:
    path.write_text(render(), encoding="utf-8")
    return path
