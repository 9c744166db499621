"""The details pane of the main window: the selected meeting in a few lines (when, who, the agenda, and after
the meeting how the patient and public voice fared)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from meetingkit.models.meeting import DomainError, Meeting
from meetingkit.models.review_text import percent, round_minutes
from meetingkit.store.database import StoreError
from meetingkit.store.repository import MeetingRow, Store
from meetingkit.ui.common.meeting_zone import in_meeting_zone
from meetingkit.ui.common.plain_text import escape, isolated
from meetingkit.ui.common.qt_properties import set_properties
from meetingkit.ui.prep.agenda_timeline import hhmm, plan_timeline
from meetingkit.ui.prep.meeting_list_model import STATUS_MARKS, status_text, when_text

if TYPE_CHECKING:
    from meetingkit.models.outcome import Timing
    from meetingkit.models.participation import Participation


class MeetingDetails(QWidget):
    """The selected meeting described in a few lines of rich text (every user string escaped).

    One label per line, none with a fixed accessible name, so that a screen reader reads each line's own words
    (a label named "Meeting details" would hide them); the pane as a whole is named "Meeting details".
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setAccessibleName("Meeting details")
        self._lines: list[QLabel] = []
        self._html = ""
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addStretch(1)

    def text(self) -> str:
        """The whole pane as the rich text it shows (escaped user strings), one paragraph per line."""
        return self._html

    def lines(self) -> list[QLabel]:
        """The labels shown, top to bottom."""
        return [line for line in self._lines if not line.isHidden()]

    def show_meeting(self, row: MeetingRow | None, any_meetings: bool) -> None:
        parts = self._details_html(row, any_meetings)
        self._html = "".join(parts)
        while len(self._lines) < len(parts):
            line = QLabel()
            line.setWordWrap(True)
            # Set by their names, as a .ui file sets them: the Qt namespace is not needed to show the window.
            set_properties(
                line,
                textFormat="RichText",
                alignment="AlignTop|AlignLeft",
                textInteractionFlags="TextSelectableByMouse",
                focusPolicy="NoFocus",
            )
            self._column.insertWidget(len(self._lines), line)
            self._lines.append(line)
        for i, line in enumerate(self._lines):
            line.setText(parts[i] if i < len(parts) else "")
            line.setHidden(i >= len(parts))

    def _details_html(self, row: MeetingRow | None, any_meetings: bool) -> list[str]:
        if row is None:
            if not any_meetings:
                return [
                    "<h2>No meetings yet</h2>",
                    "<p>Choose <b>New meeting</b> to prepare one: its details, who is coming, and the "
                    "agenda.</p>",
                ]
            return ["<p>Choose a meeting in the list to see it here.</p>"]
        try:
            meeting = self.store.load_meeting(row.id)
        except StoreError as exc:
            return [f"<p>{escape(str(exc))}</p>"]
        e = escape
        local = in_meeting_zone(meeting.scheduled_start, meeting.scheduled_start)
        parts = [f"<h2>{e(meeting.title)}</h2>"]
        # The user's words isolated, the line left to right: an Arabic series name kept the date and venue
        # after it in its own right-to-left order.
        where = " · ".join(
            isolated(e(x)) for x in (meeting.series or "No series", when_text(local), meeting.venue) if x
        )
        parts.append(f'<p dir="ltr">{where}</p>')
        mark = STATUS_MARKS.get(row.status, "")
        parts.append(f"<p><b>Status:</b> {mark} {e(status_text(row, full=True))}</p>")
        parts += self._warnings(row.id)
        figures, problem = self._outcome(row.id) if row.status == "ended" else (None, "")
        # After the meeting the list says who came; before it, who is expected.
        came = {f.name for f in figures[0].people} if figures is not None else None
        parts.append(f"<p>{e(_people_line(meeting, came))}</p>")
        parts.append(f'<p dir="ltr">{e(_agenda_line(meeting))}</p>')
        if row.status == "ended":
            parts.append(f"<p>{e(_outcome_line(*figures) if figures is not None else problem)}</p>")
        return parts

    def _warnings(self, meeting_id: int) -> list[str]:
        """Said plainly before anything else: a record changed outside MeetingKit; who is running it now."""
        out = []
        altered = self.store.altered(meeting_id)
        if altered:
            out.append(f"<p><b>⚠ {escape(altered)}.</b></p>")
        holder = self.store.live_writer(meeting_id)
        if holder is not None:
            out.append(f"<p>▶ {escape(holder.words().capitalize())}.</p>")
        return out

    def _outcome(self, meeting_id: int) -> tuple[tuple[Participation, Timing] | None, str]:
        try:
            return self.store.outcome(meeting_id), ""
        except (StoreError, DomainError, KeyError, TypeError) as exc:
            return None, f"Figures unavailable: {exc}"


