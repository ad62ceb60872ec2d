"""Accounts, sign-in and sessions.

Passwords are hashed with argon2id (argon2-cffi's defaults follow RFC 9106). TOTP codes
come from pyotp; a used time step is remembered so a code works once. Session ids and
set-up tokens are random 256-bit values whose SHA-256 digest is all the database keeps.
"""

from __future__ import annotations

import hashlib
import html
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pyotp
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

import settings
from accounts import passwords
from accounts.models import AuditEntry, SetupToken, StaffSession, StaffUser
from accounts.roles import SAFEGUARDING, SCOPED, Role
from web import crypto
from web.errors import NotFound
from web.links import Links
from web.models import OutboxMessage

MIN_PASSWORD_LENGTH = 12
TOTP_ISSUER = "The Post-box"


def now() -> datetime:
    return datetime.now(UTC)


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class Staff:
    """The signed-in person, as every staff route sees them."""

    id: int
    email: str
    name: str
    role: Role
    board_id: int | None
    session_digest: str

    @property
    def safeguarding(self) -> bool:
        """May read a child's words unredacted."""
        return self.role in SAFEGUARDING

    def may_see_board(self, board_id: int | None) -> bool:
        """Board members and ambassadors see only their own board or cohort."""
        return self.role not in SCOPED or (self.board_id is not None and self.board_id == board_id)


class SignInError(Exception):
    """Shown to the person signing in; never says which of e-mail, password or code was wrong."""


WRONG = "That e-mail, password or code is not right."


# Accounts -------------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    return email.strip().lower()


def valid_email(email: str) -> bool:
    local, _, domain = email.partition("@")
    return bool(local) and "." in domain.strip(".") and " " not in email and len(email) <= 254


async def create_user(
    email: str,
    role: Role,
    *,
    links: Links,
    display_name: str = "",
    board_id: int | None = None,
    actor: Staff | None = None,
) -> tuple[StaffUser, str]:
    """A new account with no password yet, and its one-time set-up link."""
    email = normalise_email(email)
    if not valid_email(email):
        raise ValueError("Enter an e-mail address like name@example.org.")
    if await StaffUser.exists(email=email):
        raise ValueError("There is already an account with that e-mail address.")
    if role in SCOPED and board_id is None:
        raise ValueError("Board members and ambassadors need a board or cohort.")
    user = await StaffUser.create(
        email=email, role=role, display_name=display_name.strip()[:100], board_id=board_id
    )
    await audit(actor, "account.created", "account", user.id, f"role={role.value}")
    return user, await setup_link(user, links=links, actor=actor)


async def load_user(user_id: int) -> StaffUser:
    user = await StaffUser.get_or_none(id=user_id)
    if user is None:
        raise NotFound("There is no such account.")
    return user


async def setup_link(user: StaffUser, *, links: Links, actor: Staff | None = None) -> str:
    """A fresh one-time link; earlier unused links for this account stop working."""
    await SetupToken.filter(user=user, used_at=None).update(used_at=now())
    raw = secrets.token_urlsafe(32)
    await SetupToken.create(
        user=user, digest=digest(raw), expires_at=now() + timedelta(hours=settings.SETUP_LINK_HOURS)
    )
    await audit(actor, "account.setup_link", "account", user.id)
    return links.url("accounts:setup", token=raw)


async def setup_token_user(raw: str) -> tuple[SetupToken, StaffUser]:
    token = await SetupToken.get_or_none(digest=digest(raw)).prefetch_related("user")
    if token is None or token.used_at is not None or token.expires_at <= now() or not token.user.is_active:
        raise NotFound("This set-up link has been used or has run out. Ask an administrator for a new one.")
    return token, token.user


def totp_secret_of(user: StaffUser) -> str | None:
    return crypto.decrypt(user.totp_secret) if user.totp_secret else None


async def pending_totp_secret(user: StaffUser) -> str:
    """The secret being enrolled: made once, kept encrypted until the first code confirms it."""
    secret = None if user.totp_confirmed else totp_secret_of(user)
    if secret is None:
        secret = pyotp.random_base32()
        user.totp_secret = crypto.encrypt(secret)
        user.totp_confirmed = False
        await user.save(update_fields=["totp_secret", "totp_confirmed"])
    return secret


