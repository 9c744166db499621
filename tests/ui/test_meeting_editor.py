"""Preparing a meeting: details, people and agenda are edited and saved; started meetings are read-only."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.prep import agenda_model, attendees_model
from meetingkit.ui.prep.attendees_model import AttendeesModel, person_key
from meetingkit.ui.prep.main_window.window import STARTED_REASON
from meetingkit.ui.prep.meeting_datetime import from_qdatetime, qdatetime
from meetingkit.ui.prep.meeting_editor import MeetingEditor


def board(series: str = "Stroke board") -> Meeting:
    return Meeting(
        title="Stroke partnership board",
        series=series,
        scheduled_start=datetime(2026, 6, 12, 10, 0, tzinfo=UTC),
        venue="Room 2",
        people=[
            Attendee("ch", "Ann Chair", "Hospital Trust", "acute care", "chair"),
            Attendee("pr", "Pat Rep", "Survivors' group", "patients and public", "patient_rep", True),
        ],
        agenda=[
            AgendaItem("i1", "Welcome", 10, presenter="ch"),
            AgendaItem("i2", "Discharge results", 20, presenter="pr"),
            AgendaItem("i3", "Next steps", 10, kind="next_steps"),
        ],
    )


@pytest.fixture(autouse=True)
def _no_real_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a changed editor asks before discarding; no test may leave a real box waiting for a click."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def draft(store: Store) -> int:
    return store.create_meeting(board())


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every warning or information box shown, instead of showing it."""
    seen: list[str] = []

    def record(_parent: Any, _title: str, text: str, *args: Any, **kw: Any) -> QMessageBox.StandardButton:
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return seen


def open_editor(qtbot: Any, store: Store, mid: int | None, reason: str | None = None) -> MeetingEditor:
    meeting = store.load_meeting(mid) if mid is not None else board()
    editor = MeetingEditor(store, meeting, mid, reason)
    # pytest-qt closes it after the test (after monkeypatch is undone): it must not ask about changes then.
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_dirty", False))
    return editor


def agenda_cell(editor: MeetingEditor, row: int, field: str) -> Any:
    m = editor.agenda_model
    return m.data(m.index(row, agenda_model.COLUMNS.index(field)))


def test_details_and_settings_are_saved(qtbot: Any, store: Store, draft: int) -> None:
    editor = open_editor(qtbot, store, draft)
    d = editor.details
    d.title.setText("Stroke board, June")
    d.series.setCurrentText("Stroke HIT")
    d.venue.setText("Council House")
    d.start.setDateTime(qdatetime(datetime(2026, 6, 19, 14, 30)))
    d.speaker_limit.setValue(120)
    d.warn.setValue(20)
    d.break_fraction.setValue(40)
    d.break_minutes.setValue(15)
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [draft]
    m = store.load_meeting(draft)
    assert (m.title, m.series, m.venue, m.speaker_limit_s, m.warn_s) == (
        "Stroke board, June",
        "Stroke HIT",
        "Council House",
        120,
        20,
    )
    assert m.scheduled_start == datetime(2026, 6, 19, 14, 30).astimezone()
    assert (m.brk.enabled, m.brk.fraction, m.brk.minutes) == (True, 0.4, 15)
    assert [it.title for it in m.agenda] == ["Welcome", "Discharge results", "Next steps"]


def test_untouched_start_keeps_its_time_zone(qtbot: Any, store: Store, draft: int) -> None:
    editor = open_editor(qtbot, store, draft)
    editor.details.title.setText("Renamed")
    assert editor.save()
    assert store.load_meeting(draft).scheduled_start.isoformat() == "2026-06-12T10:00:00+00:00"


def test_timeline_follows_start_time_and_break_settings(qtbot: Any, store: Store, draft: int) -> None:
    editor = open_editor(qtbot, store, draft)
    start = datetime(2026, 6, 12, 9, 0)
    editor.details.start.setDateTime(qdatetime(start))
    assert agenda_cell(editor, 0, "start") == "09:00"
    # Ends 10, 30, 40: half of 40 is 20, nearest is 10 (after Welcome); the break pushes the rest 10 min.
    assert agenda_cell(editor, 0, "break") == "▶ Break 09:10–09:20"
    assert agenda_cell(editor, 1, "start") == "09:20"
    assert "Scheduled end 09:50" in editor.agenda_page.timeline.text()
    editor.details.break_enabled.setChecked(False)
    assert agenda_cell(editor, 0, "break") == ""
    assert "No feedback break" in editor.agenda_page.timeline.text()
    assert "Scheduled end 09:40" in editor.agenda_page.timeline.text()
    assert not editor.details.break_minutes.isEnabled()


