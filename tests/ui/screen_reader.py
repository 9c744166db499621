"""What a screen reader gets from a widget, read through Qt's own accessibility interfaces (QAccessible), and
the announcements a window sends (captured where `meetingkit.ui.common.announce` hands them to Qt)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from meetingkit.ui.common import announce


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def value_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Value)


def description_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


def role_of(widget: QWidget) -> QAccessible.Role:
    return QAccessible.queryAccessibleInterface(widget).role()


def exposed(widget: QWidget) -> str:
    """Everything a screen reader can read of a widget: its name, value and description."""
    return " | ".join(t for t in (name_of(widget), value_of(widget), description_of(widget)) if t)


@dataclass
class Heard:
    """The announcements sent, in order: words and whether polite."""

    said: list[tuple[str, bool]]

    def words(self) -> list[str]:
        return [w for w, _polite in self.said]

    def clear(self) -> None:
        self.said.clear()


def listen(monkeypatch: pytest.MonkeyPatch) -> Heard:
    """Captures every announcement (the real QAccessibleAnnouncementEvent) instead of sending it to Qt."""
    heard = Heard([])
    monkeypatch.setattr(announce._Recent, "words", "")  # noqa: SLF001 (no repeat carried from another test)

    def send(event: QAccessibleAnnouncementEvent) -> None:
        assert event.type() == QAccessible.Event.Announcement
        polite = event.politeness() == QAccessible.AnnouncementPoliteness.Polite
        heard.said.append((event.message(), polite))

    monkeypatch.setattr(announce, "send", send)
    return heard
