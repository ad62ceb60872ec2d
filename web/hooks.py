"""One value holds everything the packages plug into the shared machinery.

``app.build_hooks()`` builds it; ``create_app``, the job worker and the mailer take it, and
the running app keeps it on ``app.state.hooks``. Nothing is registered at import time, so
reading ``build_hooks`` shows everything the app does besides serving its routes. A lower
package reaches a higher one (the post-box asking boards which updates answer a view) only
through a field here, never through an import.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from web.health import HealthReport
from web.jobs import JobKind
from web.links import Links
from web.metrics import Figure


@dataclass(frozen=True)
class Link:
    """A page to link to, by route name: a template writes ``url_for(link.route, **link.params)``."""

    title: str
    route: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """One entry of a pick list (a board or cohort) for a package that may not import its owner."""

    id: int
    name: str


@dataclass(frozen=True)
class Care:
    """What the help team is doing about a child's worrying message, for /check: a person
    reads it by ``due_at``; ``started`` once someone has picked it up."""

    due_at: datetime | None
    started: bool = False
    contact_requested: bool = False


# Run about once a minute by every mailer; each must be safe to run in many processes at once.
Periodic = Callable[[], Awaitable[object]]
# (view, its new screening, the open transaction): runs inside the screening's transaction.
AfterScreening = Callable[[Any, Any, BaseDBAsyncClient], Awaitable[None]]
# A view's id → links to what was done about it, for the child's /check page.
UpdateFinder = Callable[[int], Awaitable[list[Link]]]
# A flagged view → what the help team is doing about it, for the child's /check page.
CareFinder = Callable[[Any], Awaitable[Care | None]]
MetricSource = Callable[[], Awaitable[list[Figure]]]
HealthCheck = Callable[[], Awaitable[HealthReport]]
# (the views just stored that the in-request fast screen rated high or urgent, each with its
# id and the fast screen's result; the open transaction): runs inside the intake's
# transaction, so a case and its e-mail commit with the view or not at all.
EscalateNow = Callable[[Sequence[Any], BaseDBAsyncClient], Awaitable[None]]
BoardChoices = Callable[[], Awaitable[list[Choice]]]
# A signed-in Staff → the "you said, we did" updates they may see, newest change first.
StaffUpdates = Callable[[Any], Awaitable[Sequence[Any]]]


async def _no_boards() -> list[Choice]:
    return []


async def _no_care(view: Any) -> Care | None:
    return None


async def _no_updates(staff: Any) -> Sequence[Any]:
    return []


@dataclass(frozen=True)
class Hooks:
    """What each package adds to the jobs, the mailer, /check, /metrics and /healthz, and
    what the packages may ask each other for."""

    job_kinds: Mapping[str, JobKind] = field(default_factory=dict)
    periodic: Sequence[Periodic] = ()
    after_screening: Sequence[AfterScreening] = ()
    update_finders: Sequence[UpdateFinder] = ()
    # The post-box asks moderation what happens next to a flagged view (shown on /check).
    care_finder: CareFinder = _no_care
    metric_sources: Sequence[MetricSource] = ()
    health_checks: Sequence[HealthCheck] = ()
    # What a worker process writes into its heartbeat (the screen's loaded layers); a web
    # process reads it back for /healthz, since the models never load there.
    worker_reports: Sequence[HealthCheck] = ()
    # Help at Hand at once, from the in-request screen, without waiting for the models.
    escalate_now: EscalateNow | None = None
    # Boards own boards, cohorts and updates; accounts (a member's board) and ambassadors
    # (their cohort's local issues) sit below or beside boards and ask through these.
    board_choices: BoardChoices = _no_boards
    staff_updates: StaffUpdates = _no_updates
    # The app's route table, for absolute links made without a request (e-mail, set-up links).
    links: Links = field(default_factory=Links)
