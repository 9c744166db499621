"""Issue 18 for the main window and the review: what a screen reader reads there, through Qt's accessibility
interfaces — the details pane's words, the status line said aloud, the review as a window whose headline
figures expose their text, and tables and scroll areas that never hold the Tab key."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QLabel,
    QWidget,
)

from meetingkit.app import seed_demo
from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.ui.common import announce
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.people_directory import PeopleDirectoryWindow
from meetingkit.ui.review.review_window import ReviewWindow
from meetingkit.ui.review.series_view import SeriesWindow
from tests.review_records import silent_rep, with_interjections
from tests.ui.screen_reader import exposed, listen, name_of, role_of


def shown(qtbot: Any, w: QWidget) -> QWidget:
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


@pytest.fixture
def demo_window(qtbot: Any, store: Store, clock: FakeClock) -> MainWindow:
    mid = seed_demo(store)
    window = MainWindow(store, clock)
    shown(qtbot, window)
    window.select_meeting(mid)  # type: ignore[arg-type]
    return window


def test_announcements_are_polite_events_and_never_blank(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    heard = listen(monkeypatch)
    label = QLabel()
    qtbot.addWidget(label)
    assert announce.announce(label, "  Dr Ola Ade\n has the floor ")
    assert not announce.announce(label, "   ")
    assert heard.said == [("Dr Ola Ade has the floor", True)]
    event = announce.announcement(label, "Break due", assertive=True)
    assert event.type() == QAccessible.Event.Announcement and event.message() == "Break due"
    assert event.politeness() == QAccessible.AnnouncementPoliteness.Assertive


def test_the_details_pane_reads_status_people_agenda_and_patient_voice(demo_window: MainWindow) -> None:
    read = [exposed(w) for w in [demo_window.details, *demo_window.details.findChildren(QLabel)]]
    said = "\n".join(read)
    assert "Status: ✓ Ended" in said
    assert "people:" in said and "present" in said
    assert "Agenda:" in said and "scheduled end" in said
    assert "Patient and public voice:" in said and "% of the main discussion" in said
    assert demo_window.details.accessibleName() == "Meeting details"
    # Markup in a title is read as typed, not as tags.
    assert all("<h2>" not in line and "<p>" not in line for line in read)


def test_the_status_line_is_said_and_exposed(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard = listen(monkeypatch)
    when = datetime(2030, 7, 1, 10, 0).astimezone()
    monkeypatch.setattr(demo_window, "ask_next_meeting", lambda m: ("Board (July)", when))
    assert demo_window.duplicate_selected() is not None
    line = demo_window.statusBar().currentMessage()
    assert line.startswith("Next meeting created for")
    assert heard.words() == [line]
    assert line in exposed(demo_window.statusBar())


def test_the_main_window_starts_on_the_list_of_meetings(demo_window: MainWindow) -> None:
    assert QApplication.focusWidget() is demo_window.tree


def review(qtbot: Any, store: Store) -> ReviewWindow:
    mid = store.import_record(record.parse(silent_rep()))
    window = ReviewWindow(store, mid)
    shown(qtbot, window)
    return window


def test_the_review_is_a_window_with_its_figures_readable(qtbot: Any, store: Store) -> None:
    w = review(qtbot, store)
    assert role_of(w) == QAccessible.Role.Window
    assert name_of(w).startswith("Participation review")
    for figure in (w.voice, w.voice_with_break, w.not_heard, w.silent_items, w.balance, w.coverage):
        assert figure.value.text() and f"{figure.accessibleName()}: {figure.value.text()}" in exposed(
            figure.value
        )
        assert figure.text.text() and figure.text.text() in exposed(figure.text)
    assert exposed(w.heading).startswith(w.summary.meeting.title)
    assert "Feedback break" in exposed(w.when)
    assert QApplication.focusWidget() is w.tabs.tabBar()


def test_the_review_says_where_a_file_was_saved(
    qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = review(qtbot, store)
    heard = listen(monkeypatch)
    target = tmp_path / "people.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(w.export_csv_button, Qt.MouseButton.LeftButton)
    assert heard.words() == [f"Table saved to {target}"]
    assert f"Table saved to {target}" in exposed(w.export_result)


def tab_stops_of(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def test_tab_leaves_every_table_of_the_review(qtbot: Any, store: Store) -> None:
    w = review(qtbot, store)
    for index in range(w.tabs.count()):
        w.tabs.setCurrentIndex(index)
        for view in w.tabs.currentWidget().findChildren(QAbstractItemView):
            if not view.isVisible() or not (view.focusPolicy() & Qt.FocusPolicy.TabFocus):
                continue
            assert not view.tabKeyNavigation(), view.accessibleName()
            if view.model() is not None and view.model().rowCount() > 1:
                view.setCurrentIndex(view.model().index(0, 0))
            for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                view.setFocus()
                assert QApplication.focusWidget() is view
                qtbot.keyClick(view, key)
                assert QApplication.focusWidget() is not view, f"{view.accessibleName()} holds {key.name}"


def test_no_table_anywhere_takes_tab_and_no_mute_scroll_area_is_a_stop(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    first = store.import_record(record.parse(silent_rep()))
    store.import_record(record.parse(with_interjections()))
    series = store.load_meeting(first).series
    windows: list[QWidget] = [
        ReviewWindow(store, first),
        SeriesWindow(store, series),
        PeopleDirectoryWindow(store),
        MainWindow(store, clock),
    ]
    for window in windows:
        shown(qtbot, window)
        for view in window.findChildren(QAbstractItemView):
            assert not view.tabKeyNavigation(), f"{type(window).__name__}: {view.accessibleName()}"
        for area in window.findChildren(QAbstractScrollArea):
            if isinstance(area, QAbstractItemView):
                continue
            assert not (area.focusPolicy() & Qt.FocusPolicy.TabFocus), area.accessibleName()
        assert role_of(window) == QAccessible.Role.Window


def test_the_minutes_preview_offers_the_minutes_as_text(qtbot: Any, store: Store) -> None:
    from meetingkit.ui.minutes.minutes_preview import MinutesPreviewDialog

    mid = seed_demo(store)
    dialog = MinutesPreviewDialog(store, mid)  # type: ignore[arg-type]
    shown(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.editions.tabBar()
    qtbot.keyClick(dialog.editions.tabBar(), Qt.Key.Key_Right)  # to the Text tab
    assert dialog.editions.currentWidget() is dialog.text_view
    words = dialog.text_view.toPlainText()
    meeting = store.load_meeting(mid)  # type: ignore[arg-type]
    assert words.startswith("— Page 1 of ") and meeting.title in words
    assert "Attendance" in words and all(p.name in words for p in meeting.people if p.attendance == "present")
    iface = QAccessible.queryAccessibleInterface(dialog.text_view)
    text = iface.textInterface()
    assert text is not None and meeting.title in text.text(0, text.characterCount())
    assert name_of(dialog.text_view) == "Minutes text"
    assert role_of(dialog) == QAccessible.Role.Dialog


def test_every_window_is_a_window_and_starts_on_a_named_control(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    from meetingkit.ui.minutes.action_register import ActionRegisterWindow

    first = store.import_record(record.parse(silent_rep()))
    store.import_record(record.parse(with_interjections()))
    expected = {
        "ReviewWindow": "Review sections",
        "SeriesWindow": "Series meetings table",
        "ActionRegisterWindow": "Series filter",
        "PeopleDirectoryWindow": "Find a person",
        "MainWindow": "Meetings",
    }
    for window in (
        ReviewWindow(store, first),
        SeriesWindow(store, store.load_meeting(first).series),
        ActionRegisterWindow(store, clock),
        PeopleDirectoryWindow(store),
        MainWindow(store, clock),
    ):
        shown(qtbot, window)
        assert role_of(window) == QAccessible.Role.Window, type(window).__name__
        focus = QApplication.focusWidget()
        assert focus is not None and focus.window() is window
        assert focus.accessibleName() == expected[type(window).__name__]
        window.close()
