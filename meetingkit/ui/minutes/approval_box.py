"""Approving the previous meeting's minutes, offered while an item reviews actions (the standard first item
"Minutes of the last meeting and matters arising"): one `minutes_approved {amendments?}` (DESIGN §5)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPushButton, QWidget

from meetingkit.reports.report_text import short_date
from meetingkit.store.repository import Store
from meetingkit.store.writer_locks import LockRefused
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.minutes.form_layout import right_aligned
from meetingkit.ui.minutes.recorder import Recorder


def _day(iso: object) -> str:
    try:
        return short_date(datetime.fromisoformat(str(iso)))
    except ValueError:
        return ""


class ApprovalBox(QGroupBox):
    """The previous minutes, where they stand, and the button that approves them (with any amendments).

    While it approves, the previous meeting's writer lock is held, so that a Minutes window correcting those
    minutes in another window or program cannot add a correction to minutes just approved (it refuses)."""

    def __init__(self, recorder: Recorder, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Minutes of the last meeting", parent)
        self.message = ValueLabel()  # here, beside the button: the panel's own line may be scrolled away
        self.recorder = Recorder(recorder.bridge, self.message)
        self.store = store
        form = QFormLayout(self)
        self.state = ValueLabel()
        self.state.setAccessibleName("Previous minutes")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.amendments = QLineEdit()
        self.amendments.setAccessibleName("Amendments to the previous minutes")
        self.amendments.setPlaceholderText("None, or what the meeting changed")
        self.button = QPushButton("Approve the previous minutes")
        self.button.clicked.connect(self.approve)
        form.addRow(self.state)
        form.addRow("Amendments:", self.amendments)
        form.addRow(right_aligned(self.button))
        self.message.setAccessibleName("Approval message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        form.addRow(self.message)

    def inputs(self) -> list[QWidget]:
        return [self.amendments, self.button]

    @property
    def _mid(self) -> int:
        return int(self.recorder.bridge.session.meeting_id)

    def show_state(self) -> None:
        live = self.recorder.live
        given = live.gave_approval
        previous = live.previous_minutes
        if given is not None:
            day = _day(given.get("approves"))
            text = f"The minutes of “{given.get('title', '')}” ({day}) were approved at this meeting"
            amendments = given.get("amendments")
            self.state.setText(f"{text}, with these amendments: {amendments}" if amendments else f"{text}.")
        elif previous is None:
            self.state.setText("There is no earlier meeting of this series whose minutes could be approved.")
        elif previous.approved:
            self.state.setText(f"The minutes of “{previous.title}” are already approved.")
        else:
            day = _day(previous.scheduled_start)
            self.state.setText(f"The minutes of “{previous.title}” ({day}) are waiting for approval.")
        words = f"Approve the minutes of {_day(previous.scheduled_start)}" if previous else ""
        self.button.setText(words or "Approve the previous minutes")
        self.button.setAccessibleName(self.button.text())
        done = given is not None
        self.amendments.setEnabled(not done)
        self.button.setEnabled(not done)

    def approve(self) -> None:
        payload: dict[str, Any] = {}
        amendments = self.amendments.text().strip()
        if amendments:
            payload["amendments"] = amendments
        previous = self.store.previous_meeting_id(self._mid)
        if previous is None:  # the engine refuses in words: nothing to approve
            self.recorder.command("minutes_approved", **payload)
            return
        try:
            with self.store.writer_lock_held(previous):
                # Approved since this meeting opened (`meetingkit approve`, another window)? Asked again now.
                self.recorder.live.previous_minutes = self.store.previous_minutes(self._mid)
                event = self.recorder.command("minutes_approved", **payload)
        except LockRefused as exc:
            title = self.recorder.live.previous_minutes
            what = f"The meeting “{title.title}”" if title else "The previous meeting"
            self.recorder.say(f"Not approved: {exc.busy_words(what)}.")
            return
        if event is not None:
            self.amendments.clear()
            self.recorder.say(f"The minutes of “{event.payload.get('title', '')}” are approved.")
        self.show_state()
