"""A real server process and Debian's Chromium, driven by Playwright.

Like Datasette's Playwright tests: start the site with ``python -m postbox serve`` on a
free port against a fresh SQLite file, wait until it answers, then drive a browser.
Playwright cannot download browsers here, so it launches ``/usr/bin/chromium``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import live

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    proc, base = live.serve(
        tmp_path_factory.mktemp("live"),
        POSTBOX_EMBEDDED_WORKERS="true",
        POSTBOX_QUICK_EXIT_URL=QUICK_EXIT_URL,
    )
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
