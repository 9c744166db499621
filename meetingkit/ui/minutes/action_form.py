"""The secretary's action form: what is to be done, by whom, by when, and where it came from (the meeting,
or a piece of patient and public feedback it is linked to)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from meetingkit.models.meeting import Attendee
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.plain_text import plain_tip
from meetingkit.ui.minutes.form_layout import narrow_combo
from meetingkit.ui.minutes.owner_fields import due_fields, owner_combo, owner_value
from meetingkit.ui.minutes.recorder import Recorder

DEFAULT_DUE_DAYS = 14


class ActionForm(QGroupBox):
    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__("Action", parent)
        self.recorder = recorder
        self._linked_feedback: int | None = None
        form = QFormLayout(self)
        self.text = QLineEdit()
        self.text.setAccessibleName("Action text")
        self.text.setPlaceholderText("What is to be done")
        self.owner = owner_combo("Action owner")
        self.has_due, self.due, due_row = due_fields("Action has a due date", "Action due date")
        self.source = QComboBox()
        self.source.setAccessibleName("Action source")
        narrow_combo(self.source)
        self.source.addItem("Agreed in the meeting", "meeting")
        self.source.addItem("From patient / public feedback", "patient_feedback")
        self.linked_label = ValueLabel()
        self.linked_label.setAccessibleName("Linked feedback")
        self.linked_label.setTextFormat(Qt.TextFormat.PlainText)
        self.linked_label.setWordWrap(True)
        self.unlink_button = QPushButton("Unlink")
        self.unlink_button.setAccessibleName("Unlink feedback from action")
        self.unlink_button.clicked.connect(lambda: self.link_feedback(None))
        link_row = QHBoxLayout()
        link_row.addWidget(self.linked_label, 1)
        link_row.addWidget(self.unlink_button)
        self.link_row = QWidget()
        self.link_row.setLayout(link_row)
        link_row.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton("Add action")
        self.button.setAccessibleName("Add action")
        self.button.clicked.connect(self.add)
        self.text.returnPressed.connect(self.add)
        form.addRow("What:", self.text)
        form.addRow("Owner:", self.owner)
        form.addRow("Due:", due_row)
        form.addRow("Source:", self.source)
        form.addRow(self.link_row)
        form.addRow(self.button)
        self.link_row.setVisible(False)

    def inputs(self) -> list[QWidget]:
        return [self.text, self.owner, self.has_due, self.source, self.unlink_button, self.button]

    def fill_people(self, people: list[Attendee]) -> None:
        """The owner list: nobody, then everyone on the meeting's list (what was typed stays)."""
        if self.owner.count() != len(people) + 1:
            typed = self.owner.currentText()
            self.owner.clear()
            self.owner.addItem("", "")
            for p in people:
                self.owner.addItem(p.name, p.key)
            self.owner.setEditText(typed)

    def _owner_value(self) -> str:
        return owner_value(self.owner, self.recorder.live.meeting.people)

    def add(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.recorder.say("Type what is to be done first.")
            return
        payload: dict[str, Any] = {"text": text, **self.recorder.item_payload()}
        owner = self._owner_value()
        if owner:
            payload["owner"] = owner
        if self.has_due.isChecked():
            payload["due"] = self.due.date().toPython().isoformat()
        if self._linked_feedback is not None:
            payload["feedback"] = self._linked_feedback
            payload["source"] = "patient_feedback"
        else:
            payload["source"] = self.source.currentData()
        event = self.recorder.command("action", **payload)
        if event is None:
            return
        self.recorder.say(f"Action {event.payload['key']} added.")
        self.text.clear()
        self.owner.setEditText("")
        self.has_due.setChecked(False)
        self.reset_due()
        self.link_feedback(None)

    def reset_due(self) -> None:
        self.due.setDate(QDate(self.recorder.today() + timedelta(days=DEFAULT_DUE_DAYS)))

    def fill_from_feedback(self, feedback_idx: int) -> None:
        """Fill the form from a piece of feedback; 'Add action' then records it, linked to the feedback."""
        self.link_feedback(feedback_idx)
        fb = self.recorder.live.feedback[feedback_idx]
        self.text.setText(fb.text)
        self.text.setFocus()
        self.text.selectAll()
        self.recorder.say("Edit the action, choose its owner and due date, then press Add action.")

    def link_feedback(self, idx: int | None) -> None:
        self._linked_feedback = idx
        self.link_row.setVisible(idx is not None)
        self.source.setEnabled(idx is None)
        if idx is None:
            self.source.setCurrentIndex(0)
            return
        fb = self.recorder.live.feedback[idx]
        self.source.setCurrentIndex(self.source.findData("patient_feedback"))
        # The feedback's words are in the action text already; one line keeps the form from jumping.
        self.linked_label.setText(f"Linked to feedback {idx + 1}, from {self.recorder.name(fb.who)}")
        self.linked_label.setToolTip(plain_tip(fb.text) or "")
