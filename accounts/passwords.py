"""Password hashing off the event loop.

argon2id is made to be slow and memory-hard (tens to hundreds of milliseconds a hash).
Run on the event loop, a burst of sign-in attempts froze every child's request behind
it. Here each hash and verify runs in a small pool of its own threads (argon2-cffi
releases the GIL while it works), so at most ``WORKERS`` hashes run at once and the
loop keeps serving children meanwhile. Extra attempts wait their turn in the pool's queue.
The pool's threads also run at a lower CPU priority, so on a busy machine children's
requests go first (``benchmarks/bench_sign_in_burst.py``: a child's send p99 during bursts
of 20 sign-ins 9.6 s on the event loop; 0.7 s in the pool; 0.2 s with the lower priority).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

# Two at once: on a small machine the rest of the site keeps a core.
WORKERS = 2

_hasher = PasswordHasher()
# How much lower than the web's threads the hashing threads run (Linux "nice"; argon2's own
# lane threads inherit it): when the cores are busy, a child's request goes first.
NICENESS = 10


def _lower_priority() -> None:
    with contextlib.suppress(AttributeError, OSError):  # not Linux, or not allowed: carry on
        me = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, me, min(19, os.getpriority(os.PRIO_PROCESS, me) + NICENESS))


_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="argon2", initializer=_lower_priority)
# Verified against when there is no usable account, so a miss does the same work as a hit.
DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def _verify_now(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


async def hash_password(password: str) -> str:
    return await asyncio.get_running_loop().run_in_executor(_pool, _hasher.hash, password)


async def verify_password(hashed: str | None, password: str) -> bool:
    """Whether ``password`` matches ``hashed``; with no hash, the same work against a dummy."""
    result = await asyncio.get_running_loop().run_in_executor(
        _pool, _verify_now, hashed or DUMMY_HASH, password
    )
    return result and hashed is not None


def needs_rehash(hashed: str) -> bool:
    return _hasher.check_needs_rehash(hashed)


# zxcvbn's scores run 0 (a common password) to 4; below this a password is refused.
MIN_SCORE = 3


def _score(password: str, hints: tuple[str, ...]) -> int:
    # zxcvbn's own advice: only the first 100 characters (its matching grows fast with length).
    return int(zxcvbn(password[:100], user_inputs=list(hints))["score"])


async def easy_to_guess(password: str, hints: tuple[str, ...] = ()) -> bool:
    """Whether ``password`` is common or easy to guess (zxcvbn's packaged lists of common
    passwords, words and names, and ``hints`` such as the person's e-mail and name)."""
    score = await asyncio.get_running_loop().run_in_executor(_pool, _score, password, hints)
    return score < MIN_SCORE
