"""argon2 runs in its own small pool of threads, never on the event loop (#13 item 2)."""

from __future__ import annotations

import asyncio
import contextlib
import time

from argon2 import PasswordHasher

from accounts import passwords, services
from accounts.models import StaffUser
from accounts.roles import Role
from tests.staff import make_staff


async def test_checking_a_password_does_not_spend_the_event_loop_s_time(app: object) -> None:
    """CPU time of the loop's own thread, not wall time: a busy machine cannot fake it."""
    account = await make_staff(Role.MODERATOR)
    hashed = PasswordHasher().hash(account.password)  # the real cost, as in production
    await StaffUser.filter(id=account.id).update(password_hash=hashed)
    started = time.thread_time()
    PasswordHasher().verify(hashed, account.password)
    one_verify = time.thread_time() - started

    started = time.thread_time()
    await services.check_password(account.email, account.password)
    for password in ("wrong wrong wrong", "also wrong, again", "and a third wrong one"):
        with contextlib.suppress(services.SignInError):
            await services.check_password(account.email, password)
    spent = time.thread_time() - started

    # Four checks on the loop would cost at least four verifies of its thread's time.
    assert spent < 2 * one_verify, (spent, one_verify)


async def test_the_loop_keeps_running_while_a_hash_is_verified() -> None:
    hashed = await passwords.hash_password("correct horse battery staple")
    task = asyncio.create_task(passwords.verify_password(hashed, "correct horse battery staple"))
    await asyncio.sleep(0)  # the task starts and hands the work to the pool
    assert not task.done()
    ticks = 0
    while not task.done():
        ticks += 1
        await asyncio.sleep(0)
    assert ticks > 0 and task.result() is True


async def test_no_hash_means_the_same_work_and_never_a_match() -> None:
    assert await passwords.verify_password(None, "anything at all") is False
    assert await passwords.verify_password("not-a-hash", "anything at all") is False
