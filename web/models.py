"""The shared machinery's records: durable jobs, the mail outbox and worker heartbeats.

Both keep the Tortoise app label ``postbox`` and their tables (``job``,
``outbox_message``): they were created by ``postbox/migrations/0001_initial.py`` when they
lived in the post-box, and keeping the label means no data migration (see
``web/database.py``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class JobState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class Job(Model):
    """A durable unit of work: claimed under a lease, retried with back-off, never dropped."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    state = fields.CharEnumField(JobState, max_length=8, default=JobState.PENDING)
    attempts = fields.IntField(default=0)
    run_after = fields.DatetimeField()
    lease_until = fields.DatetimeField(null=True)
    lease_owner = fields.CharField(max_length=32, null=True)
    last_error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        app = "postbox"
        table = "job"
        indexes = (("state", "run_after"),)


class OutboxState(StrEnum):
    PENDING = "pending"
    SENT = "sent"


class OutboxMessage(Model):
    """An e-mail written in the same transaction as the thing it announces, sent later."""

    id = fields.BigIntField(primary_key=True)
    to = fields.CharField(max_length=254)
    subject = fields.CharField(max_length=200)
    text_body = fields.TextField()
    html_body = fields.TextField(null=True)
    state = fields.CharEnumField(OutboxState, max_length=8, default=OutboxState.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    lease_until = fields.DatetimeField(null=True)
    lease_owner = fields.CharField(max_length=32, null=True)
    last_error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        app = "postbox"
        table = "outbox_message"
        indexes = (("state", "next_attempt_at"),)


class WorkerBeat(Model):
    """A worker process saying it is alive: one row per process, written every few seconds,
    so /healthz in a web process can tell whether anything is screening views and sending
    mail. ``detail`` is what the worker reports about itself (the screen's loaded layers)."""

    id = fields.CharField(max_length=96, primary_key=True)  # host:pid of the worker process
    started_at = fields.DatetimeField()
    beat_at = fields.DatetimeField()
    detail: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        app = "postbox"
        table = "worker_beat"
