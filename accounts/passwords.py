"""Password hashing off the event loop.

argon2id is made to be slow and memory-hard (tens to hundreds of milliseconds a hash).
Run on the event loop, a burst of sign-in attempts froze every child's request behind
it. Here each hash and verify runs in a small pool of its own threads (argon2-cffi
releases the GIL while it works), so at most ``WORKERS`` hashes run at once and the
loop keeps serving children meanwhile. Extra attempts wait their turn in the pool's queue.
"""

from __future__ import annotations

import asyncio
import secrets
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Two at once: on a small machine the rest of the site keeps a core.
WORKERS = 2

_hasher = PasswordHasher()
_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="argon2")
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
