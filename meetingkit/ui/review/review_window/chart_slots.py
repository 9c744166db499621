"""Pieces the review's tabs share: a scroll area that is announced, room for accents, and charts that are
replaced whole when the figures change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

# Room above a first line of text: accents over capitals (the circumflex of "Ŵ") rise above the font's ascent
# and were cut off at a label's top edge.
ACCENT_ROOM_PX = 4


def scrolled(widget: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setAccessibleName(name)
    # Not a Tab stop: it has nothing to say of its own (what it shows is in the tab's words and tables).
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def swap_chart(layout: QVBoxLayout | QHBoxLayout, old: QWidget, new: QWidget) -> QWidget:
    """Put `new` where `old` was in `layout`, and let `old` go; returns `new`."""
    layout.replaceWidget(old, new)
    old.setParent(None)
    old.deleteLater()
    return new
