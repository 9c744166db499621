"""Correcting one entry after the meeting: its words, and for an action its owner and due date. Saving sends
one `correct {target, text?, owner?, due?}` with what changed (DESIGN §5); the meeting's log keeps the original."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from meetingkit.models.meeting import Action
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.minutes.owner_fields import due_fields, owner_combo, owner_value
from meetingkit.ui.minutes.recorded_entries import KIND_WORDS, Entry
from meetingkit.ui.minutes.recorder import Recorder


class CorrectionDialog(QDialog):
    """Shown window-modal (`open()`), so that the window behind keeps painting and tests can fill it in."""

    def __init__(self, recorder: Recorder, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.message = ValueLabel()
        self.recorder = Recorder(recorder.bridge, self.message)  # its refusals shown here, beside the field
        self.setWindowTitle(f"Correct {entry.label}")
        self.setAccessibleName(f"Correct {entry.label}")
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        about = ValueLabel(f"{KIND_WORDS[entry.kind]} · {entry.meta}")
        about.setAccessibleName("Entry being corrected")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        form.addRow(about)
        self.text = QPlainTextEdit(entry.text)
        self.text.setAccessibleName("Corrected words")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(120)
        form.addRow("&Words:", self.text)
        self.action: Action | None = recorder.live.actions.get(entry.ref) if entry.kind == "action" else None
        if self.action is not None:
            self._action_fields(form, self.action)
        self.message.setAccessibleName("Correction message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Save correction")
        self.save_button.setAccessibleName("Save correction")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)  # Enter in a field never saves half a correction
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel correction")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.text.setFocus()

    def _action_fields(self, form: QFormLayout, action: Action) -> None:
        self.owner = owner_combo("Corrected owner")
        self.owner.addItem("", "")
        for p in self.recorder.live.meeting.people:
            self.owner.addItem(p.name, p.key)
        self.owner.setEditText(self.recorder.name(action.owner) if action.owner else "")
        self.has_due, self.due, due_row = due_fields("Corrected action has a due date", "Corrected due date")
        self.due.setDate(QDate(action.due or self.recorder.today() + timedelta(days=14)))
        self.has_due.setChecked(action.due is not None)
        form.addRow("&Owner:", self.owner)
        form.addRow("Due:", due_row)

    def _owner_value(self) -> str:
        return owner_value(self.owner, self.recorder.live.meeting.people)

    def changes(self) -> dict[str, Any]:
        """What differs from the entry as it stands: the payload of `correct` without its target."""
        out: dict[str, Any] = {}
        text = self.text.toPlainText().strip()
        if text != self.entry.text.strip():
            out["text"] = text
        if self.action is not None:
            owner = self._owner_value()
            if owner != self.action.owner:
                out["owner"] = owner
            due = self.due.date().toPython() if self.has_due.isChecked() else None
            if due != self.action.due:
                out["due"] = due.isoformat() if due else ""
        return out

    def save(self) -> None:
        if self.result() == QDialog.DialogCode.Accepted:
            return  # saved already: a second press of Save (or of Enter) sends nothing more
        changes = self.changes()
        if "text" in changes and not changes["text"]:
            self.recorder.say("The words cannot be empty: type the corrected words, or withdraw it instead.")
            return
        if not changes:
            self.recorder.say("Nothing has been changed yet.")
            return
        if self.recorder.command("correct", target=self.entry.target, **changes) is not None:
            self.accept()
