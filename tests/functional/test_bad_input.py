"""Bad input gets a 4xx, never a 500 (#13 item 7)."""

from __future__ import annotations

import httpx

from accounts.roles import Role
from tests.helpers import csrf_token


async def test_a_json_integer_over_4300_digits_is_a_400(client: httpx.AsyncClient) -> None:
    body = '{"text": "More parks please", "age_band": ' + "9" * 5000 + "}"
    response = await client.post("/api/v1/views", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400


async def test_a_long_audit_search_is_fine(staff_client) -> None:
    admin, _ = await staff_client(Role.ADMIN)
    for q in ("a" * 65, "7" * 65, "x" * 5000):
        assert (await admin.get("/staff/audit", params={"q": q})).status_code == 200


async def test_a_board_id_beyond_64_bits_is_a_400(staff_client) -> None:
    admin, _ = await staff_client(Role.ADMIN)
    for board_id in ("9" * 20, "9" * 5000, "²", "-1"):
        token = await csrf_token(admin, "/staff/accounts")
        response = await admin.post(
            "/staff/accounts",
            data={
                "csrf_token": token,
                "email": "new@example.org",
                "role": "board_member",
                "board_id": board_id,
            },
        )
        assert response.status_code == 400, board_id
