"""Where the feedback break falls, when the meeting will finish, and how to bring it back on time."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from meetingkit.models.meeting import BREAK, AgendaItem

ON_TIME_TOLERANCE_S = 60.0


def planned_break_after(minutes: Sequence[float], fraction: float) -> int | None:
    """Index k of the item the break follows: the cumulative end c_k nearest f * c_n (ties: smaller k).

    With one item the break follows it; with none there is no slot.
    """
    n = len(minutes)
    if n == 0:
        return None
    if n == 1:
        return 0
    ends: list[float] = []
    total = 0.0
    for m in minutes:
        total += m
        ends.append(total)
    target = fraction * total
    # Round the distance so that float noise does not break a true tie.
    return min(range(n - 1), key=lambda k: (round(abs(ends[k] - target), 9), k))


def break_due_by_fraction(elapsed_s: float, remaining_planned_s: float, fraction: float) -> bool:
    """E >= f * (E + R): the meeting has used its share of time before the break."""
    return elapsed_s >= fraction * (elapsed_s + remaining_planned_s) - 1e-9


@dataclass
class Slot:
    """A stretch of the projected rest of the meeting: an agenda item (key) or the break (BREAK)."""

    key: str
    start: float
    end: float


@dataclass
class Forecast:
    """The live forecast: the projected end against the scheduled one, and the items at risk."""

    now: float
    projected_end: float
    scheduled_end: float
    slots: list[Slot] = field(default_factory=list)
    at_risk: list[str] = field(default_factory=list)

    @property
    def delta_s(self) -> float:
        """Projected minus scheduled end: above zero the meeting will run over."""
        return self.projected_end - self.scheduled_end

    @property
    def status(self) -> str:
        minutes = int(abs(self.delta_s) / 60 + 0.5)  # halves up: 2.5 min over reads "over by 3 min"
        if abs(self.delta_s) < ON_TIME_TOLERANCE_S or minutes == 0:
            return "on time"
        return f"{'over' if self.delta_s > 0 else 'ahead'} by {minutes} min"

    @property
    def is_over(self) -> bool:
        return self.delta_s >= ON_TIME_TOLERANCE_S


def project(
    now: float,
    scheduled_end: float,
    current: tuple[str, float] | None,
    not_started: Sequence[AgendaItem],
    break_remaining_s: float | None,
    break_before: str | None,
    break_running: bool = False,
) -> Forecast:
    """Lay the rest of the meeting out from `now`.

    current: (key, planned left of the current item, never below 0).
    break_remaining_s: None if no break is still to come; else its length (or what is left of it).
    break_before: the key of the first slot the break precedes (None: after everything listed).
    break_running: the break is on now, so it comes first.
    """
    slots: list[Slot] = []
    t = now

    def add(key: str, length: float) -> None:
        nonlocal t
        slots.append(Slot(key, t, t + length))
        t += length

    pending_break = break_remaining_s
    if pending_break is not None and break_running:
        add(BREAK, pending_break)
        pending_break = None
    if current is not None:
        if pending_break is not None and break_before == current[0]:
            add(BREAK, pending_break)
            pending_break = None
        add(current[0], current[1])
    for it in not_started:
        if pending_break is not None and break_before == it.key:
            add(BREAK, pending_break)
            pending_break = None
        add(it.key, it.planned_s)
    if pending_break is not None:
        add(BREAK, pending_break)
    # The same tolerance as "on time": an item is at risk only when the forecast says the meeting runs over it.
    at_risk = [s.key for s in slots if s.key != BREAK and s.end >= scheduled_end + ON_TIME_TOLERANCE_S]
    return Forecast(now=now, projected_end=t, scheduled_end=scheduled_end, slots=slots, at_risk=at_risk)


@dataclass
class Proposal:
    """New planned minutes for flexible items (and any to defer) so that the meeting ends on time."""

    minutes: dict[str, float]
    deferred: list[str]
    available_s: float
    needed_s: float

    @property
    def summary(self) -> str:
        parts = []
        if self.minutes:
            parts.append(f"shorten {len(self.minutes)} item{'s' if len(self.minutes) != 1 else ''}")
        if self.deferred:
            parts.append(f"defer {len(self.deferred)} item{'s' if len(self.deferred) != 1 else ''}")
        return " and ".join(parts).capitalize() or "No change needed"


def rebalance(not_started: Sequence[AgendaItem], available_s: float) -> Proposal | None:
    """Fit the flexible items into `available_s` (the time left once protected items and the break are kept).

    Each flexible item is scaled down by the same factor, to whole minutes (never below 1). If that would cut
    any of them below half its plan (after rounding down), the last flexible items are deferred instead, until
    the rest fit at half or more. Returns None when nothing needs to change.
    """
    flexible = [it for it in not_started if not it.is_protected]
    needed = sum(it.planned_s for it in flexible)
    if not flexible or needed <= available_s + 1e-9:
        return None
    available = max(0.0, available_s)
    deferred: list[str] = []
    keep = list(flexible)
    while keep:
        minutes = _scaled_minutes(keep, available)
        fits_at_half = sum(it.planned_s for it in keep) * 0.5 <= available + 1e-9
        if fits_at_half and all(minutes.get(it.key, it.minutes) * 2 >= it.minutes - 1e-9 for it in keep):
            return Proposal(minutes=minutes, deferred=deferred, available_s=available_s, needed_s=needed)
        deferred.insert(0, keep.pop().key)
    return Proposal(minutes={}, deferred=deferred, available_s=available_s, needed_s=needed)


def _scaled_minutes(items: Sequence[AgendaItem], available_s: float) -> dict[str, float]:
    """Whole minutes (at least 1) for each item, scaled by one factor to fit; {} if they fit as planned."""
    total = sum(it.planned_s for it in items)
    if total <= available_s + 1e-9:
        return {}
    scale = available_s / total
    return {it.key: float(max(1, math.floor(it.minutes * scale + 1e-9))) for it in items}
