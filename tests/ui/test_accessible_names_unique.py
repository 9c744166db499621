"""Accessible names a screen reader (or a lookup by name) can trust: the speaker display, a child of the
console, does not repeat the console's names; the fields inside compound editors and the review's tab bar
are named too."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtWidgets import QLineEdit, QTabBar, QWidget

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.console.console_window import ConsoleWindow
from meetingkit.ui.minutes.secretary_panel import SecretaryPanel
from tests.ui.console_meeting import open_board


def test_the_console_and_its_display_name_each_widget_once(
    qtbot: Any, store: Store, clock: FakeClock
) -> None:
    _mid, bridge = open_board(store, clock)
    bridge.stop()
    console = ConsoleWindow(bridge, store)
    qtbot.addWidget(console)
    console.start_meeting()
    counts = Counter(w.accessibleName() for w in console.findChildren(QWidget) if w.accessibleName())
    for name in ("Speaker time", "Current item", "Speaker", "Turn details", "Meeting forecast"):
        assert counts[name] == 1, name
    display = console.display
    assert (display.time.accessibleName(), display.item.accessibleName()) == (
        "Speaker display time",
        "Speaker display item",
    )
    found = [w for w in console.findChildren(QWidget) if w.accessibleName() == "Speaker time"]
    assert found == [console.speaker_panel.time]  # the one the chair sees, not the hidden display's
    panel = console.side_panels["Notes && actions"]
    assert isinstance(panel, SecretaryPanel)
    assert panel.action_owner.lineEdit().accessibleName() == "Action owner"
    due_fields = panel.action_due.findChildren(QLineEdit)
    assert due_fields and all(f.accessibleName() == "Action due date" for f in due_fields)
    console.display.hide()


def test_every_tab_bar_of_the_console_is_named(qtbot: Any, store: Store, clock: FakeClock) -> None:
    _mid, bridge = open_board(store, clock)
    bridge.stop()
    console = ConsoleWindow(bridge, store)
    qtbot.addWidget(console)
    assert all(bar.accessibleName() for bar in console.findChildren(QTabBar))
    console.display.hide()
