"""``serve`` on SQLite: the web process serves, a child worker process screens and mails.

Real processes, a real SQLite file and a real SMTP server (aiosmtpd). Nothing here times
anything: each test waits on a condition with a generous deadline.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from tests import live

URGENT = "i want to kms tonight i have the pills ready"


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (from any of its threads)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def wait_for(condition: Callable[[], Any], timeout: float = 240, every: float = 0.2) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"not true within {timeout} s: {condition}")


def healthz(base: str) -> dict[str, Any]:
    with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
        return json.loads(response.read())


def send(base: str, text: str) -> None:
    request = urllib.request.Request(
        base + "/api/v1/views",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 201


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_serve_screens_in_a_niced_child_and_the_web_process_never_loads_a_model(tmp_path: Path) -> None:
    server, base = live.serve(tmp_path, POSTBOX_EMBEDDED_WORKERS="true")
    try:
        (worker,) = wait_for(lambda: children(server.pid))
        assert "worker" in Path(f"/proc/{worker}/cmdline").read_text()
        assert os.getpriority(os.PRIO_PROCESS, worker) > os.getpriority(os.PRIO_PROCESS, server.pid)

        for i in range(20):
            send(base, f"we would like a skate park in our town please {i}")
        send(base, URGENT)
        # The worker loads the screen, screens every view and says so in its heartbeat.
        health = wait_for(
            lambda: (h := healthz(base))["queue_depth"] == 0 and "rules" in h["screening"] and h
        )
        assert health["workers"]["running"] == 1 and health["status"] in {"ok", "degraded"}
        assert {"rules", "pii", "learned", "toxicity", "language"} <= set(health["screening"])
        with sqlite3.connect(tmp_path / "live.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM screening").fetchone()[0] == 21

        # The models live in the worker: the web process has never mapped torch.
        assert "torch" in Path(f"/proc/{worker}/maps").read_text()
        assert "torch" not in Path(f"/proc/{server.pid}/maps").read_text()
        status = Path(f"/proc/{server.pid}/status").read_text()
        rss_kb = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
        assert rss_kb < 250 * 1024, f"web process holds {rss_kb // 1024} MB"
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert wait_for(lambda: not alive(worker), timeout=60)  # stopped with serve


def test_the_worker_is_started_again_if_it_dies_and_ends_if_serve_is_killed(tmp_path: Path) -> None:
    server, base = live.serve(tmp_path, POSTBOX_EMBEDDED_WORKERS="true")
    try:
        (first,) = wait_for(lambda: children(server.pid))
        os.kill(first, signal.SIGKILL)
        (second,) = wait_for(lambda: [c for c in children(server.pid) if c != first and alive(c)])
        wait_for(lambda: healthz(base)["workers"]["running"] >= 1)
    finally:
        server.kill()  # no chance to stop its child: the child must notice by itself
        server.wait(timeout=30)
    assert wait_for(lambda: not alive(second), timeout=60)


class Inbox:
    def __init__(self) -> None:
        self.arrived = threading.Condition()
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        with self.arrived:
            self.messages.append(envelope.content)
            self.arrived.notify_all()
        return "250 OK"


def test_the_first_urgent_view_after_a_start_reaches_help_at_hand_before_the_models_load(
    tmp_path: Path,
) -> None:
    inbox = Inbox()
    port = live.free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    server, base = live.serve(tmp_path, POSTBOX_EMBEDDED_WORKERS="true", POSTBOX_SMTP_PORT=str(port))
    try:
        send(base, URGENT)
        with inbox.arrived:
            assert inbox.arrived.wait_for(lambda: inbox.messages, timeout=60)
        # At that moment the full screen had not looked at the view: the fast screen did it.
        with sqlite3.connect(tmp_path / "live.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM screening").fetchone()[0] == 0
            assert db.execute("SELECT escalated_by, level FROM help_case").fetchall() == [
                ("fast screen", "urgent")
            ]
        (mail,) = inbox.messages
        assert b"[URGENT]" in mail and b"pills" not in mail
        # Later the full screen refines the case and never lowers it; no second e-mail at
        # the same level.
        wait_for(lambda: healthz(base)["queue_depth"] == 0 and "rules" in healthz(base)["screening"])
        with sqlite3.connect(tmp_path / "live.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM screening").fetchone()[0] == 1
            assert db.execute("SELECT level FROM help_case").fetchall() == [("urgent",)]
            assert db.execute("SELECT COUNT(*) FROM outbox_message").fetchone()[0] == 1
    finally:
        server.terminate()
        server.wait(timeout=60)
        controller.stop()
