"""A meeting opened on another day than planned: the console offers to move it to today before it starts
(the engine refuses a start more than 12 hours from the plan, which would time it against an old date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtWidgets import QWidget

from meetingkit.models.session import START_WINDOW_S, LiveMeeting, from_epoch
from meetingkit.ui.common.meeting_zone import in_meeting_zone, wall_time_in_meeting_zone
from meetingkit.ui.console.control_buttons import console_button
from meetingkit.ui.console.notice_bars import NoticeBar


def needs_moving(live: LiveMeeting, now: float) -> bool:
    return live.status == "ready" and abs(now - live.scheduled_start) > START_WINDOW_S


def today_start(planned: datetime, now: datetime) -> datetime:
    """Today at the planned time on the meeting's clock if that is still ahead (within 12 hours); else now,
    to the minute: the chair is starting the meeting now, and a start long past would read as hours over."""
    local_now = in_meeting_zone(now, planned)
    wall = in_meeting_zone(planned, planned).replace(tzinfo=None)
    candidate = wall_time_in_meeting_zone(datetime.combine(local_now.date(), wall.time()), planned)
    if now <= candidate <= now + timedelta(seconds=START_WINDOW_S):
        return candidate
    return local_now.replace(second=0, microsecond=0)


def day_words(when: datetime) -> str:
    return f"{when.strftime('%A')} {when.day} {when.strftime('%B %Y')} at {when.strftime('%H:%M')}"


class MoveToTodayBar(NoticeBar):
    """'This meeting is planned for …' with the button that moves it to today."""

    def __init__(self, move: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__("prompt", "Meeting planned for another day", lines=2, parent=parent)
        self.move_button = console_button("Move the meeting to today", move, "Move to today")
        self.layout().addWidget(self.move_button)
        self.proposed: datetime | None = None
        self.hide()

    def refresh(self, live: LiveMeeting, now: float) -> None:
        if not needs_moving(live, now):
            self.proposed = None
            self.setVisible(False)
            return
        planned = live.meeting.scheduled_start
        self.proposed = today_start(planned, from_epoch(now))
        text = (
            f"This meeting is planned for {day_words(in_meeting_zone(planned, planned))}. "
            f"Move it to today, {self.proposed.strftime('%H:%M')}, before starting it?"
        )
        if self.text.text() != text:
            self.text.setText(text)
        self.setVisible(True)
