"""Two ways the secretary's side panel keeps its forms inside a narrow column."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton

COMBO_MIN_CHARS = 12  # combos elide long names rather than widening the panel past the window


def narrow_combo(combo: QComboBox) -> None:
    """Let a combo be narrower than its longest entry (it elides), so the panel never scrolls sideways."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_MIN_CHARS)


def right_aligned(button: QPushButton) -> QHBoxLayout:
    """A button on its own row at the right: it never shares (and so never loses) the width of a field."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(button)
    return row
