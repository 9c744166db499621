"""The minutes after the meeting have one writer too (issue 14 with issue 10's lock): `meetingkit approve`
takes the meeting's writer lock, so it never interleaves with a Minutes window open in another process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingkit.cli import main
from meetingkit.clock import FakeClock
from meetingkit.models.meeting import DomainError
from meetingkit.store.repository import Store
from meetingkit.ui.minutes.minutes_window import MinutesWindow
from meetingkit.ui.prep.main_window import MainWindow
from tests.ui.console_meeting import board

ROOT = Path(__file__).resolve().parents[2]


def ended_meeting(store: Store, clock: FakeClock) -> int:
    mid = store.create_meeting(board(clock))
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    session.apply("note", {"text": "Welcome"})
    session.apply("skip_break", {"reason": "A short meeting"})
    session.apply("end_meeting")
    return mid


class Holder:
    """Another MeetingKit holding the meeting open (as a Minutes window would), in its own process."""

    def __init__(self, path: Path, mid: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.writer_worker", "hold", str(path), str(mid)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("holding"):
            self.proc.kill()
            raise AssertionError(f"the holder did not start: {line!r} {self.proc.stderr.read()}")  # type: ignore[union-attr]

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream:
                stream.close()


@pytest.fixture
def held(store: Store, clock: FakeClock, db_path: Path) -> Iterator[tuple[int, Holder]]:
    mid = ended_meeting(store, clock)
    holder = Holder(db_path, mid)
    yield mid, holder
    holder.kill()


def approvals(store: Store, mid: int) -> int:
    return store.db.execute(
        "SELECT COUNT(*) FROM events WHERE meeting_id = ? AND type = 'minutes_approved'", [mid]
    ).fetchone()[0]


def test_approve_refuses_a_meeting_open_in_another_process_then_goes_ahead_once_it_is_gone(
    held: tuple[int, Holder], store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mid, holder = held
    assert main(["approve", str(mid), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # one line
    assert err.startswith(f"meetingkit: error: Meeting {mid} is open on ")
    assert f"(process {holder.proc.pid})" in err and err.rstrip().endswith("close it there, then try again")
    assert approvals(store, mid) == 0
    assert store.writer_lock(mid).pid == holder.proc.pid  # its lock untouched
    holder.kill()  # the other program crashed: its lock is dead, and approving takes it over
    assert main(["approve", str(mid), "--db", str(db_path)]) == 0
    assert approvals(store, mid) == 1
    assert store.writer_lock(mid) is None  # given back


def test_the_minutes_window_opens_read_only_while_another_process_holds_the_meeting(
    qtbot: Any, held: tuple[int, Holder], store: Store, clock: FakeClock
) -> None:
    mid, holder = held
    main_window = MainWindow(store, clock)
    qtbot.addWidget(main_window)
    main_window.refresh(select=mid)
    window = main_window.open_minutes_window(mid)
    assert isinstance(window, MinutesWindow) and not window.editable
    assert window.read_only_line.text().startswith("Read-only: this meeting is open on ")
    assert f"(process {holder.proc.pid})" in window.read_only_line.text()
    assert not window.rows["note:0"].correct_button.isEnabled()
    assert not window.declaration_box.button.isEnabled()
    window.close()
    assert store.writer_lock(mid).pid == holder.proc.pid  # closing a read-only window frees nothing of theirs
    holder.kill()  # that program crashed: the next opening takes the meeting over (its process is gone)
    window = main_window.open_minutes_window(mid)
    assert isinstance(window, MinutesWindow) and window.editable
    window.bridge.command("correct", target="note:0", text="Welcome, and apologies")
    assert [e.payload for e in store.events(mid) if e.type == "correct"] == [
        {"target": "note:0", "text": "Welcome, and apologies"}
    ]
    window.close()


def test_a_correction_by_a_script_takes_the_lock_too(
    held: tuple[int, Holder], store: Store, clock: FakeClock
) -> None:
    mid, holder = held
    session = store.open_live(mid, clock)
    with pytest.raises(DomainError, match=r"^This meeting is open on .* close it there, then try again$"):
        session.apply("correct", {"target": "note:0", "text": "Welcome to all"})
    assert [e for e in store.events(mid) if e.type == "correct"] == []
    holder.kill()
    session = store.open_live(mid, clock)
    session.apply("correct", {"target": "note:0", "text": "Welcome to all"})
    assert [e.payload for e in store.events(mid) if e.type == "correct"] == [
        {"target": "note:0", "text": "Welcome to all"}
    ]
    assert store.writer_lock(mid) is None  # taken for that one write, then given back
