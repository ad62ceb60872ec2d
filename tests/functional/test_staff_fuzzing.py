"""Hypothesis over every staff form route, signed in with a valid CSRF token: no 5xx (#13 item 7).

Each route is posted as someone its guard admits (an administrator where admins may,
else the first role that may), with a mix of the fields our forms and routes read and
values from the ordinary to the absurd: huge numbers, long and control-laden text,
other scripts' digits, ids that exist and ids that cannot.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Route

from accounts.guards import roles_of
from accounts.roles import SCOPED, Role
from app import build_hooks, create_app
from screening.types import Level
from tests.boards.factories import create_update, make_board, update_form
from tests.helpers import csrf_token
from tests.moderation.test_escalation import make_view
from tests.staff import make_staff, sign_in

ROOT = Path(__file__).resolve().parents[2]
_NAMES = re.compile(r'name="([a-z_]+)"|form(?:\.get)?\(?\[?"([a-z_]+)"')
_VALUES = re.compile(r'value="([a-z_]+)"')
_PARAM = re.compile(r"\{(\w+)(?::\w+)?\}")


def _field_names() -> list[str]:
    text = "".join(p.read_text() for p in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/routes.py")])
    text += "".join(p.read_text() for p in [*ROOT.glob("moderation/*.py"), *ROOT.glob("ambassadors/*.py")])
    names = {a or b for a, b in _NAMES.findall(text)} - {"csrf_token"}
    return sorted(names | set(update_form(1)))


def _known_values() -> list[str]:
    text = "".join(p.read_text() for p in ROOT.glob("templates/**/*.html"))
    return sorted(set(_VALUES.findall(text)) | {r.value for r in Role})


NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["1", "2", "3", "0", "-1", "9" * 20, "9" * 5000, "²", "١٢", "1e9", " 7 "]),
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.sampled_from(["x" * 70, "x" * 3000, "<script>alert(1)</script>", "2026-13-45", "2026-01-02"]),
)


@pytest.mark.filterwarnings("ignore")
def test_no_staff_form_gives_a_server_error(database_url: str) -> None:
    names, values = _field_names(), _known_values()
    with asyncio.Runner() as runner:
        app = create_app(database_url, hooks=build_hooks(), embedded_workers=False)
        lifespan = app.router.lifespan_context(app)
        runner.run(lifespan.__aenter__())
        try:
            routes, clients, ours, ids = runner.run(_prepare(app))

            @settings(
                max_examples=300,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                database=None,
                derandomize=True,
            )
            @given(data=st.data())
            def post_something(data: st.DataObject) -> None:
                route = data.draw(st.sampled_from(routes))
                path = _PARAM.sub(
                    lambda m: data.draw(
                        st.sampled_from([*ids.get(m.group(1), ["1"]), "1", str(2**40), "99999"])
                        if m.group(1) != "user_id"
                        else st.sampled_from([*ids["user_id"], "99999", str(2**40)]).filter(
                            lambda v: v not in ours
                        )
                    ),
                    route.path,
                )
                form = data.draw(
                    st.dictionaries(
                        st.sampled_from(names),
                        st.one_of(st.sampled_from(values), NUMBERS, TEXTS),
                        max_size=8,
                    )
                )
                client, token = clients[route.name]
                response = runner.run(client.post(path, data={**form, "csrf_token": token}))
                assert response.status_code < 500, (route.name, path, form, response.status_code)

            post_something()
        finally:
            for client, _token in {id(c): (c, t) for c, t in clients.values()}.values():
                runner.run(client.aclose())
            runner.run(lifespan.__aexit__(None, None, None))


async def _prepare(app: object) -> tuple[list[Route], dict, set[str], dict[str, list[str]]]:
    board = await make_board()
    routes = [
        r
        for r in app.routes  # type: ignore[attr-defined]
        if isinstance(r, Route)
        and "POST" in (r.methods or set())
        and roles_of(r)
        and r.name != "accounts:sign_out"
    ]
    clients_by_role: dict[Role, tuple[httpx.AsyncClient, str]] = {}
    ours: set[str] = set()
    for role in Role:
        account = await make_staff(role, board_id=board.id if role in SCOPED else None)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        assert (await sign_in(client, account)).status_code == 303
        clients_by_role[role] = (client, await csrf_token(client, "/staff"))
        ours.add(str(account.id))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        views = [await make_view(c, f"we need a park {n}", Level.HIGH, category="abuse") for n in range(2)]
    editor = clients_by_role[Role.EDITOR][0]
    update_id = await create_update(editor, board.id)
    other = await make_staff(Role.MODERATOR)
    clients = {}
    for route in routes:
        admitted = roles_of(route) or frozenset()
        role = Role.ADMIN if Role.ADMIN in admitted else sorted(admitted, key=lambda r: r.value)[0]
        clients[route.name] = clients_by_role[role]
    from moderation.models import Case

    ids = {
        "view_id": [str(v.id) for v in views],
        "case_id": [str(c.id) for c in await Case.all()],
        "board_id": [str(board.id)],
        "update_id": [str(update_id)],
        "issue_id": ["1"],
        "user_id": [str(other.id)],
    }
    return routes, clients, ours, ids
