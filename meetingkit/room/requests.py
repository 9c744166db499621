"""Requests to speak sent from the room's devices: held for the chair, never part of the meeting record.

A request becomes a `queue` command only when the chair accepts it; declined, withdrawn and closed requests
leave no trace in the meeting. Each device may ask only a few times a minute (and each network address a
few more, so that a device cannot dodge its limit by calling itself another one).
"""

from __future__ import annotations

import re
import secrets
from collections import deque
from dataclasses import dataclass

from meetingkit.clock import Clock

PER_DEVICE_PER_MINUTE = 3
PER_ADDRESS_PER_MINUTE = 6
MAX_OPEN = 50  # a flood of requests must not bury the chair's queue panel
DEVICE_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")

# What the person's page says for each state of their request.
WORDS = {
    "pending": "Your request is with the chair",
    "accepted": "The chair added you to the queue",
    "declined": "The chair did not add you to the queue this time",
    "withdrawn": "You withdrew your request",
    "closed": "Your request was closed",
}


class RequestRefused(Exception):
    """A request that cannot be taken, with the words the person's page shows."""


@dataclass
class SpeakRequest:
    id: str
    device: str
    who: str
    name: str
    at: float  # monotonic seconds, for the order in which the chair sees them
    status: str = "pending"  # pending | accepted | declined | withdrawn | closed
    reason: str = ""  # for `closed`: why, in words

    @property
    def words(self) -> str:
        return self.reason or WORDS[self.status]

    def message(self) -> dict[str, str]:
        """The `request` message to the device that made it."""
        return {"type": "request", "id": self.id, "who": self.who, "status": self.status, "text": self.words}


class RequestBook:
    """Open requests in the order they came, one per device, with each device's rate limit."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._by_device: dict[str, SpeakRequest] = {}  # each device's latest request, open or not
        self._asked: dict[str, deque[float]] = {}  # device or address -> times it asked in the last minute

    def open(self) -> list[SpeakRequest]:
        return sorted((r for r in self._by_device.values() if r.status == "pending"), key=lambda r: r.at)

    def latest(self, device: str) -> SpeakRequest | None:
        return self._by_device.get(device)

    def get(self, request_id: str) -> SpeakRequest | None:
        return next((r for r in self._by_device.values() if r.id == request_id), None)

    def ask(self, device: str, address: str, who: str, name: str) -> SpeakRequest:
        """A new request from `device` for person `who`; raises RequestRefused with the reason in words."""
        mine = self._by_device.get(device)
        if mine is not None and mine.status == "pending":
            if mine.who == who:
                return mine  # asking twice is still one request
            raise RequestRefused("You already have a request with the chair: withdraw it first")
        other = next((r for r in self.open() if r.who == who), None)
        if other is not None:
            raise RequestRefused(f"{name} has already asked to speak")
        if len(self.open()) >= MAX_OPEN:
            raise RequestRefused("The chair has too many requests waiting: please try again shortly")
        now = self.clock.monotonic()
        if not (
            self._room(f"d:{device}", now, PER_DEVICE_PER_MINUTE)
            and self._room(f"a:{address}", now, PER_ADDRESS_PER_MINUTE)
        ):
            raise RequestRefused("You have asked several times in the last minute: please wait a little")
        self._note(f"d:{device}", now)
        self._note(f"a:{address}", now)
        request = SpeakRequest(secrets.token_hex(8), device, who, name, now)
        self._by_device[device] = request
        return request

    def _room(self, key: str, now: float, limit: int) -> bool:
        times = self._asked.setdefault(key, deque())
        while times and now - times[0] >= 60.0:
            times.popleft()
        return len(times) < limit

    def _note(self, key: str, now: float) -> None:
        self._asked.setdefault(key, deque()).append(now)

    def settle(self, request_id: str, status: str, reason: str = "") -> SpeakRequest | None:
        """Accept, decline, withdraw or close an open request; None if it is no longer open."""
        if status not in WORDS or status == "pending":
            raise ValueError(f"not a final state: {status}")
        request = self.get(request_id)
        if request is None or request.status != "pending":
            return None
        request.status = status
        request.reason = reason
        return request

    def withdraw(self, device: str) -> SpeakRequest | None:
        mine = self._by_device.get(device)
        return self.settle(mine.id, "withdrawn") if mine is not None else None

    def close_all(self, reason: str) -> list[SpeakRequest]:
        return [r for r in (self.settle(r.id, "closed", reason) for r in self.open()) if r is not None]