def provisioning_uri(user: StaffUser, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


async def password_problem(password: str, confirm: str, *, user: StaffUser | None = None) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > 1024:
        return "That password is too long."
    if password != confirm:
        return "The two passwords are not the same."
    hints = (user.email, *user.email.split("@"), user.display_name) if user else ()
    if await passwords.easy_to_guess(password, tuple(h for h in hints if h)):
        return "That password is too easy to guess. Try three or four unrelated words together."
    return None


async def complete_setup(token: SetupToken, user: StaffUser, password: str, code: str) -> None:
    """Set the password and confirm TOTP enrolment with a first code; ends old sessions."""
    secret = totp_secret_of(user)
    step = _matching_step(secret, code) if secret else None
    if step is None:
        raise SignInError("That code is not right. Check the time on your phone and try again.")
    user.password_hash = await passwords.hash_password(password)
    user.totp_confirmed = True
    user.totp_last_step = step
    user.failed_logins = 0
    await user.save()
    token.used_at = now()
    await token.save(update_fields=["used_at"])
    await StaffSession.filter(user=user).delete()
    await audit(user, "account.setup_completed", "account", user.id)


# Signing in -----------------------------------------------------------------------------


async def check_password(email: str, password: str) -> StaffUser:
    """The account when the password is right. The same answer, and the same argon2 work,
    whether the e-mail is unknown, the account is turned off or the password is wrong: an
    account is never locked, so nobody can lock another out and no answer tells who is staff."""
    user = await StaffUser.get_or_none(email=normalise_email(email))
    usable = user is not None and user.is_active and bool(user.password_hash) and user.totp_confirmed
    right = await passwords.verify_password(user.password_hash if usable and user else None, password)
    if user is None or not usable or not right:
        # The same queries either way (no row matches id 0), so timing tells nothing either.
        await _failed(user if user is not None and usable else None, "password")
        raise SignInError(WRONG)
    if passwords.needs_rehash(user.password_hash or ""):
        user.password_hash = await passwords.hash_password(password)
        await user.save(update_fields=["password_hash"])
    return user


async def check_code(user: StaffUser, code: str) -> None:
    """Sign-in's second step. The used time step moves forward in one conditional UPDATE,
    so when the same code arrives twice at once only one of them signs in."""
    secret = totp_secret_of(user)
    step = _matching_step(secret, code) if secret else None
    won = step is not None and bool(
        await StaffUser.filter(id=user.id, totp_last_step__lt=step).update(
            totp_last_step=step, failed_logins=0, last_login_at=now()
        )
    )
    if not won:
        await _failed(user, "code")
        raise SignInError(WRONG)


def _matching_step(secret: str, code: str) -> int | None:
    """The time step the code belongs to (now, or one step either side), else None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now())
    for step in (current, current - 1, current + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def alert_due(failures: int) -> bool:
    """Whether this many wrong tries in a row earn the holder an e-mail: at the threshold,
    then each time the count doubles (5, 10, 20, 40 …), so nobody's inbox is flooded."""
    first = max(1, settings.FAILURE_ALERT_AFTER)
    times, rest = divmod(failures, first)
    return times > 0 and rest == 0 and times & (times - 1) == 0


async def _failed(user: StaffUser | None, what: str) -> None:
    """Count a wrong try on the account (every client together, for the holder's sake)."""
    user_id = user.id if user is not None else 0
    await StaffUser.filter(id=user_id).update(failed_logins=F("failed_logins") + 1)
    # Flat: integers, though Tortoise types each as a tuple.
    counts: list[Any] = await StaffUser.filter(id=user_id).values_list("failed_logins", flat=True)
    if user is None or not counts:
        return
    failures: int = counts[0]
    if alert_due(failures):
        await _queue_failure_mail(user, failures)
        detail = f"{failures} wrong tries, last {what}"
        await audit(None, "account.failed_sign_ins", "account", user.id, detail)


async def _queue_failure_mail(user: StaffUser, failures: int) -> None:
    text = "\n".join(
        [
            f"Someone has tried to sign in to your Post-box staff account ({user.email}) "
            f"{failures} times in a row with a wrong password or code.",
            "",
            "If this was you, you do not need to do anything: your account is not locked.",
            "If it was not you, tell your administrator. They can give you a new set-up link.",
            "",
            "This e-mail does not say where the tries came from: the Post-box does not keep addresses.",
        ]
    )
    await OutboxMessage.create(
        to=user.email,
        subject="Wrong sign-in tries on your Post-box account",
        text_body=text,
        html_body="".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line),
        next_attempt_at=now(),
    )


async def reset_failures(user: StaffUser) -> None:
    await StaffUser.filter(id=user.id).update(failed_logins=0)


# Sessions -------------------------------------------------------------------------------


async def start_session(user: StaffUser) -> str:
    """A brand-new session id (never one the browser brought: no fixation)."""
    raw = secrets.token_urlsafe(32)
    await StaffSession.create(user=user, digest=digest(raw), last_seen_at=now())
    await audit(user, "signed_in", "account", user.id)
    return raw


async def staff_for(raw: str) -> Staff | None:
    """The signed-in person for a session cookie, or None when it is unknown, idle, older
    than ``SESSION_MAX_HOURS`` or its account is turned off."""
    if not raw or len(raw) > 100:
        return None
    session = await StaffSession.get_or_none(digest=digest(raw)).prefetch_related("user")
    if session is None:
        return None
    idle = timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    moment = now()
    too_old = session.created_at + timedelta(hours=settings.SESSION_MAX_HOURS) <= moment
    if session.last_seen_at + idle <= moment or too_old or not session.user.is_active:
        await session.delete()
        return None
    if moment - session.last_seen_at > timedelta(seconds=30):
        await StaffSession.filter(id=session.id).update(last_seen_at=moment)
    user = session.user
    return Staff(user.id, user.email, user.name, Role(user.role), user.board_id, session.digest)


async def end_session(raw: str) -> None:
    await StaffSession.filter(digest=digest(raw)).delete()


async def end_all_sessions(user_id: int) -> int:
    return await StaffSession.filter(user_id=user_id).delete()


# Audit ----------------------------------------------------------------------------------


async def audit(
    actor: Staff | StaffUser | None,
    action: str,
    object_type: str = "",
    object_id: object = "",
    detail: str = "",
    *,
    using_db: BaseDBAsyncClient | None = None,
) -> None:
    await AuditEntry.create(
        actor_id=actor.id if actor else None,
        actor=actor.email if actor else "system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        detail=detail[:2000],
        using_db=using_db,
    )


async def first_admin_link(links: Links) -> str | None:
    """On a site with no usable staff account, a one-time link to set up the first admin."""
    if await StaffUser.filter(is_active=True, totp_confirmed=True).exists():
        return None
    user = await StaffUser.get_or_none(email=normalise_email(settings.ADMIN_EMAIL))
    if user is None:
        user, link = await create_user(
            settings.ADMIN_EMAIL, Role.ADMIN, links=links, display_name="Administrator"
        )
        return link
    return await setup_link(user, links=links)
