"""When the forecast runs over: the engine's proposal of new planned times, for the chair to accept or dismiss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meetingkit.models.schedule import Proposal
from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import BANNERS, pixel_font, state_icon
from meetingkit.ui.console.fit_labels import WrapLabel


def _minutes(m: float) -> str:
    return f"{m:g} min"


def describe_proposal(live: LiveMeeting, proposal: Proposal) -> str:
    """The proposal in words: each item's old and new time, what is deferred, and that protected items stay."""
    lines = []
    for key, new in proposal.minutes.items():
        old = live.planned[key] / 60.0
        lines.append(f"{live.meeting.item(key).title}: {_minutes(old)} → {_minutes(new)}")
    for key in proposal.deferred:
        lines.append(f"{live.meeting.item(key).title}: defer")
    lines.append("protected items and the feedback break keep their time")
    return "; ".join(lines) + "."


class RebalancePanel(QFrame):
    """Shown while the engine has a proposal; 'Dismiss' hides it until the next item starts."""

    def __init__(self, bridge: LiveBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rebalancePanel")
        self.bridge = bridge
        bg, fg = BANNERS["prompt"]
        self.setStyleSheet(
            f"#rebalancePanel {{ background: {bg}; border: 3px solid #8A5A00; border-radius: 8px; }}"
            f"#rebalancePanel QLabel {{ color: {fg}; }}"
        )
        icon = QLabel()
        icon.setPixmap(state_icon("warning", 30, fg))
        icon.setFixedSize(30, 30)
        # Both wrap and grow to their words: an offer to change the plan is never cut off (issue 12).
        self.title = WrapLabel(19, lines=1, bold=True, grow=True)
        self.title.setAccessibleName("Rebalance offer")
        self.text = WrapLabel(17, lines=2, grow=True)
        self.text.setAccessibleName("Proposed timings")
        self.accept_button = QPushButton("Accept new timings")
        self.accept_button.setAccessibleName("Accept new timings")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss new timings")
        for b in (self.accept_button, self.dismiss_button):
            b.setFont(pixel_font(18, bold=True))
            b.setMinimumHeight(40)
            b.setAutoDefault(True)
        self.accept_button.clicked.connect(self.accept)
        self.dismiss_button.clicked.connect(self.dismiss)
        # It sits beside the forecast, above the side panels: words across the width, the answers under them.
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        answers = QHBoxLayout()
        answers.addStretch(1)
        answers.addWidget(self.dismiss_button)
        answers.addWidget(self.accept_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.text)
        lay.addLayout(answers)
        self.proposal: Proposal | None = None
        self._dismissed_in: tuple[str | None, str] | None = None
        self.hide()

    def refresh(self, live: LiveMeeting, now: float) -> None:
        proposal = live.rebalance_proposal(now)
        where = (live.current, live.brk.status)
        if proposal is None or self._dismissed_in == where:
            self.proposal = None
            self.setVisible(False)
            return
        self.proposal = proposal
        title = f"Running {live.forecast(now).status}: {proposal.summary.lower()} to finish on time? (R)"
        text = describe_proposal(live, proposal)
        if self.title.text() != title:
            self.title.setText(title)
        if self.text.text() != text:
            self.text.setText(text)
        self.setVisible(True)

    def accept(self) -> None:
        if self.proposal is None:
            self.bridge.refused.emit("There is no proposal to accept: the meeting is on time")
            return
        p = self.proposal
        self.bridge.command("rebalance", minutes=dict(p.minutes), deferred=list(p.deferred))

    def dismiss(self) -> None:
        live = self.bridge.live
        self._dismissed_in = (live.current, live.brk.status)
        self.proposal = None
        self.setVisible(False)
