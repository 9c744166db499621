"""Where all time comes from: a monotonic clock for durations, a boot clock that also counts sleep, and a UTC
clock for timestamps. A sleep is told apart from a wall-clock step by the boot clock (DESIGN §3)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (arbitrary origin)."""

    def now_utc(self) -> datetime:
        """The wall-clock time, timezone-aware UTC."""

    def boot(self) -> float | None:
        """Seconds on a clock that never goes backwards and runs on while the machine sleeps (Linux's
        CLOCK_BOOTTIME); None where the platform has no such clock."""


def _boot_clock_id() -> int | None:
    return getattr(time, "CLOCK_BOOTTIME", None)


class SystemClock:
    """The real clocks of the machine."""

    def __init__(self) -> None:
        self._boot_id = _boot_clock_id()

    def monotonic(self) -> float:
        # Read first so that boot() - monotonic() never shrinks between two reads in that order.
        return time.monotonic()

    def now_utc(self) -> datetime:
        return datetime.now(UTC)

    def boot(self) -> float | None:
        if self._boot_id is None:
            return None
        return time.clock_gettime(self._boot_id)


class FakeClock:
    """A clock that moves only when told to. `sleep` is a suspend (the wall and boot clocks run on, monotonic
    time stands still); `step_wall` is a wall-clock step (NTP, a clock set by hand, daylight-saving mistakes):
    only the wall clock moves. `boot_clock=False` is a platform without a boot clock."""

    def __init__(
        self, start: datetime | None = None, monotonic: float = 1000.0, boot_clock: bool = True
    ) -> None:
        self._wall = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if self._wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._mono = monotonic
        self._boot: float | None = monotonic + 50_000.0 if boot_clock else None

    def monotonic(self) -> float:
        return self._mono

    def now_utc(self) -> datetime:
        return self._wall.astimezone(UTC)

    def boot(self) -> float | None:
        return self._boot

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not go backwards")
        self._mono += seconds
        if self._boot is not None:
            self._boot += seconds
        self._wall += timedelta(seconds=seconds)

    def set_utc(self, when: datetime) -> None:
        """Move every clock forward to `when` (as if that much time had passed)."""
        delta = (when - self._wall).total_seconds()
        self.advance(max(0.0, delta))

    def sleep(self, seconds: float) -> None:
        """The machine is suspended for `seconds`: monotonic time stands still, the boot and wall clocks run."""
        if seconds < 0:
            raise ValueError("time does not go backwards")
        if self._boot is not None:
            self._boot += seconds
        self._wall += timedelta(seconds=seconds)

    def step_wall(self, seconds: float) -> None:
        """Only the wall clock moves (forward or back), as when it is set: no time passed."""
        self._wall += timedelta(seconds=seconds)
