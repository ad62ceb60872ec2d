"""Boards and cohorts, and the "you said, we did" workflow: draft → in review → published.

Every function takes the signed-in ``Staff`` and checks scope against the record it loads
(``Staff.may_see_board``); a record out of scope is reported as not found, so a board
member cannot learn that another board's draft exists. Every action is audited.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime

from tortoise.transactions import in_transaction

from accounts.models import StaffUser
from accounts.roles import Role
from accounts.services import Staff, audit
from boards.models import (
    Board,
    BoardKind,
    TimelineEntry,
    Update,
    UpdateRevision,
    UpdateState,
    UpdateStatus,
    UpdateView,
)
from easy_read.checker import EasyReadReport, check
from postbox.models import View
from postbox.services import shown_text
from postbox.vocabulary import THEMES
from web.errors import InvalidInput, NotFound
from web.hooks import Choice
from web.http import parse_id

WORKSPACE: frozenset[Role] = frozenset({Role.ADMIN, Role.EDITOR, Role.BOARD_MEMBER, Role.AMBASSADOR})
REVIEWERS: frozenset[Role] = frozenset({Role.ADMIN, Role.EDITOR})
MAX_TEXT = 5000

# For staff pages.
STATUS_LABELS: dict[str, str] = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "couldnt_do": "Could not be done",
}
STATE_LABELS: dict[str, str] = {"draft": "Draft", "in_review": "In review", "published": "Published"}
# For children: what each status means, in plain words.
STATUS_WORDS: dict[str, str] = {
    "planned": "We plan to do this",
    "in_progress": "We are doing this now",
    "done": "We did this",
    "couldnt_do": "We could not do this",
}
# Fields only an editor or admin may change once an update is public.
_PUBLIC_WORDS = ("title", "theme", "you_said", "we_did", "easy_read")


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


def parse_date(raw: str) -> date | None:
    """A date written YYYY-MM-DD; raises ValueError for anything else but empty."""
    raw = raw.strip()
    if not raw:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise ValueError("not a date")
    return date.fromisoformat(raw)


# Boards and cohorts ---------------------------------------------------------------------


async def visible_boards(staff: Staff) -> list[Board]:
    boards = await Board.all().order_by("kind", "name")
    return [b for b in boards if staff.may_see_board(b.id)]


async def load_board(staff: Staff, board_id: object) -> Board:
    pk = parse_id(board_id)
    board = await Board.get_or_none(id=pk) if pk else None
    if board is None or not staff.may_see_board(board.id):
        raise NotFound("There is no such board or cohort.")
    return board


async def board_choices() -> list[Choice]:
    """Every board and cohort, for packages that may not import boards (``Hooks.board_choices``)."""
    return [Choice(board.id, board.name) for board in await Board.all().order_by("id")]


async def members_of(board: Board) -> list[StaffUser]:
    return await StaffUser.filter(board_id=board.id).order_by("role", "email")


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
            errors[key] = "Enter a real date, for example 2026-09-01."
            dates[key] = None
    if dates["active_from"] and dates["active_until"] and dates["active_until"] < dates["active_from"]:
        errors["active_until"] = "The end date must be on or after the start date."
    if errors:
        raise InvalidInput(errors)
    return BoardInput(name, BoardKind(kind), description, dates["active_from"], dates["active_until"])


async def create_board(staff: Staff, data: BoardInput) -> Board:
    if await Board.exists(name=data.name):
        raise InvalidInput({"name": "There is already a board or cohort with that name."})
    board = await Board.create(**asdict(data))
    await audit(staff, "board.created", "board", board.id, f"{data.kind.value}: {data.name}")
    return board


async def edit_board(staff: Staff, board: Board, data: BoardInput) -> Board:
    if await Board.filter(name=data.name).exclude(id=board.id).exists():
        raise InvalidInput({"name": "There is already a board or cohort with that name."})
    board.update_from_dict(asdict(data))
    await board.save()
    await audit(staff, "board.updated", "board", board.id, data.name)
    return board


# Updates --------------------------------------------------------------------------------


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


def _text(form: dict[str, str], key: str, errors: dict[str, str], *, limit: int = MAX_TEXT) -> str:
    value = form.get(key, "").replace("\r\n", "\n").strip()
    if len(value) > limit:
        errors[key] = f"Use {limit} characters or fewer."
    return value


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


def snapshot(update: Update) -> dict[str, object]:
    return {
        "title": update.title,
        "theme": update.theme,
        "board_id": update.board_id,
        "you_said": update.you_said,
        "we_did": update.we_did,
        "status": str(update.status),
        "reason": update.reason,
        "progress": update.progress,
        "easy_read": update.easy_read,
        "state": str(update.state),
    }


def slugify(title: str) -> str:
    title = title.replace("'", "").replace("’", "")
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80].strip("-")
    return slug or "update"


async def _unique_slug(title: str) -> str:
    base = slugify(title)
    slug, n = base, 1
    while await Update.exists(slug=slug):
        n += 1
        slug = f"{base}-{n}"
    return slug


async def record_revision(staff: Staff | None, update: Update, using_db: object = None) -> None:
    await UpdateRevision.create(
        update=update,
        author_id=staff.id if staff else None,
        author=staff.email if staff else "system",
        state=str(update.state),
        snapshot=snapshot(update),
        using_db=using_db,
    )


async def _check_board(staff: Staff, board_id: int) -> Board:
    try:
        return await load_board(staff, board_id)
    except NotFound as exc:
        raise InvalidInput({"board_id": "Choose a board or cohort from the list."}) from exc


async def create_update(staff: Staff, data: UpdateInput) -> Update:
    board = await _check_board(staff, data.board_id)
    fields_ = data.words()
    fields_.pop("board_id")
    async with in_transaction() as conn:
        update = await Update.create(
            slug=await _unique_slug(data.title), board=board, author_id=staff.id, using_db=conn, **fields_
        )
        await record_revision(staff, update, conn)
    await audit(staff, "update.created", "update", update.id, update.title)
    return update


async def load_update(staff: Staff, update_id: object) -> Update:
    pk = parse_id(update_id)
    update = await Update.get_or_none(id=pk) if pk else None
    if update is None or not staff.may_see_board(update.board_id):
        raise NotFound("There is no such update.")
    return update


def easy_read_report(update: Update) -> EasyReadReport:
    return check(update.easy_read)


def _gate(update: Update) -> None:
    """What must be true of anything the public can read."""
    report = easy_read_report(update)
    if not report.passes:
        raise InvalidInput(
            {"easy_read": "The Easy Read version does not pass the check yet. Fix the problems listed."}
        )
    if update.status == UpdateStatus.COULDNT_DO and not update.reason:
        raise InvalidInput({"reason": "Say why it could not be done."})


def _timeline_for_changes(before: dict[str, object], after: dict[str, object]) -> list[str]:
    """Plain words for children about what changed in a published update."""
    lines = []
    if before["status"] != after["status"]:
        line = f"New step: {STATUS_WORDS[str(after['status'])].lower()}."
        if after["status"] == UpdateStatus.COULDNT_DO:
            line += f" Why: {after['reason']}"
        lines.append(line)
    elif after["status"] == UpdateStatus.COULDNT_DO and before["reason"] != after["reason"]:
        lines.append(f"We changed why we could not do this. Why: {after['reason']}")
    if before["progress"] != after["progress"]:
        lines.append(f"We are now {after['progress']}% of the way there.")
    if any(before[k] != after[k] for k in _PUBLIC_WORDS) and not lines:
        lines.append("We changed the words on this page.")
    return lines


async def save_update(staff: Staff, update: Update, data: UpdateInput) -> list[str]:
    """Save a change; on a published update also add timeline entries. Returns what was noted.

    Once public, an update's words (title, theme, you said, we did, Easy Read) are changed
    only by an editor or admin; a board member or ambassador may still move its status
    and progress on. Every save keeps a revision.
    """
    published = update.state == UpdateState.PUBLISHED
    if data.board_id != update.board_id:
        if published:
            raise InvalidInput({"board_id": "A published update stays with its board."})
        await _check_board(staff, data.board_id)
    before = snapshot(update)
    values = data.words()
    if published and staff.role not in REVIEWERS:
        changed = [k for k in _PUBLIC_WORDS if values[k] != before[k]]
        if changed:
            raise InvalidInput({changed[0]: "This update is public. Ask an editor to change its words."})
    update.update_from_dict(values)
    if published:
        _gate(update)
    after = snapshot(update)
    if after == before:
        return []
    notes = _timeline_for_changes(before, after) if published else []
    async with in_transaction() as conn:
        await update.save(using_db=conn)
        for line in notes:
            await TimelineEntry.create(
                update=update, happened_on=today(), text=line, author_id=staff.id, using_db=conn
            )
        await record_revision(staff, update, conn)
    changed_keys = ",".join(k for k in after if after[k] != before[k])
    await audit(staff, "update.saved", "update", update.id, f"changed: {changed_keys}")
    return notes


async def _move(staff: Staff, update: Update, to: UpdateState, action: str, detail: str = "") -> None:
    update.state = to
    if to == UpdateState.IN_REVIEW:
        update.submitted_at = now()
    if to == UpdateState.PUBLISHED:
        update.published_at = now()
    async with in_transaction() as conn:
        await update.save(using_db=conn)
        await record_revision(staff, update, conn)
    await audit(staff, action, "update", update.id, detail)


async def submit(staff: Staff, update: Update) -> None:
    if update.state != UpdateState.DRAFT:
        raise InvalidInput({"state": "Only a draft can be sent for review."})
    await _move(staff, update, UpdateState.IN_REVIEW, "update.submitted")


async def send_back(staff: Staff, update: Update, note: str) -> None:
    if staff.role not in REVIEWERS:
        raise PermissionError("Only an editor can send an update back.")
    if update.state != UpdateState.IN_REVIEW:
        raise InvalidInput({"state": "Only an update in review can be sent back."})
    await _move(staff, update, UpdateState.DRAFT, "update.sent_back", note.strip()[:2000])


async def publish(staff: Staff, update: Update) -> None:
    if staff.role not in REVIEWERS:
        raise PermissionError("Only an editor can publish.")
    if update.state == UpdateState.PUBLISHED:
        raise InvalidInput({"state": "This update is already published."})
    _gate(update)
    await _move(staff, update, UpdateState.PUBLISHED, "update.published", update.slug)


async def add_timeline_entry(staff: Staff, update: Update, form: dict[str, str]) -> TimelineEntry:
    errors: dict[str, str] = {}
    text = _text(form, "text", errors, limit=1000)
    if not text and "text" not in errors:
        errors["text"] = "Write what happened."
    try:
        happened_on = parse_date(form.get("happened_on", "")) or today()
    except ValueError:
        errors["happened_on"] = "Enter a real date, for example 2026-09-01."
        happened_on = today()
    if errors:
        raise InvalidInput(errors)
    entry = await TimelineEntry.create(update=update, happened_on=happened_on, text=text, author_id=staff.id)
    await audit(staff, "update.timeline_added", "update", update.id, f"{happened_on}: {text}")
    return entry


async def timeline_of(update: Update) -> list[TimelineEntry]:
    return await TimelineEntry.filter(update=update).order_by("happened_on", "id")


async def revisions_of(update: Update, limit: int = 20) -> list[UpdateRevision]:
    return await UpdateRevision.filter(update=update).order_by("-id").limit(limit)


async def updates_for(staff: Staff, state: str | None = None, board_id: int | None = None) -> list[Update]:
    query = Update.all().prefetch_related("board")
    if state in {s.value for s in UpdateState}:
        query = query.filter(state=state)
    if board_id is not None:
        query = query.filter(board_id=board_id)
    if staff.role not in REVIEWERS:
        query = query.filter(board_id=staff.board_id if staff.board_id is not None else -1)
    return await query.order_by("-updated_at")


async def draftable_updates(staff: Staff) -> list[Update]:
    """Updates this person may link views and quotes to."""
    return [
        u for u in await updates_for(staff) if u.state != UpdateState.PUBLISHED or staff.role in REVIEWERS
    ]


async def staff_updates(staff: Staff) -> list[Update]:
    """Every update this person may see, for ambassadors' local issues (``Hooks.staff_updates``)."""
    return await updates_for(staff)


