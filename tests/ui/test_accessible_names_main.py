"""Every interactive widget of the main window and the preparation editor has an accessible name
(screen readers announce it, and the other tests find controls by it)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from meetingkit.app import seed_demo
from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.prep import agenda_model, attendees_model
from meetingkit.ui.prep.main_window import MainWindow
from meetingkit.ui.prep.main_window.next_meeting_dialog import NextMeetingDialog
from meetingkit.ui.prep.main_window.window import STARTED_REASON
from meetingkit.ui.prep.meeting_editor import MeetingEditor

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QMenuBar,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
)
# Parts Qt builds inside a control and announces as that control: the text field of a spin box or an
# editable combo box, a line edit's clear button, a tab bar's scroll arrows (named by Qt), a view's headers.
COMPOUND = (QAbstractSpinBox, QComboBox, QLineEdit, QTabBar)


def unnamed(root: QWidget) -> list[str]:
    """Visible interactive widgets under `root` (itself included) with no accessible name."""
    missing = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or not isinstance(w, INTERACTIVE) or isinstance(w, QHeaderView):
            continue
        if isinstance(w.parentWidget(), COMPOUND):
            continue
        if not w.accessibleName().strip():
            text = w.text() if hasattr(w, "text") and callable(w.text) else ""
            missing.append(f"{type(w).__name__} {w.objectName()!r} {text!r}")
    return missing


@pytest.fixture
def demo_window(qtbot: Any, store: Store, clock: FakeClock) -> MainWindow:
    seed_demo(store)
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_main_window_controls_are_named(demo_window: MainWindow) -> None:
    assert unnamed(demo_window) == []
    demo_window.tree.setCurrentIndex(demo_window.model.index(0, 0))  # a series row: other buttons enabled
    assert unnamed(demo_window) == []


def test_main_window_names_follow_the_selected_meeting(demo_window: MainWindow, store: Store) -> None:
    assert demo_window.edit_button.accessibleName() == "View meeting"  # the demo has ended
    draft = store.create_meeting(store.load_meeting(store.list_meetings()[0].id))
    demo_window.refresh(select=draft)
    assert demo_window.edit_button.accessibleName() == "Edit meeting"
    assert demo_window.run_button.accessibleName() == "Run meeting"


def test_empty_main_window_controls_are_named(qtbot: Any, store: Store, clock: FakeClock) -> None:
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert unnamed(window) == []


@pytest.mark.parametrize("started", [False, True], ids=["draft", "started"])
def test_preparation_editor_controls_are_named(
    qtbot: Any, store: Store, clock: FakeClock, started: bool
) -> None:
    mid = seed_demo(store)
    assert mid is not None
    meeting = store.load_meeting(mid)
    editor = MeetingEditor(
        store, meeting, None if not started else mid, STARTED_REASON["ended"] if started else None
    )
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_dirty", False))
    editor.show()
    qtbot.waitExposed(editor)
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        assert unnamed(editor) == [], editor.tabs.tabText(tab)


def test_cell_editors_are_named(qtbot: Any, store: Store) -> None:
    mid = seed_demo(store)
    assert mid is not None
    editor = MeetingEditor(store, store.load_meeting(mid), None)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_dirty", False))
    editor.show()
    qtbot.waitExposed(editor)
    checks = [
        (
            editor.agenda_page,
            editor.agenda_page.view,
            agenda_model.COLUMNS,
            ("title", "presenter", "kind", "minutes", "speaker_limit_s"),
        ),
        (
            editor.people_page,
            editor.people_page.view,
            attendees_model.COLUMNS,
            ("name", "sector", "role", "attendance"),
        ),
    ]
    for page, view, columns, fields in checks:
        editor.tabs.setCurrentWidget(page)
        for field in fields:
            index = view.model().index(0, columns.index(field))
            view.setCurrentIndex(index)
            view.edit(index)
            assert unnamed(editor) == [], field
            view.setCurrentIndex(view.model().index(1, 0))  # moving on closes the cell editor


def test_next_meeting_dialog_controls_are_named(qtbot: Any, store: Store) -> None:
    mid = seed_demo(store)
    assert mid is not None
    dialog = NextMeetingDialog(store.load_meeting(mid))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []


def test_the_walk_finds_an_unnamed_control(qtbot: Any) -> None:
    from PySide6.QtWidgets import QPushButton, QSpinBox, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    named = QPushButton("Named")
    named.setAccessibleName("Named")
    spin = QSpinBox()  # its inner text field counts as part of it, the spin box itself does not
    hidden = QPushButton("Hidden")
    layout.addWidget(named)
    layout.addWidget(QPushButton("Forgot"))
    layout.addWidget(spin)
    layout.addWidget(hidden)
    hidden.hide()
    root.show()
    qtbot.waitExposed(root)
    assert unnamed(root) == ["QPushButton '' 'Forgot'", "QSpinBox '' '0'"]
