"""The main window's details pane with large text (a reader who needs 200 %) on a 1366 x 768 screen: every line
is shown whole, the pane scrolls, instead of each wrapped line being cut to its first row."""

from __future__ import annotations

from typing import Any

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow


def test_every_details_line_is_shown_whole_with_large_text(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    mid = store.import_record(record.parse(demo_record_path().read_bytes()))
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    font = window.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    window.setFont(font)
    window.setMaximumSize(1366, 640)  # the screen, its title bar and a panel aside, as on the desk at 200 %
    window.resize(1366, 640)
    window.show()
    qtbot.waitExposed(window)
    window.refresh(select=mid)
    lines = window.details.lines()
    assert len(lines) >= 5  # title, where, status, people, agenda, outcome
    qtbot.waitUntil(lambda: all(line.height() > 0 for line in lines))
    cut = [line.text()[:40] for line in lines if line.height() < line.heightForWidth(line.width())]
    assert cut == []
