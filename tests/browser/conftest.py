"""A real server process and Debian's Chromium, driven by Playwright.

Like Datasette's Playwright tests: start the site with ``python -m postbox serve`` on a
free port against a fresh SQLite file, wait until it answers, then drive a browser.
Playwright cannot download browsers here, so it launches ``/usr/bin/chromium``.
"""

from __future__ import annotations

import re
import subprocess
import sys
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
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A data folder loaded by ``python -m postbox demo``, and its accounts' set-up paths."""
    data = tmp_path_factory.mktemp("live")
    done = subprocess.run(
        [sys.executable, "-m", "postbox", "demo"],
        cwd=live.ROOT,
        env=live.server_env(data),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    links = dict(re.findall(r"Demo account (\S+) .*?(/staff/setup/[\w-]+)", done.stdout))
    return data, links


@pytest.fixture(scope="session")
def live_server(demo: tuple[Path, dict[str, str]]) -> Iterator[str]:
    proc, base = live.serve(
        demo[0],
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
