"""The planned timeline of an agenda: when each item should start, where the feedback break falls, and the
scheduled end (what the editor's Starts and Feedback break columns and the details pane show)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from meetingkit.models.meeting import AgendaItem, BreakSettings
from meetingkit.models.schedule import planned_break_after


def hhmm(when: datetime) -> str:
    return when.strftime("%H:%M")


@dataclass(frozen=True)
class PlannedTimeline:
    """When each item should start, where the feedback break falls, and the scheduled end."""

    starts: tuple[datetime, ...]
    break_after: int | None  # index of the item the break follows; None: no break
    break_window: tuple[datetime, datetime] | None
    end: datetime


def plan_timeline(items: Sequence[AgendaItem], start: datetime, brk: BreakSettings) -> PlannedTimeline:
    """Lay the agenda out from `start`, the break in its planned slot (schedule.planned_break_after)."""
    slot = planned_break_after([it.minutes for it in items], brk.fraction) if brk.enabled else None
    starts: list[datetime] = []
    window = None
    t = start
    for i, it in enumerate(items):
        starts.append(t)
        t += timedelta(minutes=it.minutes)
        if i == slot:
            window = (t, t + timedelta(minutes=brk.minutes))
            t = window[1]
    return PlannedTimeline(tuple(starts), slot, window, t)


def minutes_text(minutes: float) -> str:
    h, m = divmod(int(round(minutes)), 60)
    return f"{h} h {m:02d} min" if h else f"{m} min"
