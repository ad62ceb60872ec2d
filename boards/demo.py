"""Demo boards, cohorts, accounts and updates for ``python -m postbox demo``.

Safe to run twice: anything already there (by name, e-mail or slug) is left alone.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from accounts.models import StaffUser
from accounts.roles import Role
from accounts.services import audit, create_user
from boards.models import Board, BoardKind, TimelineEntry, Update, UpdateState, UpdateStatus, UpdateView
from boards.updates import now, record_revision
from easy_read.checker import check
from postbox.models import View
from web.links import Links

BOARDS = [
    (
        "Children's Advisory Board",
        BoardKind.BOARD,
        "Children and young people from across England who advise the Commissioner.",
    ),
    (
        "Care Experienced Advisory Board",
        BoardKind.BOARD,
        "Young people with experience of care who advise on children's social care.",
    ),
    ("Youth Ambassadors 2026", BoardKind.COHORT, "Young people who speak up for children where they live."),
]

ACCOUNTS = [
    ("moderator@example.org", Role.MODERATOR, "Demo moderator", None),
    ("helpathand@example.org", Role.HELP_AT_HAND, "Demo Help at Hand worker", None),
    ("editor@example.org", Role.EDITOR, "Demo editor", None),
    ("cab.member@example.org", Role.BOARD_MEMBER, "Demo board member", "Children's Advisory Board"),
    (
        "ceab.member@example.org",
        Role.BOARD_MEMBER,
        "Demo care board member",
        "Care Experienced Advisory Board",
    ),
    ("ambassador@example.org", Role.AMBASSADOR, "Demo ambassador", "Youth Ambassadors 2026"),
]

UPDATES: list[dict[str, Any]] = [
    {
        "slug": "quiet-places-at-school",
        "title": "Quiet places at school",
        "theme": "Education",
        "board": "Children's Advisory Board",
        "you_said": "Lots of you told us school can be too loud and busy, and that there is nowhere calm "
        "to go when things feel too much.",
        "we_did": "We talked to 30 schools about quiet rooms. 12 schools have opened one so far, and we "
        "will ask more schools next year.",
        "status": UpdateStatus.IN_PROGRESS,
        "progress": 40,
        "easy_read": "You told us school can be too loud.\n"
        "You said you need a calm place to go.\n"
        "We talked to 30 schools about this.\n"
        "12 schools now have a quiet room.\n"
        "We will ask more schools next year.",
        "timeline": [
            (120, "We read what you told us."),
            (60, "We talked to 30 schools."),
            (7, "12 schools have a quiet room now."),
        ],
    },
    {
        "slug": "staying-in-one-home",
        "title": "Staying in one home",
        "theme": "Children's Social Care",
        "board": "Care Experienced Advisory Board",
        "you_said": "Young people in care told us they move home too often, and that it is hard to keep "
        "friends and stay at the same school.",
        "we_did": "We asked councils to keep children in one home wherever they can. Some councils said "
        "they do not have enough homes, so we could not make this happen yet.",
        "status": UpdateStatus.COULDNT_DO,
        "reason": "Some councils do not have enough homes yet. We will keep asking.",
        "progress": 20,
        "easy_read": "You told us you move home too much.\n"
        "You said it is hard to make friends when you move.\n"
        "We asked councils to keep children in 1 home if they can.\n"
        "Some councils said no.\n"
        "We could not make this happen yet.\n"
        "We will keep asking.",
        "timeline": [
            (200, "We read what you told us."),
            (90, "We wrote to councils."),
            (14, "Some councils said no."),
        ],
    },
]


async def _boards() -> tuple[dict[str, Board], int]:
    found, made = {}, 0
    for name, kind, description in BOARDS:
        board = await Board.get_or_none(name=name)
        if board is None:
            board = await Board.create(
                name=name, kind=kind, description=description, active_from=date(2026, 1, 1)
            )
            await audit(None, "board.created", "board", board.id, f"demo: {name}")
            made += 1
        found[name] = board
    return found, made


async def _accounts(boards: dict[str, Board], links: Links) -> int:
    made = 0
    for email, role, name, board_name in ACCOUNTS:
        if await StaffUser.exists(email=email):
            continue
        board_id = boards[board_name].id if board_name else None
        _user, link = await create_user(email, role, links=links, display_name=name, board_id=board_id)
        print(f"Demo account {email} ({role.label}): set it up at {link}")
        made += 1
    return made


async def _updates(boards: dict[str, Board]) -> tuple[int, int]:
    made = linked = 0
    for spec in UPDATES:
        if await Update.exists(slug=spec["slug"]):
            continue
        assert check(spec["easy_read"]).passes, spec["slug"]
        update = await Update.create(
            slug=spec["slug"],
            title=spec["title"],
            theme=spec["theme"],
            board=boards[spec["board"]],
            you_said=spec["you_said"],
            we_did=spec["we_did"],
            status=spec["status"],
            reason=spec.get("reason", ""),
            progress=spec["progress"],
            easy_read=spec["easy_read"],
            state=UpdateState.PUBLISHED,
            submitted_at=now(),
            published_at=now(),
        )
        for days_ago, text in spec["timeline"]:
            await TimelineEntry.create(
                update=update, happened_on=now().date() - timedelta(days=days_ago), text=text
            )
        views = await View.filter(released=True, theme=spec["theme"]).order_by("id").limit(3)
        for view in views:
            await UpdateView.create(update=update, view_id=view.id, quoted=view.quote_consent)
            linked += 1
        await record_revision(None, update)
        await audit(None, "update.published", "update", update.id, f"demo: {update.slug}")
        made += 1
    return made, linked


async def load_demo(links: Links) -> dict[str, int]:
    """Demo boards, accounts (their set-up links printed) and updates; ``links`` makes the links."""
    boards, boards_made = await _boards()
    accounts_made = await _accounts(boards, links)
    updates_made, views_linked = await _updates(boards)
    return {
        "boards_created": boards_made,
        "demo_accounts_created": accounts_made,
        "updates_published": updates_made,
        "views_linked_to_updates": views_linked,
    }
