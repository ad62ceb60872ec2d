"""Wait for a condition instead of sleeping a fixed time.

A busy machine may be slow, never wrong: these poll until the condition holds and only
give up after a generous ``within`` seconds (a guard against hanging, not a speed test; speed is
measured in ``benchmarks/``).
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


def wait_for(
    condition: Callable[[], T], *, within: float = 120.0, interval: float = 0.2, what: str = "the condition"
) -> T:
    """Call ``condition`` until it returns something truthy, and return that."""
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {within:g} s")
        time.sleep(interval)


async def wait_until(
    condition: Callable[[], T | Awaitable[T]],
    *,
    within: float = 120.0,
    interval: float = 0.05,
    what: str = "the condition",
) -> T:
    """``wait_for`` inside the event loop: ``condition`` may be a coroutine function."""
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value  # type: ignore[return-value]
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {within:g} s")
        await asyncio.sleep(interval)
