"""The patient and public feedback break on the console: when it comes, the prompt when it is due, its countdown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import BANNERS, STATES, pixel_font, state_icon
from meetingkit.ui.console.fit_labels import FitLabel

# The engine's own words for "the break starts at the end of this item" (LiveMeeting.break_outlook).
DUE_OUTLOOK = "Feedback break after this item"


def break_mode(live: LiveMeeting, outlook: str) -> str:
    """quiet (just the outlook line) | due (ask the chair) | running | done."""
    if live.status != "running":
        return "quiet"
    if live.brk.status == "running":
        return "running"
    if live.brk.status != "pending":
        return "done"
    return "due" if outlook == DUE_OUTLOOK else "quiet"


def _after_the_meeting(live: LiveMeeting) -> str:
    summary = live.break_summary()
    if summary.status == "skipped":
        return f"Feedback break skipped: {summary.skip_reason}"
    return {
        "taken": "Feedback break held",
        "disabled": "No feedback break in this meeting",
    }.get(summary.status, "Feedback break not held")


class BreakPanel(QFrame):
    """Outlook line always; when the break is due, start / postpone / skip (with a reason); during it, its countdown."""

    def __init__(
        self,
        bridge: LiveBridge,
        parent: QWidget | None = None,
        start: Callable[[], object] | None = None,
        end: Callable[[], object] | None = None,
    ) -> None:
        """`start` and `end`: the console's own way to start and end the break (asking first when early)."""
        super().__init__(parent)
        self.setObjectName("breakPanel")
        self.bridge = bridge
        self._start = start
        self._end = end
        self.icon = QLabel()
        self.icon.setFixedSize(30, 30)
        self.outlook = FitLabel(22, bold=True, min_px=15)
        self.outlook.setAccessibleName("Feedback break outlook")
        self.countdown = ValueLabel()
        self.countdown.setFont(pixel_font(40, bold=True))
        self.countdown.setAccessibleName("Feedback break time")
        self.start_button = self._button("Start feedback break", "Start break now (B)", self.start)
        self.postpone_button = self._button("Postpone feedback break", "Postpone to next item", self.postpone)
        self.reason = QLineEdit()
        self.reason.setFont(pixel_font(18))
        self.reason.setPlaceholderText("Reason for skipping (the minutes show it)")
        self.reason.setAccessibleName("Reason for skipping the feedback break")
        self.reason.returnPressed.connect(self.skip)
        self.skip_button = self._button("Skip feedback break", "Skip…", self.skip)
        self.end_button = self._button("End feedback break", "End break (Shift+B)", self.end)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.outlook, 1)
        top.addWidget(self.countdown)
        top.addWidget(self.end_button)  # beside the countdown: the running break takes one row
        self.choices = QWidget()
        row = QHBoxLayout(self.choices)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_button)
        row.addWidget(self.postpone_button)
        row.addWidget(self.reason, 1)
        row.addWidget(self.skip_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 4, 10, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.choices)
        self.mode = ""
        self._apply_mode("quiet")

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        b = QPushButton(text)
        b.setAccessibleName(name)
        b.setFont(pixel_font(18, bold=True))
        b.setMinimumHeight(36)
        b.setAutoDefault(True)
        b.clicked.connect(slot)
        return b

    def refresh(self, live: LiveMeeting, now: float) -> None:
        outlook = live.break_outlook(now) if live.status != "ended" else _after_the_meeting(live)
        mode = break_mode(live, outlook)
        self._apply_mode(mode)
        if mode == "due":
            text = "Feedback break due after this item: start it, postpone it, or skip it"
        elif mode == "running":
            text = "Feedback break under way"
        else:
            text = outlook
        if self.outlook.text() != text:
            self.outlook.setText(text)
        if mode == "running":
            timer = live.break_timer(now)
            left = timer.text if timer and "over" in timer.text else f"{timer.text if timer else ''} left"
            if self.countdown.text() != left:
                self.countdown.setText(left)

    def _apply_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self.choices.setVisible(mode == "due")
        self.end_button.setVisible(mode == "running")
        self.countdown.setVisible(mode == "running")
        if mode == "running":
            style = STATES["break"]
            bg, fg, icon = style.background, style.foreground, "break"
        elif mode == "due":
            bg, fg = BANNERS["prompt"]
            icon = "warning"
        else:
            bg, fg, icon = "transparent", "", "break"
        colour = fg or self.palette().windowText().color().name()
        self.icon.setPixmap(state_icon(icon, 30, colour))
        border = "border: 3px solid #8A5A00;" if mode == "due" else ""
        self.setStyleSheet(
            f"#breakPanel {{ background: {bg}; border-radius: 8px; {border} }}"
            + (f"#breakPanel QLabel {{ color: {fg}; }}" if fg else "")
        )

    # ---- commands ---------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._start is not None:
            self._start()
        else:
            self.bridge.command("start_break")

    def postpone(self) -> None:
        self.bridge.command("postpone_break")

    def skip(self) -> None:
        if self.bridge.command("skip_break", reason=self.reason.text()) is None:
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)  # most likely the reason is missing
        else:
            self.reason.clear()

    def end(self) -> None:
        if self._end is not None:
            self._end()
        else:
            self.bridge.command("end_break")
