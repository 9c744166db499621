"""Were you heard? without devices (DESIGN §11): the secretary enters the room's show of hands — how many of
each group said yes, partly or no to each question — and it is recorded as the pulse, one `pulse` event per
question and group, as closing the chair's pulse does. Entered again, it replaces the earlier count."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.pulse import (
    ANSWERS,
    COUNT_RANGE,
    GROUPS,
    QUESTIONS,
    PulseCount,
    question_text,
)
from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.minutes.form_layout import right_aligned
from meetingkit.ui.minutes.recorder import Recorder

GROUP_SHORT = {"patient_public": "Representatives", "others": "Everyone else"}
ANSWER_WORDS = {"yes": "Yes", "partly": "Partly", "no": "No"}


def show_of_hands_wanted(live: LiveMeeting) -> bool:
    """When a pulse is taken: at the end of the meeting (minutes still draft), or from the feedback break on."""
    if live.status == "ready" or live.approval is not None:
        return False
    return live.status == "ended" or live.brk.status in ("running", "taken")


class ShowOfHandsBox(QGroupBox):
    """A count for each answer, question and group, and one button that records them all."""

    recorded = Signal()

    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__("Were you heard? Show of hands", parent)
        self.recorder = recorder
        self.counts: dict[tuple[str, str, str], QSpinBox] = {}
        column = QVBoxLayout(self)
        intro = QLabel(
            "Without devices: ask each question, count the hands of the patient and public representatives "
            "and of everyone else, and record the counts. Nobody's name is kept."
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        for question in QUESTIONS:
            column.addWidget(self._question_grid(question))
        self.button = QPushButton("Record show of hands")
        self.button.setAccessibleName("Record show of hands")
        self.button.clicked.connect(lambda _=False: self.record())
        column.addLayout(right_aligned(self.button))
        self.result = ValueLabel()
        self.result.setAccessibleName("Pulse recorded")
        self.result.setWordWrap(True)
        column.addWidget(self.result)

    def _question_grid(self, question: str) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 6, 0, 0)
        title = QLabel(question_text(question))
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        grid.addWidget(title, 0, 0, 1, 4)
        for col, answer in enumerate(ANSWERS, start=1):
            grid.addWidget(QLabel(ANSWER_WORDS[answer]), 1, col)
        for row, group in enumerate(GROUPS, start=2):
            grid.addWidget(QLabel(GROUP_SHORT[group]), row, 0)
            for col, answer in enumerate(ANSWERS, start=1):
                spin = QSpinBox()
                spin.setRange(*COUNT_RANGE)
                spin.setAccessibleName(
                    f"{question_text(question)} {GROUP_SHORT[group]}: {ANSWER_WORDS[answer]}"
                )
                self.counts[(question, group, answer)] = spin
                grid.addWidget(spin, row, col)
        grid.setColumnStretch(0, 1)
        return box

    def inputs(self) -> list[QWidget]:
        return [*self.counts.values(), self.button]

    def entered(self) -> list[PulseCount]:
        return [
            PulseCount(q, g, *(self.counts[(q, g, a)].value() for a in ANSWERS))
            for q in QUESTIONS
            for g in GROUPS
        ]

    def record(self) -> bool:
        counts = self.entered()
        if not any(c.answers for c in counts):
            self.recorder.say("Enter the number of hands for at least one answer first.")
            return False
        if _latest(self.recorder.live) == counts:
            self.recorder.say("This show of hands is already recorded.")  # pressed twice: nothing new
            return False
        for c in counts:
            if self.recorder.command("pulse", **c.payload()) is None:
                return False
        self.show_result()
        self.recorder.say("Show of hands recorded.")
        self.recorded.emit()
        return True

    def show_result(self) -> None:
        figures = self.recorder.live.pulse_figures()
        lines = []
        for question in QUESTIONS:
            lines.append(question_text(question))
            lines.extend(f"    {f.line()}" for f in figures if f.question == question)
        self.result.setText("Recorded:\n" + "\n".join(lines) if figures else "")


def _latest(live: LiveMeeting) -> list[PulseCount]:
    latest = {(c.question, c.group): c for c in live.pulse_counts()}
    return [latest[(q, g)] for q in QUESTIONS for g in GROUPS if (q, g) in latest]


class ShowOfHandsDialog(QDialog):
    """The show of hands in a window of its own, for the Minutes window: after the meeting, with the chair's
    console closed, a show of hands taken at the end can still be recorded while the minutes are draft."""

    def __init__(self, bridge: LiveBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Were you heard? Show of hands")
        self.setModal(False)
        self.message = ValueLabel()
        self.message.setAccessibleName("Show of hands message")
        self.message.setWordWrap(True)
        self.recorder = Recorder(bridge, self.message)
        bridge.refused.connect(self.recorder.remember_refusal)
        self.box = ShowOfHandsBox(self.recorder)
        close = QPushButton("Close")
        close.setAccessibleName("Close show of hands")
        close.clicked.connect(lambda _=False: self.hide())
        column = QVBoxLayout(self)
        column.addWidget(self.box)
        column.addWidget(self.message)
        column.addLayout(right_aligned(close))
        self.box.show_result()
        self.setMinimumWidth(560)  # the question and its three counts per group on one line each
        self.box.recorded.connect(self.fit_height)
        self.fit_height()

    def fit_height(self) -> None:
        """Tall enough for every line, the recorded figures included (wrapped words need the width first)."""
        layout = self.layout()
        layout.activate()
        # The group box does not pass its label's height-for-width on to the dialog's layout, so the
        # layout alone can read the figures as fitting while their last lines are cut: the size hint counts
        # every line of the box.
        wanted = max(layout.totalHeightForWidth(self.width()), self.sizeHint().height())
        self.resize(self.width(), max(self.height(), wanted))
