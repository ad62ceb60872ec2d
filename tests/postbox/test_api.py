from __future__ import annotations

import httpx
import pytest

from postbox.api import ReceiptOut
from postbox.models import Reply, View


async def test_api_send_and_read_back(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/views", json={"text": "More buses to school please", "quote_consent": True}
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"receipt_code", "status_url", "support"}
    assert body["support"]["show_help"] is False
    assert body["support"]["childline"] == "0800 1111"
    assert body["status_url"].startswith("http://testserver/api/v1/views/")
    assert ReceiptOut.model_validate(body).model_dump() == body  # the shape the OpenAPI document names
    worried = (await client.post("/api/v1/views", json={"text": "i want to kms tonight"})).json()
    assert (
        worried["support"]["show_help"] is True
        and worried["support"]["message"] != body["support"]["message"]
    )

    view = await View.get(text="More buses to school please")
    await Reply.create(view=view, body="Thank you, we told the council.")
    status = await client.get(body["status_url"].removeprefix("http://testserver"))
    assert status.status_code == 200
    assert status.json()["status"] == "received"
    assert [r["body"] for r in status.json()["replies"]] == ["Thank you, we told the council."]


async def test_api_unknown_code_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/views/acorn-acorn-acorn-acorn-acorn-123")
    assert response.status_code == 404
    assert response.json()["error"]


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b'{"text": "hi"', {"Content-Type": "application/json"}, 400),
        (b'{"text": "\xc3\x28"}', {"Content-Type": "application/json"}, 400),
        (b"text=hi", {"Content-Type": "application/x-www-form-urlencoded"}, 415),
        (b'{"text": "hi"}', {"Content-Type": "text/plain"}, 415),
        (b'["hi"]', {"Content-Type": "application/json"}, 422),
        (b'{"text": 5}', {"Content-Type": "application/json"}, 422),
        (b'{"text": "hi", "quote_consent": "yes"}', {"Content-Type": "application/json"}, 422),
        (b'{"text": "hi", "name": "Sam"}', {"Content-Type": "application/json"}, 422),
        (b'{"text": "   "}', {"Content-Type": "application/json"}, 422),
        (b'{"theme": "Health"}', {"Content-Type": "application/json"}, 422),
        (b'{"text": "hi", "theme": "Space"}', {"Content-Type": "application/json"}, 422),
        (b"[" * 100000, {"Content-Type": "application/json"}, 413),
    ],
)
async def test_api_bad_input_gets_4xx(
    client: httpx.AsyncClient, body: bytes, headers: dict, status: int
) -> None:
    response = await client.post("/api/v1/views", content=body, headers=headers)
    assert response.status_code == status
    assert response.json()["error"]
    assert await View.all().count() == 0


async def test_api_text_over_5000_characters_is_422_with_a_friendly_message(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/api/v1/views", json={"text": "a" * 5001})
    assert response.status_code == 422
    assert "too long" in response.json()["fields"]["text"]


async def test_api_deeply_nested_json_is_400_not_500(client: httpx.AsyncClient) -> None:
    body = b"[" * 20000 + b"]" * 20000
    response = await client.post(
        "/api/v1/views", content=body[:60000], headers={"Content-Type": "application/json"}
    )
    assert response.status_code in {400, 422}


async def test_openapi_is_generated_from_the_routes(client: httpx.AsyncClient, app) -> None:
    document = (await client.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {"/api/v1/views", "/api/v1/views/{receipt_code}"}
    post = document["paths"]["/api/v1/views"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("ViewSubmission")
    assert "ViewSubmission" in document["components"]["schemas"]
    assert {"201", "400", "415", "422"} <= set(post["responses"])
