"""Text at 200%: with the application font at twice its size on a 1920x1200 screen, the main window, the
console (speaking, and with the break prompt), the review window and the editor stay usable: key controls are
shown, not squeezed to nothing, and their words fit. Each window is saved to artifacts/scale200/ to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QScrollArea, QStyle, QWidget

from meetingkit.app import MIN_POINT_SIZE, seed_demo
from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.console.fit_labels import FitLabel
from meetingkit.ui.prep import agenda_model
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.meeting_editor import MeetingEditor
from meetingkit.ui.review.review_window import ReviewWindow
from tests.ui.console_meeting import drive_to, open_board

SCREEN = (1920, 1200)
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "scale200"


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[QFont]:
    """The app's own default font (at least MIN_POINT_SIZE, as app.py sets it) at twice its point size."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(max(before.pointSizeF(), MIN_POINT_SIZE) * 2)
    qapp.setFont(font)
    yield font
    qapp.setFont(before)


def shown(qtbot: Any, w: QWidget) -> QWidget:
    qtbot.addWidget(w)
    w.resize(*SCREEN)
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()  # layouts settle to the new texts before anything is measured
    return w


def save(w: QWidget, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert w.grab().save(str(ARTIFACTS / f"{name}.png"))


def label_fits(b: QAbstractButton) -> list[str]:
    """Each line of a button's label fits inside it (the style's margins taken off)."""
    assert b.isVisible(), b.accessibleName()
    assert b.width() > 0 and b.height() > 0, b.accessibleName()
    margin = b.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, b)
    room = b.contentsRect().width() - margin
    fm = b.fontMetrics()
    too_long = [line for line in b.text().split("\n") if fm.horizontalAdvance(line.replace("&", "")) > room]
    return [f"{b.accessibleName()!r}: {line!r} needs more than {room} px" for line in too_long]


def fits_unelided(label: FitLabel) -> bool:
    """A FitLabel shrinks its font to fit and elides only as a last resort: the whole text is painted."""
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def test_main_window_list_at_200_percent(
    qtbot: Any, large_text: QFont, store: Store, clock: FakeClock
) -> None:
    seed_demo(store)
    window = shown(qtbot, MainWindow(store, clock))
    assert isinstance(window, MainWindow)
    save(window, "main_window")
    tree = window.tree
    assert tree.isVisible() and tree.width() > 400 and tree.height() > 200
    assert tree.font().pointSizeF() == large_text.pointSizeF()
    fm = tree.fontMetrics()
    series = window.model.index(0, 0)
    meeting_row = [window.model.index(0, c, series) for c in range(window.model.columnCount())]
    for col, index in enumerate(meeting_row):
        rect = tree.visualRect(index)
        assert rect.width() > 0 and rect.height() >= fm.height(), col
        assert fm.horizontalAdvance(str(index.data())) <= rect.width(), (col, index.data())
    for b in window.findChildren(QPushButton):
        assert label_fits(b) == []


@pytest.fixture
def console(qtbot: Any, large_text: QFont, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    _mid, bridge = open_board(store, clock)
    bridge.stop()  # repaints come from the test
    window = ConsoleWindow(bridge, store)
    shown(qtbot, window)
    yield window
    window.display.hide()


def console_problems(console: ConsoleWindow) -> list[str]:
    problems = []
    for b in [*console.controls, *console.break_panel.findChildren(QPushButton)]:
        if b.isVisible():
            problems += label_fits(b)
    time = console.speaker_panel.time
    if not (time.isVisible() and time.width() > 200 and time.height() > 80):
        problems.append(f"speaker time is {time.width()}x{time.height()}")
    if not fits_unelided(time):
        problems.append(f"speaker time {time.text()!r} is cut")
    # The side panels follow the text size; their words should not need sideways scrolling.
    for area in console.side_panels["Notes && actions"].findChildren(QScrollArea):
        if area.horizontalScrollBar().isVisible():
            problems.append(f"{area.accessibleName()!r} scrolls sideways")
    return problems


def test_console_speaking_at_200_percent(console: ConsoleWindow, clock: FakeClock) -> None:
    drive_to(console.bridge, clock, "speaking")
    console.refresh()
    QApplication.processEvents()
    save(console, "console_speaking")
    assert console.speaker_panel.time.text() == "1:56"
    assert console_problems(console) == []


def test_console_break_prompt_at_200_percent(console: ConsoleWindow, clock: FakeClock) -> None:
    drive_to(console.bridge, clock, "speaking")
    console.bridge.command("start_item", item="i3")  # the item the break is planned after
    console.bridge.command("speak", who="m2")
    clock.advance(15 * 60)  # over the limit: the longest text the timer shows
    console.refresh()
    QApplication.processEvents()
    save(console, "console_break_prompt")
    assert console.break_panel.mode == "due" and console.break_panel.isVisible()
    assert console.speaker_panel.time.text() == "+12:00 over"
    assert console_problems(console) == []


def test_review_window_at_200_percent(qtbot: Any, large_text: QFont, store: Store) -> None:
    mid = seed_demo(store)
    assert mid is not None
    review = shown(qtbot, ReviewWindow(store, mid))
    assert isinstance(review, ReviewWindow)
    for i in range(review.tabs.count()):
        review.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        save(review, f"review_{i + 1}_{review.tabs.tabText(i).lower().replace(' ', '_')}")
    assert review.width() <= SCREEN[0]
    assert label_fits(review.export_csv_button) == [] and label_fits(review.export_png_button) == []
    review.tabs.setCurrentIndex(0)
    assert review.people_table.isVisible() and review.people_table.height() > 100


def test_editor_at_200_percent_stays_on_the_screen(qtbot: Any, large_text: QFont, store: Store) -> None:
    mid = seed_demo(store)
    assert mid is not None
    editor = MeetingEditor(store, store.load_meeting(mid), None)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_dirty", False))
    shown(qtbot, editor)
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        save(editor, f"editor_{i + 1}_{editor.tabs.tabText(i).replace('&', '').lower()}")
        # A long unwrapped line once made the dialog wider than the screen, its buttons out of reach.
        assert editor.width() <= SCREEN[0] and editor.minimumSizeHint().width() <= SCREEN[0]
        for b in editor.findChildren(QPushButton):
            if b.isVisible():
                assert label_fits(b) == []
    agenda = editor.agenda_page.view
    fm = agenda.fontMetrics()
    start = agenda_model.COLUMNS.index("start")
    assert agenda.columnWidth(start) >= fm.horizontalAdvance("13:00") + 8  # the start times are whole
    people = editor.people_page.view
    assert people.columnWidth(0) >= people.fontMetrics().horizontalAdvance("Dr Rachel")
