"""Were you heard? (DESIGN §11) in the review's first tab: both questions for both groups, in the words of
`models.pulse` (the threshold of 3 applied), beside the table of who spoke for how long."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from meetingkit.models.pulse import GROUPS, NO_PULSE, QUESTIONS, PulseFigure, find, question_text

ABOUT = (
    "Answers are anonymous: only the counts of each group are kept, and a group's counts are shown only "
    "when at least 3 of it answered."
)


def _label(text: str = "", bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class PulsePanel(QGroupBox):
    """Each question in bold, then one line per group ("Patient and public representatives: 3 of 4 felt
    listened to"); "No pulse was taken at this meeting" when none was."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Were you heard?", parent)
        self.setAccessibleName("Were you heard?")
        self.none = _label(f"{NO_PULSE}.")
        self.questions: dict[str, QLabel] = {}
        self.lines: dict[tuple[str, str], QLabel] = {}
        self.figures: list[PulseFigure] = []
        lay = QVBoxLayout(self)
        lay.addWidget(self.none)
        for q in QUESTIONS:
            self.questions[q] = _label(question_text(q), bold=True)
            lay.addWidget(self.questions[q])
            for g in GROUPS:
                self.lines[(q, g)] = _label()
                self.lines[(q, g)].setIndent(12)
                lay.addWidget(self.lines[(q, g)])
        self.about = _label(ABOUT)
        font = self.about.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.about.setFont(font)
        lay.addSpacing(6)
        lay.addWidget(self.about)
        lay.addStretch(1)
        self.show_pulse([])

    def show_pulse(self, figures: list[PulseFigure]) -> None:
        taken = bool(figures)
        self.figures = list(figures)
        self.none.setVisible(not taken)
        for q in QUESTIONS:
            self.questions[q].setVisible(taken)
            for g in GROUPS:
                label = self.lines[(q, g)]
                f = find(figures, q, g)
                label.setVisible(f is not None)
                label.setText(f.line() if f is not None else "")
                # read with its question, since a line alone ("Everyone else: 5 of 7 ...") loses it
                label.setAccessibleName(f"{question_text(q)} {f.line()}" if f is not None else "")
        self.setAccessibleDescription(self.text_lines())

    def text_lines(self) -> str:
        """What the panel says, as one text (its accessible description, and what tests read)."""
        if not self.figures:
            return self.none.text()
        return " ".join(
            self.lines[(q, g)].accessibleName()
            for q in QUESTIONS
            for g in GROUPS
            if self.lines[(q, g)].text()
        )
