"""What staff type into the boards' forms, checked and turned into plain values.

No database here: each parser takes the submitted fields and returns a value, or raises
``InvalidInput`` with a message for each field that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from boards.models import BoardKind, UpdateStatus
from postbox.vocabulary import THEMES
from web.errors import InvalidInput
from web.http import parse_id

MAX_TEXT = 5000
DATE_HINT = "Enter a real date, for example 2026-09-01."


def parse_date(raw: str) -> date | None:
    """A date written YYYY-MM-DD; raises ValueError for anything else but empty."""
    raw = raw.strip()
    if not raw:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise ValueError("not a date")
    return date.fromisoformat(raw)


def _text(form: dict[str, str], key: str, errors: dict[str, str], *, limit: int = MAX_TEXT) -> str:
    value = form.get(key, "").replace("\r\n", "\n").strip()
    if len(value) > limit:
        errors[key] = f"Use {limit} characters or fewer."
    return value


@dataclass
class BoardInput:
    name: str
    kind: BoardKind
    description: str
    active_from: date | None
    active_until: date | None


def parse_board_form(form: dict[str, str]) -> BoardInput:
    errors: dict[str, str] = {}
    name = form.get("name", "").strip()
    if not name:
        errors["name"] = "Enter a name."
    elif len(name) > 120:
        errors["name"] = "Use 120 characters or fewer for the name."
    kind = form.get("kind", "")
    if kind not in {k.value for k in BoardKind}:
        errors["kind"] = "Choose board or cohort."
    description = form.get("description", "").strip()
    if len(description) > MAX_TEXT:
        errors["description"] = f"Use {MAX_TEXT} characters or fewer."
    dates: dict[str, date | None] = {}
    for key in ("active_from", "active_until"):
        try:
            dates[key] = parse_date(form.get(key, ""))
        except ValueError:
            errors[key] = DATE_HINT
            dates[key] = None
    if dates["active_from"] and dates["active_until"] and dates["active_until"] < dates["active_from"]:
        errors["active_until"] = "The end date must be on or after the start date."
    if errors:
        raise InvalidInput(errors)
    return BoardInput(name, BoardKind(kind), description, dates["active_from"], dates["active_until"])


@dataclass
class UpdateInput:
    title: str
    theme: str
    board_id: int
    you_said: str
    we_did: str
    status: UpdateStatus
    reason: str
    progress: int
    easy_read: str

    def words(self) -> dict[str, object]:
        return asdict(self)


def parse_update_form(form: dict[str, str], *, default_board_id: int | None = None) -> UpdateInput:
    """Check every field; raises ``InvalidInput`` with a message for each one that is wrong."""
    errors: dict[str, str] = {}
    title = _text(form, "title", errors, limit=200)
    if not title and "title" not in errors:
        errors["title"] = "Enter a title."
    theme = form.get("theme", "")
    if theme not in THEMES:
        errors["theme"] = "Choose a theme."
    board_id = parse_id(form.get("board_id", "")) if form.get("board_id") else default_board_id
    if board_id is None:
        errors["board_id"] = "Choose a board or cohort."
    you_said = _text(form, "you_said", errors)
    we_did = _text(form, "we_did", errors)
    easy_read = _text(form, "easy_read", errors)
    status = form.get("status", "planned")
    if status not in {s.value for s in UpdateStatus}:
        errors["status"] = "Choose a status."
        status = "planned"
    reason = _text(form, "reason", errors, limit=2000)
    if status == UpdateStatus.COULDNT_DO and not reason and "reason" not in errors:
        errors["reason"] = "Say why it could not be done."
    raw_progress = form.get("progress", "0").strip() or "0"
    progress = int(raw_progress) if raw_progress.isascii() and raw_progress.isdigit() else -1
    if not 0 <= progress <= 100:
        errors["progress"] = "Enter a whole number from 0 to 100."
    if errors:
        raise InvalidInput(errors)
    assert board_id is not None
    return UpdateInput(
        title, theme, board_id, you_said, we_did, UpdateStatus(status), reason, progress, easy_read
    )


@dataclass
class TimelineInput:
    text: str
    happened_on: date | None  # None: today


def parse_timeline_form(form: dict[str, str]) -> TimelineInput:
    errors: dict[str, str] = {}
    text = _text(form, "text", errors, limit=1000)
    if not text and "text" not in errors:
        errors["text"] = "Write what happened."
    happened_on = None
    try:
        happened_on = parse_date(form.get("happened_on", ""))
    except ValueError:
        errors["happened_on"] = DATE_HINT
    if errors:
        raise InvalidInput(errors)
    return TimelineInput(text, happened_on)
