"""Times shown in the meeting's own IANA zone, kept with the meeting (DESIGN §3; issue 10 finding 5): across
the October clock change the console and the minutes show the wall clock of the room."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.models.session import LiveMeeting
from meetingkit.models.timers import to_epoch
from meetingkit.reports.report_text import clock_time
from meetingkit.store.meeting_zones import zone_for
from meetingkit.store.repository import Store
from meetingkit.ui.console.timer_faces import local_time

BST = timezone(timedelta(hours=1))
# 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT.
START = datetime(2026, 10, 25, 0, 30, tzinfo=BST)


def night_meeting(zone: str | None) -> Meeting:
    return Meeting(
        title="Night shift handover",
        scheduled_start=START,
        time_zone=zone,
        people=[Attendee("ch", "Ann Chair", role="chair")],
        agenda=[AgendaItem("a", "Handover", 180)],
    )


def test_after_the_clock_change_the_console_shows_the_wall_clock() -> None:
    clock = FakeClock(START)
    live = LiveMeeting(night_meeting("Europe/London"), clock)
    live.apply("start_meeting")
    clock.set_utc(datetime(2026, 10, 25, 2, 0, tzinfo=UTC))  # 02:00 GMT on the wall
    assert local_time(live, live.now()) == "02:00"


def test_the_minutes_end_time_follows_the_zone_not_the_start_offset() -> None:
    ended = to_epoch(datetime(2026, 10, 25, 2, 15, tzinfo=UTC))
    assert clock_time(ended, night_meeting("Europe/London").zone) == "02:15"
    assert clock_time(ended, night_meeting(None).zone) == "03:15"  # a fixed +01:00: what it printed before


def test_the_record_keeps_the_zone_and_the_store_too(db_path: Path) -> None:
    live = LiveMeeting(night_meeting("Europe/London"), FakeClock(START))
    data = record.write(live)
    assert data["meeting"]["time_zone"] == "Europe/London"
    with Store(db_path) as store:
        mid = store.import_record(record.parse(__import__("json").dumps(data)))
        assert store.load_meeting(mid).time_zone == "Europe/London"


def test_existing_meetings_get_a_zone_from_their_offset_and_this_computers_zone() -> None:
    summer = datetime(2026, 6, 12, 10, 0, tzinfo=BST)
    assert zone_for(summer, "Europe/London") == "Europe/London"
    assert zone_for(summer, "UTC") == "Etc/GMT-1"  # not this computer's: a fixed zone of that offset
    assert zone_for(datetime(2026, 6, 12, 10, 0, tzinfo=timezone(timedelta(minutes=330))), None) is None
