"""The main window's line about who comes: plain grammar, 'expected' before the meeting, 'present' after it
(who actually came, arrivals included)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.main_window.meeting_details import _people_line


def board(people: list[Attendee]) -> Meeting:
    return Meeting(
        title="Board",
        series="Board",
        scheduled_start=datetime(2026, 6, 12, 10, 0, tzinfo=UTC),
        people=people,
        agenda=[AgendaItem("i1", "Welcome", 10, presenter="ch")],
    )


PEOPLE = [
    Attendee("ch", "Ann Chair", "Hospital Trust", "acute care", "chair"),
    Attendee("pr", "Pat Rep", "Survivors' group", "patients and public", "patient_rep", True),
    Attendee("ab", "Al Away", "Council", "social care", "member", attendance="apologies"),
    Attendee("no", "Nat Absent", "Council", "social care", "member", attendance="absent"),
]


def test_the_line_before_the_meeting() -> None:
    assert _people_line(board(PEOPLE)) == (
        "4 people: 2 expected, 1 sent apologies, 1 absent; 1 patient / public representative."
    )
    assert _people_line(board(PEOPLE[:1])) == "1 person: 1 expected; 0 patient / public representatives."


def test_an_ended_meeting_says_who_was_present(qtbot: Any, store: Store, clock: FakeClock) -> None:
    mid = store.create_meeting(board(PEOPLE))
    session = store.open_live(mid, clock)
    session.apply("start_meeting", {})
    session.apply("arrive", {"who": "no"})  # came after all
    session.apply("skip_break", {"reason": "A short meeting"})
    session.apply("end_meeting", {})
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.refresh(select=mid)
    assert (
        "4 people: 3 present, 1 sent apologies; 1 patient / public representative." in window.details.text()
    )