def test_attendees_from_known_people_and_new_ones(
    qtbot: Any, store: Store, draft: int, warnings: list[str]
) -> None:
    other = board("Other series")
    other.people.append(Attendee("jo", "Jo Known", "Carers' network", "voluntary sector", "member", True))
    store.create_meeting(other)
    editor = open_editor(qtbot, store, draft)
    page = editor.people_page
    page.search.setText("carers")
    assert page.known_proxy.rowCount() == 1
    page.known_view.setCurrentIndex(page.known_proxy.index(0, 0))
    qtbot.mouseClick(page.add_known_button, Qt.MouseButton.LeftButton)
    page.new_name.setText("Dr Sam New")
    page.new_org.setText("University")
    page.new_sector.setCurrentText("research")
    page.new_role.setCurrentIndex(page.new_role.findData("guest"))
    qtbot.mouseClick(page.add_new_button, Qt.MouseButton.LeftButton)
    assert page.new_name.text() == ""
    # The same person twice is refused, in words.
    page.known_view.setCurrentIndex(page.known_proxy.index(0, 0))
    page.add_known()
    assert warnings == ["Jo Known is already on this meeting's list"]
    # Attendance and role are per meeting.
    model = editor.people_model
    att = attendees_model.COLUMNS.index("attendance")
    assert model.setData(model.index(0, att), "apologies")
    assert model.data(model.index(0, att)) == "Apologies"
    assert editor.save()
    people = {p.name: p for p in store.load_meeting(draft).people}
    assert set(people) == {"Ann Chair", "Pat Rep", "Jo Known", "Dr Sam New"}
    assert (people["Jo Known"].role, people["Jo Known"].patient_rep) == ("patient_rep", True)
    assert (people["Dr Sam New"].key, people["Dr Sam New"].role, people["Dr Sam New"].sector) == (
        "sn",
        "guest",
        "research",
    )
    assert people["Ann Chair"].attendance == "apologies"


def test_a_presenter_cannot_be_removed_before_their_item_changes(
    qtbot: Any, store: Store, draft: int, warnings: list[str]
) -> None:
    editor = open_editor(qtbot, store, draft)
    page = editor.people_page
    page.view.selectRow(1)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert warnings == ["Pat Rep presents an agenda item: choose another presenter for it first."]
    assert editor.people_model.rowCount() == 2
    editor.agenda_model.set_value(1, "presenter", "")
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in editor.people_model.people] == ["Ann Chair"]


def test_agenda_buttons_and_keyboard_undo_redo(qtbot: Any, store: Store, draft: int) -> None:
    editor = open_editor(qtbot, store, draft)
    with qtbot.waitActive(editor):  # shortcuts reach only the active window
        editor.show()
        editor.activateWindow()
    editor.tabs.setCurrentWidget(editor.agenda_page)
    page = editor.agenda_page
    page.select(0)
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert [it.title for it in editor.agenda_model.items] == ["Discharge results", "Welcome", "Next steps"]
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [it.title for it in editor.agenda_model.items] == ["Welcome", "Discharge results", "Next steps"]
    qtbot.keyClick(
        page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert [it.title for it in editor.agenda_model.items] == ["Discharge results", "Welcome", "Next steps"]
    assert page.undo_button.isEnabled()
    page.select(2)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert editor.agenda_model.items[3].title == "New item"
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)  # leave the title editor the new row opened
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert editor.agenda_model.rowCount() == 3
    assert editor.save()
    assert [it.title for it in store.load_meeting(draft).agenda] == [
        "Discharge results",
        "Welcome",
        "Next steps",
    ]


