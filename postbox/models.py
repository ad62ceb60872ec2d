"""The post-box's records: a child's view, replies to it, durable jobs and the mail outbox."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class ViewStatus(StrEnum):
    """Where a view is. The words a child sees for each are in ``postbox.vocabulary``."""

    RECEIVED = "received"
    BEING_READ = "being_read"
    WITH_HELP_TEAM = "with_help_team"
    SHARED = "shared"
    ANSWERED = "answered"


class View(Model):
    """What a child sent. ``text`` is the child's words exactly as kept (never hard-deleted
    before retention); redaction writes ``redacted_text`` and leaves ``text`` alone."""

    id = fields.BigIntField(primary_key=True)
    receipt_digest = fields.CharField(max_length=64, unique=True)
    text = fields.TextField()
    redacted_text = fields.TextField(null=True)
    theme = fields.CharField(max_length=64, null=True)
    suggested_theme = fields.CharField(max_length=64, null=True)
    age_band = fields.CharField(max_length=16, null=True)
    area = fields.CharField(max_length=64, null=True)
    found_us = fields.CharField(max_length=64, null=True)
    quote_consent = fields.BooleanField(default=False)
    status = fields.CharEnumField(ViewStatus, max_length=16, default=ViewStatus.RECEIVED)
    # The most severe level any screen has given so far ("none" … "urgent"); null until screened.
    level = fields.CharField(max_length=8, null=True)
    needs_human = fields.BooleanField(default=False)
    # Released to boards and ambassadors (screened clean or approved by a moderator).
    released = fields.BooleanField(default=False)
    show_help = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "view"
        indexes = (("status", "created_at"), ("released", "theme"))


class Reply(Model):
    id = fields.BigIntField(primary_key=True)
    view = fields.ForeignKeyField("postbox.View", related_name="replies", on_delete=fields.CASCADE)
    body = fields.TextField()
    # Staff account id; kept as a plain integer so the post-box does not depend on accounts.
    author_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "reply"


class JobState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class Job(Model):
    """A durable unit of work: claimed under a lease, retried with back-off, never dropped."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    payload = fields.JSONField(default=dict)
    state = fields.CharEnumField(JobState, max_length=8, default=JobState.PENDING)
    attempts = fields.IntField(default=0)
    run_after = fields.DatetimeField()
    lease_until = fields.DatetimeField(null=True)
    lease_owner = fields.CharField(max_length=32, null=True)
    last_error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
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
        table = "outbox_message"
        indexes = (("state", "next_attempt_at"),)
