"""Closing the console never drops a change silently (DESIGN §4; issue 10 finding 1): with changes waiting (a
full disk) closing it, quitting the app or the desktop session ending asks "Try saving again", "Export the
meeting record…" or "Close anyway", saying how many changes would be lost. A real SQLITE_FULL, not a mock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console import safe_close
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.prep.main_window import MainWindow
from tests.ui.test_save_problem import LONG, fill_the_disk

REAL_QUESTION = safe_close.ask_unsaved  # before the suite's autouse fixture answers it for teardowns


class Chair:
    """Answers the close question in turn; keeps what it was asked (count of changes, reason)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[int, str]] = []
        monkeypatch.setattr(safe_close, "ask_unsaved", self)

    def __call__(self, _parent: Any, count: int, reason: str) -> str:
        self.asked.append((count, reason))
        return self.answers.pop(0) if self.answers else safe_close.CLOSE  # the test's teardown closes


@pytest.fixture
def window(qtbot: Any, store: Store, clock: FakeClock) -> MainWindow:
    w = MainWindow(store, clock)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def console(window: MainWindow, store: Store, clock: FakeClock) -> ConsoleWindow:
    from tests.ui.console_meeting import board

    mid = store.create_meeting(board(clock))
    c = window.run_meeting(mid)
    assert isinstance(c, ConsoleWindow)
    c.start_meeting()
    c.meeting_id = mid  # type: ignore[attr-defined]
    return c


def twelve_events_ten_waiting(console: ConsoleWindow, store: Store, clock: FakeClock) -> None:
    console.bridge.command("note", text="Saved before the disk filled")
    fill_the_disk(store)
    for i in range(10):
        clock.advance(5)
        console.bridge.command("note", text=f"Note {i} while the disk is full. {LONG}")
    assert len(console.bridge.session.pending) == 10


def stored(store: Store, console: ConsoleWindow) -> int:
    mid = console.meeting_id  # type: ignore[attr-defined]
    return int(store.db.execute("SELECT COUNT(*) FROM events WHERE meeting_id = ?", [mid]).fetchone()[0])


def test_closing_with_changes_waiting_asks_and_can_stay_open(
    qtbot: Any, console: ConsoleWindow, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    twelve_events_ten_waiting(console, store, clock)
    chair = Chair(monkeypatch, safe_close.STAY)
    assert not console.close()
    assert console.isVisible(), "the console stays open"
    assert chair.asked[0][0] == 10 and "disk is full" in chair.asked[0][1]


def test_try_saving_again_once_there_is_room_closes_with_everything_saved(
    console: ConsoleWindow, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    twelve_events_ten_waiting(console, store, clock)
    chair = Chair(monkeypatch, safe_close.RETRY, safe_close.RETRY)

    def free_space_on_second_try(_parent: Any, count: int, reason: str) -> str:
        chair.asked.append((count, reason))
        if len(chair.asked) == 2:
            store.db.execute("PRAGMA max_page_count=1073741823")  # room again
        return chair.answers.pop(0) if chair.answers else safe_close.CLOSE

    monkeypatch.setattr(safe_close, "ask_unsaved", free_space_on_second_try)
    assert console.close()
    assert [c for c, _ in chair.asked] == [10, 10]
    assert stored(store, console) == 12, "every event is on disk"


def test_export_the_record_then_close_keeps_every_event_in_the_file(
    console: ConsoleWindow, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    twelve_events_ten_waiting(console, store, clock)
    Chair(monkeypatch, safe_close.EXPORT)
    target = tmp_path / "record.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert console.close()
    assert len(json.loads(target.read_text())["events"]) == 12


def test_close_anyway_says_how_many_changes_are_lost(
    console: ConsoleWindow, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    twelve_events_ten_waiting(console, store, clock)
    chair = Chair(monkeypatch, safe_close.CLOSE)
    assert console.close()
    assert chair.asked == [(10, chair.asked[0][1])]
    assert stored(store, console) == 2  # the chair chose this, told that ten changes would be lost


def test_the_question_says_how_many_changes_closing_loses(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    seen: list[str] = []

    def exec_(box: QMessageBox) -> int:
        seen.extend([b.text() for b in box.buttons()] + [box.text(), box.informativeText()])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert REAL_QUESTION(parent, 10, "Not saved: database or disk is full") == safe_close.STAY
    assert "Try saving again" in seen and "Export the meeting record…" in seen
    assert "Close anyway (lose 10 changes)" in seen
    assert "10 changes of this meeting are not saved yet." in seen


def test_quitting_the_app_asks_too(
    window: MainWindow,
    console: ConsoleWindow,
    store: Store,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    twelve_events_ten_waiting(console, store, clock)
    chair = Chair(monkeypatch, safe_close.STAY)
    assert not window.close(), "the main window stays while the chair keeps the console"
    assert chair.asked and chair.asked[0][0] == 10


def test_the_desktop_session_ending_asks_and_can_cancel_the_logout(
    window: MainWindow,
    console: ConsoleWindow,
    store: Store,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    twelve_events_ten_waiting(console, store, clock)
    chair = Chair(monkeypatch, safe_close.STAY)

    class Manager:
        cancelled = released = False

        def allowsInteraction(self) -> bool:  # noqa: N802 (Qt's name)
            return True

        def release(self) -> None:
            self.released = True

        def cancel(self) -> None:
            self.cancelled = True

    manager = Manager()
    window.commit_data(manager)  # type: ignore[arg-type]
    assert chair.asked[0][0] == 10 and manager.cancelled
