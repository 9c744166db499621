"""The main window as it opens: complete in its first frame (the list, and the selected meeting's details with
its figures), having read the selected meeting's record once, not once per signal that reached the details."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import Meeting
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow


def count_reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the details' reads of one meeting ran: its figures, and the walk of its event chain."""
    reads: Counter[str] = Counter()
    for name in ("outcome", "altered"):
        original = getattr(store, name)

        def read(*args: Any, _original: Any = original, _name: str = name) -> Any:
            reads[_name] += 1
            return _original(*args)

        monkeypatch.setattr(store, name, read)
    return reads


def test_the_first_frame_shows_the_selected_meeting_read_once(
    store: Store, clock: FakeClock, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = record.parse(demo_record_path().read_bytes())
    mid = store.import_record(demo)
    reads = count_reads(store, monkeypatch)
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    assert window.selected_id() == mid
    assert window.model.rowCount() == 1
    text = window.details.text()
    assert demo.meeting.title in text
    assert "Patient and public voice" in text
    assert reads == {"outcome": 1, "altered": 1}


def test_a_refresh_that_keeps_the_selection_shows_the_details_once(
    store: Store, clock: FakeClock, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    mid = store.import_record(record.parse(demo_record_path().read_bytes()))
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    reads = count_reads(store, monkeypatch)
    window.refresh(select=mid)
    assert window.selected_id() == mid
    assert "Patient and public voice" in window.details.text()
    assert reads == {"outcome": 1, "altered": 1}


def test_the_meeting_list_is_a_sound_qt_model(store: Store, qtbot: Any) -> None:
    # The list answers index() itself, without Qt's hasIndex() calling back into Python for each row: Qt's own
    # model tester checks that its rows, parents and indexes still agree, through a reset to fewer rows and back.
    from PySide6.QtTest import QAbstractItemModelTester

    from meetingkit.ui.prep.meeting_list_model import MeetingListModel

    for n, series in enumerate(("Board", "Board", "Steering group")):
        start = datetime(2026, 6, 1 + n, 10, 0, tzinfo=UTC)
        store.create_meeting(Meeting(title=f"Meeting {n}", series=series, scheduled_start=start))
    model = MeetingListModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows(store.list_meetings())
    model.set_rows(store.list_meetings()[:1])
    model.set_rows(store.list_meetings())
    assert tester.model() is model
    groups = [model.index(g, 0) for g in range(model.rowCount())]
    assert [(model.data(g), model.rowCount(g)) for g in groups] == [
        ("Steering group (1 meeting)", 1),
        ("Board (2 meetings)", 2),
    ]
    assert model.data(model.index(1, 0, groups[1])) == "Meeting 0"
    assert not model.index(2, 0).isValid()
    assert not model.index(0, 3).isValid()
    assert not model.index(2, 0, groups[1]).isValid()
    assert not model.index(0, 0, model.index(0, 0, groups[1])).isValid()  # a meeting has no rows beneath it


def test_the_details_show_the_figures_stats_gives(store: Store, clock: FakeClock, qtbot: Any) -> None:
    # The details read only what they show (store.outcome), and it is what `stats` reports.
    from meetingkit.models.review_text import percent, round_minutes

    mid = store.import_record(record.parse(demo_record_path().read_bytes()))
    doc = store.summary(mid).to_json()
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    over = doc["timing"]["over_s"]
    assert f"Patient and public voice: {percent(doc['patient_voice_share'])} of the main discussion." in (
        window.details.text()
    )
    assert (
        f"Finished {round_minutes(abs(over))} min {'over' if over > 0 else 'early'}." in window.details.text()
    )


def test_a_stored_summary_changed_outside_meetingkit_is_said_not_a_crash(
    store: Store, clock: FakeClock, qtbot: Any
) -> None:
    import json

    mid = store.import_record(record.parse(demo_record_path().read_bytes()))
    (text,) = store.db.execute("SELECT summary FROM meetings WHERE id = ?", [mid]).fetchone()
    state = json.loads(text)
    state["timing"]["over_s"] = "a lot"
    store.db.execute("UPDATE meetings SET summary = ? WHERE id = ?", [json.dumps(state), mid])
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    assert "Figures unavailable" in window.details.text()
    assert "Patient and public voice" not in window.details.text()
