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
