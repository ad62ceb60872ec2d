"""Shared fixtures: real SQLite files (or a real PostgreSQL), the app inside its lifespan.

The environment is set before ``settings`` is imported, as Starlette's config expects.
``TEST_DATABASE_URL`` switches the whole suite to PostgreSQL (``make test-postgres``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="postbox-tests-"))
os.environ.update(
    {
        "POSTBOX_DATA_DIR": str(_SESSION_DIR),
        "POSTBOX_SECRET_KEY": "test-secret-key-not-for-production",
        "POSTBOX_BASE_URL": "http://testserver",
        "POSTBOX_RATE_LIMIT": "0",
        "POSTBOX_EMBEDDED_WORKERS": "false",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
)

import httpx  # noqa: E402
import pytest  # noqa: E402
from starlette.applications import Starlette  # noqa: E402

from app import MODELS, build_hooks, create_app  # noqa: E402
from web import database  # noqa: E402

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--browser", action="store_true", help="run the tests that drive a real Chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--browser") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="browser tests run with --browser (always in CI)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file built by the real migrations once; each test gets a copy."""
    import asyncio

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    asyncio.run(database.apply_migrations(MODELS, f"sqlite://{path}"))
    return path


@pytest.fixture
def database_url(migrated_template: Path, tmp_path: Path) -> Iterator[str]:
    if POSTGRES_URL:
        yield from _postgres_database()
        return
    path = tmp_path / "postbox.sqlite3"
    shutil.copyfile(migrated_template, path)
    yield f"sqlite://{path}"


def _postgres_database() -> Iterator[str]:
    """A fresh database per test on the real server, built by the migrations."""
    import asyncio
    import uuid

    import asyncpg

    name = f"postbox_test_{uuid.uuid4().hex[:12]}"
    admin = POSTGRES_URL.replace("postgres://", "postgresql://", 1)

    async def run(sql: str) -> None:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    asyncio.run(database.apply_migrations(MODELS, url))
    try:
        yield url
    finally:
        asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def app(database_url: str) -> AsyncIterator[Starlette]:
    application = create_app(database_url, hooks=build_hooks(), embedded_workers=False)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 51234))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def staff_client(app: Starlette) -> AsyncIterator[object]:
    """``await staff_client(Role.MODERATOR)`` → (signed-in httpx client, account)."""
    from tests.staff import staff_clients

    async for make in staff_clients(app):
        yield make


class MailSink:
    """What a real SMTP server (aiosmtpd) received, as parsed e-mail messages."""

    def __init__(self) -> None:
        self.messages: list[object] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        import email
        from email import policy

        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[attr-defined]
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[MailSink]:
    """A real SMTP server on a free local port; the mailer is pointed at it."""
    from aiosmtpd.controller import Controller

    import settings
    from tests.live import free_port

    sink = MailSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", port)
    try:
        yield sink
    finally:
        controller.stop()
