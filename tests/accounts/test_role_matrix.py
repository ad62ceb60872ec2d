"""Every staff route, every role: the right people get in, everyone else gets 403,
anyone not signed in is sent to sign in. New routes join the matrix by themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx
from starlette.applications import Starlette
from starlette.routing import Route

from accounts.guards import roles_of
from accounts.roles import SCOPED, Role
from accounts.routes import PUBLIC_STAFF_ROUTES
from boards.models import Board, BoardKind
from tests.helpers import csrf_token
from tests.staff import StaffClientFactory


@dataclass(frozen=True)
class Guarded:
    path: str
    methods: list[str]
    roles: frozenset[Role]


def _guarded(app: Starlette) -> list[Guarded]:
    """Every guarded route in the app's own route table."""
    return [
        Guarded(route.path, sorted((route.methods or set()) - {"HEAD"}), roles)
        for route in app.routes
        if isinstance(route, Route) and (roles := roles_of(route)) is not None
    ]


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_staff_route_is_guarded_or_is_how_one_signs_in(app: Starlette) -> None:
    staff = [r for r in app.routes if isinstance(r, Route) and r.path.startswith("/staff")]
    assert len(staff) >= 8
    public = {f"accounts:{name}" for name in PUBLIC_STAFF_ROUTES}
    unguarded = [r.path for r in staff if roles_of(r) is None and r.name not in public]
    assert unguarded == []


async def test_role_matrix(app: Starlette, staff_client: StaffClientFactory) -> None:
    board = await Board.create(name="Test cohort", kind=BoardKind.COHORT)
    clients = {
        role: (await staff_client(role, board_id=board.id if role in SCOPED else None))[0] for role in Role
    }
    tokens = {role: await csrf_token(client, "/staff") for role, client in clients.items()}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as anonymous:
        failures = []
        # Signing out ends the session, so it goes last.
        for info in sorted(_guarded(app), key=lambda i: i.path == "/staff/sign-out"):
            path = _concrete(info.path)
            for method in info.methods:
                anon = await anonymous.request(method, path, data={"x": "1"} if method == "POST" else None)
                if anon.status_code != 303 or not anon.headers["location"].startswith("/staff/sign-in"):
                    failures.append(f"anonymous {method} {path} → {anon.status_code}")
                for role, client in clients.items():
                    data = {"csrf_token": tokens[role]} if method == "POST" else None
                    response = await client.request(method, path, data=data)
                    if role in info.roles and response.status_code == 403:
                        failures.append(f"{role} refused {method} {path}")
                    if role not in info.roles and response.status_code != 403:
                        failures.append(f"{role} let into {method} {path} ({response.status_code})")
                    if response.status_code >= 500:
                        failures.append(f"{role} {method} {path} → {response.status_code}")
    assert failures == [], "\n".join(failures)


async def test_ids_that_are_not_ids_get_404_never_500(
    app: Starlette, staff_client: StaffClientFactory
) -> None:
    """A path id that is too big for its column, a superscript digit (``str.isdigit`` passes
    it, ``int`` refuses it), another script's digits or a negative number is simply not there."""
    admin, _ = await staff_client(Role.ADMIN)
    token = await csrf_token(admin, "/staff")
    failures = []
    with_ids = [info for info in _guarded(app) if "{" in info.path and Role.ADMIN in info.roles]
    assert len(with_ids) >= 5
    for info in with_ids:
        for bad in ["99999999999999999999", "²", "٣", "-1", "0", "1.5"]:
            path = re.sub(r"\{[^}]+\}", bad, info.path)
            for method in info.methods:
                data = {"csrf_token": token, "action": "approve"} if method == "POST" else None
                response = await admin.request(method, path, data=data)
                if response.status_code != 404:
                    failures.append(f"{method} {path} → {response.status_code}")
    assert failures == [], "\n".join(failures)
