"""The dialog that plans the next meeting of a series: its title and date, four weeks on by default (never in
the past, never on a day the series already meets)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from meetingkit.models.meeting import Meeting
from meetingkit.ui.common.meeting_zone import in_meeting_zone, wall_time_in_meeting_zone
from meetingkit.ui.prep.main_window.meeting_plans import (
    MINUTES_ITEM,
    has_minutes_item,
    next_free_date,
    one_step_on,
)
from meetingkit.ui.prep.meeting_datetime import from_qdatetime, meeting_datetime_edit, qdatetime


class NextMeetingDialog(QDialog):
    """Asks the title and date of the next meeting of a series (default: four weeks on)."""

    def __init__(
        self,
        meeting: Meeting,
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
        taken: Collection[date] = (),
    ) -> None:
        """`now`: the next date is proposed from here (never in the past) and no earlier date can be chosen;
        `taken`: days the series already meets, passed over."""
        super().__init__(parent)
        self._planned = meeting.scheduled_start  # the new date is typed on this meeting's wall clock
        self.setWindowTitle("Next meeting in the series")
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.title = QLineEdit(meeting.title)
        self.title.setAccessibleName("Next meeting title")
        planned = meeting.scheduled_start
        proposed = one_step_on(planned) if now is None else next_free_date(planned, now, taken)
        start = proposed.replace(tzinfo=None)
        self.start = meeting_datetime_edit(start, "Next meeting date and start time")
        if now is not None:
            self.start.setMinimumDateTime(qdatetime(in_meeting_zone(now, planned).replace(tzinfo=None)))
        note = QLabel("People, roles and the agenda are copied; everyone is marked present again.")
        note.setWordWrap(True)
        # Offered, not imposed: the secretary may decline it (a meeting that approves its minutes elsewhere).
        self.minutes_item = QCheckBox(f"Begin with “{MINUTES_ITEM[0]}”")
        self.minutes_item.setAccessibleName("Begin with the minutes of the last meeting")
        self.minutes_item.setToolTip(
            "The standard first item: the last meeting's minutes are approved there, and the actions followed up"
        )
        self._has_minutes_item = has_minutes_item(meeting)  # copied with the agenda: not offered twice
        self.minutes_item.setChecked(not self._has_minutes_item)
        self.minutes_item.setVisible(not self._has_minutes_item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("Create next meeting")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow("&Title", self.title)
        form.addRow("&Date and start time", self.start)
        form.addRow(self.minutes_item)
        form.addRow(note)
        form.addRow(buttons)

    def wants_minutes_item(self) -> bool:
        return not self._has_minutes_item and self.minutes_item.isChecked()

    def choice(self) -> tuple[str, datetime]:
        naive = from_qdatetime(self.start.dateTime())
        return self.title.text().strip(), wall_time_in_meeting_zone(naive, self._planned)
