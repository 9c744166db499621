"""The review's 'At a glance' box: six headline figures (patient and public voice, with the break, not heard,
items without that voice, balance, coverage), each with its plain-English line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from meetingkit.models.pulse import with_airtime
from meetingkit.models.review_text import (
    balance_line,
    coverage_line,
    items_without_voice_line,
    not_heard_line,
    patient_voice_line,
    patient_voice_with_break_line,
    percent,
)
from meetingkit.models.summary import MeetingSummary


class Figure(QWidget):
    """A headline figure and its plain-English line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QLabel()
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setMinimumWidth(90)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        font = self.value.font()
        font.setPixelSize(20)
        font.setBold(True)
        self.value.setFont(font)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.name = name
        self.setAccessibleName(name)
        # The figure's label is named with the figure ("Not heard: 2"); the line under it keeps no fixed
        # name, so that a screen reader reads its words (a fixed name would hide them).
        self.value.setAccessibleName(name)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.addWidget(self.value)
        lay.addWidget(self.text, 1)

    def show_figure(self, value: str, text: str) -> None:
        self.value.setText(value)
        self.value.setAccessibleName(f"{self.name}: {value}" if value else self.name)
        self.text.setText(text)
        self.setAccessibleDescription(f"{value}: {text}" if value else text)


class AtAGlance(QGroupBox):
    """The headline figures in two columns of three."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("At a glance", parent)
        self.voice = Figure("Patient and public voice")
        self.voice_with_break = Figure("Patient and public voice with the break")
        self.not_heard = Figure("Not heard")
        self.silent_items = Figure("Items without patient voice")
        self.balance = Figure("Balance")
        self.coverage = Figure("Coverage")
        grid = QGridLayout(self)
        for i, fig in enumerate(
            (
                self.voice,
                self.voice_with_break,
                self.not_heard,
                self.silent_items,
                self.balance,
                self.coverage,
            )
        ):
            grid.addWidget(fig, i % 3, i // 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def show_summary(self, s: MeetingSummary) -> None:
        part = s.participation
        brk = s.brk.status
        reps = any(p.patient_rep for p in part.people)
        titles = {it.key: it.title for it in s.meeting.agenda}
        silent = [titles[k] for k in part.items_without_public_voice]
        self.voice.show_figure(
            percent(part.patient_voice_share) if part.main_s > 0 else "—",
            # whether they felt listened to, beside how long they spoke (DESIGN §11)
            with_airtime(patient_voice_line(part.patient_voice_share, part.main_s, reps, brk), s.pulse),
        )
        self.voice_with_break.show_figure(
            percent(part.patient_voice_share_with_break) if part.total_s > 0 else "—",
            patient_voice_with_break_line(part.patient_voice_share_with_break, part.total_s, brk),
        )
        present = len(part.people)
        self.not_heard.show_figure(str(len(part.not_heard)), not_heard_line(part.not_heard, present))
        self.silent_items.show_figure(str(len(silent)), items_without_voice_line(silent))
        self.balance.show_figure(
            f"{part.gini:.2f}" if part.total_s > 0 else "—", balance_line(part.gini, part.total_s)
        )
        n_exp, n_missing = len(part.coverage_expected), len(part.coverage_missing)
        self.coverage.show_figure(
            f"{n_exp - n_missing}/{n_exp}", coverage_line(part.coverage_expected, part.coverage_missing)
        )
