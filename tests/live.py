"""Starting the real site as a process, for tests that need one (browser, faults, fuzzing)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(data: Path, **extra: str) -> dict[str, str]:
    """Settings for a process of the site on its own SQLite file in ``data``."""
    return {
        **os.environ,
        "POSTBOX_DATA_DIR": str(data),
        "POSTBOX_DATABASE_URL": f"sqlite://{data / 'live.sqlite3'}",
        "POSTBOX_RATE_LIMIT": "0",
        "POSTBOX_SMTP_PORT": str(free_port()),  # nothing listens: mail waits in the outbox
        **extra,
    }


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "postbox", *args], cwd=ROOT, env=env, stdout=out, stderr=out
        )


def serve(data: Path, **extra: str) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``python -m postbox serve`` and wait until /healthz answers."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = server_env(data, POSTBOX_BASE_URL=base, **extra)
    log = data / "server.log"
    proc = start(["serve", "--port", str(port)], env, log)

    def answering() -> bool:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text()[-3000:])
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return True
        except OSError:
            return False

    try:
        wait_for(answering, within=180, what="the site answering /healthz")
    except AssertionError:
        proc.kill()
        raise RuntimeError(log.read_text()[-3000:]) from None
    return proc, base
