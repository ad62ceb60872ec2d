"""On first start with no staff account, ``serve`` prints a one-time link for the first admin."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

from tests import live


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
