"""Closing the console never drops a change silently (DESIGN §4): with changes still waiting to be saved the
chair chooses "Try saving again", "Export the meeting record…" or "Close anyway" (told how many would be lost).
And a console that may not write (another window or program holds the meeting) says so and offers no command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QAbstractButton, QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit, QWidget

from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.notice_bars import NoticeBar
from meetingkit.ui.console.title_row import TitleRow


class ConsoleWindow(Protocol):
    """What closing and read-only need of the chair's console (named here: the console imports this file)."""

    bridge: LiveBridge
    read_only_bar: NoticeBar
    title_row: TitleRow

    def export_record(self) -> Path | None: ...

    def findChildren(self, kind: type) -> list: ...  # noqa: N802 (Qt's name)


RETRY, EXPORT, CLOSE, STAY = "retry", "export", "close", "stay"


def changes_words(count: int) -> str:
    return f"{count} change{'s' if count != 1 else ''}"


def ask_unsaved(parent: QWidget, count: int, reason: str) -> str:
    """RETRY, EXPORT, CLOSE or STAY (Escape). Patched in tests."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Changes not saved")
    box.setText(f"{changes_words(count)} of this meeting {'is' if count == 1 else 'are'} not saved yet.")
    box.setInformativeText(
        f"{reason}\n\nTry saving again, or export the meeting record to a file. Closing anyway loses "
        f"{changes_words(count)}."
    )
    buttons = {
        box.addButton("Try saving again", QMessageBox.ButtonRole.AcceptRole): RETRY,
        box.addButton("Export the meeting record…", QMessageBox.ButtonRole.ActionRole): EXPORT,
        box.addButton(
            f"Close anyway (lose {changes_words(count)})", QMessageBox.ButtonRole.DestructiveRole
        ): CLOSE,
        box.addButton("Keep the console open", QMessageBox.ButtonRole.RejectRole): STAY,
    }
    box.setEscapeButton(next(b for b, v in buttons.items() if v == STAY))
    box.exec()
    return buttons.get(box.clickedButton(), STAY)


def may_close(console: ConsoleWindow, ask: Callable[[QWidget, int, str], str] | None = None) -> bool:
    """True when nothing would be lost, or the chair chose to close anyway; False to keep the console open."""
    session = console.bridge.session
    while True:
        if session.read_only and session.pending:
            reason = session.read_only
        elif console.bridge.save_again():
            return True
        else:
            reason = session.write_error or "The database could not be written."
        choice = (ask or ask_unsaved)(console, len(session.pending), reason)
        if choice == CLOSE:
            return True
        if choice == STAY:
            return False
        if choice == EXPORT and console.export_record() is not None:
            return True  # every event, saved or not, is in the file the chair chose
        # RETRY (or an export that was cancelled or failed): ask again after the next attempt


def make_read_only(console: ConsoleWindow, reason: str) -> None:
    """No command can be given from this console any more; the bar says why (who holds the meeting)."""
    console.read_only_bar.show_text(reason)
    _disable_commands(console)
    # The console's own refresh enables buttons by the meeting's state: after each repaint, off again.
    console.bridge.tick.connect(lambda: _disable_commands(console))
    console.bridge.changed.connect(lambda *_: _disable_commands(console))


def _disable_commands(console: ConsoleWindow) -> None:
    keep = console.title_row  # showing the speaker display and the shortcut help change nothing
    for widget in console.findChildren(QAbstractButton):
        if widget.isEnabled() and (not keep.isAncestorOf(widget) or widget is keep.end_button):
            widget.setEnabled(False)
    for field in (*console.findChildren(QLineEdit), *console.findChildren(QTextEdit)):
        field.setReadOnly(True)
    for text in console.findChildren(QPlainTextEdit):
        text.setReadOnly(True)
