"""The main window's list and details work from the meeting list's planned start: it carries the meeting's own
zone (Europe/London), so a time in November shows on the room's wall clock (GMT), not at the +01:00 of an
October start (issue 10: times shown in the meeting's IANA zone)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from meetingkit.models.meeting import Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.meeting_zone import in_meeting_zone, same_wall_time_later


def test_the_list_gives_each_start_in_its_meetings_own_zone(tmp_path: Path, meeting: Meeting) -> None:
    october = datetime(2026, 10, 6, 14, 0, tzinfo=timezone(timedelta(hours=1)))
    with Store(tmp_path / "zones.db") as store:
        mid = store.create_meeting(replace(meeting, scheduled_start=october, time_zone="Europe/London"))
        (row,) = [r for r in store.list_meetings() if r.id == mid]
    assert row.scheduled_start == october  # the same instant
    assert row.scheduled_start.strftime("%H:%M") == "14:00"
    november = datetime(2026, 11, 30, 2, 24, tzinfo=UTC)
    assert in_meeting_zone(november, row.scheduled_start).strftime("%H:%M") == "02:24"  # GMT, not 03:24
    # 'Duplicate as next' eight weeks on keeps 14:00 on the room's clock across the October change.
    later = same_wall_time_later(row.scheduled_start, timedelta(weeks=8))
    assert later.strftime("%H:%M") == "14:00" and later.utcoffset() == timedelta(0)
