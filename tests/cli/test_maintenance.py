from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx

from cli import maintenance
from postbox.models import Reply, View
from tests import live
from web.leases import utcnow
from web.models import Job, JobState

ROOT = Path(__file__).resolve().parents[2]


async def test_purge_deletes_only_what_is_past_retention(
    client: httpx.AsyncClient, database_url: str
) -> None:
    for text in ("old view", "new view"):
        await client.post("/api/v1/views", json={"text": text})
    old = await View.get(text="old view")
    await Reply.create(view=old, body="thanks")
    await View.filter(id=old.id).update(created_at=utcnow() - timedelta(days=400))
    await Job.all().update(state=JobState.DONE, finished_at=utcnow() - timedelta(days=8))

    counts = await maintenance.purge(days=365, database_url=database_url)

    assert counts["views_deleted"] == 1 and counts["jobs_deleted"] == 2
    assert [v.text for v in await View.all()] == ["new view"]
    assert await Reply.all().count() == 0


def test_no_model_change_is_missing_a_migration() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postbox", "check-migrations"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_purge_runs_on_its_own(tmp_path: Path) -> None:
    """``python -m postbox purge`` in a fresh process, as cron runs it (it used to fail:
    no Tortoise context was open yet)."""
    env = live.server_env(tmp_path)
    for command in (["migrate"], ["purge", "--days", "30"]):
        result = subprocess.run(
            [sys.executable, "-m", "postbox", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-2000:]
    assert '"views_deleted": 0' in result.stdout