def test_dropping_a_row_on_the_table_moves_it(qtbot: Any, store: Store, draft: int) -> None:
    editor = open_editor(qtbot, store, draft)
    editor.show()
    editor.tabs.setCurrentWidget(editor.agenda_page)
    qtbot.waitExposed(editor)
    view, model = editor.agenda_page.view, editor.agenda_model
    data = model.mimeData([model.index(2, 1)])  # what dragging "Next steps" carries
    top_of_first = view.visualRect(model.index(0, 1)).topLeft() + QPoint(20, 2)
    viewport = view.viewport()
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(
            viewport,
            kind(
                top_of_first,
                Qt.DropAction.MoveAction,
                data,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    drop = QDropEvent(
        QPointF(top_of_first),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop)
    assert [it.title for it in model.items] == ["Next steps", "Welcome", "Discharge results"]
    assert not drop.isAccepted()  # so the drag's source deletes nothing: the move is complete
    assert editor.undo_stack.undoText() == "Move item"


def test_csv_import_names_the_bad_row_and_changes_nothing(
    qtbot: Any, store: Store, draft: int, tmp_path: Path, warnings: list[str]
) -> None:
    editor = open_editor(qtbot, store, draft)
    bad = tmp_path / "agenda.csv"
    bad.write_text("title,minutes,presenter\nWelcome,5,Ann Chair\nPlans,twenty,\n", encoding="utf-8")
    assert not editor.import_csv_file(bad)
    assert warnings == ["agenda.csv: Row 3 ('Plans'): minutes 'twenty' is not a number"]
    assert "Row 3" in editor.agenda_page.message.text()
    assert [it.title for it in editor.agenda_model.items] == ["Welcome", "Discharge results", "Next steps"]
    assert editor.undo_stack.count() == 0


def test_csv_import_replaces_the_agenda_as_one_undo_step(
    qtbot: Any, store: Store, draft: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, store, draft)
    good = tmp_path / "agenda.csv"
    good.write_text(
        "title,minutes,presenter,kind,protected\nWelcome,5,Ann Chair,,\nRisks,25,pr,,yes\nNext steps,5,,next steps,\n",
        encoding="utf-8",
    )
    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(editor, "ask_import_mode", lambda old, new: asked.append((old, new)) or "replace")
    assert editor.import_csv_file(good)
    assert asked == [(3, 3)]
    items = editor.agenda_model.items
    assert [(it.title, it.minutes, it.presenter, it.kind, it.protected) for it in items] == [
        ("Welcome", 5, "ch", "item", False),
        ("Risks", 25, "pr", "item", True),
        ("Next steps", 5, None, "next_steps", False),
    ]
    assert "Imported 3 items" in editor.agenda_page.message.text()
    editor.undo_stack.undo()
    assert [it.title for it in editor.agenda_model.items] == ["Welcome", "Discharge results", "Next steps"]


def test_invalid_meeting_is_not_saved(qtbot: Any, store: Store, draft: int, warnings: list[str]) -> None:
    editor = open_editor(qtbot, store, draft)
    editor.details.title.setText("   ")
    assert not editor.save()
    assert warnings == ["The meeting needs a title"]
    assert editor.error.text() == "⚠ Not saved: The meeting needs a title"
    assert store.load_meeting(draft).title == "Stroke partnership board"


def test_new_meeting_is_created_on_save(qtbot: Any, store: Store) -> None:
    editor = open_editor(qtbot, store, None)
    editor.details.title.setText("A new board")
    assert editor.save()
    assert editor.meeting_id is not None
    assert store.load_meeting(editor.meeting_id).title == "A new board"
    assert store.meeting_status(editor.meeting_id) == "draft"


def test_started_meeting_opens_read_only_saying_why(
    qtbot: Any, store: Store, draft: int, clock: FakeClock
) -> None:
    session = store.open_live(draft, clock)
    session.apply("start_meeting")
    editor = open_editor(qtbot, store, draft, STARTED_REASON["running"])
    assert editor.banner.text().startswith("Read only. This meeting has started")
    assert editor.save_button.isHidden()
    assert editor.cancel_button.text() == "Close"
    assert editor.details.title.isReadOnly()
    assert not editor.agenda_model.setData(editor.agenda_model.index(0, 1), "Changed")
    assert not editor.people_model.setData(editor.people_model.index(0, 0), "Changed")
    assert editor.agenda_page.add_button.isHidden() and editor.people_page.left_side.isHidden()
    assert not editor.save()


def test_cancel_with_changes_asks_before_discarding(
    qtbot: Any, store: Store, draft: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, store, draft)
    editor.show()
    assert not editor.is_dirty
    editor.details.venue.setText("Elsewhere")
    editor.details.venue.textEdited.emit("Elsewhere")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    editor.reject()
    assert editor.isVisible()
    editor.reject()
    assert not editor.isVisible()
    assert store.load_meeting(draft).venue == "Room 2"


def test_attendees_model_keys_and_refusals(qapp: Any) -> None:
    assert person_key("Dr Eileen Foster", set()) == "ef"
    assert person_key("Éva Ödön", {"eö", "eo"}) == "eo2"
    model = AttendeesModel([Attendee("ef", "Eileen Foster")])
    assert model.add_person("Ed Fox", "Council") == 1
    assert model.person(1).key == "ef2"
    assert not model.setData(model.index(0, 0), "  ")
    assert not model.setData(model.index(0, attendees_model.COLUMNS.index("role")), "king")
    assert model.data(QModelIndex()) is None


def test_qdatetime_round_trip() -> None:
    when = datetime(2026, 3, 29, 1, 30)
    assert from_qdatetime(qdatetime(when)) == when
