"""The main window's tool bar on a narrow window or with large text: the button that shows the tools that do not
fit is named for a screen reader (it was an unnamed 'check box')."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from meetingkit.ui.prep.main_window import MainWindow


def test_the_tool_bars_more_button_has_a_name(qtbot: Any, store: Store, clock: FakeClock) -> None:
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(420, 600)  # too narrow for every tool: the rest are behind the "»" button
    more = window.toolbar.findChild(QWidget, "qt_toolbar_ext_button")
    assert more is not None
    qtbot.waitUntil(more.isVisible)
    assert more.accessibleName() == "More tools"
    assert more.toolTip()
