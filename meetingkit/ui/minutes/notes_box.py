"""The secretary's notes for the item under way: saved as they are typed, one note per item (or break)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QGroupBox, QTextEdit, QVBoxLayout, QWidget

from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.minutes.recorder import Recorder

NOTE_SAVE_MS = 700  # saved well within a second of the typing stopping, without a write per keystroke
NOTES_PLACEHOLDER = "Type notes here (saved as you go)"


class NotesBox(QGroupBox):
    """The notes editor and its saved status. The first save of a place's text is a new note; later saves
    edit that same note (`replaces`), so the minutes keep one note per item."""

    saved = Signal()  # a note was stored by this box itself (not while the panel reacts to the meeting)

    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__("Notes", parent)
        self.recorder = recorder
        self.place: str | None = None  # the item (or BREAK) the editor's text belongs to
        self._note_ids: dict[str | None, int] = {}  # place -> index of the note the editor keeps up to date
        self._saved_text = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTE_SAVE_MS)
        self.timer.timeout.connect(self.save)
        layout = QVBoxLayout(self)
        self.edit = QTextEdit()
        self.edit.setAccessibleName("Notes for this item")
        self.edit.setAcceptRichText(False)
        self.edit.setTabChangesFocus(True)  # Tab leaves the notes (no keyboard trap); Escape too
        self.edit.setPlaceholderText(NOTES_PLACEHOLDER)
        self.edit.setMinimumHeight(120)
        self.edit.textChanged.connect(self._typed)
        self.edit.installEventFilter(self)
        self.status = ValueLabel()
        self.status.setAccessibleName("Notes saved status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.status)

    def set_delay(self, ms: int) -> None:
        """How long after the last keystroke a note is saved (tests set 0)."""
        self.timer.setInterval(ms)

    def _typed(self) -> None:
        self.timer.start()  # restarts on every keystroke: one save once typing pauses
        self.show_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.save()
        return super().eventFilter(watched, event)

    def switch(self, place: str | None) -> None:
        """Show the note kept for `place`: the one this panel wrote, else the latest there (after a restart)."""
        live = self.recorder.live
        self.place = place
        idx = self._note_ids.get(place)
        if idx is None:
            for note in reversed(live.notes):
                if note.item == place:
                    idx = self._note_ids[place] = note.idx
                    break
        text = live.notes[idx].text if idx is not None else ""
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)  # carry on where the notes stop
        self.edit.blockSignals(False)
        self._saved_text = text
        # The item's title is in the heading above; a placeholder as long as a title would be cut off.
        self.edit.setPlaceholderText(NOTES_PLACEHOLDER)

    def show_ended(self, ended: bool) -> None:
        self.edit.setReadOnly(ended)  # read-only, not disabled: the text can still be copied
        self.edit.setPlaceholderText("No notes were typed here." if ended else NOTES_PLACEHOLDER)

    def is_saved(self) -> bool:
        return self.edit.toPlainText().strip() == self._saved_text and not self.timer.isActive()

    def save_before_command(self, type_: str) -> None:
        if self.timer.isActive():
            self.save()

    def save(self) -> None:
        """Store the editor's text: a new note the first time, then edits of that same note (`replaces`)."""
        self.timer.stop()
        text = self.edit.toPlainText().strip()
        if text == self._saved_text:
            return
        rec = self.recorder
        place = self.place
        idx = self._note_ids.get(place)
        was_busy, rec.busy = rec.busy, True
        try:
            if idx is not None:
                event = rec.command("note", text=text, replaces=idx)
            elif place is None:
                # The engine files an item-less note under the current item if there is one by now.
                event = rec.command("note", text=text)
            else:
                event = rec.command("note", text=text, item=place)
            if event is not None:
                if idx is None:
                    self._note_ids[place] = len(rec.live.notes) - 1
                self._saved_text = text
        finally:
            rec.busy = was_busy
        self.show_status()
        if not rec.busy:
            self.saved.emit()

    def show_status(self) -> None:
        session = self.recorder.bridge.session
        if self.recorder.live.status == "ended" and not self.is_saved():
            self.status.setText("⚠ Not saved: the meeting has ended. Copy the text into the minutes.")
        elif not self.is_saved():
            self.status.setText("✎ Typing: saved when you pause")
        elif session.write_error:
            self.status.setText(f"⚠ Kept in memory, not yet on disk: {session.write_error}")
        elif self._saved_text:
            self.status.setText("✓ Saved")
        else:
            self.status.setText("")
