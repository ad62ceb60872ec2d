"""Per-client rate limits that never write down who the client is.

The client address is turned into a keyed hash with a key that lives only in this
process's memory and changes every hour, so the counters cannot be joined back to an
address even by someone who reads the process's memory later. Nothing here is logged
or stored. Several processes each keep their own counters: a limit per process.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from starlette.exceptions import HTTPException
from starlette.requests import Request

import settings

_KEY_LIFETIME_S = 3600


def _networks(entries: tuple[str, ...]) -> list[IPv4Network | IPv6Network]:
    return [ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _trusted(address: str) -> bool:
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks:
        return False
    try:
        ip = ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: Request) -> str:
    """The address a request came from, as far as we can trust it: the socket's, unless
    that is a proxy in ``settings.TRUSTED_PROXIES``; then the nearest address in
    X-Forwarded-For that is not one of ours (a client can put anything further left)."""
    host = request.client.host if request.client else "unknown"
    if not _trusted(host):
        return host
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",")]
    for hop in reversed(hops):
        if hop and not _trusted(hop):
            return hop
    return host


@dataclass
class RateLimiter:
    """A fixed one-minute window per (bucket, client)."""

    per_minute: int
    _key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _key_born: float = field(default_factory=time.monotonic)
    _window: int = -1
    _counts: dict[str, float] = field(default_factory=dict)

    def _client_key(self, bucket: str, request: Request) -> str:
        now = time.monotonic()
        if now - self._key_born > _KEY_LIFETIME_S:
            self._key, self._key_born = secrets.token_bytes(32), now
        host = client_address(request)
        return hmac.new(self._key, f"{bucket}\0{host}".encode(), hashlib.sha256).hexdigest()[:32]

    def hit(self, bucket: str, request: Request, weight: float = 1.0) -> bool:
        """Count one request (``weight`` of one: a step of a longer form costs less); False
        when this client is over the limit for this minute."""
        if self.per_minute <= 0:
            return True
        window = int(time.monotonic() // 60)
        if window != self._window:
            self._window, self._counts = window, {}
        key = self._client_key(bucket, request)
        count = self._counts.get(key, 0) + weight
        self._counts[key] = count
        return count <= self.per_minute

    def check(self, bucket: str, request: Request, weight: float = 1.0) -> None:
        if not self.hit(bucket, request, weight):
            raise HTTPException(429, "You have sent a lot very quickly. Please wait a minute and try again.")
