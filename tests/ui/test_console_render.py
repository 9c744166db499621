"""Render the console in each timer state to PNG (artifacts/, kept out of git) to look at what the chair sees.

MEETINGKIT_UPDATE_DOCS=1 also refreshes docs/console.png, the picture the README shows.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from tests.ui.console_meeting import drive_to, open_board

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
STATES = ("speaking", "wrap_up", "over", "idle", "paused", "break")
WORDS = {
    "speaking": "Speaking",
    "wrap_up": "Please wrap up",
    "over": "Over time",
    "idle": "Nobody speaking",
    "paused": "Meeting paused",
    "break": "Feedback break",
}


@pytest.mark.parametrize("state", STATES)
def test_render_the_console_in_each_state(qtbot, store: Store, clock: FakeClock, state: str) -> None:
    _, bridge = open_board(store, clock)
    window = ConsoleWindow(bridge, store)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    drive_to(bridge, clock, state)
    bridge.tick.emit()
    QApplication.processEvents()  # let the layouts settle to the new texts before the picture is taken
    assert window.speaker_panel.state == state
    assert window.speaker_panel.badge.words.text() == WORDS[state]
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"console_{state}.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
    if state == "speaking" and os.environ.get("MEETINGKIT_UPDATE_DOCS"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(path, ROOT / "docs" / "console.png")
    bridge.stop()
