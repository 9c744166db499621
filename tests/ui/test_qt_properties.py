"""Qt properties set by their names (ui/common/qt_properties.py), as the main window sets what it needs to open."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolBar

from meetingkit.ui.common.qt_properties import set_properties


def test_enum_and_flag_values_by_their_key_names(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    set_properties(
        label,
        textFormat="RichText",
        alignment="AlignTop|AlignLeft",
        textInteractionFlags="TextSelectableByMouse",
        focusPolicy="NoFocus",
    )
    assert label.textFormat() == Qt.TextFormat.RichText
    assert label.alignment() == Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.focusPolicy() == Qt.FocusPolicy.NoFocus
    bar = QToolBar()
    qtbot.addWidget(bar)
    set_properties(bar, toolButtonStyle="ToolButtonTextOnly")
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly


@pytest.mark.parametrize(("name", "value"), [("alignment", "AlignSideways"), ("textFromat", "RichText")])
def test_a_wrong_key_or_property_name_is_an_error_not_ignored(qtbot: Any, name: str, value: str) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=name):
        set_properties(label, **{name: value})


def test_a_shortcut_by_its_text(qtbot: Any) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    bar = QToolBar()
    qtbot.addWidget(bar)
    action = QAction(bar)
    set_properties(action, shortcut="Ctrl+Shift+M")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+M")
