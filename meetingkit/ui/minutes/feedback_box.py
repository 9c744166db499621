"""The feedback break's form: who spoke and what they said about the meeting so far, and each piece of
feedback recorded, with what became of it (an action, or a button to make it one)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.meeting import ROLE_LABELS, Attendee, Feedback
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.minutes.form_layout import narrow_combo, right_aligned
from meetingkit.ui.minutes.recorder import Recorder


class FeedbackBox(QGroupBox):
    make_action = Signal(int)  # the index of the feedback the secretary wants to make an action of

    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__("Feedback from representatives", parent)
        self.recorder = recorder
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.who = QComboBox()
        self.who.setAccessibleName("Feedback from")
        narrow_combo(self.who)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Feedback text")
        self.text.setPlaceholderText("What they said about the meeting so far")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.button = QPushButton("Record feedback")
        self.button.setAccessibleName("Record feedback")
        self.button.clicked.connect(self.record)
        form.addRow("Who:", self.who)
        form.addRow("Said:", self.text)
        layout.addLayout(form)
        layout.addLayout(right_aligned(self.button))
        self.feedback_list = QVBoxLayout()
        layout.addLayout(self.feedback_list)
        self._rows: list[QWidget] = []

    def inputs(self) -> list[QWidget]:
        return [self.who, self.text, self.button]

    def fill_people(self) -> None:
        """Who can give feedback: those present, representatives first (the break is for them)."""
        live = self.recorder.live
        here = [p for p in live.meeting.people if live.present.get(p.key)]
        here.sort(key=lambda p: not p.is_public_voice)
        keys = [p.key for p in here]
        if [self.who.itemData(i) for i in range(self.who.count())] != keys:
            current = self.who.currentData()
            self.who.clear()
            for p in here:
                self.who.addItem(self._person_label(p), p.key)
            self.who.setCurrentIndex(max(0, self.who.findData(current)))

    @staticmethod
    def _person_label(p: Attendee) -> str:
        role = "patient / public representative" if p.is_public_voice else ROLE_LABELS.get(p.role, p.role)
        return f"{p.name} ({role})"

    def record(self) -> None:
        who = self.who.currentData()
        text = self.text.toPlainText().strip()
        if not who or not text:
            self.recorder.say("Choose who gave the feedback and type what they said.")
            return
        if self.recorder.command("feedback", who=who, text=text):
            self.text.clear()
            self.recorder.say(f"Feedback from {self.recorder.name(who)} recorded.")

    def show_feedback(self) -> None:
        for w in self._rows:
            w.setParent(None)
            w.deleteLater()
        self._rows = [self._row(fb) for fb in self.recorder.live.feedback]
        for w in self._rows:
            self.feedback_list.addWidget(w)

    def _row(self, fb: Feedback) -> QWidget:
        name = self.recorder.name(fb.who)
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(row)  # the words take the whole width; what became of them goes underneath
        said = ValueLabel(f"{name}: {fb.text}")
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setWordWrap(True)
        said.setAccessibleName(f"Feedback {fb.idx + 1}")
        layout.addWidget(said)
        if fb.action:
            done = ValueLabel(f"✓ Action {fb.action}")
            done.setTextFormat(Qt.TextFormat.PlainText)
            done.setAccessibleName(f"Feedback {fb.idx + 1} action")
            done.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.addWidget(done)
        else:
            button = QPushButton("Make this an action")
            button.setAccessibleName(f"Make feedback {fb.idx + 1} from {name} an action")
            button.clicked.connect(lambda _=False, i=fb.idx: self.make_action.emit(i))
            button.setEnabled(self.recorder.live.status != "ended")
            layout.addLayout(right_aligned(button))
        return row
