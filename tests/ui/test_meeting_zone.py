"""Meeting times in the meeting's own zone: a meeting planned for 14:00 +01:00 reads 14:00 in the main window,
its details, the editor and the next-meeting dialog, as `meetingkit list` and the minutes say, even on a
computer whose clock is on UTC."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.meeting_zone import in_meeting_zone, same_wall_time_later, wall_time_in_meeting_zone
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.main_window.next_meeting_dialog import NextMeetingDialog
from meetingkit.ui.prep.meeting_datetime import from_qdatetime, qdatetime
from meetingkit.ui.prep.meeting_editor import MeetingEditor

PLUS_ONE = timezone(timedelta(hours=1))
START = datetime(2026, 10, 6, 14, 0, tzinfo=PLUS_ONE)


@pytest.fixture
def utc_computer() -> Iterator[None]:
    """The process's local zone set to UTC, so that the machine's zone and the meeting's differ."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def stroke_meeting() -> Meeting:
    return Meeting(
        title="Stroke HIT steering group",
        series="Stroke HIT",
        scheduled_start=START,
        venue="Council House",
        people=[
            Attendee("ch", "Ann Chair", "Hospital Trust", "acute care", "chair"),
            Attendee("pr", "Pat Rep", "Survivors' group", "patients and public", "patient_rep", True),
        ],
        agenda=[
            AgendaItem("i1", "Early supported discharge", 30, presenter="ch"),
            AgendaItem("i2", "Thrombectomy access", 30, presenter="pr"),
        ],
    )


def test_the_helpers_keep_the_meetings_wall_clock(utc_computer: None) -> None:
    assert datetime(2026, 10, 6, 12, 0).astimezone().utcoffset() == timedelta(0)  # the computer is on UTC
    assert in_meeting_zone(datetime(2026, 10, 6, 13, 0, tzinfo=UTC), START).strftime("%H:%M") == "14:00"
    assert wall_time_in_meeting_zone(datetime(2026, 11, 3, 14, 0), START) == datetime(
        2026, 11, 3, 14, 0, tzinfo=PLUS_ONE
    )
    assert same_wall_time_later(START, timedelta(weeks=4)) == datetime(2026, 11, 3, 14, 0, tzinfo=PLUS_ONE)
    # A meeting planned in the computer's own zone follows its clock changes (UTC has none to follow).
    local = datetime(2026, 10, 6, 14, 0).astimezone()
    assert same_wall_time_later(local, timedelta(weeks=4)).hour == 14


def test_main_window_list_and_details_use_the_meetings_zone(
    qtbot: Any, utc_computer: None, store: Store, clock: FakeClock
) -> None:
    mid = store.create_meeting(stroke_meeting())
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.refresh(select=mid)
    group = window.model.groups[0]
    assert group.texts[0][1] == "Tue 6 Oct 2026, 14:00"  # not 13:00, the UTC wall clock
    details = window.details.text()
    assert "Tue 6 Oct 2026, 14:00" in details
    # 60 min of items: the break (10 min) after the first, at 14:30; the scheduled end 15:10.
    assert "at 14:30; scheduled end 15:10." in details


def test_the_next_meeting_dialog_offers_and_returns_the_same_wall_clock(
    qtbot: Any, utc_computer: None, store: Store
) -> None:
    dialog = NextMeetingDialog(stroke_meeting())
    qtbot.addWidget(dialog)
    assert from_qdatetime(dialog.start.dateTime()) == datetime(2026, 11, 3, 14, 0)
    title, start = dialog.choice()
    assert start == datetime(2026, 11, 3, 14, 0, tzinfo=PLUS_ONE)


def test_the_editor_shows_and_saves_the_meetings_wall_clock(
    qtbot: Any, utc_computer: None, store: Store
) -> None:
    mid = store.create_meeting(stroke_meeting())
    editor = MeetingEditor(store, store.load_meeting(mid), mid, None)
    qtbot.addWidget(editor)
    assert from_qdatetime(editor.details.start.dateTime()) == datetime(2026, 10, 6, 14, 0)
    assert editor.details.scheduled_start() == START
    assert editor.agenda_model.timeline.starts[1].strftime("%H:%M") == "14:40"  # after the break
    editor.details.start.setDateTime(qdatetime(datetime(2026, 10, 7, 9, 30)))
    assert editor.details.scheduled_start() == datetime(2026, 10, 7, 9, 30, tzinfo=PLUS_ONE)


def test_the_secretarys_today_is_the_meetings_day(
    qtbot: Any, utc_computer: None, store: Store, clock: FakeClock
) -> None:
    from meetingkit.ui.common.live_bridge import LiveBridge

    late = stroke_meeting()
    late.scheduled_start = datetime(2026, 10, 6, 23, 30, tzinfo=timezone(timedelta(hours=2)))
    clock.set_utc(datetime(2026, 10, 6, 22, 5, tzinfo=UTC))  # 00:05 on the 7th where the meeting is
    bridge = LiveBridge(store.open_live(store.create_meeting(late), clock))
    bridge.stop()
    panel = SecretaryPanel(bridge, store)
    qtbot.addWidget(panel)
    assert panel._today().isoformat() == "2026-10-07"  # noqa: SLF001


def test_duplicate_as_next_across_the_clock_change_keeps_the_rooms_wall_clock(
    qtbot: Any, utc_computer: None, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A meeting of a London series on 6 October at 14:00 (BST, +01:00), copied as the next of the series for
    # 1 December, 14:00 (GMT): the dialog offered and the status bar said 14:00, but the copy was stored as
    # 14:00 +01:00 (13:00 in London). The list then said 13:00 and the details 14:00 for the same meeting.
    london = stroke_meeting()
    london.time_zone = "Europe/London"
    mid = store.create_meeting(london)
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.refresh(select=mid)
    seen: list[datetime] = []

    def ask(meeting: Meeting) -> tuple[str, datetime, bool]:
        dialog = NextMeetingDialog(meeting, window)
        qtbot.addWidget(dialog)
        dialog.start.setDateTime(qdatetime(datetime(2026, 12, 1, 14, 0)))  # as typed in the dialog
        title, start = dialog.choice()
        seen.append(start)
        return title, start, False

    monkeypatch.setattr(window, "ask_next_meeting", ask)
    new_id = window.duplicate_selected()
    assert new_id is not None
    room = ZoneInfo("Europe/London")
    assert store.load_meeting(new_id).scheduled_start.astimezone(room) == datetime(
        2026, 12, 1, 14, 0, tzinfo=room
    )
    assert "14:00" in window.statusBar().currentMessage()
    row = window.model.meeting_at(window.tree.currentIndex())
    assert row is not None and row.id == new_id
    texts = next(
        t for g in window.model.groups for m, t in zip(g.meetings, g.texts, strict=True) if m.id == new_id
    )
    assert texts[1] == "Tue 1 Dec 2026, 14:00"  # the list
    assert "Tue 1 Dec 2026, 14:00" in window.details.text()  # and the details agree
    assert seen[0].astimezone(room).hour == 14
