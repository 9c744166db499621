"""Stopwatches, the timer states (speaking, wrap up, over) and their words, and the epoch seconds the engine
counts in: what any countdown of the live meeting is made of."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

STATE_LABELS = {
    "idle": "Nobody speaking",
    "speaking": "Speaking",
    "wrap_up": "Please wrap up",
    "over": "Over time",
    "paused": "Paused",
}


def iso_ms(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="milliseconds")


def to_epoch(at: datetime) -> float:
    return round(at.timestamp(), 3)


def from_epoch(t: float) -> datetime:
    return datetime.fromtimestamp(round(t, 3), UTC)


class Stopwatch:
    """Accumulates running time as [start, stop) segments."""

    def __init__(self, segments: list[list[float]] | None = None) -> None:
        self.segments: list[list[float]] = segments if segments is not None else []
        self.since: float | None = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def start(self, t: float) -> None:
        if self.since is None:
            self.since = t

    def stop(self, t: float) -> None:
        if self.since is not None:
            self.segments.append([self.since, max(t, self.since)])
            self.since = None

    def elapsed(self, now: float) -> float:
        done = sum(b - a for a, b in self.segments)
        return done + (max(0.0, now - self.since) if self.since is not None else 0.0)


def timer_state(remaining: float | None, warn_s: float) -> str:
    if remaining is None:
        return "speaking"
    if remaining <= 0:
        return "over"
    if remaining <= warn_s:
        return "wrap_up"
    return "speaking"


ITEM_WARN_CAP_S = 120.0
ITEM_WARN_SHARE = 0.2


def item_warning_s(planned_s: float, warn_s: float) -> float:
    """An item's wrap-up warning: min(120 s, max(W, 0.2 P)) — two minutes' notice for a 20-minute item."""
    return min(ITEM_WARN_CAP_S, max(warn_s, ITEM_WARN_SHARE * planned_s))


def format_clock(seconds: float) -> str:
    """m:ss (or h:mm:ss) of a non-negative number of seconds, rounded down."""
    s = int(math.floor(max(0.0, seconds) + 1e-6))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


@dataclass
class TimerView:
    """What a countdown shows: against a limit (0 = none), with a state that has a colour, a word and an icon."""

    name: str
    elapsed_s: float
    limit_s: float
    warn_s: float
    paused: bool = False
    interjection: bool = False

    @property
    def remaining_s(self) -> float | None:
        return self.limit_s - self.elapsed_s if self.limit_s > 0 else None

    @property
    def state(self) -> str:
        if not self.name:
            return "idle"
        return timer_state(self.remaining_s, self.warn_s)

    @property
    def state_label(self) -> str:
        label = STATE_LABELS[self.state]
        return f"{label} (paused)" if self.paused and self.state != "idle" else label

    @property
    def text(self) -> str:
        rem = self.remaining_s
        if not self.name:
            return "0:00"
        if rem is None:
            return format_clock(self.elapsed_s)
        if rem <= 0:
            # +0:00 over the moment time runs out, so the room never sees a countdown that has stopped at zero
            return f"+{format_clock(-rem)} over"
        return format_clock(math.ceil(rem - 1e-6))
