"""``serve`` and ``worker`` refuse to start a real (https) site with the development mail
settings: urgent mail must never queue for an inbox that does not exist (#13 item 11)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import live


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_an_https_site_with_development_mail_does_not_start(tmp_path: Path, command: str) -> None:
    env = live.server_env(tmp_path, POSTBOX_BASE_URL="https://postbox.example.org")
    for name in ("POSTBOX_HELP_AT_HAND_EMAIL", "POSTBOX_SMTP_HOST", "POSTBOX_MAIL_FROM"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "postbox", command, "--port", "1"] if command == "serve" else
        [sys.executable, "-m", "postbox", command],
        cwd=live.ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr[-2000:]
    assert "POSTBOX_HELP_AT_HAND_EMAIL" in result.stderr and "POSTBOX_SMTP_HOST" in result.stderr


def test_an_https_site_with_real_mail_settings_passes_the_check(tmp_path: Path) -> None:
    env = live.server_env(
        tmp_path,
        POSTBOX_BASE_URL="https://postbox.example.org",
        POSTBOX_HELP_AT_HAND_EMAIL="helpathand@example.org",
        POSTBOX_SMTP_HOST="smtp.example.org",
        POSTBOX_MAIL_FROM="postbox@example.org",
    )
    code = "import settings, sys; sys.exit(len(settings.unsafe_for_production()))"
    result = subprocess.run([sys.executable, "-c", code], cwd=live.ROOT, env=env, check=False, timeout=60)
    assert result.returncode == 0
