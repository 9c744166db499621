"""What a screen reader should say without the focus moving: polite announcements through Qt's accessibility
(QAccessibleAnnouncementEvent, Qt 6.8+), for a state change, a status line or a refusal — never a tick.

Every window calls `announce(widget, words)`; `follow_status_bar` speaks each line a status bar shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QObject
from PySide6.QtWidgets import QLabel, QStatusBar

if (
    TYPE_CHECKING
):  # loaded with the first announcement: the main window opens without Qt's accessibility classes
    from PySide6.QtGui import QAccessibleAnnouncementEvent

REPEAT_S = 0.5  # the same words from two paths of one key press are said once; a second press is heard again


class _Recent:
    """The last words said and when (a monotonic time from Qt's own timer), to drop an immediate repeat."""

    words = ""
    at_ms = -1_000_000


def _now_ms() -> int:
    return int(QDeadlineTimer.current().deadline())


def announcement(source: QObject, words: str, assertive: bool = False) -> QAccessibleAnnouncementEvent:
    """The event a screen reader receives: `words`, polite unless `assertive` (interrupts speech)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(source, words)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    return event


def send(event: QAccessibleAnnouncementEvent) -> None:
    """Hands the event to the platform's accessibility bridge (AT-SPI on Linux); a no-op when none listens."""
    from PySide6.QtGui import QAccessible

    QAccessible.updateAccessibility(event)


def announce(source: QObject, words: str, assertive: bool = False) -> bool:
    """Says `words` from `source` (a widget of the window it concerns). Blank words, and the same words again
    within REPEAT_S, are not said; True when an announcement was sent."""
    words = " ".join(words.split())
    if not words:
        return False
    now = _now_ms()
    if words == _Recent.words and now - _Recent.at_ms < REPEAT_S * 1000:
        return False
    _Recent.words, _Recent.at_ms = words, now
    send(announcement(source, words, assertive))
    return True


def follow_status_bar(bar: QStatusBar) -> None:
    """Every message the status bar shows is also said (politely), and nothing when it clears. Qt paints a
    status bar's message without exposing it, so the bar's description carries the line while it shows."""

    def said(text: str) -> None:
        bar.setAccessibleDescription(text)
        announce(bar, text)

    bar.messageChanged.connect(said)


def tell(label: QLabel, words: str) -> None:
    """Shows `words` in a label that reports what just happened (a file saved, a person deleted) and says them."""
    label.setText(words)
    announce(label, words)
