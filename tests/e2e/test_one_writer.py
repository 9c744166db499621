"""One writer per meeting (DESIGN §4; issue 10 findings 2 and 3), with a real second process: a meeting run
by another MeetingKit is never deleted or replaced under it, opens read-only saying who holds it, and a writer
that died is taken over only once the chair agrees."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from meetingkit.clock import FakeClock
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.prep.main_window import MainWindow
from tests.ui.console_meeting import board

ROOT = Path(__file__).resolve().parents[2]


class Writer:
    """The other MeetingKit: a child process running meeting `mid` of the file at `path`."""

    def __init__(self, path: Path, mid: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.writer_worker", "run", str(path), str(mid)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("running"):
            self.proc.kill()
            raise AssertionError(f"the writer did not start: {line!r} {self.proc.stderr.read()}")  # type: ignore[union-attr]
        self.events = int(line.split()[1])

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream:
                stream.close()


@pytest.fixture
def meeting_id(store: Store, clock: FakeClock) -> int:
    return store.create_meeting(board(clock))


@pytest.fixture
def writer(db_path: Path, meeting_id: int, store: Store) -> Iterator[Writer]:
    w = Writer(db_path, meeting_id)
    yield w
    w.close()


@pytest.fixture
def window(qtbot: Any, store: Store, clock: FakeClock) -> MainWindow:
    w = MainWindow(store, clock)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def record(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return seen


def stored_events(store: Store, mid: int) -> int:
    return int(store.db.execute("SELECT COUNT(*) FROM events WHERE meeting_id = ?", [mid]).fetchone()[0])


def holder_words(pid: int) -> str:
    return f"running on {socket.gethostname()} (process {pid}) since"


def test_a_second_program_cannot_delete_the_meeting_another_is_running(
    store: Store, meeting_id: int, writer: Writer, window: MainWindow, warnings: list[str]
) -> None:
    with pytest.raises(
        StoreError, match=r"running on .* \(process \d+\) since \d\d:\d\d: it cannot be deleted"
    ):
        store.delete_meeting(meeting_id)
    window.refresh(select=meeting_id)
    assert not window.delete_selected()  # the main window's Delete, with its confirmation answered Yes
    assert holder_words(writer.pid) in warnings[-1]
    assert store.meeting_status(meeting_id) == "running"
    assert stored_events(store, meeting_id) == writer.events, "the running meeting's record is all there"
    assert writer.proc.poll() is None


def test_a_second_program_cannot_replace_a_meeting_another_has_open(
    store: Store, clock: FakeClock, db_path: Path
) -> None:
    mid = store.create_meeting(board(clock))
    other = Store(db_path)
    session = other.open_live(mid, clock)
    session.take_lock()  # its console is open, the meeting not yet started
    with pytest.raises(StoreError, match="cannot be changed while its console is open"):
        store.update_meeting(mid, board(clock))
    session.release()
    other.close()
    store.update_meeting(mid, board(clock))  # once it is closed, the plan may change again


def test_a_meeting_run_by_another_program_opens_read_only_and_says_who(
    store: Store, meeting_id: int, writer: Writer, window: MainWindow, warnings: list[str]
) -> None:
    console = window.run_meeting(meeting_id)
    assert isinstance(console, ConsoleWindow)
    bar = console.read_only_bar
    assert bar.isVisible() and holder_words(writer.pid) in bar.text.text()
    assert console.bridge.command("note", text="A second window's note") is None
    assert "running on" in console.status.text.text()
    enabled = [b.accessibleName() for b in console.findChildren(QPushButton) if b.isEnabled()]
    assert "Next item" not in enabled and "End meeting" not in enabled
    assert stored_events(store, meeting_id) == writer.events, "nothing of the second window reached the file"
    console.close()


def test_a_second_window_of_the_same_program_is_read_only(
    qtbot: Any, store: Store, db_path: Path, clock: FakeClock, meeting_id: int, warnings: list[str]
) -> None:
    first = MainWindow(store, clock)
    qtbot.addWidget(first)
    running = first.run_meeting(meeting_id)
    assert isinstance(running, ConsoleWindow) and not running.read_only_bar.isVisible()
    running.start_meeting()
    second_store = Store(db_path)
    second = MainWindow(second_store, clock)
    qtbot.addWidget(second)
    other = second.run_meeting(meeting_id)
    assert isinstance(other, ConsoleWindow)
    assert "in another window of this program" in other.read_only_bar.text.text()
    assert other.bridge.command("next_item") is None
    running.bridge.command("next_item")
    assert [e.type for e in store.events(meeting_id)] == ["start_meeting", "next_item"]
    other.close()
    running.close()  # closing the console gives the meeting back
    qtbot.waitUntil(lambda: meeting_id not in second.consoles)
    again = second.run_meeting(meeting_id)
    assert isinstance(again, ConsoleWindow) and not again.read_only_bar.isVisible()
    again.close()
    qtbot.waitUntil(lambda: meeting_id not in second.consoles)


def test_a_writer_killed_on_this_computer_is_taken_over_by_resuming(
    store: Store,
    meeting_id: int,
    writer: Writer,
    window: MainWindow,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writer.kill()  # SIGKILL: its lock row stays, its process is gone
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_take_over", lambda title, holder: asked.append(title) or False)
    monkeypatch.setattr(window, "ask_keep_turn", lambda session: True)  # the turn it left open goes on
    console = window.resume_meeting(meeting_id)  # the chair's own choice, as after any crash
    assert isinstance(console, ConsoleWindow) and not console.read_only_bar.isVisible()
    assert asked == [], "a process gone on this computer needs no second question"
    assert console.bridge.command("note", text="Carried on after the crash") is not None
    assert stored_events(store, meeting_id) == writer.events + 1
    console.close()


def test_a_writer_gone_quiet_elsewhere_is_taken_over_only_when_the_chair_agrees(
    qtbot: Any,
    store: Store,
    meeting_id: int,
    writer: Writer,
    window: MainWindow,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writer.kill()
    # As if it ran on another computer that stopped answering a minute ago (its process cannot be checked).
    store.db.execute(
        "UPDATE writer_locks SET host = 'LAPTOP-12', heartbeat = heartbeat - 60 WHERE meeting_id = ?",
        [meeting_id],
    )
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_take_over", lambda title, holder: asked.append(holder.words()) or False)
    monkeypatch.setattr(window, "ask_keep_turn", lambda session: True)
    declined = window.run_meeting(meeting_id)
    assert isinstance(declined, ConsoleWindow) and declined.read_only_bar.isVisible()
    assert asked and asked[0].startswith("running on LAPTOP-12 since")
    assert "running on LAPTOP-12 since" in declined.read_only_bar.text.text()
    declined.close()
    qtbot.waitUntil(lambda: meeting_id not in window.consoles)
    monkeypatch.setattr(window, "ask_take_over", lambda title, holder: True)
    console = window.run_meeting(meeting_id)
    assert isinstance(console, ConsoleWindow) and not console.read_only_bar.isVisible()
    assert console.bridge.command("note", text="Taken over") is not None
    assert stored_events(store, meeting_id) == writer.events + 1
    console.close()


def test_a_live_writer_is_never_offered_for_take_over(
    store: Store,
    meeting_id: int,
    writer: Writer,
    window: MainWindow,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_take_over", lambda title, holder: asked.append(title) or True)
    console = window.run_meeting(meeting_id)
    assert isinstance(console, ConsoleWindow) and console.read_only_bar.isVisible()
    assert asked == []
    console.close()


def test_a_writer_whose_lock_was_taken_over_stops_writing(
    store: Store, db_path: Path, clock: FakeClock, meeting_id: int
) -> None:
    session = store.open_live(meeting_id, clock)
    session.take_lock()
    session.apply("start_meeting")
    other = Store(db_path)
    other.db.execute("UPDATE writer_locks SET token = 'someone-else' WHERE meeting_id = ?", [meeting_id])
    other.close()
    assert not session.heartbeat()
    assert session.read_only and "took over" in session.read_only
    with pytest.raises(Exception, match="took over"):
        session.apply("next_item")
    assert [e.type for e in store.events(meeting_id)] == ["start_meeting"]
