"""A meeting's own time zone: every time the UI shows for a meeting is in the zone its start was planned in.

`meetingkit list`, the minutes and the record give a meeting planned for 14:00 +01:00 as 14:00 wherever they
run; the windows say the same, not the zone of the computer that happens to show them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from meetingkit.models.timers import from_epoch


def follows_this_computer(start: datetime) -> bool:
    """True when the meeting was planned in this computer's zone (at that date): its wall clock then follows
    the computer's daylight-saving rules; otherwise the meeting's own fixed offset is all there is to go on."""
    if start.tzinfo is None:
        return True
    return start.astimezone().utcoffset() == start.utcoffset()


def in_meeting_zone(when: datetime, start: datetime) -> datetime:
    """`when` on the wall clock of the meeting that started (or was planned to start) at `start`."""
    if start.tzinfo is None:
        return when.astimezone()
    return when.astimezone(start.tzinfo)


def epoch_in_meeting_zone(epoch: float, start: datetime) -> datetime:
    return in_meeting_zone(from_epoch(epoch), start)


def wall_time_in_meeting_zone(naive: datetime, start: datetime) -> datetime:
    """A wall-clock time typed for a meeting (e.g. a new date) as an aware time in that meeting's zone."""
    if follows_this_computer(start):
        return naive.astimezone()  # the offset follows the date across a clock change
    return naive.replace(tzinfo=start.tzinfo)


def same_wall_time_later(start: datetime, step: timedelta) -> datetime:
    """The same wall-clock time `step` later, in the meeting's zone (across a clock change where known)."""
    local = in_meeting_zone(start, start).replace(tzinfo=None) + step
    return wall_time_in_meeting_zone(local, start)
