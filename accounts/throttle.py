"""Slowing down wrong sign-in tries without locking anybody out.

A lock on the account let anyone keep a member of staff out with five wrong tries every
quarter of an hour, and its different answer told who had an account. Instead, wrong
tries are counted per (e-mail typed, client): after a few free ones, each further try
from that client for that e-mail must wait twice as long as the last (1 s, 2 s, 4 s … up
to ``max_delay_s``). The real holder, signing in from elsewhere, is never held up, and the
answer is the same whether or not the e-mail belongs to an account.

Like ``web.ratelimit``, nothing here is stored or logged: the e-mail and the client
address are kept only as keyed hashes, with a key that lives in this process's memory.
Each process keeps its own counts.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.requests import Request

from web.ratelimit import client_address


@dataclass
class _Tries:
    failures: int = 0
    last_failure: float = 0.0


@dataclass
class SignInThrottle:
    free_failures: int = 3
    max_delay_s: float = 900.0
    # Failures are forgotten after this long without another one.
    forget_after_s: float = 24 * 3600.0
    clock: Callable[[], float] = time.monotonic
    _key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _tries: dict[tuple[str, str], _Tries] = field(default_factory=dict)

    def _hash(self, kind: str, value: str) -> str:
        return hmac.new(self._key, f"{kind}\0{value}".encode(), hashlib.sha256).hexdigest()[:32]

    def _key_of(self, email: str, request: Request) -> tuple[str, str]:
        return self._hash("email", email.strip().lower()), self._hash("client", client_address(request))

    def _delay(self, failures: int) -> float:
        over = failures - self.free_failures
        if over < 0:
            return 0.0
        return min(self.max_delay_s, 2.0**over)

    def wait_s(self, email: str, request: Request) -> int:
        """Whole seconds this client must wait before trying this e-mail again (0: go ahead)."""
        tries = self._tries.get(self._key_of(email, request))
        if tries is None:
            return 0
        left = tries.last_failure + self._delay(tries.failures) - self.clock()
        return math.ceil(left) if left > 0 else 0

    def failed(self, email: str, request: Request) -> None:
        now = self.clock()
        if len(self._tries) > 10_000:
            self._forget(now)
        key = self._key_of(email, request)
        tries = self._tries.get(key)
        if tries is None or now - tries.last_failure > self.forget_after_s:
            tries = self._tries[key] = _Tries()
        tries.failures += 1
        tries.last_failure = now

    def succeeded(self, email: str, request: Request) -> None:
        self._tries.pop(self._key_of(email, request), None)

    def clear(self, email: str) -> int:
        """An administrator's reset: every client's count for this e-mail, in this process."""
        email_key = self._hash("email", email.strip().lower())
        keys = [key for key in self._tries if key[0] == email_key]
        for key in keys:
            del self._tries[key]
        return len(keys)

    def _forget(self, now: float) -> None:
        for key in [k for k, t in self._tries.items() if now - t.last_failure > self.forget_after_s]:
            del self._tries[key]
