"""A disk that fills up during a meeting: the console says so, the meeting goes on, the record can be exported
from memory, and "Try saving again" writes everything once there is room. A real SQLITE_FULL, not a mock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.console.record_export import record_file_name
from tests.ui.console_meeting import open_board

LONG = (
    "The discharge team reported waiting times by ward and by week. " * 300
).strip()  # ~19 kB: DESIGN §6 allows 20,000


@pytest.fixture
def console(qtbot: Any, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    mid, bridge = open_board(store, clock)
    # The repaint timer also retries saving on its own; stopped so that what saves here is the button.
    bridge.stop()
    window = ConsoleWindow(bridge, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.meeting_id = mid
    window.start_meeting()
    yield window
    window.display.hide()


def fill_the_disk(store: Store) -> None:
    """No page may be added to the database any more: the next write fails with SQLITE_FULL."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count={pages}")


def button(console: ConsoleWindow, name: str) -> QPushButton:
    found = [b for b in console.findChildren(QPushButton) if b.accessibleName() == name]
    assert len(found) == 1, name
    return found[0]


def click(qtbot: Any, b: QPushButton) -> None:
    assert b.isVisible() and b.isEnabled()
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def test_a_full_disk_loses_nothing(
    qtbot: Any, console: ConsoleWindow, store: Store, clock: FakeClock, tmp_path: Path, monkeypatch: Any
) -> None:
    bridge = console.bridge
    fill_the_disk(store)
    bridge.command("note", text=f"First note. {LONG}")
    bridge.command("speak", who="p1")
    clock.advance(30)
    bridge.command("decision", text=f"Agreed: {LONG}")
    clock.advance(45)
    bridge.command("speak", who="m1")

    assert console.save_bar.isVisible()
    assert console.save_bar.text.text() == (
        "Not saved: database or disk is full (4 changes waiting) — the meeting continues;"
        " changes will be saved when possible"
    )
    assert console.speaker_panel.name.text() == "Dr Anil Kapoor"  # the meeting carried on
    saved = [e.type for e in store.events(console.meeting_id)]
    assert saved == ["start_meeting"]

    # Still full: trying again says so, and the bar stays.
    click(qtbot, button(console, "Try saving again"))
    assert console.save_bar.isVisible()
    assert console.status.text.text().startswith("Not done: saving failed again")

    # Export from memory: the file holds every event, saved or not, and replays to the same meeting.
    target = tmp_path / "elsewhere" / "record.json"
    target.parent.mkdir()
    offered: list[str] = []

    def save_name(_parent: Any, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        offered.append(proposed)
        return str(target), "Meeting records (*.json)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    click(qtbot, button(console, "Export meeting record"))
    assert Path(offered[0]).name == "Stroke HIT steering group 2026-06-12 record.json"
    assert console.status.text.text() == f"Done: meeting record (5 events) exported to {target}"
    replayed = record.replay(record.parse(target.read_bytes()))
    live = bridge.live
    assert [(e.type, e.payload) for e in replayed.events] == [(e.type, e.payload) for e in live.events]
    assert [e.at for e in replayed.events] == [e.at for e in live.events]
    assert replayed.notes[0].text == f"First note. {LONG}"

    # Room again: one click writes everything and the warning goes.
    store.db.execute("PRAGMA max_page_count=1073741823")
    click(qtbot, button(console, "Try saving again"))
    assert not console.save_bar.isVisible()
    assert console.status.text.text() == "Done: every change is saved"
    assert bridge.session.is_saved
    stored = store.events(console.meeting_id)
    assert [e.type for e in stored] == ["start_meeting", "note", "speak", "decision", "speak"]
    assert stored[1].payload["text"] == f"First note. {LONG}"


def test_the_bar_comes_back_for_a_new_problem_after_a_retry(
    qtbot: Any, console: ConsoleWindow, store: Store
) -> None:
    """The same message after a successful retry is a new problem, and is shown again."""
    fill_the_disk(store)
    console.bridge.command("note", text=LONG)
    store.db.execute("PRAGMA max_page_count=1073741823")
    click(qtbot, button(console, "Try saving again"))
    assert not console.save_bar.isVisible()
    fill_the_disk(store)
    console.bridge.command("note", text=LONG + "again")
    assert console.save_bar.isVisible()
    assert "(1 change waiting)" in console.save_bar.text.text()


def test_an_export_that_cannot_be_written_is_reported(
    qtbot: Any, console: ConsoleWindow, store: Store, tmp_path: Path, monkeypatch: Any
) -> None:
    fill_the_disk(store)
    console.bridge.command("note", text=LONG)
    missing = tmp_path / "no such folder" / "record.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(missing), ""))
    click(qtbot, button(console, "Export meeting record"))
    assert console.status.text.text().startswith(f"Not done: the record could not be written to {missing}")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))  # cancelled: nothing happens
    assert console.export_record() is None
    assert console.save_bar.isVisible()


def test_a_record_file_name_has_no_characters_file_systems_refuse(store: Store, clock: FakeClock) -> None:
    _mid, bridge = open_board(store, clock)
    bridge.stop()
    bridge.live.meeting.title = 'Board: "Q2/Q3" review?'
    assert record_file_name(bridge.live) == "Board Q2 Q3 review 2026-06-12 record.json"
    bridge.live.meeting.title = "..."
    assert record_file_name(bridge.live) == "meeting 2026-06-12 record.json"


def test_exported_json_is_the_engine_record(
    qtbot: Any, console: ConsoleWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    target = tmp_path / "r.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    console.bridge.command("note", text="Ünïcode “quotes” <b>kept</b>")
    assert console.export_record() == target
    assert json.loads(target.read_text(encoding="utf-8")) == record.write(console.bridge.live)
