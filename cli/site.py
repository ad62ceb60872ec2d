"""``python -m postbox``: serve, run workers, manage staff and data."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time

import settings
from app import MODELS, build_hooks
from cli import maintenance
from web import database, jobs, logs, mailer, workers

log = logging.getLogger("postbox.cli")

# Seconds a worker asked to stop may take before it leaves without finishing.
STOP_GRACE_S = 10.0


def _refuse_unsafe_start() -> bool:
    problems = settings.unsafe_for_production()
    for problem in problems:
        print(f"Not starting: {problem}.", file=sys.stderr)
    return bool(problems)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    if _refuse_unsafe_start():
        return 2
    asyncio.run(database.apply_migrations(MODELS))
    link = asyncio.run(_first_admin_link())
    if link:
        print(
            f"No staff account yet. Set up the first administrator ({settings.ADMIN_EMAIL}) here,"
            f" once:\n  {link}"
        )
    # The screen and the mailer run in a worker process (started here on SQLite, on their
    # own with PostgreSQL), so a web process never loads a model or waits for one.
    child = WorkerProcess() if settings.EMBEDDED_WORKERS else None
    if child is not None:
        child.start()
    try:
        uvicorn.run(
            "app:web_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            access_log=False,  # ours names the route, never the client: see web/logs.py
            server_header=False,  # no "server: uvicorn" telling which software answers
            # Forwarded headers only from the proxies named in POSTBOX_TRUSTED_PROXIES (default
            # none; uvicorn's own default would trust 127.0.0.1 and so any client's header).
            proxy_headers=bool(settings.TRUSTED_PROXIES),
            forwarded_allow_ips=",".join(settings.TRUSTED_PROXIES) or None,
            log_config=None,
            loop="uvloop",
            http="httptools",
        )
    finally:
        if child is not None:
            child.stop()
    return 0


class WorkerProcess:
    """``python -m postbox worker`` as a child of ``serve``: at a lower CPU priority than the
    web process, restarted if it dies, stopped with ``serve``, and ending by itself if
    ``serve`` is killed (it watches its parent)."""

    NICE = 10

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._supervise, name="worker-supervisor", daemon=True)

    def _spawn(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "postbox", "worker", "--poll", "0.5", "--mail-poll", "1"]
        command += ["--parent-pid", str(os.getpid())]
        proc = subprocess.Popen(command, cwd=settings.ROOT)  # noqa: S603 (our own interpreter and fixed arguments)
        with contextlib.suppress(OSError):  # lower its priority at once, before it loads anything
            os.setpriority(os.PRIO_PROCESS, proc.pid, os.getpriority(os.PRIO_PROCESS, 0) + self.NICE)
        workers.set_worker_pid(proc.pid)
        return proc

    def start(self) -> None:
        # A poke must not kill a worker that has not yet set up its handler: the children
        # inherit "ignore" and the worker handles the signal once it is ready for it.
        signal.signal(workers.POKE_SIGNAL, signal.SIG_IGN)
        self.proc = self._spawn()
        self._thread.start()

    def _supervise(self) -> None:
        backoff = 1.0
        while not self._stopping.is_set():
            assert self.proc is not None
            started = time.monotonic()
            code = self.proc.wait()
            if self._stopping.is_set():
                return
            log.error("the worker process ended (code %s); starting it again", code)
            backoff = 1.0 if time.monotonic() - started > 60 else min(backoff * 2, 30.0)
            if self._stopping.wait(backoff):
                return
            self.proc = self._spawn()

    def stop(self, timeout: float = 20.0) -> None:
        self._stopping.set()
        workers.set_worker_pid(None)
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


async def _first_admin_link() -> str | None:
    from accounts.services import first_admin_link

    await database.open_database(MODELS)
    try:
        return await first_admin_link(build_hooks().links)
    finally:
        await database.close_database()


def _createuser(args: argparse.Namespace) -> int:
    from accounts.roles import Role
    from accounts.services import create_user

    async def run() -> str:
        await database.open_database(MODELS)
        try:
            board_id = await _board_id(args.board) if args.board else None
            _user, link = await create_user(
                args.email,
                Role(args.role),
                links=build_hooks().links,
                display_name=args.name,
                board_id=board_id,
            )
            return link
        finally:
            await database.close_database()

    asyncio.run(database.apply_migrations(MODELS))
    try:
        link = asyncio.run(run())
    except ValueError as exc:
        print(f"Could not create the account: {exc}", file=sys.stderr)
        return 2
    print(f"Account {args.email} ({args.role}) created. One-time set-up link:\n  {link}")
    return 0


async def _board_id(name_or_id: str) -> int:
    from boards.models import Board

    board = await (
        Board.get_or_none(id=int(name_or_id)) if name_or_id.isdigit() else Board.get_or_none(name=name_or_id)
    )
    if board is None:
        raise ValueError(f"no board or cohort called {name_or_id!r}")
    return board.id


def _worker(args: argparse.Namespace) -> int:
    from moderation.services import preload

    if _refuse_unsafe_start():
        return 2
    if args.nice:
        os.nice(args.nice)
    hooks = build_hooks()

    async def run() -> None:
        await database.open_database(MODELS)
        worker = jobs.Worker(hooks, poll_s=args.poll)
        mail = mailer.Mailer(hooks, poll_s=args.mail_poll)
        beat = workers.Heartbeat(hooks)

        def stop() -> None:
            for event in (worker.stop, mail.stop, beat.stop):
                event.set()
            jobs.wakeup_event().set()
            # A clean stop waits for the batch in hand, and for the models if they are still
            # loading; past the grace period, leave at once: leases and transactions make it
            # safe (an unfinished job runs again when its lease runs out).
            timer = threading.Timer(STOP_GRACE_S, os._exit, args=(0,))
            timer.daemon = True
            timer.start()

        def poked() -> None:  # a web process has work waiting: look now
            jobs.wakeup_event().set()
            mailer.wakeup_event().set()

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop)
        loop.add_signal_handler(workers.POKE_SIGNAL, poked)
        loading = asyncio.create_task(preload())  # the mailer does not wait for the models
        watch = asyncio.create_task(workers.watch_parent(args.parent_pid, stop)) if args.parent_pid else None
        try:
            await asyncio.gather(worker.run(), mail.run(), beat.run())
        finally:
            for task in (loading, watch):
                if task is not None:
                    task.cancel()
            await database.close_database()

    asyncio.run(run())
    return 0


def _migrate(_args: argparse.Namespace) -> int:
    asyncio.run(database.apply_migrations(MODELS))
    print("Database is up to date.")
    return 0


def _check_migrations(_args: argparse.Namespace) -> int:
    pending = asyncio.run(maintenance.pending_model_changes())
    if pending:
        print("Model changes without a migration: " + ", ".join(pending), file=sys.stderr)
        print("Run: python -m postbox makemigrations", file=sys.stderr)
        return 1
    print("Every model change has a migration.")
    return 0


def _makemigrations(args: argparse.Namespace) -> int:
    for path in asyncio.run(maintenance.make_migrations(args.name, args.app)):
        print(f"Created {path}")
    return 0


def _demo(_args: argparse.Namespace) -> int:
    from cli.demo import load_demo

    counts = asyncio.run(load_demo())
    print(json.dumps(counts))
    return 0


def _purge(args: argparse.Namespace) -> int:
    counts = asyncio.run(maintenance.purge(days=args.days))
    print(json.dumps(counts))
    return 0


def main(argv: list[str] | None = None) -> int:
    logs.configure(settings.LOG_LEVEL)
    parser = argparse.ArgumentParser(prog="python -m postbox", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="apply migrations, then serve the site")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers", type=int, default=1, help="web processes (use PostgreSQL for more than one)"
    )
    serve.set_defaults(run=_serve)

    worker = sub.add_parser("worker", help="run the screening and e-mail workers on their own")
    worker.add_argument("--poll", type=float, default=1.0, help="seconds between looks for new work")
    worker.add_argument("--mail-poll", type=float, default=5.0, help="seconds between looks at the outbox")
    worker.add_argument("--nice", type=int, default=0, help="lower this process's CPU priority by N")
    worker.add_argument(
        "--parent-pid", type=int, default=0, help="stop when this process (the one that started it) ends"
    )
    worker.set_defaults(run=_worker)

    sub.add_parser("migrate", help="apply database migrations").set_defaults(run=_migrate)
    sub.add_parser("check-migrations", help="fail when a model change has no migration").set_defaults(
        run=_check_migrations
    )
    make = sub.add_parser("makemigrations", help="write migrations for model changes")
    make.add_argument("--name", default=None)
    make.add_argument("--app", default=None, help="only this app label")
    make.set_defaults(run=_makemigrations)

    create = sub.add_parser("createuser", help="add a staff account and print its one-time set-up link")
    create.add_argument("email")
    create.add_argument(
        "--role",
        required=True,
        choices=["admin", "moderator", "help_at_hand", "editor", "board_member", "ambassador"],
    )
    create.add_argument("--name", default="", help="the name shown to other staff")
    create.add_argument(
        "--board", default=None, help="board or cohort (name or id) for board members and ambassadors"
    )
    create.set_defaults(run=_createuser)

    sub.add_parser("demo", help="load demo content").set_defaults(run=_demo)
    purge = sub.add_parser("purge", help="delete what is older than the retention period")
    purge.add_argument("--days", type=int, default=settings.RETENTION_DAYS)
    purge.set_defaults(run=_purge)

    args = parser.parse_args(argv)
    return int(args.run(args))
