"""Window sizes from the screen a window opens on: a 1366×768 laptop (the commonest NHS screen) has room for a
window only once the window manager's title bar and borders and any panel are taken off."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What a window manager adds around a window before it is shown (title bar and borders); after it is shown,
# the real frame is measured instead.
FRAME_ALLOWANCE = QSize(16, 40)


def room_on_screen(widget: QWidget, available: QRect | None = None) -> QSize:
    """The largest client size of `widget` that fits its screen's available area with its frame."""
    if available is None:
        screen = widget.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return QSize(1366, 768) - FRAME_ALLOWANCE
        available = screen.availableGeometry()
    frame = FRAME_ALLOWANCE
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        frame = QSize(
            max(frame.width(), outer.width() - inner.width()),
            max(frame.height(), outer.height() - inner.height()),
        )
    return QSize(available.width() - frame.width(), available.height() - frame.height())


def fit_to_screen(widget: QWidget, width: int, height: int, available: QRect | None = None) -> QSize:
    """Resize `widget` to the size it would like (`width`×`height`), shrunk to what its screen has room for."""
    room = room_on_screen(widget, available)
    size = QSize(min(width, room.width()), min(height, room.height()))
    widget.resize(size)
    return size
