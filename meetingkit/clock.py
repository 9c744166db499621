"""Where all time comes from: a monotonic clock for durations and a UTC clock for timestamps."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (arbitrary origin)."""

    def now_utc(self) -> datetime:
        """The wall-clock time, timezone-aware UTC."""


class SystemClock:
    """The real clocks of the machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now_utc(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to; the wall clock may be made to jump (a laptop that slept)."""

    def __init__(self, start: datetime | None = None, monotonic: float = 1000.0) -> None:
        self._wall = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if self._wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._mono = monotonic

    def monotonic(self) -> float:
        return self._mono

    def now_utc(self) -> datetime:
        return self._wall.astimezone(UTC)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not go backwards")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def set_utc(self, when: datetime) -> None:
        """Move both clocks forward to `when` (as if that much time had passed)."""
        delta = (when - self._wall).total_seconds()
        self.advance(max(0.0, delta))

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock, as a suspend does (monotonic time stands still while asleep)."""
        self._wall += timedelta(seconds=seconds)
