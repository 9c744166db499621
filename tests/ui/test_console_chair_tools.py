"""The chair's tools (issue 13) in the console: Ctrl+Z with the words of what it cancels."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from tests.ui.console_meeting import open_board
from tests.ui.test_console_keyboard import press, shown

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def console(qtbot, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    mid, bridge = open_board(store, clock)
    window = ConsoleWindow(bridge, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.meeting_id = mid
    yield window
    bridge.stop()


def test_ctrl_z_names_and_cancels_the_wrong_speaker(
    qtbot, console: ConsoleWindow, clock: FakeClock, db_path: Path
) -> None:
    live = console.bridge.live
    assert not console.undo_button.isEnabled()
    press(qtbot, console, Qt.Key.Key_Return)  # Start meeting
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert console.status.text.text() == "Not done: There is nothing to undo"
    console.give_floor("p1")
    clock.advance(50)
    console.give_floor("m1")  # the wrong button
    clock.advance(10)
    console.refresh()
    assert console.undo_button.accessibleName() == "Undo: give the floor to Dr Anil Kapoor"
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert console.status.text.text() == "Undone: give the floor to Dr Anil Kapoor"
    assert shown(console) == ("2:00", "Speaking", "Eileen Foster")  # her 60 s, the wrong 10 s included
    assert console.undo_button.accessibleName() == "Undo: give the floor to Eileen Foster"
    other = sqlite3.connect(db_path)
    people = other.execute("SELECT person_key FROM speeches ORDER BY idx").fetchall()
    other.close()
    assert people == [("p1",)]
    # Pressed twice: the second cancels the command before, then there is nothing left.
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert live.turn is None and live.speeches == []
    press(qtbot, console, Qt.Key.Key_Z, CTRL)
    assert console.status.text.text() == "Not done: There is nothing to undo"
    assert live.status == "running"


def test_next_speaker_calls_the_unheard_first_and_marks_them(
    qtbot, console: ConsoleWindow, clock: FakeClock
) -> None:
    from meetingkit.ui.console.queue_model import KEY_ROLE

    live = console.bridge.live
    press(qtbot, console, Qt.Key.Key_Return)  # Start meeting
    console.give_floor("m1")
    clock.advance(90)
    for who in ("m1", "p2", "m3"):
        console.bridge.command("queue", who=who)
    console.refresh()
    model = console.queue_panel.model
    rows = {model.index(r, 0).data(KEY_ROLE): r for r in range(model.rowCount())}
    said = {k: model.index(r, 1).data(Qt.ItemDataRole.AccessibleTextRole) for k, r in rows.items()}
    assert said == {
        "m1": "Dr Anil Kapoor",
        "p2": "Graham Lee (public voice), first time on this item, next to speak",
        "m3": "Steve Marsh, first time on this item",
    }
    assert model.index(rows["p2"], 1).data(Qt.ItemDataRole.DecorationRole) is not None  # the '1st' badge
    assert model.index(rows["m1"], 1).data(Qt.ItemDataRole.DecorationRole) is None
    assert console.chosen.text() == "Space / I: Graham Lee (next: not yet heard on this item)"
    console.display.show()
    console.display.refresh()
    assert console.display.next.text() == "Next: Graham Lee"
    assert console.display.marks.text() == "First time on this item · patient and public representative"
    press(qtbot, console, Qt.Key.Key_N)
    assert live.speaker == "p2"
    press(qtbot, console, Qt.Key.Key_N)
    assert live.speaker == "m3"  # Anil, first in the queue, has been heard on this item
    press(qtbot, console, Qt.Key.Key_N)
    assert live.speaker == "m1"  # then the head
    console.display.hide()


def test_the_editor_keeps_the_unheard_first_setting(qtbot, store: Store) -> None:
    from meetingkit.ui.prep.meeting_editor import MeetingEditor
    from tests.ui.test_meeting_editor import board

    mid = store.create_meeting(board())
    editor = MeetingEditor(store, store.load_meeting(mid), mid, None)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_dirty", False))
    box = editor.details.unheard_first
    assert box.isChecked() and box.accessibleName() == "Unheard first"
    box.setChecked(False)
    assert editor.save()
    assert store.load_meeting(mid).unheard_first is False
