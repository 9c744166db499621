"""Tamper evidence (DESIGN §4; issue 10 finding 7): rows deleted, edited or added in the events table are found
and named; stats, export and minutes say so plainly; a row that does not parse gives that message, never a
traceback; a bad scheduled_start never stops the app starting."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from meetingkit import app, cli
from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from tests.conftest import EXAMPLE_RECORD
from tests.unit.test_store import downgrade_to_version_1


@pytest.fixture
def mid(db_path: Path) -> int:
    with Store(db_path) as store:
        return store.import_record(record.parse(EXAMPLE_RECORD.read_text()))


def edit(db_path: Path, sql: str, *args: Any) -> None:
    """Someone with an SQLite tool, outside MeetingKit."""
    conn = sqlite3.connect(db_path)
    conn.execute(sql, args)
    conn.commit()
    conn.close()


def verify(db_path: Path, capsys: pytest.CaptureFixture[str], *ids: int) -> tuple[int, str]:
    code = cli.main(["verify", "--db", str(db_path), *map(str, ids)])
    return code, capsys.readouterr().out


def test_an_intact_record_verifies(db_path: Path, mid: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert verify(db_path, capsys) == (0, f"Meeting {mid}: intact\n")


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("DELETE FROM events WHERE meeting_id = ? AND seq = 12", "after event 11 (event 12 was removed)"),
        (
            'UPDATE events SET payload = \'{"who": "ch"}\' WHERE meeting_id = ? AND seq = 12',
            "after event 11 (event 12 was changed)",
        ),
        (
            "UPDATE events SET at = '2026-06-12T10:00:00+00:00' WHERE meeting_id = ? AND seq = 5",
            "event 5 was changed",
        ),
        ("DELETE FROM events WHERE meeting_id = ? AND seq = (SELECT MAX(seq) FROM events)", "was removed"),
        (
            "INSERT INTO events (meeting_id, seq, at, type, payload) SELECT meeting_id, seq + 1, at, 'note',"
            ' \'{"text": "added"}\' FROM events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
            "was added",
        ),
        ("UPDATE events SET payload = 'not json' WHERE meeting_id = ? AND seq = 7", "event 7 cannot be read"),
    ],
)
def test_an_event_removed_changed_or_added_is_named(
    db_path: Path, mid: int, capsys: pytest.CaptureFixture[str], sql: str, words: str
) -> None:
    edit(db_path, sql, mid)
    code, out = verify(db_path, capsys, mid)
    assert code == 2
    assert out.startswith(f"Meeting {mid}: This record was changed outside MeetingKit ") and words in out


def test_every_output_of_an_altered_meeting_says_so(
    db_path: Path, mid: int, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    edit(db_path, "DELETE FROM events WHERE meeting_id = ? AND seq = 20", mid)
    words = "This record was changed outside MeetingKit after event 19"
    assert cli.main(["stats", str(mid), "--db", str(db_path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"⚠ {words}") and words in err
    assert cli.main(["stats", str(mid), "--json", "--db", str(db_path)]) == 0
    assert json.loads(capsys.readouterr().out)["altered"].startswith(words)
    assert cli.main(["export", str(mid), "--db", str(db_path)]) == 0
    assert json.loads(capsys.readouterr().out)["altered"].startswith(words)
    pdf = tmp_path / "minutes.pdf"
    assert cli.main(["minutes", str(mid), "-o", str(pdf), "--db", str(db_path)]) == 0
    assert words in capsys.readouterr().err
    from pypdf import PdfReader

    first_page = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert words in first_page
    summary = tmp_path / "summary.pdf"  # the representatives' summary too
    assert cli.main(["summary", str(mid), "-o", str(summary), "--db", str(db_path)]) == 0
    assert words in capsys.readouterr().err
    assert f"⚠ {words}" in " ".join(PdfReader(summary).pages[0].extract_text().split())


def test_a_payload_that_is_not_json_gives_the_message_when_resumed(db_path: Path, clock: FakeClock) -> None:
    from tests.unit.test_store import small_meeting

    with Store(db_path) as store:
        m = store.create_meeting(small_meeting())
        session = store.open_live(m, clock)
        session.apply("start_meeting")
        session.apply("speak", {"who": "ch"})
    edit(db_path, "UPDATE events SET payload = '{broken' WHERE meeting_id = ? AND seq = 2", m)
    with Store(db_path) as store, pytest.raises(StoreError) as caught:
        store.open_live(m, clock)
    assert str(caught.value) == (
        f"Meeting {m} cannot be opened: This record was changed outside MeetingKit after event 1"
        " (event 2 cannot be read)"
    )


def test_the_migration_chains_existing_meetings(
    db_path: Path, mid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    downgrade_to_version_1(db_path)
    assert verify(db_path, capsys) == (0, f"Meeting {mid}: intact\n")


def test_a_bad_scheduled_start_never_stops_the_app_starting(qtbot: Any, db_path: Path, mid: int) -> None:
    edit(db_path, "UPDATE meetings SET scheduled_start = 'yesterday' WHERE id = ?", mid)
    window = app.start(db_path, FakeClock())
    assert window is not None
    qtbot.addWidget(window)
    row = window.store.list_meetings()[0]
    assert "its planned start cannot be read" in row.title
    window.select_meeting(mid)
    assert "changed outside MeetingKit" in window.details.text()


def test_the_console_of_an_altered_meeting_opens_read_only_and_says_so(
    qtbot: Any, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from meetingkit.ui.prep.main_window import MainWindow
    from tests.unit.test_store import small_meeting

    with Store(db_path) as store:
        m = store.create_meeting(small_meeting())
        session = store.open_live(m, clock)
        session.apply("start_meeting")
        session.apply("note", {"text": "Agreed to fund the pilot"})
    edit(db_path, 'UPDATE events SET payload = \'{"text": "Agreed to drop the pilot"}\' WHERE seq = 2')
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    store = Store(db_path)
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    console = window.run_meeting(m)
    assert console is not None
    bar = console.read_only_bar  # type: ignore[attr-defined]
    assert (
        bar.isVisible()
        and "changed outside MeetingKit after event 1 (event 2 was changed)" in bar.text.text()
    )
    assert console.bridge.command("note", text="More") is None  # type: ignore[attr-defined]
    window.refresh(select=m)
    assert "This record was changed outside MeetingKit after event 1" in window.details.text()
    console.close()
    qtbot.waitUntil(lambda: m not in window.consoles)
