"""How the app's own widgets read to a screen reader where Qt's defaults fall short.

- A window built on a plain QWidget (review, series, people directory, action register, speaker display) reads
  as a window, not as an anonymous filler.
- A ValueLabel (the timers, the console's lines) keeps its fixed accessible name (DESIGN §8: "Speaker time")
  and exposes its current words as its accessible Value, and in its description (which AT-SPI carries, where
  a label has no Value): a QLabel with a fixed name otherwise exposes no text at all. The words are read when
  asked for, so a running timer sends no event each second.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget


class _OwnAccessible(QAccessibleWidget):
    """Qt's widget interface with a role that follows the widget and, when it has one, its current value."""

    def __init__(self, widget: QWidget, base_role: QAccessible.Role) -> None:
        super().__init__(widget, base_role)
        self._base_role = base_role

    def role(self) -> QAccessible.Role:
        widget = self.widget()
        if self._base_role == QAccessible.Role.Client and widget is not None and widget.isWindow():
            return QAccessible.Role.Window
        return self._base_role

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if not isinstance(widget, ValueLabel):
            return super().text(kind)
        value = widget.accessible_value()
        if kind == QAccessible.Text.Value:
            return value
        if kind == QAccessible.Text.Name and not widget.accessibleName():
            return value
        if kind == QAccessible.Text.Description:
            told = widget.accessibleDescription()
            return ", ".join(t for t in (value, told) if t)
        return super().text(kind)


class ValueLabel(QLabel):
    """A label with a fixed accessible name whose current text a screen reader still reads (as its value)."""

    def accessible_value(self) -> str:
        # Loaded when a screen reader first asks, not to open the app (see qt_properties).
        from PySide6.QtCore import Qt
        from PySide6.QtGui import Qt as GuiQt
        from PySide6.QtGui import QTextDocument

        if self.textFormat() == Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(self.text()):
            return self.text()
        doc = QTextDocument()
        doc.setHtml(self.text())
        return doc.toPlainText()


def _first_qt_class(obj: QObject) -> type | None:
    for cls in type(obj).__mro__:
        if cls.__module__.startswith("PySide6."):
            return cls
    return None


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    qt_class = _first_qt_class(obj)
    if isinstance(obj, ValueLabel):
        return _OwnAccessible(obj, QAccessible.Role.StaticText)
    if qt_class is QWidget and obj.isWindow():
        return _OwnAccessible(obj, QAccessible.Role.Client)
    return None


_installed = False


def install() -> None:
    """Installs the factory once per process (before or after the QApplication exists)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


install()  # whoever imports ValueLabel, or a window that must read as a window, has the factory
