"""The "you said, we did" updates: draft → in review → published, timelines, linked views.

Every function takes the signed-in ``Staff`` and checks scope against the record it loads
(``Staff.may_see_board``); a record out of scope is reported as not found, so a board
member cannot learn that another board's draft exists. Every action is audited in the
same transaction as the change it records (as moderation does): both are kept, or neither.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from accounts.services import Staff, audit
from boards.boards import REVIEWERS, load_board
from boards.forms import UpdateInput, parse_timeline_form
from boards.models import (
    Board,
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
from web.errors import InvalidInput, NotFound
from web.http import parse_id

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


async def record_revision(
    staff: Staff | None, update: Update, using_db: BaseDBAsyncClient | None = None
) -> None:
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
        await audit(staff, "update.created", "update", update.id, update.title, using_db=conn)
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
        await audit(staff, "update.saved", "update", update.id, f"changed: {changed_keys}", using_db=conn)
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
        await audit(staff, action, "update", update.id, detail, using_db=conn)


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


async def unpublish(staff: Staff, update: Update, reason: str) -> None:
    """Take a published update off the public pages (back to a draft), with the reason audited."""
    if staff.role not in REVIEWERS:
        raise PermissionError("Only an editor can unpublish.")
    if update.state != UpdateState.PUBLISHED:
        raise InvalidInput({"state": "Only a published update can be unpublished."})
    reason = reason.strip()
    if not reason:
        raise InvalidInput({"unpublish": "Write why you are taking it down."})
    await _move(staff, update, UpdateState.DRAFT, "update.unpublished", reason[:2000])


async def add_timeline_entry(staff: Staff, update: Update, form: dict[str, str]) -> TimelineEntry:
    data = parse_timeline_form(form)
    happened_on = data.happened_on or today()
    async with in_transaction() as conn:
        entry = await TimelineEntry.create(
            update=update, happened_on=happened_on, text=data.text, author_id=staff.id, using_db=conn
        )
        detail = f"{happened_on}: {data.text}"
        await audit(staff, "update.timeline_added", "update", update.id, detail, using_db=conn)
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
    action = "update.quote_picked" if quoted else "update.view_linked"
    async with in_transaction() as conn:
        link, created = await UpdateView.get_or_create(
            update=update, view_id=view.id, defaults={"quoted": quoted}, using_db=conn
        )
        if not created and quoted and not link.quoted:
            link.quoted = True
            await link.save(update_fields=["quoted"], using_db=conn)
        await audit(staff, action, "update", update.id, f"view {view.id}", using_db=conn)


async def unlink_view(staff: Staff, update: Update, view_id: object) -> None:
    pk = parse_id(view_id)
    if update.state == UpdateState.PUBLISHED and staff.role not in REVIEWERS:
        raise InvalidInput({"view_id": "This update is public. Ask an editor to change it."})
    if pk is None:
        raise InvalidInput({"view_id": "That view is not linked to this update."})
    async with in_transaction() as conn:
        if not await UpdateView.filter(update=update, view_id=pk).using_db(conn).delete():
            raise InvalidInput({"view_id": "That view is not linked to this update."})
        await audit(staff, "update.view_unlinked", "update", update.id, f"view {pk}", using_db=conn)


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
