"""A whole-call deadline for network calls whose clients only time out per read.

httpx's timeouts bound each read, so a server that sends a byte every few seconds, or a Chroma
client built with no timeout at all, can hold a draft for ever. `call_within` runs the call on a
daemon thread and stops waiting at the deadline; the call itself is abandoned (its thread ends
when its connection does, and never keeps the process alive).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def call_within(seconds: float, call: Callable[[], T], name: str = "network-call") -> T:
    """`call()`'s result or exception, or TimeoutError when it has not returned within `seconds`."""
    if seconds <= 0:
        raise TimeoutError("no time left")
    outcome: dict[str, object] = {}
    finished = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 -- handed to the caller's thread below
            outcome["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    if not finished.wait(min(seconds, threading.TIMEOUT_MAX)):  # an unbounded deadline ('inf') waits as long as allowed
        raise TimeoutError(f"no answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
