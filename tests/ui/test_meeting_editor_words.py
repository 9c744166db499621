"""The editor's words read in full: known people's names are not cut short, and the undo button says what it
undoes in plain words ('Undo: change presenter')."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from meetingkit.app import MIN_POINT_SIZE
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.store.repository import Store
from meetingkit.ui.prep.meeting_editor import MeetingEditor
from meetingkit.ui.prep.meeting_editor.agenda_tab import step_words

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
KNOWN = [
    Attendee("a", "Claire Dunne", "Community Rehab Service", "community care", "member"),
    Attendee("b", "Dr Rachel Hughes", "Stroke Health Integration Team", "acute care", "chair"),
    Attendee("c", "Eileen Foster", "Stroke survivors' group", "patients and public", "patient_rep", True),
]


def meeting(people: list[Attendee]) -> Meeting:
    return Meeting(
        title="Stroke board",
        series="Stroke board",
        scheduled_start=datetime(2026, 6, 12, 10, 0, tzinfo=UTC),
        people=people,
        agenda=[AgendaItem("i1", "Welcome", 10, presenter="a"), AgendaItem("i2", "Results", 20)],
    )


def test_step_words() -> None:
    assert step_words("Undo", "Change presenter") == "Undo: change presenter"
    assert step_words("Redo", "") == "Redo"


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The text size the app itself sets (app.py): widths are judged at what people see."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(max(before.pointSizeF(), MIN_POINT_SIZE))
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def test_known_people_show_whole_names_and_undo_says_what_it_undoes(
    qtbot: Any, app_font: None, store: Store
) -> None:
    store.create_meeting(meeting(KNOWN))  # everyone becomes known to the next meeting
    mid = store.create_meeting(meeting(KNOWN[:1]))
    editor = MeetingEditor(store, store.load_meeting(mid), mid, None)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_dirty", False))
    editor.resize(1280, 760)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentWidget(editor.people_page)
    QApplication.processEvents()
    view = editor.people_page.known_view
    model = view.model()
    for row in range(model.rowCount()):
        for col in (0, 2):  # the name and the sector, in full
            text = model.index(row, col).data()
            assert view.fontMetrics().horizontalAdvance(text) + 6 <= view.columnWidth(col), text
    # The organisation keeps a readable share: "Community Rehab Service" is no longer "Com…".
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("Community Rehab")
    ARTIFACTS.mkdir(exist_ok=True)
    assert editor.grab().save(str(ARTIFACTS / "editor_people_known.png"))

    page = editor.agenda_page
    assert page.undo_action.text() == "Undo"
    editor.agenda_model.set_value(1, "presenter", "a")
    assert page.undo_action.text() == "Undo: change presenter"
    page.undo_action.trigger()
    assert page.redo_action.text() == "Redo: change presenter"
    assert page.undo_action.text() == "Undo"