# Views linked to an update --------------------------------------------------------------


@dataclass
class LinkedView:
    view_id: int
    text: str
    theme: str
    created_at: datetime
    quoted: bool
    quote_consent: bool = field(default=False)


async def link_view(staff: Staff, update: Update, view_id: object, *, quoted: bool) -> None:
    pk = parse_id(view_id)
    view = await View.get_or_none(id=pk, released=True) if pk else None
    if view is None:
        raise InvalidInput({"view_id": "There is no such view."})
    if quoted and not view.quote_consent:
        raise InvalidInput({"view_id": "The child did not say we may quote this view."})
    if update.state == UpdateState.PUBLISHED and staff.role not in REVIEWERS:
        raise InvalidInput({"view_id": "This update is public. Ask an editor to change it."})
    link, created = await UpdateView.get_or_create(
        update=update, view_id=view.id, defaults={"quoted": quoted}
    )
    if not created and quoted and not link.quoted:
        link.quoted = True
        await link.save(update_fields=["quoted"])
    await audit(
        staff,
        "update.quote_picked" if quoted else "update.view_linked",
        "update",
        update.id,
        f"view {view.id}",
    )


async def unlink_view(staff: Staff, update: Update, view_id: object) -> None:
    pk = parse_id(view_id)
    if update.state == UpdateState.PUBLISHED and staff.role not in REVIEWERS:
        raise InvalidInput({"view_id": "This update is public. Ask an editor to change it."})
    if pk is None or not await UpdateView.filter(update=update, view_id=pk).delete():
        raise InvalidInput({"view_id": "That view is not linked to this update."})
    await audit(staff, "update.view_unlinked", "update", update.id, f"view {pk}")


async def linked_views(update: Update, *, quotes_only: bool = False) -> list[LinkedView]:
    """Released views still kept, redacted text only. Quotes also need the child's consent."""
    links = {link.view_id: link for link in await UpdateView.filter(update=update)}
    views = await View.filter(id__in=list(links), released=True).order_by("created_at", "id")
    found = [
        LinkedView(
            v.id,
            shown_text(v),
            v.theme or v.suggested_theme or "",
            v.created_at,
            links[v.id].quoted and v.quote_consent,
            v.quote_consent,
        )
        for v in views
    ]
    return [f for f in found if f.quoted] if quotes_only else found
