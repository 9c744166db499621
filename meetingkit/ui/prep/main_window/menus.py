"""The main window's commands as the reader meets them: menu bar, tool bar, and buttons that follow an action
(its words, whether it can be used now, its tip)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton, QToolBar, QWidget

from meetingkit.ui.common.qt_properties import set_properties


def make_action(
    parent: QWidget, text: str, slot: Callable[[], Any], shortcut: str | None = None, tip: str = ""
) -> QAction:
    action = QAction(parent)  # QAction(text, parent) would load QIcon to rule out its (icon, text) form
    action.setText(text)
    if shortcut:
        # By name, as a .ui file sets it: setShortcut()'s overloads make PySide build the Qt namespace to choose
        # one, and QKeySequence brings its own 76 enum members; Qt converts the text itself.
        set_properties(action, shortcut=shortcut)
    action.setToolTip(tip or text.replace("&", "").rstrip("…"))
    action.setStatusTip(action.toolTip())
    action.triggered.connect(lambda _checked=False: slot())
    return action


def add_menus(window: QMainWindow, menus: Sequence[tuple[str, Sequence[QAction | None]]]) -> None:
    """One menu per (title, actions); None in the actions is a separator."""
    bar = window.menuBar()
    bar.setAccessibleName("Menu bar")
    for title, actions in menus:
        menu = bar.addMenu(title)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)


def tool_bar(name: str, object_name: str, actions: Sequence[QAction | None]) -> QToolBar:
    """A fixed tool bar of text buttons, each named as its action reads; None is a separator."""
    tools = QToolBar(name)
    tools.setObjectName(object_name)
    tools.setAccessibleName(name)
    tools.setMovable(False)
    set_properties(tools, toolButtonStyle="ToolButtonTextOnly")
    for action in actions:
        if action is None:
            tools.addSeparator()
            continue
        tools.addAction(action)
        tools.widgetForAction(action).setAccessibleName(plain(action.text()))
    # Qt's "»" button, shown when the window is too narrow (or the text too large) for every tool: a screen
    # reader read it as an unnamed check box.
    more = tools.findChild(QWidget, "qt_toolbar_ext_button")
    if more is not None:
        more.setAccessibleName("More tools")
        more.setToolTip("The tools that do not fit in the window")
    return tools


def action_button(action: QAction) -> QPushButton:
    """A push button that triggers `action` and follows its text, state and tip as they change."""
    button = QPushButton(action.text())
    button.setAccessibleName(plain(action.text()))
    button.setToolTip(action.toolTip())
    button.clicked.connect(action.trigger)

    def follow() -> None:
        button.setText(action.text())
        button.setAccessibleName(plain(action.text()))
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    action.changed.connect(follow)
    return button


def plain(text: str) -> str:
    """An action's text as a name: no mnemonic ampersand, no ellipsis."""
    return text.replace("&", "").rstrip("…").strip()
