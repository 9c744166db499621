"""Issue 12, finding 9: every window fits a 1366×768 laptop once a window manager adds its frame — sized from
the screen's available area, never needing more than that area even at its smallest, the minutes preview's
Save row on screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.screen_fit import FRAME_ALLOWANCE, fit_to_screen, room_on_screen
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.minutes.action_register import ActionRegisterWindow
from meetingkit.ui.minutes.minutes_preview import MinutesPreviewDialog
from meetingkit.ui.minutes.minutes_window import MinutesWindow
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.meeting_editor import MeetingEditor
from meetingkit.ui.prep.people_directory import PeopleDirectoryWindow
from meetingkit.ui.review.review_window import ReviewWindow
from meetingkit.ui.review.series_view import SeriesWindow
from tests.ui.console_meeting import board

LAPTOP = QRect(0, 0, 1366, 768)
ROOM = QSize(1366, 768) - FRAME_ALLOWANCE


def test_a_window_asks_for_no_more_than_its_screen_has_room_for(qtbot: Any) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    assert fit_to_screen(w, 1440, 900, available=LAPTOP) == QSize(1350, 728)
    assert fit_to_screen(w, 820, 600, available=LAPTOP) == QSize(820, 600)  # a small one keeps its size
    assert room_on_screen(w, QRect(0, 0, 1920, 1080)) == QSize(1904, 1040)


@pytest.fixture
def ended_meeting(store: Store, clock: FakeClock) -> int:
    mid = store.create_meeting(board(clock))
    bridge = LiveBridge(store.open_live(mid, clock))
    bridge.command("start_meeting")
    bridge.command("speak", who="p1")
    clock.advance(120)
    bridge.command("action", text="Write to the trust", owner="m1")
    bridge.command("skip_break", reason="Short meeting")
    bridge.command("end_meeting")
    bridge.stop()
    return mid


WINDOWS: dict[str, Callable[[Store, int, FakeClock], QWidget]] = {
    "main window": lambda s, m, c: MainWindow(s, c),
    "meeting editor": lambda s, m, c: MeetingEditor(s, s.load_meeting(m), None),
    "people directory": lambda s, m, c: PeopleDirectoryWindow(s),
    "minutes preview": lambda s, m, c: MinutesPreviewDialog(s, m, clock=c),
    "series overview": lambda s, m, c: SeriesWindow(s, "Stroke HIT"),
    "review": lambda s, m, c: ReviewWindow(s, m),
    "action register": lambda s, m, c: ActionRegisterWindow(s, c),
    "console": lambda s, m, c: ConsoleWindow(LiveBridge(s.open_live(s.create_meeting(board(c)), c)), s),
    "minutes window": lambda s, m, c: MinutesWindow(LiveBridge(s.open_live(m, c)), s),
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_fits_a_1366x768_laptop_with_its_frame(
    qtbot: Any, store: Store, clock: FakeClock, ended_meeting: int, name: str
) -> None:
    window = WINDOWS[name](store, ended_meeting, clock)
    qtbot.addWidget(window)
    # Opened on this (small) test screen, it takes no more than the screen has room for...
    room = room_on_screen(window)
    assert window.width() <= room.width() and window.height() <= room.height(), name
    # ... and on a laptop, it needs no more than the laptop has room for, even at its smallest.
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert least.width() <= ROOM.width() and least.height() <= ROOM.height(), (name, least)
    fit_to_screen(window, 10_000, 10_000, available=LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= ROOM.width() and window.height() <= ROOM.height(), name
    if isinstance(window, MinutesPreviewDialog):  # the Save row, in full, inside the window
        save = window.save_button
        bottom = save.mapTo(window, save.rect().bottomLeft()).y()
        assert save.isVisible() and bottom <= window.height()
    if isinstance(window, ConsoleWindow):
        window.display.hide()
        window.bridge.stop()
