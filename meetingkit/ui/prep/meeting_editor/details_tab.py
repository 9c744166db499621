"""The editor's Details tab: title, series, date and time, venue, speaker timing, the queue's order and the
feedback break."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from meetingkit.models import bounds
from meetingkit.models.meeting import BreakSettings, Meeting
from meetingkit.ui.common.meeting_zone import wall_time_in_meeting_zone
from meetingkit.ui.prep.meeting_datetime import from_qdatetime, meeting_datetime_edit, to_local_naive


class DetailsPage(QWidget):
    """Title, series, date and time, venue, speaker timing and the feedback break."""

    changed = Signal()

    def __init__(self, meeting: Meeting, series_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original_start = meeting.scheduled_start
        self._original_fraction = meeting.brk.fraction
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.title = QLineEdit(meeting.title)
        self.title.setAccessibleName("Meeting title")
        self.title.setMaxLength(bounds.NAME_CHARS)
        self.series = QComboBox()
        self.series.setEditable(True)
        self.series.addItems(series_names)
        self.series.setCurrentText(meeting.series)
        self.series.setAccessibleName("Series")
        self.series.lineEdit().setMaxLength(bounds.NAME_CHARS)
        self.series.setMinimumContentsLength(24)
        self.series.setToolTip("Meetings of a series share their actions: each reviews the open ones.")
        self.start = meeting_datetime_edit(to_local_naive(meeting.scheduled_start), "Date and start time")
        self.venue = QLineEdit(meeting.venue)
        self.venue.setAccessibleName("Venue")
        self.venue.setMaxLength(bounds.NAME_CHARS)
        first, last = bounds.YEARS
        self.start.setDateRange(QDate(first, 1, 2), QDate(last, 12, 30))  # a day's margin for any time zone

        self.speaker_limit = QSpinBox()
        self.speaker_limit.setRange(*bounds.SPEAKER_LIMIT_S)
        self.speaker_limit.setSingleStep(15)
        self.speaker_limit.setSuffix(" s")
        self.speaker_limit.setSpecialValueText("No limit")
        self.speaker_limit.setValue(meeting.speaker_limit_s)
        self.speaker_limit.setAccessibleName("Speaker limit")
        self.speaker_limit.setToolTip(
            "How long each turn may last, in seconds (180 s = 3 minutes); 0 = no limit."
        )
        self.warn = QSpinBox()
        self.warn.setRange(*bounds.WARN_S)
        self.warn.setSingleStep(5)
        self.warn.setSuffix(" s")
        self.warn.setValue(meeting.warn_s)
        self.warn.setAccessibleName("Warning time")
        self.warn.setToolTip("The speaker is asked to wrap up when this much of their time is left.")

        self.break_enabled = QCheckBox("Hold a feedback break for patient and public representatives")
        self.break_enabled.setChecked(meeting.brk.enabled)
        self.break_enabled.setAccessibleName("Feedback break")
        self.break_fraction = QSpinBox()
        self.break_fraction.setRange(5, 95)
        self.break_fraction.setSingleStep(5)
        self.break_fraction.setPrefix("after about ")
        self.break_fraction.setSuffix(" % of the agenda")
        self.break_fraction.setValue(round(meeting.brk.fraction * 100))
        self.break_fraction.setAccessibleName("Feedback break position")
        self.break_minutes = QSpinBox()
        self.break_minutes.setRange(*bounds.BREAK_MINUTES)
        self.break_minutes.setSuffix(" min")
        self.break_minutes.setValue(max(1, min(bounds.BREAK_MINUTES[1], round(meeting.brk.minutes))))
        self.break_minutes.setAccessibleName("Feedback break length")

        self.unheard_first = QCheckBox("Next speaker: people not yet heard on the item go first")
        self.unheard_first.setChecked(meeting.unheard_first)
        self.unheard_first.setAccessibleName("Unheard first")
        self.unheard_first.setToolTip(
            "Next speaker gives the floor to the earliest-queued person who has not yet spoken in the current"
            " item; with this off, to the head of the queue."
        )

        form.addRow("&Title", self.title)
        form.addRow("&Series", self.series)
        # Mnemonics unique in the dialog: D, P and A are the tabs' (Alt+P goes to People).
        form.addRow("Date and start ti&me", self.start)
        form.addRow("&Venue", self.venue)
        form.addRow("Speaker &limit", self.speaker_limit)
        form.addRow("&Warning time", self.warn)
        form.addRow("", self.unheard_first)
        form.addRow("", self.break_enabled)
        form.addRow("Break pos&ition", self.break_fraction)
        form.addRow("Break l&ength", self.break_minutes)
        hint = QLabel(
            "The break is planned after the agenda item that ends nearest this share of the planned time; "
            "the Agenda tab shows where it falls."
        )
        hint.setWordWrap(True)  # unwrapped, it made the dialog wider than the screen at large text sizes
        form.addRow("", hint)

        for signal in (self.title.textEdited, self.series.currentTextChanged, self.venue.textEdited):
            signal.connect(self.changed)
        for spin in (self.speaker_limit, self.warn, self.break_fraction, self.break_minutes):
            spin.valueChanged.connect(self.changed)
        self.start.dateTimeChanged.connect(self.changed)
        self.break_enabled.toggled.connect(self._break_toggled)
        self.unheard_first.toggled.connect(self.changed)
        self._break_toggled(meeting.brk.enabled)

    def _break_toggled(self, on: bool) -> None:
        self.break_fraction.setEnabled(on and not self.title.isReadOnly())
        self.break_minutes.setEnabled(on and not self.title.isReadOnly())
        self.changed.emit()

    def scheduled_start(self) -> datetime:
        naive = from_qdatetime(self.start.dateTime())
        if naive == to_local_naive(self._original_start):
            return self._original_start  # untouched: keep the zone it was planned in
        return wall_time_in_meeting_zone(naive, self._original_start)

    def break_settings(self) -> BreakSettings:
        fraction = self.break_fraction.value() / 100
        if self.break_fraction.value() == round(self._original_fraction * 100):
            fraction = self._original_fraction  # untouched: keep e.g. 1/3 exactly
        return BreakSettings(self.break_enabled.isChecked(), fraction, float(self.break_minutes.value()))

    def set_read_only(self) -> None:
        for w in (self.title, self.venue):
            w.setReadOnly(True)
        for s in (self.speaker_limit, self.warn, self.break_fraction, self.break_minutes, self.start):
            s.setReadOnly(True)
        self.series.setEnabled(False)
        self.break_enabled.setEnabled(False)
        self.unheard_first.setEnabled(False)
