"""The secretary's decision field: what the meeting decided, recorded under the item under way."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from meetingkit.ui.minutes.form_layout import right_aligned
from meetingkit.ui.minutes.recorder import Recorder


class DecisionBox(QGroupBox):
    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__("Decision", parent)
        self.recorder = recorder
        column = QVBoxLayout(self)
        self.edit = QLineEdit()
        self.edit.setAccessibleName("Decision text")
        self.edit.setPlaceholderText("What the meeting decided")
        self.button = QPushButton("Record decision")
        self.button.setAccessibleName("Record decision")
        self.button.clicked.connect(self.record)
        self.edit.returnPressed.connect(self.record)
        column.addWidget(self.edit)
        column.addLayout(right_aligned(self.button))

    def inputs(self) -> list[QWidget]:
        return [self.edit, self.button]

    def record(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.recorder.say("Type the decision first.")
            return
        if self.recorder.command("decision", text=text, **self.recorder.item_payload()):
            self.edit.clear()
            self.recorder.say("Decision recorded.")
