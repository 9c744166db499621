"""Another program writing the same file (a long replay) never freezes the window (DESIGN §4; issue 10 finding
8): the GUI waits at most a repaint or two, says it is waiting, and saves once the other program is done."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from meetingkit import app
from meetingkit.clock import FakeClock
from meetingkit.ui.common.live_bridge import LiveBridge
from tests.ui.console_meeting import board

ROOT = Path(__file__).resolve().parents[2]


def test_a_command_while_another_program_writes_returns_at_once_and_is_saved_later(
    qtbot: Any, db_path: Path, clock: FakeClock
) -> None:
    store = app.open_store(db_path)
    assert store is not None
    mid = store.create_meeting(board(clock))
    session = store.open_live(mid, clock)
    session.take_lock()
    bridge = LiveBridge(session)
    bridge._timer.stop()  # the test says when to retry, not the repaint timer
    bridge.command("start_meeting")
    other = subprocess.Popen(
        [sys.executable, "-m", "tests.writer_worker", "busy", str(db_path), "2.5"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "writing"
    problems: list[str] = []
    bridge.save_problem.connect(problems.append)
    began = time.monotonic()
    bridge.command("speak", who=session.live.meeting.people[0].key)
    took = time.monotonic() - began
    assert took < 0.5, f"the window waited {took:.2f} s for the other program"
    assert problems and "waiting for another program to finish writing" in problems[-1]
    assert session.live.turn is not None, "the meeting goes on meanwhile"
    assert other.stdout.readline().strip() == "done"
    other.wait()
    other.stdout.close()
    assert bridge.save_again()
    assert [e.type for e in store.events(mid)] == ["start_meeting", "speak"]
    session.release()
    store.close()
