"""The demo meeting names its room's zone (Europe/London), so the console's clock and the minutes of a meeting
made from it later in the year follow the wall clock (GMT in November), not a fixed +01:00 derived from its
October start."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from meetingkit.models import record
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store


def test_the_demo_meeting_keeps_the_zone_of_its_room(tmp_path: Path) -> None:
    with Store(tmp_path / "demo.db") as store:
        mid = store.import_record(record.parse(demo_record_path().read_bytes()))
        meeting = store.load_meeting(mid)
    assert meeting.time_zone == "Europe/London"
    zone = meeting.zone
    assert zone is not None
    november = datetime(2026, 11, 30, 2, 24, tzinfo=UTC).astimezone(zone)
    assert november.strftime("%H:%M") == "02:24"  # GMT, where a fixed +01:00 zone said 03:24
