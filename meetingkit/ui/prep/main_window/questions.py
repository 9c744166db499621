"""What the main window asks and tells in message boxes: deleting a meeting, resuming one after a crash,
keeping a turn that was open, and warnings. Names and titles are shown exactly as typed, never as markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from meetingkit.store.repository import MeetingRow
from meetingkit.store.writer_locks import LockHolder
from meetingkit.ui.common.meeting_zone import in_meeting_zone
from meetingkit.ui.common.plain_text import escape
from meetingkit.ui.prep.meeting_list_model import when_text

if TYPE_CHECKING:
    from meetingkit.store.live_session import LiveSession


def as_shown(text: str) -> str:
    """Text for a message box exactly as typed: Qt guesses rich text from tags, so say it is, and escape it."""
    return f"<p>{escape(text, quote=False)}</p>"


def warn(parent: QWidget, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # loaded when a question is asked, not to open the app

    QMessageBox.warning(parent, title, as_shown(message))


def meeting_words(row: MeetingRow) -> str:
    """'“Board” (Tue 6 Oct 2026, 14:00)': a meeting named in a question or a status line."""
    return f"“{row.title}” ({when_text(in_meeting_zone(row.scheduled_start, row.scheduled_start))})"


def confirm_delete(parent: QWidget, row: MeetingRow) -> bool:
    """Asks before a meeting is deleted, saying what goes with it; True to delete."""
    extra = (
        " Its record goes with it: its events (every turn), notes, decisions, actions, feedback and "
        "participation figures."
        if row.status != "draft"
        else " Its details, people and agenda go with it."
    )
    # Earlier backups still hold the meeting; the store removes them when it next makes one.
    backups = (
        " Backup copies that hold it are removed at the next backup rotation (when a meeting next ends)."
    )
    from PySide6.QtWidgets import QMessageBox  # loaded when a question is asked, not to open the app

    answer = QMessageBox.question(
        parent,
        "Delete meeting?",
        as_shown(f"Delete {meeting_words(row)}?{extra}{backups} This cannot be undone."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_resume(parent: QWidget, title: str) -> bool:
    """On start, a meeting still running: True to resume it now."""
    from PySide6.QtWidgets import QMessageBox  # loaded when a question is asked, not to open the app

    answer = QMessageBox.question(
        parent,
        "Resume the meeting?",
        as_shown(
            f"“{title}” was still running when MeetingKit last closed. Resume it now, exactly where it "
            "was? The time since then counts as meeting time: the room went on."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def keep_turn_question(parent: QWidget, session: LiveSession) -> bool:
    """An open turn after a crash: True to keep timing it, False to close it at the last event."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    live = session.live
    turn = live.turn
    assert turn is not None
    name = live.meeting.person(turn.speech.who).name
    last = in_meeting_zone(live.events[-1].at, live.meeting.scheduled_start).strftime("%H:%M:%S")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("A turn was open")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"{name} was speaking when MeetingKit closed. Keep timing their turn (the time since counts as "
        f"theirs), or close it at the last recorded moment, {last}?"
    )
    keep = box.addButton(f"Keep timing {name}", QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(f"Close the turn at {last}", QMessageBox.ButtonRole.RejectRole)
    keep.setAccessibleName(f"Keep timing {name}")
    close.setAccessibleName(f"Close the turn at {last}")
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is not close


def ask_take_over(parent: QWidget, title: str, holder: LockHolder) -> bool:
    """The meeting's writer seems gone (no heartbeat, or its process ended): True to take the meeting over."""
    from PySide6.QtWidgets import QMessageBox  # loaded when a question is asked, not to open the app

    answer = QMessageBox.question(
        parent,
        "Take over the meeting?",
        as_shown(
            f"“{title}” was {holder.words()}, but that program has stopped answering (its process ended or "
            "it has not been heard from). Take the meeting over here? If it is in fact still running "
            "elsewhere, that console becomes read-only."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
