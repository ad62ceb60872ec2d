"""From a child pressing Send to the Help at Hand inbox: how long an urgent view takes.

Starts the real site as a process (``serve`` on SQLite: its worker process screens and
mails) and a real SMTP server (aiosmtpd) in this process. First the cold start: the
moment /healthz answers, one urgent view is sent and timed until its e-mail arrives, while
the worker is still loading the screen's models (target 2 s). Then urgent views are sent
one at a time with everything loaded. Prints the cold-start time and p50, p95 and max.

    python benchmarks/bench_escalation.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiosmtpd.controller import Controller

from tests.live import free_port, serve

TEXTS = [
    "i want to kms tonight",
    "my stepdad hits me when mum is at work and i am scared to go home",
    "i am going to end it all i have the pills",
]


class Inbox:
    def __init__(self) -> None:
        self.arrived = threading.Condition()
        self.count = 0
        self.bodies: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        with self.arrived:
            self.count += 1
            self.bodies.append(envelope.content)  # type: ignore[attr-defined]
            self.arrived.notify_all()
        return "250 OK"

    def wait_for(self, count: int, timeout: float) -> bool:
        with self.arrived:
            return self.arrived.wait_for(lambda: self.count >= count, timeout=timeout)


def send(base: str, text: str) -> None:
    request = urllib.request.Request(
        f"{base}/api/v1/views",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 201


def health(base: str) -> dict[str, object]:
    with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
        return json.loads(response.read())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    inbox = Inbox()
    smtp_port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    data = Path(tempfile.mkdtemp(prefix="bench-escalation-"))
    server, base = serve(data, POSTBOX_SMTP_PORT=str(smtp_port), POSTBOX_EMBEDDED_WORKERS="true")
    try:
        started = time.perf_counter()
        send(base, TEXTS[0])  # the first view after a start: the models are still loading
        if not inbox.wait_for(1, timeout=180):
            print("the first e-mail never arrived; see", data / "server.log")
            return 1
        cold = (time.perf_counter() - started) * 1000
        loaded = "rules" in health(base)["screening"]
        print(f"cold start: first urgent view → Help at Hand inbox in {cold:.0f} ms (target 2000 ms)")
        print(f"  the screen's models had {'already' if loaded else 'not yet'} loaded when it arrived")
        deadline = time.monotonic() + 300
        while "rules" not in health(base)["screening"] and time.monotonic() < deadline:
            time.sleep(0.5)
        timings = []
        for i in range(args.runs):
            started = time.perf_counter()
            send(base, TEXTS[i % len(TEXTS)])
            if not inbox.wait_for(i + 2, timeout=60):
                print(f"run {i}: no e-mail within 60 s")
                return 1
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
        print(f"urgent view → Help at Hand inbox over {len(timings)} runs:")
        print(f"  p50 {statistics.median(timings):.0f} ms   p95 {p95:.0f} ms   max {timings[-1]:.0f} ms")
        leaked = [b for b in inbox.bodies if any(t.encode() in b for t in TEXTS)]
        print(f"  e-mails holding the child's words: {len(leaked)} of {len(inbox.bodies)}")
        return 0 if not leaked else 1
    finally:
        server.terminate()
        server.wait(timeout=30)
        controller.stop()


if __name__ == "__main__":
    raise SystemExit(main())
