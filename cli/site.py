"""``python -m postbox``: serve, run workers, manage staff and data."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

import settings
from app import MODELS, build_hooks
from cli import maintenance
from web import database, jobs, logs, mailer


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
    uvicorn.run(
        "app:app",
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
    return 0


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
    if _refuse_unsafe_start():
        return 2
    hooks = build_hooks()

    async def run() -> None:
        await database.open_database(MODELS)
        try:
            await asyncio.gather(jobs.Worker(hooks, poll_s=args.poll).run(), mailer.Mailer(hooks).run())
        finally:
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
