"""On first start with no staff account, ``serve`` prints a one-time link for the first admin."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

from tests import live
from tests.waiting import wait_for


def test_first_start_prints_a_working_admin_set_up_link(tmp_path: Path) -> None:
    server, base = live.serve(
        tmp_path, POSTBOX_EMBEDDED_WORKERS="false", POSTBOX_ADMIN_EMAIL="boss@example.org"
    )
    try:
        printed = (tmp_path / "server.log").read_text()
        match = re.search(r"first administrator \(boss@example.org\).*?(/staff/setup/[\w-]+)", printed, re.S)
        assert match, printed[-2000:]
        with urllib.request.urlopen(base + match.group(1), timeout=10) as page:
            body = page.read().decode()
        assert "boss@example.org" in body and "<svg" in body
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_with_embedded_workers_healthz_names_every_layer_soon_after_start(tmp_path: Path) -> None:
    import json

    server, base = live.serve(tmp_path, POSTBOX_EMBEDDED_WORKERS="true")

    def loaded_layers() -> dict[str, str] | None:
        with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
            layers: dict[str, str] = json.loads(response.read())["screening"]
        return layers if "rules" in layers else None

    try:
        layers = wait_for(loaded_layers, within=300, interval=0.5, what="the screen's layers loading")
        assert {"rules", "pii", "learned", "toxicity", "language"} <= set(layers), layers
    finally:
        server.terminate()
        server.wait(timeout=60)
