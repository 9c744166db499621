"""How a meeting's break and agenda items went: the figures the engine's rules produce and a stored summary
keeps, apart from the rules so that reading a summary does not load the engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class BreakSummary:
    """How the feedback break went: taken, skipped (and why), not held or still to come."""

    status: str  # taken | skipped | not_held | pending | disabled | running
    after_item: str | None
    start_offset_s: float | None
    duration_s: float
    skip_reason: str | None
    during: bool = False  # started mid-item: `after_item` names the item it interrupted, which then went on


@dataclass
class ItemTiming:
    """One agenda item's planned and actual time."""

    key: str
    title: str
    planned_s: float
    actual_s: float
    status: str  # done | in_progress | not_reached


@dataclass
class Timing:
    """How the meeting kept to time: its scheduled and actual end, and each item's time."""

    scheduled_end_offset_s: float
    end_offset_s: float | None
    over_s: float | None
    items: list[ItemTiming]
