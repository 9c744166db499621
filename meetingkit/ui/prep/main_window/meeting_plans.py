"""New meetings from nothing or from the last of a series: a starter agenda, the next date, the same people."""

from __future__ import annotations

import copy
from collections.abc import Collection
from dataclasses import replace
from datetime import date, datetime, timedelta

from meetingkit.clock import Clock
from meetingkit.models.meeting import AgendaItem, Meeting
from meetingkit.ui.common.meeting_zone import in_meeting_zone, same_wall_time_later

NEXT_MEETING_STEP = timedelta(weeks=4)
# The standard first item of a meeting that follows another of its series (DESIGN §5): the previous minutes are
# approved there, and the matters arising from them are the actions followed up, hence its kind.
MINUTES_ITEM = ("Minutes of the last meeting and matters arising", 10, "actions_review")
STARTER_AGENDA = (
    ("Welcome and apologies", 5, "item"),
    ("Review of actions", 10, "actions_review"),
    ("Next steps", 5, "next_steps"),
)


def next_meeting(meeting: Meeting, start: datetime, title: str | None = None) -> Meeting:
    """The next meeting of a series: same settings, people and agenda, a new date.

    Everyone is expected again (attendance back to present): apologies were for the last meeting only.
    """
    nxt = copy.deepcopy(meeting)
    nxt.scheduled_start = start
    nxt.title = (title or meeting.title).strip()
    nxt.people = [replace(p, attendance="present") for p in nxt.people]
    return nxt


def has_minutes_item(meeting: Meeting) -> bool:
    """The agenda holds the standard item already, first or after "Welcome and apologies" as many do."""
    return any(it.title.strip().casefold() == MINUTES_ITEM[0].casefold() for it in meeting.agenda)


def with_minutes_item(meeting: Meeting) -> Meeting:
    """The meeting with the standard first item in front of its agenda (once: a copy of a meeting that has it
    already, wherever it stands, is left as it is), presented by the chair."""
    if has_minutes_item(meeting):
        return meeting
    keys = {it.key for it in meeting.agenda}
    key = next(k for k in (f"minutes{n or ''}" for n in range(len(keys) + 1)) if k not in keys)
    chair = next((p.key for p in meeting.people if p.role == "chair"), None)
    title, minutes, kind = MINUTES_ITEM
    out = copy.deepcopy(meeting)
    out.agenda.insert(0, AgendaItem(key, title, minutes, chair, kind=kind))
    return out


def one_step_on(when: datetime, step: timedelta = NEXT_MEETING_STEP) -> datetime:
    """The same wall-clock time `step` later, in the meeting's own zone (across a clock change the offset
    follows the date when the meeting was planned in this computer's zone)."""
    return same_wall_time_later(when, step)


def next_free_date(
    planned: datetime, now: datetime, taken: Collection[date] = (), step: timedelta = NEXT_MEETING_STEP
) -> datetime:
    """The next meeting's start: `step` on from `planned`, and on by further steps until it is neither in the
    past nor on a day the series already meets (a meeting planned long ago is followed by one from today)."""
    start = one_step_on(planned, step)
    while start < now or in_meeting_zone(start, start).date() in taken:
        start = one_step_on(start, step)
    return start


def new_meeting(clock: Clock, series: str = "") -> Meeting:
    """A blank meeting for tomorrow at 10:00 (local time), with a starter agenda that has the protected
    items most meetings keep."""
    tomorrow = clock.now_utc().astimezone() + timedelta(days=1)
    start = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0, tzinfo=None).astimezone()
    agenda = [AgendaItem(f"i{n}", t, m, kind=k) for n, (t, m, k) in enumerate(STARTER_AGENDA, start=1)]
    return Meeting(title="New meeting", scheduled_start=start, series=series, agenda=agenda)
