"""Staff accounts, their sessions and set-up links, and the append-only audit log.

Secrets are never stored as given: passwords as argon2 hashes, set-up tokens and session
ids as SHA-256 digests, TOTP secrets encrypted with a key derived from the secret key.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from accounts.roles import Role


class StaffUser(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    display_name = fields.CharField(max_length=100, default="")
    role = fields.CharEnumField(Role, max_length=16)
    # The board or cohort a board member or ambassador belongs to (boards.Board id).
    board_id = fields.IntField(null=True)
    password_hash = fields.CharField(max_length=255, null=True)
    totp_secret: str | None = fields.TextField(null=True)
    totp_confirmed = fields.BooleanField(default=False)
    # The last TOTP time step used, so a code cannot be replayed.
    totp_last_step = fields.BigIntField(default=0)
    is_active = fields.BooleanField(default=True)
    # Wrong passwords or codes in a row, from anywhere; the holder is e-mailed at a threshold.
    # Nothing locks the account (accounts/throttle.py slows each client down instead).
    failed_logins = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)

    class Meta:
        table = "staff_user"

    @property
    def name(self) -> str:
        return self.display_name or self.email


class SetupToken(Model):
    """A one-time link to set a password and enrol TOTP (new account or reset)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[StaffUser] = fields.ForeignKeyField(
        "accounts.StaffUser", related_name="setup_tokens", on_delete=fields.CASCADE
    )
    user_id: int
    digest = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "staff_setup_token"


class StaffSession(Model):
    """A signed-in browser. The cookie holds a random id, and only its digest is stored."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[StaffUser] = fields.ForeignKeyField(
        "accounts.StaffUser", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    digest = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField()

    class Meta:
        table = "staff_session"


class AuditEntry(Model):
    """Who did what to which record, and when. Rows are only ever inserted."""

    id = fields.BigIntField(primary_key=True)
    actor_id = fields.IntField(null=True)
    actor = fields.CharField(max_length=254, default="system")
    action = fields.CharField(max_length=48)
    object_type = fields.CharField(max_length=32, default="")
    object_id = fields.CharField(max_length=64, default="")
    detail = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_entry"
        indexes = (("object_type", "object_id"), ("created_at",))