def scrolling(details: MeetingDetails) -> QScrollArea:
    """The pane in a scroll area: with large text (200 %) on a laptop's screen its wrapped lines need more height
    than the window has, and each was cut to the rows that fitted; now the pane scrolls and every line is whole."""
    area = QScrollArea()
    area.setWidget(details)
    set_properties(
        area,
        widgetResizable=True,
        frameShape="NoFrame",
        horizontalScrollBarPolicy="ScrollBarAlwaysOff",  # the lines wrap to the pane's width
        focusPolicy="NoFocus",  # Tab goes from the list to the buttons, as before (a frameless stop would not show)
    )
    return area


def _outcome_line(participation: Participation, timing: Timing) -> str:
    """The patient and public voice's share of the main discussion, and how the meeting finished: the
    figures `stats` gives (the same share and offset)."""
    try:
        voice = (
            f"Patient and public voice: {percent(participation.patient_voice_share)} of the main discussion."
        )
        minutes = None if timing.over_s is None else round_minutes(abs(timing.over_s))
    except (TypeError, ValueError, ArithmeticError) as exc:  # a stored summary changed outside MeetingKit
        return f"Figures unavailable: {exc}"
    if minutes is None:
        return voice
    finished = (
        "Finished on time."
        if minutes == 0
        else f"Finished {minutes} min {'over' if timing.over_s > 0 else 'early'}."
    )
    return f"{voice} {finished}"


def _people_line(meeting: Meeting, came: set[str] | None = None) -> str:
    """'9 people: 8 expected, 1 sent apologies; …'; `came` (the names of those present, once the meeting
    has ended) turns 'expected' into 'present', arrivals and departures included."""
    if not meeting.people:
        return "Nobody on the list yet."
    if came is None:
        here = [p for p in meeting.people if p.attendance == "present"]
    else:
        here = [p for p in meeting.people if p.name in came]
    away = [p for p in meeting.people if p not in here]
    apologies = sum(1 for p in away if p.attendance == "apologies")
    parts = [f"{len(here)} {'expected' if came is None else 'present'}"]
    if apologies:
        parts.append(f"{apologies} sent apologies")
    if len(away) - apologies:
        parts.append(f"{len(away) - apologies} absent")
    voices = sum(1 for p in meeting.people if p.is_public_voice)
    reps = f"{voices} patient / public representative{'s' if voices != 1 else ''}"
    n = len(meeting.people)
    return f"{n} {'person' if n == 1 else 'people'}: {', '.join(parts)}; {reps}."


def _agenda_line(meeting: Meeting) -> str:
    if not meeting.agenda:
        return "No agenda yet."
    start = in_meeting_zone(meeting.scheduled_start, meeting.scheduled_start)
    timeline = plan_timeline(meeting.agenda, start, meeting.brk)
    minutes = int(round(sum(it.minutes for it in meeting.agenda)))
    n = len(meeting.agenda)
    text = f"Agenda: {n} item{'s' if n != 1 else ''}, {minutes // 60} h {minutes % 60:02d} min planned"
    if timeline.break_after is not None and timeline.break_window is not None:
        title = meeting.agenda[timeline.break_after].title
        text += f"; feedback break after “{isolated(title)}” at {hhmm(timeline.break_window[0])}"
    else:
        text += "; no feedback break"
    return f"{text}; scheduled end {hhmm(timeline.end)}."
