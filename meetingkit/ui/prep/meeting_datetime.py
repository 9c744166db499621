"""A meeting's date and start time in an editor: shown and typed on the meeting's own wall clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit

from meetingkit.ui.common.meeting_zone import in_meeting_zone

DATE_FORMAT = "ddd d MMM yyyy, HH:mm"


def to_local_naive(when: datetime) -> datetime:
    """The wall-clock time in the meeting's own zone (the one it was planned in), without a zone, for the
    date editor: a meeting planned for 14:00 +01:00 reads 14:00 on any computer, as in the minutes."""
    return in_meeting_zone(when, when).replace(tzinfo=None)


def qdatetime(when: datetime) -> QDateTime:
    return QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def meeting_datetime_edit(wall_time: datetime, name: str) -> QDateTimeEdit:
    """A date-and-time field with a calendar, showing `wall_time` (naive, on the meeting's clock)."""
    edit = QDateTimeEdit(qdatetime(wall_time))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setAccessibleName(name)
    return edit
