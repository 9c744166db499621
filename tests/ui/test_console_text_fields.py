"""No keyboard trap in the console's text fields: Tab leaves the secretary's notes (it types no tab), and
Escape in any text field of the console or its side panel hands the keyboard back to the console, as the
shortcut help (F1) says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.console.shortcuts import EXTRA_KEYS
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from tests.ui.console_meeting import open_board


@pytest.fixture
def console(qtbot: Any, store: Store, clock: FakeClock) -> Iterator[ConsoleWindow]:
    _mid, bridge = open_board(store, clock)
    bridge.stop()  # repaints come from the test
    window = ConsoleWindow(bridge, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    window.display.hide()


def panel_of(console: ConsoleWindow) -> SecretaryPanel:
    panel = console.side_panels["Notes && actions"]
    assert isinstance(panel, SecretaryPanel)
    return panel


def focus(widget: QWidget) -> QWidget:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    assert focused is not None and (focused is widget or widget.isAncestorOf(focused)), (
        widget.accessibleName()
    )
    return focused


def test_the_help_still_promises_escape_leaves_a_text_field() -> None:
    # Escape never hides the speaker display from the room (issue 12): D shows and hides it.
    assert ("Escape", "Leave a text field; on a question: keep things as they are") in EXTRA_KEYS


def test_tab_moves_on_from_the_notes_instead_of_typing_a_tab(console: ConsoleWindow) -> None:
    console.start_meeting()
    notes = panel_of(console).notes_edit
    focus(notes)
    QTest.keyClicks(notes, "Discharge figures")
    QTest.keyClick(notes, Qt.Key.Key_Tab)
    assert notes.toPlainText() == "Discharge figures"  # no tab character typed
    assert not notes.hasFocus()


def test_escape_in_the_notes_returns_to_the_console_and_keeps_the_note(console: ConsoleWindow) -> None:
    console.start_meeting()
    panel = panel_of(console)
    panel.set_note_delay(0)
    focus(panel.notes_edit)
    QTest.keyClicks(panel.notes_edit, "Carers asked for a number")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    # The console's resting place (issue 18: the speaker button, not the empty queue): shortcuts work again.
    assert console.speaker_button.hasFocus()
    assert [n.text for n in console.bridge.live.notes] == ["Carers asked for a number"]  # saved on leaving
    QTest.keyClick(console.queue_panel.view, Qt.Key.Key_P)  # and a shortcut works at once
    assert console.bridge.live.paused


def test_escape_leaves_every_text_field_of_the_console_and_its_panel(console: ConsoleWindow) -> None:
    console.start_meeting()
    c = console.bridge.command
    c("start_item", item="i3")  # the break is due after this item: its skip reason field shows
    panel = panel_of(console)
    panel.action_has_due.setChecked(True)  # the date field takes focus only when it is in use
    fields = [
        panel.notes_edit,
        panel.decision_edit,
        panel.action_text,
        panel.action_owner,  # editable: its line edit takes the keys
        panel.action_due,
        console.break_panel.reason,
        console.queue_panel.search,
    ]
    for field in fields:
        focused = focus(field)
        QTest.keyClick(focused, Qt.Key.Key_Escape)
        assert console.speaker_button.hasFocus(), field.accessibleName()


def test_escape_before_the_start_goes_to_start_meeting(console: ConsoleWindow) -> None:
    focus(panel_of(console).notes_edit)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert console.start_meeting_button.hasFocus()


def test_the_feedback_text_lets_tab_and_escape_out_in_the_break(console: ConsoleWindow) -> None:
    console.start_meeting()
    c = console.bridge.command
    c("start_break")
    panel = panel_of(console)
    focused = focus(panel.feedback_text)
    QTest.keyClicks(focused, "Too much jargon")
    QTest.keyClick(focused, Qt.Key.Key_Tab)
    assert panel.feedback_text.toPlainText() == "Too much jargon" and not panel.feedback_text.hasFocus()
    QTest.keyClick(focus(panel.feedback_text), Qt.Key.Key_Escape)
    assert console.speaker_button.hasFocus()
